package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * dbt/lineage's answer on a small shop: depths, hidden counts, tests, the cap, sources, exposures.
 */
class LineageTest {
  static final String SHOP =
      """
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          tables:
            - name: orders
            - name: customers
      -- file: seeds/countries.csv
      code,name
      de,Germany
      -- file: models/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/stg_customers.sql
      select * from {{ source('raw', 'customers') }}
      -- file: models/customers.sql
      {{ config(materialized='table') }}
      select * from {{ ref('stg_customers') }} join {{ ref('stg_orders') }} using (id)
      join {{ ref('countries') }} using (code)
      -- file: models/orders.sql
      select * from {{ ref('stg_orders') }}
      -- file: models/customer_ltv.sql
      select * from {{ ref('customers') }}
      -- file: models/report.sql
      select * from {{ ref('customer_ltv') }}
      -- file: models/schema.yml
      version: 2
      models:
        - name: customers
          description: One row per customer.
          columns:
            - name: id
              tests: [unique, not_null]
      exposures:
        - name: dashboard
          type: dashboard
          owner:
            email: a@b.c
          depends_on:
            - ref('customers')
      """;

  private static final NavFixture F = NavFixture.of(SHOP);

  private static Lineage lineage(String file, String id, int up, int down, boolean tests, int max) {
    return LineageWalk.find(F.snapshot(), file, id, new Lineage.Options(up, down, tests, max));
  }

  private static Map<String, Lineage.Node> byId(Lineage l) {
    return l.nodes().stream().collect(Collectors.toMap(Lineage.Node::id, n -> n));
  }

  private static List<String> ids(Lineage l) {
    return l.nodes().stream().map(Lineage.Node::id).toList();
  }

  @Test
  void oneGenerationEachWayWithHiddenCounts() {
    Lineage l = lineage("models/customers.sql", null, 1, 1, false, 200);
    assertEquals("model.shop.customers", l.root());
    assertNull(l.message());
    assertFalse(l.truncated());
    assertEquals(
        List.of(
            "model.shop.customers",
            "model.shop.stg_customers",
            "model.shop.stg_orders",
            "seed.shop.countries",
            "exposure.shop.dashboard",
            "model.shop.customer_ltv"),
        ids(l));
    Map<String, Lineage.Node> n = byId(l);
    Lineage.Node root = n.get("model.shop.customers");
    assertEquals(0, root.depth());
    assertEquals("table", root.materialization());
    assertEquals("model", root.resourceType());
    assertEquals("One row per customer.", root.description());
    assertEquals("models/customers.sql", root.displayPath());
    assertEquals(0, root.hiddenUpstream());
    assertEquals(0, root.hiddenDownstream()); // its tests are not asked for
    assertEquals(-1, n.get("model.shop.stg_orders").depth());
    assertEquals(1, n.get("model.shop.stg_orders").hiddenUpstream()); // the source
    assertEquals(1, n.get("model.shop.stg_orders").hiddenDownstream()); // orders
    assertEquals("seed", n.get("seed.shop.countries").resourceType());
    assertEquals(1, n.get("model.shop.customer_ltv").depth());
    assertEquals(1, n.get("model.shop.customer_ltv").hiddenDownstream()); // report
    Lineage.Node exposure = n.get("exposure.shop.dashboard");
    assertEquals("exposure", exposure.resourceType());
    assertNull(exposure.materialization());
    assertEquals("models/schema.yml", exposure.displayPath());
    assertNotNull(exposure.span());
    assertEquals(
        List.of(
            new Lineage.Edge("model.shop.stg_customers", "model.shop.customers"),
            new Lineage.Edge("model.shop.stg_orders", "model.shop.customers"),
            new Lineage.Edge("seed.shop.countries", "model.shop.customers"),
            new Lineage.Edge("model.shop.customers", "exposure.shop.dashboard"),
            new Lineage.Edge("model.shop.customers", "model.shop.customer_ltv")),
        l.edges());
  }

