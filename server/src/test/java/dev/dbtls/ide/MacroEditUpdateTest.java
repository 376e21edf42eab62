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
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import dev.dbtls.workspace.OverlayFileSource;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An edit of a macro file that keeps every macro's name renders again only the nodes whose refs,
 * sources or config a parse render decides, and keeps every other node and the graph; an edit that
 * may change more builds the whole project. Either way the manifest is what a load from scratch
 * makes.
 */
class MacroEditUpdateTest {
  private static final String MACROS =
      """
      {% macro order_alias() %}orders_v1{% endmacro %}
      {% macro clean(c) %}trim({{ c }}){% endmacro %}
      {% macro upstream() %}orders{% endmacro %}
      """;

  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/stg_orders.sql
      select {{ clean('id') }} as id from {{ source('raw', 'orders') }}
      -- file: models/orders.sql
      {{ config(alias=order_alias()) }}
      select * from {{ ref('stg_orders') }}
      -- file: models/customers.sql
      select {{ clean('name') }} as name from {{ ref('orders') }}
      -- file: models/top.sql
      select * from {{ ref(upstream()) }}
      -- file: models/schema.yml
      version: 2
      models:
        - name: customers
          columns:
            - name: name
              data_tests: [not_null]
      sources:
        - name: raw
          tables:
            - name: orders
      -- file: macros/schema_name.sql
      {% macro generate_schema_name(custom, node) %}{{ schema_suffix() }}{% endmacro %}
      -- file: macros/naming.sql
      {% macro schema_suffix() %}analytics{% endmacro %}
      -- file: macros/shop.sql
      """
          + MACROS;

  private static final ProjectInputs.Options OPTIONS = Fixture.options(null, Map.of(), Map.of());

  /**
   * Before and after {@code file} becomes {@code text}, and whether the whole project was built.
   */
  private record Edit(Manifest before, Manifest after, boolean whole) {
    Node before(String id) {
      return before.nodes().get(id);
    }

    Node after(String id) {
      return after.nodes().get(id);
    }
  }

  private static Edit edit(String file, String text) {
    return edit(PROJECT, file, text);
  }

  /** The edit, with the manifest after asserted to be what a load from scratch makes. */
  private static Edit edit(String project, String file, String text) {
    return edits(project, file, text);
  }

  /**
   * The last of the edits of {@code file} to each text in turn, each from the one before and each
   * asserted to give what a load from scratch makes.
   */
  private static Edit edits(String project, String file, String... texts) {
    Fixture f = Fixture.of(project);
    ParseCache cache = new ParseCache();
    ProjectSnapshot before =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), f, false, cache);
    OverlayFileSource edited = new OverlayFileSource(f);
    Path path = Fixture.ROOT.resolve(file);
    Edit last = null;
    int version = 1;
    for (String text : texts) {
      edited.open(path, text, version++);
      ProjectInputs in = before.inputs().withFile(path, text);
      long loads = cache.fullLoads();
      ProjectSnapshot after =
          ProjectSnapshot.rebuild(before, in, List.of(), edited, cache, java.util.Set.of(path));
      assertAsFromScratch(edited, after.manifest());
      last = new Edit(before.manifest(), after.manifest(), cache.fullLoads() != loads);
      before = after;
    }
    return last;
  }

  private static void assertAsFromScratch(OverlayFileSource files, Manifest a) {
    ProjectSnapshot scratch =
        ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), files, false, new ParseCache());
    Manifest s = scratch.manifest();
    assertEquals(new TreeMap<>(s.nodes()), new TreeMap<>(a.nodes()));
    assertEquals(new TreeMap<>(s.disabled()), new TreeMap<>(a.disabled()));
    assertEquals(new TreeMap<>(s.macros()), new TreeMap<>(a.macros()));
    assertEquals(sorted(s.problems()), sorted(a.problems()));
    for (Node n : s.nodes().values()) {
      String id = n.uniqueId();
      assertEquals(s.dag().parentsOf(id), a.dag().parentsOf(id), id);
      assertEquals(s.dag().childrenOf(id), a.dag().childrenOf(id), id);
      assertEquals(s.nodesInFile(n.displayPath()), a.nodesInFile(n.displayPath()), id);
      RefCall ref = new RefCall(null, n.name(), null, 0, 0);
      assertEquals(s.resolveRef("shop", ref), a.resolveRef("shop", ref), id);
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparing(Problem::toString)).toList();
  }

  @Test
  void aChangedBodyRendersAgainOnlyTheNodesARenderDecides() {
    Edit e = edit("macros/shop.sql", MACROS.replace("orders_v1", "orders_v2"));
    assertFalse(e.whole(), "no full build");
    assertEquals("orders_v2", e.after("model.shop.orders").relation().identifier());
    assertNotSame(e.before("model.shop.orders"), e.after("model.shop.orders"));
    // what no render decides is the node before, however it calls the edited file's macros
    for (String id : List.of("model.shop.customers", "model.shop.stg_orders")) {
      assertSame(e.before(id), e.after(id), id);
    }
    assertSame(e.before.dag(), e.after.dag());
    assertSame(e.before("model.shop.orders").refs(), e.after("model.shop.orders").refs());
  }

  @Test
  void aRefARenderDecidesFollowsTheMacro() {
    Edit e = edit("macros/shop.sql", MACROS.replace("}orders{", "}stg_orders{"));
    assertFalse(e.whole());
    assertEquals(List.of("model.shop.stg_orders"), e.after("model.shop.top").dependsOn());
    assertEquals(List.of("model.shop.orders"), e.before("model.shop.top").dependsOn());
    assertTrue(e.after.dag().childrenOf("model.shop.stg_orders").contains("model.shop.top"));
    assertFalse(e.before.dag().childrenOf("model.shop.stg_orders").contains("model.shop.top"));
  }

  @Test
  void aCommentKeepsEveryNodeAndTheirMap() {
    Edit e = edit("macros/shop.sql", MACROS + "{# a note #}\n");
    assertFalse(e.whole());
    assertSame(e.before.nodes(), e.after.nodes(), "the render made the node before again");
    assertSame(e.before.dag(), e.after.dag());
  }

  @Test
  void aMacroMovedDownIsFoundWhereItIsNow() {
    Edit e = edit("macros/shop.sql", "\n\n" + MACROS);
    assertFalse(e.whole());
    assertEquals(
        e.before.macros().get("macro.shop.clean").span().startLine() + 2,
        e.after.macros().get("macro.shop.clean").span().startLine());
  }

  @Test
  void anErrorInABodyIsReportedWithoutAFullBuild() {
    Edit broken = edit("macros/shop.sql", MACROS.replace("trim({{ c }})", "trim({{ c + }})"));
    assertFalse(broken.whole());
    assertTrue(
        broken.after.problems().stream()
            .anyMatch(
                p -> p.code() == ProblemCode.JINJA_SYNTAX && p.file().equals("macros/shop.sql")),
        broken.after.problems().toString());
  }

  @Test
  void anErrorMendedByTheNextEditIsGone() {
    String broken = MACROS.replace("trim({{ c }})", "trim({{ c + }})");
    Edit e = edits(PROJECT, "macros/shop.sql", broken, MACROS.replace("trim(", "ltrim("));
    assertFalse(e.whole());
    assertFalse(e.before.problems().isEmpty());
    assertTrue(e.after.problems().isEmpty(), e.after.problems().toString());
  }

  @Test
  void editAfterEditKeepsTheNodesARenderDoesNotDecide() {
    Edit e =
        edits(
            PROJECT,
            "macros/shop.sql",
            MACROS.replace("orders_v1", "orders_v2"),
            MACROS.replace("orders_v1", "orders_v3"),
            MACROS + "{# a note #}\n");
    assertFalse(e.whole());
    assertEquals("orders_v1", e.after("model.shop.orders").relation().identifier());
    assertSame(e.before.nodes().get("model.shop.customers"), e.after("model.shop.customers"));
  }

  @Test
  void aNewMacroBuildsTheWholeProject() {
    Edit e = edit("macros/shop.sql", MACROS + "{% macro more() %}1{% endmacro %}\n");
    assertTrue(e.whole());
    assertTrue(e.after.macros().containsKey("macro.shop.more"));
  }

  @Test
  void aMacroThatNowCallsRefBuildsTheWholeProject() {
    // the models that call clean() are rendered now, to find the ref it hides
    Edit e =
        edit("macros/shop.sql", MACROS.replace("trim({{ c }})", "{{ ref('orders') }}.{{ c }}"));
    assertTrue(e.whole());
    assertTrue(e.after("model.shop.stg_orders").dependsOn().contains("model.shop.orders"));
  }

  @Test
  void aMacroAGenerateNameMacroCallsBuildsTheWholeProject() {
    Edit e = edit("macros/naming.sql", "{% macro schema_suffix() %}marts{% endmacro %}\n");
    assertTrue(e.whole());
    assertEquals("marts", e.after("model.shop.customers").relation().schema());
  }

  @Test
  void aMacroAGenerateNameMacroDispatchesToBuildsTheWholeProject() {
    String project =
        PROJECT
            .replace("{{ schema_suffix() }}", "{{ adapter.dispatch('suffix')() }}")
            .replace("schema_suffix()", "default__suffix()");
    Edit e =
        edit(project, "macros/naming.sql", "{% macro default__suffix() %}marts{% endmacro %}\n");
    assertTrue(e.whole());
    assertEquals("marts", e.after("model.shop.customers").relation().schema());
  }

  @Test
  void aChangedDocCommentBuildsTheWholeProject() {
    Edit e =
        edit("macros/shop.sql", MACROS.replace("(c) %}trim", "(c) %}{# Trims a column. #}trim"));
    assertTrue(e.whole());
  }
}
