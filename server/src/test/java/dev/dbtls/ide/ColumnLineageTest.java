package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.columns.RelationColumns;
import dev.dbtls.workspace.ProjectColumns;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Inferred columns of a small shop (a source described in YAML only, a seed, staging models, a mart
 * with a join and aggregates) and the lineage of its columns, edges labelled.
 */
class ColumnLineageTest {
  static final String SHOP =
      """
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          tables:
            - name: orders
              columns:
                - name: id
                - name: customer_id
                - name: amount_cents
                  data_type: integer
      -- file: seeds/customers.csv
      id,first_name,last_name
      1,Ada,Lovelace
      -- file: models/stg_orders.sql
      select id as order_id, customer_id, amount_cents / 100 as amount
      from {{ source('raw', 'orders') }}
      -- file: models/stg_customers.sql
      with src as (select * from {{ ref('customers') }})
      select id as customer_id, first_name || ' ' || last_name as name from src
      -- file: models/customer_orders.sql
      select c.customer_id, c.name, sum(o.amount) as total, count(*) as orders
      from {{ ref('stg_customers') }} c
      join {{ ref('stg_orders') }} o on o.customer_id = c.customer_id
      group by 1, 2
      -- file: models/report.sql
      select * from {{ ref('customer_orders') }} where total > 0
      -- file: models/raw_all.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/schema.yml
      version: 2
      models:
        - name: customer_orders
          columns:
            - name: total
              description: Money spent.
      """;

  private static final NavFixture F = NavFixture.of(SHOP);
  private static final Analysis A = F.analysis();
  private static final ProjectColumns TABLE =
      dev.dbtls.workspace.ProjectColumns.inferNow(A, F.fixture());

  private static RelationColumns known(String id) {
    return TABLE.entry(id).orElseThrow().known();
  }

  private static String edges(ColumnLineage l) {
    return l.edges().stream()
        .map(
            e ->
                short_(e.fromNode())
                    + "."
                    + e.fromColumn()
                    + " -"
                    + e.kind()
                    + "-> "
                    + short_(e.toNode())
                    + "."
                    + e.toColumn())
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  private static String short_(String id) {
    return id.substring(id.lastIndexOf('.') + 1);
  }

  @Test
  void everyModelsColumnsAreInferredThroughSeedsAndParents() {
    assertEquals(List.of("id", "first_name", "last_name"), known("seed.shop.customers").names());
    assertTrue(known("seed.shop.customers").complete());
    assertEquals(List.of("customer_id", "name"), known("model.shop.stg_customers").names());
    assertEquals(
        List.of("order_id", "customer_id", "amount"), known("model.shop.stg_orders").names());
    assertEquals(
        List.of("customer_id", "name", "total", "orders"), known("model.shop.report").names());
    assertTrue(known("model.shop.report").complete());
    assertEquals("bigint", known("model.shop.report").column("orders").orElseThrow().type());
  }

  @Test
  void starOverASourceOnlyYamlDescribesIsOpen() {
    RelationColumns raw = known("model.shop.raw_all");
    assertFalse(raw.complete());
    assertEquals(List.of("id", "customer_id", "amount_cents"), raw.names());
    assertTrue(raw.gaps().get(0).contains("only YAML lists its columns"), raw.gaps().toString());
    assertEquals("integer", raw.column("amount_cents").orElseThrow().type());
  }

  @Test
  void upstreamLineageLabelsEveryEdgeDownToTheSource() {
    ColumnLineage l =
        A.columnLineage(
            null, "model.shop.report", "total", new ColumnLineage.Options(100, 0, true, 500));
    assertEquals(
        """
        customer_orders.total -FILTER_JOIN-> report.total
        customer_orders.total -PASSED_THROUGH-> report.total
        orders.amount_cents -COMPUTED-> stg_orders.amount
        stg_customers.customer_id -FILTER_JOIN-> customer_orders.total
        stg_orders.amount -AGGREGATED-> customer_orders.total
        stg_orders.customer_id -FILTER_JOIN-> customer_orders.total""",
        edges(l));
  }

  @Test
  void downstreamLineageFollowsRenamesAndFilters() {
    ColumnLineage l =
        A.columnLineage(
            null, "seed.shop.customers", "id", new ColumnLineage.Options(0, 100, true, 500));
    assertEquals(
        """
        customer_orders.customer_id -PASSED_THROUGH-> report.customer_id
        customers.id -RENAMED-> stg_customers.customer_id
        stg_customers.customer_id -FILTER_JOIN-> customer_orders.null
        stg_customers.customer_id -PASSED_THROUGH-> customer_orders.customer_id""",
        edges(l));
  }

  @Test
  void columnsSayWhereTheyAreProduced() {
    ColumnLineage l =
        A.columnLineage(
            "models/report.sql", null, "total", new ColumnLineage.Options(1, 0, false, 500));
    ColumnLineage.Column total =
        l.columns().stream()
            .filter(c -> c.nodeId().equals("model.shop.customer_orders"))
            .findFirst()
            .orElseThrow();
    assertEquals("Money spent.", total.description());
    assertEquals("models/customer_orders.sql", total.displayPath());
    assertNotNull(total.span());
    assertEquals(0, total.span().startLine());
    assertEquals(30, total.span().startColumn()); // sum(o.amount) as total
    assertEquals(52, total.span().endColumn());
  }

  @Test
  void anEphemeralModelIsAStepOfTheLineageNotSkipped() {
    NavFixture f =
        NavFixture.of(
            SHOP
                + """
        -- file: models/order_totals.sql
        {{ config(materialized='ephemeral') }}
        select customer_id, sum(amount) as total from {{ ref('stg_orders') }} group by 1
        -- file: models/big_customers.sql
        select customer_id, total as spent from {{ ref('order_totals') }} where total > 100
        """);
    Analysis a = f.analysis();
    ProjectColumns table = dev.dbtls.workspace.ProjectColumns.inferNow(a, f.fixture());
    assertEquals(
        List.of("customer_id", "total"),
        table.entry("model.shop.order_totals").orElseThrow().known().names());
    ColumnLineage up =
        a.columnLineage(
            null,
            "model.shop.big_customers",
            "spent",
            new ColumnLineage.Options(100, 0, true, 500));
    assertEquals(
        """
        order_totals.total -FILTER_JOIN-> big_customers.spent
        order_totals.total -RENAMED-> big_customers.spent
        orders.amount_cents -COMPUTED-> stg_orders.amount
        stg_orders.amount -AGGREGATED-> order_totals.total""",
        edges(up));
    ColumnLineage down =
        a.columnLineage(
            null, "model.shop.stg_orders", "amount", new ColumnLineage.Options(0, 100, false, 500));
    assertEquals(
        """
        customer_orders.total -PASSED_THROUGH-> report.total
        order_totals.total -RENAMED-> big_customers.spent
        stg_orders.amount -AGGREGATED-> customer_orders.total
        stg_orders.amount -AGGREGATED-> order_totals.total""",
        edges(down));
  }
}
