package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import dev.dbtls.workspace.OverlayFileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A full build after an edit (a macro, a property file) keeps each node it makes again exactly as
 * it was: the manifest before's very object, so a macro edit on a large project does not hold a
 * second copy of every node until it is done. What changed is made anew, and the manifest equals a
 * load from scratch.
 */
class FullRebuildReuseTest {
  private static final String SCHEMA =
      """
      version: 2
      models:
        - name: customers
          description: "{{ doc('customers') }}"
          config:
            meta: {owner: ann, tier: 1}
          columns:
            - name: id
              description: "{{ doc('customer_id') }}"
              data_tests: [unique, not_null]
      sources:
        - name: raw
          tables:
            - name: orders
      """;

  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/orders.sql
      {{ config(alias=order_alias()) }}
      select * from {{ ref('stg_orders') }}
      -- file: models/customers.sql
      select 1 as id
      -- file: models/schema.yml
      """
          + SCHEMA
          + """
      -- file: models/docs.md
      {% docs customers %}One row per customer.{% enddocs %}
      {% docs customer_id %}The customer's key.{% enddocs %}
      -- file: macros/names.sql
      {% macro order_alias() %}orders_v1{% endmacro %}
      {% macro unused() %}1{% endmacro %}
      """;

  private static final ProjectInputs.Options OPTIONS = Fixture.options(null, Map.of(), Map.of());

  /**
   * The manifests before and after {@code file} becomes {@code text} (asserted as from scratch).
   */
  private static Manifest[] edit(String file, String text) {
    return edit(Map.of(file, text));
  }

  /** The manifests before and after each file becomes its text, in one rebuild. */
  private static Manifest[] edit(Map<String, String> texts) {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cache = new ParseCache();
    ProjectSnapshot before =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), f, false, cache);
    OverlayFileSource edited = new OverlayFileSource(f);
    ProjectInputs in = before.inputs();
    Set<Path> changed = new java.util.HashSet<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Path path = Fixture.ROOT.resolve(e.getKey());
      edited.open(path, e.getValue(), 1);
      in = in.withFile(path, e.getValue());
      changed.add(path);
    }
    ProjectSnapshot after = ProjectSnapshot.rebuild(before, in, List.of(), edited, cache, changed);
    ProjectSnapshot scratch =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), edited, false, new ParseCache());
    assertEquals(
        new TreeMap<>(scratch.manifest().nodes()), new TreeMap<>(after.manifest().nodes()));
    assertEquals(
        new TreeMap<>(scratch.manifest().disabled()), new TreeMap<>(after.manifest().disabled()));
    assertEquals(scratch.manifest().problems(), after.manifest().problems());
    return new Manifest[] {before.manifest(), after.manifest()};
  }

  private static Node node(Manifest m, String id) {
    return m.nodes().get(id);
  }

  @Test
  void aMacroEditThatChangesNoNodeKeepsEveryNode() {
    Manifest[] m =
        edit(
            "macros/names.sql",
            "{% macro order_alias() %}orders_v1{% endmacro %}\n"
                + "{% macro unused() %}2{% endmacro %}\n");
    assertEquals(m[0].nodes().keySet(), m[1].nodes().keySet());
    for (String id : m[0].nodes().keySet()) {
      assertSame(node(m[0], id), node(m[1], id), id);
    }
  }

  @Test
  void aMacroEditMakesAgainTheNodesItChangesAndKeepsTheirUnchangedParts() {
    Manifest[] m =
        edit(
            "macros/names.sql",
            "{% macro order_alias() %}orders_v2{% endmacro %}\n"
                + "{% macro unused() %}1{% endmacro %}\n");
    Node before = node(m[0], "model.shop.orders");
    Node after = node(m[1], "model.shop.orders");
    assertNotSame(before, after);
    assertEquals("orders_v2", after.relation().identifier());
    assertEquals("orders_v2", after.config().get("alias"));
    assertSame(before.refs(), after.refs(), "the same refs: the ones before");
    assertSame(before.fqn(), after.fqn());
    assertSame(before.uniqueId(), after.uniqueId());
    assertSame(node(m[0], "model.shop.customers"), node(m[1], "model.shop.customers"));
    assertSame(node(m[0], "model.shop.stg_orders"), node(m[1], "model.shop.stg_orders"));
  }

  @Test
  void aModelReadAgainBesideAMacroEditHoldsItsNewText() {
    String macros =
        "{% macro order_alias() %}orders_v1{% endmacro %}\n{% macro unused() %}2{% endmacro %}\n";
    // a change of its text alone: every part of the node comes out as it was, but not its file
    Manifest[] m =
        edit(Map.of("macros/names.sql", macros, "models/customers.sql", "select 2 as id\n"));
    Node before = node(m[0], "model.shop.customers");
    Node after = node(m[1], "model.shop.customers");
    assertNotSame(before, after, "its file is another object: the node is its own");
    assertEquals("select 2 as id\n", after.file().text());
    assertSame(node(m[0], "model.shop.orders"), node(m[1], "model.shop.orders"));
    // and a new ref in it
    Manifest[] r =
        edit(
            Map.of(
                "macros/names.sql",
                macros,
                "models/customers.sql",
                "select 1 as id\n-- depends on: {{ ref('orders') }}\n"));
    assertEquals(List.of("model.shop.orders"), node(r[1], "model.shop.customers").dependsOn());
  }

  @Test
  void aPropertyEditKeepsTheOrderItGivesTheKeysOfAMap() {
    String reordered = SCHEMA.replace("{owner: ann, tier: 1}", "{tier: 1, owner: ann}");
    Manifest[] m = edit("models/schema.yml", reordered);
    Node after = node(m[1], "model.shop.customers");
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) after.config().get("meta");
    assertEquals(List.of("tier", "owner"), List.copyOf(meta.keySet()), "as the YAML now says");
    assertNotSame(node(m[0], "model.shop.customers"), after);
    // the columns, with their docs rendered, are the ones before: equal, and no key moved
    assertSame(node(m[0], "model.shop.customers").columns(), after.columns());
    assertEquals("The customer's key.", after.columns().get(0).description());
  }
}