  @Test
  void deeperReachesSourcesAndTheEnd() {
    Lineage l = lineage(null, "model.shop.customers", 2, 2, false, 200);
    Map<String, Lineage.Node> n = byId(l);
    Lineage.Node source = n.get("source.shop.raw.orders");
    assertEquals(-2, source.depth());
    assertEquals("source", source.resourceType());
    assertEquals("raw.orders", source.name());
    assertEquals("models/sources.yml", source.displayPath());
    assertEquals(4, source.span().startLine());
    assertEquals(2, n.get("model.shop.report").depth());
    assertEquals(0, n.get("model.shop.stg_orders").hiddenUpstream());
    assertEquals(
        1, n.get("model.shop.stg_orders").hiddenDownstream()); // orders: not downstream of the root
    assertEquals(9, l.nodes().size());
  }

  @Test
  void testsOnlyWhenAskedFor() {
    Lineage with = lineage("models/customers.sql", null, 0, 1, true, 200);
    List<Lineage.Node> tests =
        with.nodes().stream().filter(x -> x.resourceType().equals("test")).toList();
    assertEquals(2, tests.size(), with.toString());
    tests.forEach(
        t -> {
          assertEquals(1, t.depth());
          assertEquals("test", t.materialization());
        });
    Lineage without = lineage("models/customers.sql", null, 0, 0, false, 200);
    assertEquals(2, without.nodes().get(0).hiddenDownstream()); // ltv, dashboard: no tests
    assertEquals(3, without.nodes().get(0).hiddenUpstream());
    Lineage rootOnly = lineage("models/customers.sql", null, 0, 0, true, 200);
    assertEquals(List.of("model.shop.customers"), ids(rootOnly));
    assertEquals(4, rootOnly.nodes().get(0).hiddenDownstream()); // ltv, dashboard, two tests
  }

  @Test
  void maxNodesCutsBreadthFirstAndSaysSo() {
    Lineage l = lineage(null, "model.shop.customers", 2, 2, false, 3);
    assertTrue(l.truncated());
    assertEquals(
        List.of("model.shop.customers", "model.shop.stg_customers", "model.shop.stg_orders"),
        ids(l));
    Lineage.Node root = l.nodes().get(0);
    assertEquals(1, root.hiddenUpstream()); // countries
    assertEquals(2, root.hiddenDownstream());
    assertFalse(lineage(null, "model.shop.customers", 1, 1, false, 6).truncated());
    assertTrue(lineage(null, "model.shop.customers", 1, 1, false, 5).truncated());
  }

  @Test
  void sourcesAndExposuresAsRoots() {
    Lineage fromSource = lineage(null, "source.shop.raw.orders", 2, 2, false, 200);
    assertEquals(
        List.of(
            "source.shop.raw.orders",
            "model.shop.stg_orders",
            "model.shop.customers",
            "model.shop.orders"),
        ids(fromSource));
    assertEquals(2, byId(fromSource).get("model.shop.customers").hiddenUpstream());
    // a property file stands for its first source
    assertEquals(
        "source.shop.raw.customers", lineage("models/sources.yml", null, 1, 1, false, 200).root());
    Lineage fromExposure = lineage(null, "exposure.shop.dashboard", 1, 1, false, 200);
    assertEquals(List.of("exposure.shop.dashboard", "model.shop.customers"), ids(fromExposure));
    assertEquals(3, byId(fromExposure).get("model.shop.customers").hiddenUpstream());
  }

  @Test
  void emptyAnswersSayWhy() {
    Lineage unknown = lineage(null, "model.shop.nope", 2, 2, false, 200);
    assertNull(unknown.root());
    assertEquals("no node model.shop.nope in project 'shop'", unknown.message());
    assertTrue(unknown.nodes().isEmpty());
    assertEquals(
        "models/nothing.sql defines no dbt node",
        lineage("models/nothing.sql", null, 2, 2, false, 200).message());
    assertEquals(
        "no node given: a document or a unique id",
        lineage(null, null, 2, 2, false, 200).message());
    // through Analysis, which never throws
    assertEquals(
        "model.shop.orders",
        Analysis.of(F.snapshot())
            .lineage("models/orders.sql", null, Lineage.Options.of(null, null, null, null))
            .root());
  }

  @Test
  void optionsDefaultsAndBounds() {
    assertEquals(new Lineage.Options(2, 2, false, 200), Lineage.Options.of(null, null, null, null));
    assertEquals(new Lineage.Options(2, 0, true, 1), Lineage.Options.of(-1, 0, true, 1));
    assertEquals(
        Lineage.Options.MAX_NODES_LIMIT, Lineage.Options.of(1, 1, false, 1_000_000).maxNodes());
  }
}
