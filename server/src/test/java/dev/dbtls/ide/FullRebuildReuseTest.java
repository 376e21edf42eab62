package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProblemCode;
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

  /**
   * A macro added beside an edit: the whole project is built (an edit that keeps every macro's name
   * renders again only what a render decides: {@code MacroEditUpdateTest}).
   */
  private static final String ADDED = "{% macro added() %}1{% endmacro %}\n";

  /** The macros with {@code order_alias()} giving another alias, and {@link #ADDED}. */
  private static final String ALIAS_V2 =
      "{% macro order_alias() %}orders_v2{% endmacro %}\n"
          + "{% macro unused() %}1{% endmacro %}\n"
          + ADDED;

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
    assertIndexedAs(scratch.manifest(), after.manifest());
    return new Manifest[] {before.manifest(), after.manifest()};
  }

  /**
   * {@code after}'s graph and lookups (the manifest before's, with what changed swapped in) answer
   * as {@code scratch}'s, made whole.
   */
  private static void assertIndexedAs(Manifest scratch, Manifest after) {
    for (Node n : scratch.nodes().values()) {
      String id = n.uniqueId();
      assertEquals(scratch.dag().parentsOf(id), after.dag().parentsOf(id), id);
      assertEquals(scratch.dag().childrenOf(id), after.dag().childrenOf(id), id);
      assertEquals(scratch.nodesInFile(n.displayPath()), after.nodesInFile(n.displayPath()), id);
      RefCall ref = new RefCall(null, n.name(), null, 0, 0);
      assertEquals(scratch.resolveRef("shop", ref), after.resolveRef("shop", ref), id);
      after.resolveRef("shop", ref).ifPresent(r -> assertSame(after.nodes().get(r.uniqueId()), r));
    }
    assertEquals(scratch.sources(), after.sources());
    assertEquals(scratch.refableNames(), after.refableNames());
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
                + "{% macro unused() %}2{% endmacro %}\n"
                + ADDED);
    assertEquals(m[0].nodes().keySet(), m[1].nodes().keySet());
    for (String id : m[0].nodes().keySet()) {
      assertSame(node(m[0], id), node(m[1], id), id);
    }
    // and so the manifest's map of them and its graph are the ones before too
    assertSame(m[0].nodes(), m[1].nodes());
    assertSame(m[0].dag(), m[1].dag());
    assertSame(
        m[0].nodesInFile("models/schema.yml").get(0), m[1].nodesInFile("models/schema.yml").get(0));
  }

  @Test
  void aMacroEditMakesAgainTheNodesItChangesAndKeepsTheirUnchangedParts() {
    Manifest[] m = edit("macros/names.sql", ALIAS_V2);
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
    // the changed node is in the lookups (swapped into the indexes before), the graph unchanged
    assertSame(after, m[1].nodesInFile("models/orders.sql").get(0));
    assertSame(after, m[1].resolveRef("shop", new RefCall(null, "orders", null, 0, 0)).get());
    assertSame(before, m[0].resolveRef("shop", new RefCall(null, "orders", null, 0, 0)).get());
    assertSame(m[0].dag(), m[1].dag(), "the same dependencies: the graph before");
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
    assertEquals(List.of("model.shop.orders"), r[1].dag().parentsOf("model.shop.customers"));
    assertEquals(List.of(), r[0].dag().parentsOf("model.shop.customers"), "the graph before stays");
  }

  @Test
  void aMacroEditBesideANewRefThatClosesACycleReportsIt() {
    String macros =
        "{% macro order_alias() %}orders_v1{% endmacro %}\n{% macro unused() %}2{% endmacro %}\n";
    // orders -> stg_orders, and now stg_orders -> orders: the graph before cannot take the edge
    Manifest[] m =
        edit(
            Map.of(
                "macros/names.sql",
                macros,
                "models/stg_orders.sql",
                "select * from {{ ref('orders') }}\n"));
    // (and as a load from scratch reports it: edit() compares the problems)
    assertTrue(m[1].problems().stream().anyMatch(p -> p.code() == ProblemCode.DAG_CYCLE));
    assertFalse(m[0].problems().stream().anyMatch(p -> p.code() == ProblemCode.DAG_CYCLE));
    // a graph with a new cycle is made whole, and so is the manifest (its node map a new one)
    assertNotSame(m[0].dag(), m[1].dag());
    assertNotSame(m[0].nodes(), m[1].nodes());
  }

  @Test
  void aDataTestMadeAgainIsTheOneBefore() {
    Manifest[] m = edit("macros/names.sql", ALIAS_V2);
    List<Node> tests =
        m[0].nodes().values().stream().filter(n -> n.uniqueId().startsWith("test.")).toList();
    assertEquals(2, tests.size());
    for (Node t : tests) {
      assertSame(t, node(m[1], t.uniqueId()), t.uniqueId());
    }
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
