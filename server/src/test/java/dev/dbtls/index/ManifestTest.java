package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static Manifest build(String spec) {
    return ManifestBuilder.build(Fixture.of(spec).load());
  }

  private static List<String> codes(Manifest m) {
    return m.problems().stream().map(p -> p.code().id()).toList();
  }

  @Test
  void refsAndSourcesBecomeEdges() {
    Manifest m =
        build(
            """
        -- file: models/staging/stg_orders.sql
        select * from {{ source('shop', 'orders') }}
        -- file: models/marts/orders.sql
        select * from {{ ref('stg_orders') }}
        -- file: models/sources.yml
        sources:
          - name: shop
            schema: raw
            tables:
              - name: orders
                identifier: raw_orders
        """);
    assertEquals(List.of(), m.problems());
    assertEquals(List.of("model.shop.stg_orders"), m.nodes().get("model.shop.orders").dependsOn());
    assertEquals(
        List.of("source.shop.shop.orders"), m.nodes().get("model.shop.stg_orders").dependsOn());
    Node src = m.nodes().get("source.shop.shop.orders");
    assertEquals(new RelationName("shop", "raw", "raw_orders"), src.relation());
    assertEquals(
        List.of("shop", "staging", "stg_orders"), m.nodes().get("model.shop.stg_orders").fqn());
  }

  @Test
  void unknownRefIsLocatedWithDidYouMean() {
    Manifest m =
        build(
            """
        -- file: models/stg_orders.sql
        select 1
        -- file: models/orders.sql
        select *
        from {{ ref('stg_ordres') }}
        """);
    Problem p = m.problems().get(0);
    assertEquals(ProblemCode.REF_UNKNOWN, p.code());
    assertEquals("models/orders.sql", p.file());
    assertEquals(1, p.line());
    assertEquals(8, p.column());
    assertTrue(p.message().endsWith("did you mean 'stg_orders'?"), p.message());
  }

  @Test
  void refToDisabledNodeSaysSo() {
    Manifest m =
        build(
            """
        -- file: models/old.sql
        {{ config(enabled=false) }}
        select 1
        -- file: models/new.sql
        select * from {{ ref('old') }}
        """);
    assertEquals(List.of("ref-disabled"), codes(m));
    assertTrue(m.disabled().containsKey("model.shop.old"));
  }

  @Test
  void cyclesAreReportedOnEveryMember() {
    Manifest m =
        build(
            """
        -- file: models/a.sql
        select * from {{ ref('b') }}
        -- file: models/b.sql
        select * from {{ ref('a') }}
        """);
    assertEquals(List.of("dag-cycle", "dag-cycle"), codes(m));
    assertEquals("dependency cycle: a -> b -> a", m.problems().get(0).message());
  }

  @Test
  void duplicateModelNamesInOnePackage() {
    Manifest m =
        build(
            """
        -- file: models/a/orders.sql
        select 1
        -- file: models/b/orders.sql
        select 2
        """);
    assertEquals(List.of("node-duplicate", "node-duplicate"), codes(m));
  }

  @Test
  void configPrecedenceProjectThenYamlThenFile() {
    Manifest m =
        build(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +materialized: table
            +tags: [nightly]
            marts:
              +schema: marts
              +meta: {owner: a}
        -- file: models/marts/orders.sql
        {{ config(materialized='incremental', tags=['finance']) }}
        select 1
        -- file: models/marts/_marts.yml
        models:
          - name: orders
            description: One row per order
            config:
              meta: {tier: gold}
              materialized: view
        """);
    Node n = m.nodes().get("model.shop.orders");
    assertEquals("incremental", n.materialized());
    assertEquals(List.of("nightly", "finance"), n.tags());
    assertEquals(Map.of("owner", "a", "tier", "gold"), n.config().get("meta"));
    assertEquals("One row per order", n.description());
    assertEquals(new RelationName("shop", "main_marts", "orders"), n.relation());
  }

  @Test
  void versionedModelsGetOneNodePerVersionAndRefPicksLatest() {
    Manifest m =
        build(
            """
        -- file: models/customers_v1.sql
        select 1 as id
        -- file: models/customers_v2.sql
        select 1 as id, 'x' as name
        -- file: models/report.sql
        select * from {{ ref('customers') }} join {{ ref('customers', v=1) }} using (id)
        -- file: models/_customers.yml
        models:
          - name: customers
            latest_version: 2
            columns:
              - name: id
              - name: name
            versions:
              - v: 1
                columns:
                  - include: all
                    exclude: [name]
              - v: 2
        """);
    assertEquals(List.of(), m.problems());
    assertEquals(
        List.of("model.shop.customers.v2", "model.shop.customers.v1"),
        m.nodes().get("model.shop.report").dependsOn());
    assertEquals("customers_v1", m.nodes().get("model.shop.customers.v1").relation().identifier());
    assertEquals(
        List.of("id"),
        m.nodes().get("model.shop.customers.v1").columns().stream().map(c -> c.name()).toList());
  }

  @Test
  void genericTestsAreNamedAsDbtNamesThem() {
    Manifest m =
        build(
            """
        -- file: models/orders.sql
        select 1
        -- file: models/customers.sql
        select 1
        -- file: models/_models.yml
        models:
          - name: orders
            columns:
              - name: status
                data_tests:
                  - not_null
                  - accepted_values:
                      values: ['placed', 'shipped']
              - name: customer_id
                tests:
                  - relationships:
                      to: ref('customers')
                      field: id
        """);
    List<String> names =
        m.nodes().values().stream()
            .filter(n -> n.type() == ResourceType.TEST)
            .map(Node::name)
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "accepted_values_orders_status__placed__shipped",
            "not_null_orders_status",
            "relationships_orders_customer_id__id__ref_customers_"),
        names);
    Node rel =
        m.nodes().values().stream()
            .filter(n -> n.name().startsWith("relationships"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("model.shop.customers", "model.shop.orders"),
        rel.dependsOn().stream().sorted().toList());
  }

  @Test
  void propertyEntryForMissingModelIsAWarning() {
    Manifest m =
        build(
            """
        -- file: models/orders.sql
        select 1
        -- file: models/_models.yml
        models:
          - name: ordrs
        """);
    Problem p = m.problems().get(0);
    assertEquals(ProblemCode.PROPERTY_UNKNOWN_NODE, p.code());
    assertEquals(1, p.line());
    assertFalse(p.isError());
  }

  @Test
  void packagesRefsResolveRootFirstThenOwnPackage() {
    Manifest m =
        build(
            """
        -- file: models/calendar.sql
        select 'root' as v
        -- file: dbt_packages/utils/dbt_project.yml
        name: utils
        -- file: dbt_packages/utils/models/calendar.sql
        select 'pkg' as v
        -- file: dbt_packages/utils/models/days.sql
        select * from {{ ref('calendar') }}
        -- file: models/report.sql
        select * from {{ ref('utils', 'calendar') }}
        """);
    assertEquals(List.of("model.shop.calendar"), m.nodes().get("model.utils.days").dependsOn());
    assertEquals(List.of("model.utils.calendar"), m.nodes().get("model.shop.report").dependsOn());
  }

  @Test
  void brokenJinjaIsAProblemAndOtherModelsStillIndex() {
    Manifest m =
        build(
            """
        -- file: models/broken.sql
        select {{ ref('ok')
        -- file: models/ok.sql
        select 1
        """);
    assertTrue(codes(m).contains("jinja-syntax"), codes(m).toString());
    assertTrue(m.nodes().containsKey("model.shop.ok"));
  }

  @Test
  void descriptionsRenderDocBlocks() {
    Manifest m =
        build(
            """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/docs.md
        {% docs orders_table %}
        One row per **order**.
        {% enddocs %}
        -- file: models/_models.yml
        models:
          - name: orders
            description: "{{ doc('orders_table') }} Kept for 7 years."
            columns:
              - name: id
                description: '{{ doc("orders_table") }}'
        """);
    Node n = m.nodes().get("model.shop.orders");
    assertEquals("One row per **order**. Kept for 7 years.", n.description());
    assertEquals("One row per **order**.", n.columns().get(0).description());
    assertEquals(List.of(), m.problems());
  }

  @Test
  void nodesAreFoundByTheirFile() {
    Manifest m =
        build(
            """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/_models.yml
        models:
          - name: orders
            columns:
              - name: id
                data_tests: [unique]
        """);
    assertEquals(
        List.of("model.shop.orders"),
        m.nodesInFile("models/orders.sql").stream().map(Node::uniqueId).toList());
    assertEquals(
        List.of("unique_orders_id"),
        m.nodesInFile("models/_models.yml").stream().map(Node::name).toList());
  }
}
