package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import dev.dbtls.workspace.OverlayFileSource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An edit of a model relinks only its nodes ({@code ManifestBuilder.update}); whatever path a
 * rebuild takes, its manifest must equal the one a load from scratch gives.
 */
class IncrementalRebuildTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          marts:
            +materialized: table
      -- file: models/staging/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/staging/stg_customers.sql
      select 1 as id
      -- file: models/marts/orders.sql
      select * from {{ ref('stg_orders') }}
      -- file: models/marts/customers.sql
      select * from {{ ref('stg_customers') }}
      -- depends on: {{ ref('orders') }}
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          columns:
            - name: id
              data_tests: [unique, not_null]
      sources:
        - name: raw
          tables:
            - name: orders
      -- file: macros/m.sql
      {% macro m() %}1{% endmacro %}
      """;

  private static final Path ORDERS = Fixture.ROOT.resolve("models/marts/orders.sql");
  private static final ProjectInputs.Options OPTIONS = Fixture.options(null, Map.of(), Map.of());

  /** The snapshot after {@code orders.sql} becomes {@code text}, built both ways. */
  private static ProjectSnapshot[] edit(String text) {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cache = new ParseCache();
    ProjectSnapshot before =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), f, false, cache);
    OverlayFileSource edited = new OverlayFileSource(f);
    edited.open(ORDERS, text, 1);
    ProjectInputs in = before.inputs().withFile(ORDERS, text);
    ProjectSnapshot incremental =
        ProjectSnapshot.rebuild(before, in, List.of(), edited, cache, Set.of(ORDERS));
    ProjectSnapshot scratch =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), edited, false, new ParseCache());
    assertSameManifest(scratch.manifest(), incremental.manifest());
    return new ProjectSnapshot[] {before, incremental, scratch};
  }

  private static void assertSameManifest(Manifest expected, Manifest actual) {
    assertEquals(new TreeMap<>(expected.nodes()), new TreeMap<>(actual.nodes()));
    assertEquals(new TreeMap<>(expected.disabled()), new TreeMap<>(actual.disabled()));
    assertEquals(new HashSet<>(expected.problems()), new HashSet<>(actual.problems()));
    for (String id : expected.nodes().keySet()) {
      assertEquals(expected.dag().parentsOf(id), actual.dag().parentsOf(id), id);
      assertEquals(expected.dag().childrenOf(id), actual.dag().childrenOf(id), id);
      String file = expected.nodes().get(id).displayPath();
      assertEquals(expected.nodesInFile(file), actual.nodesInFile(file), file);
    }
    // the indexes an edit copies from the manifest before it, or shares with it
    assertEquals(
        List.copyOf(expected.refableByName().entrySet()),
        List.copyOf(actual.refableByName().entrySet()));
    assertEquals(expected.sources(), actual.sources());
    assertEquals(expected.functionsByName(), actual.functionsByName());
    for (Node n : expected.nodes().values()) {
      if (n.type() == ResourceType.SOURCE) {
        String source = n.fqn().get(n.fqn().size() - 2);
        assertEquals(
            expected.resolveSource("shop", source, n.name()),
            actual.resolveSource("shop", source, n.name()));
      }
    }
  }

  @Test
  void anEditOfTheSqlKeepsTheGraph() {
    ProjectSnapshot[] s = edit("select id, amount from {{ ref('stg_orders') }} where amount > 0\n");
    assertSame(s[0].manifest().dag(), s[1].manifest().dag(), "same edges: the DAG is reused");
    Node orders = s[1].manifest().nodes().get("model.shop.orders");
    assertEquals("table", orders.materialized());
  }

  @Test
  void anUnknownRefIsFoundWithItsDidYouMean() {
    ProjectSnapshot[] s = edit("select * from {{ ref('stg_order') }}\n");
    assertEquals(
        List.of("ref-unknown"),
        s[1].manifest().problems().stream().map(p -> p.code().id()).toList());
  }

  @Test
  void aNewRefChangesTheEdgesAndACycleIsFound() {
    ProjectSnapshot[] s =
        edit("select * from {{ ref('stg_orders') }} join {{ ref('customers') }}\n");
    assertNotSame(s[0].manifest().dag(), s[1].manifest().dag());
    assertEquals(
        List.of("model.shop.customers", "model.shop.stg_orders"),
        s[1].manifest().dag().parentsOf("model.shop.orders").stream().sorted().toList());
    assertEquals(
        List.of("dag-cycle", "dag-cycle"),
        s[1].manifest().problems().stream().map(p -> p.code().id()).toList());
  }

  @Test
  void aNewRefWithoutACycleUpdatesTheGraphInPlace() {
    ProjectSnapshot[] s =
        edit("select * from {{ ref('stg_orders') }} join {{ ref('stg_customers') }}\n");
    assertNotSame(s[0].manifest().dag(), s[1].manifest().dag());
    assertEquals(
        List.of("model.shop.customers", "model.shop.orders"),
        s[1].manifest().dag().childrenOf("model.shop.stg_customers"));
    // and dropped again
    ProjectSnapshot[] dropped = edit("select 1 as id\n");
    assertEquals(List.of(), dropped[1].manifest().dag().parentsOf("model.shop.orders"));
    assertEquals(
        List.of(),
        dropped[1].manifest().dag().childrenOf("model.shop.stg_orders").stream()
            .filter(c -> c.startsWith("model."))
            .toList());
  }

  @Test
  void configAndSyntaxErrorsInTheEditedFile() {
    edit("{{ config(materialized='view', tags=['x']) }}\nselect * from {{ ref('stg_orders') }}\n");
    edit("select * from {{ ref('stg_orders') }\n{% if x %}\n");
    edit("{{ config(enabled=false) }}\nselect 1\n"); // disabled: a full build
    edit("{% macro late() %}1{% endmacro %}\nselect 1\n"); // a macro: a full build
    edit("select * from {{ source('raw', 'ordersx') }}\n");
  }
}
