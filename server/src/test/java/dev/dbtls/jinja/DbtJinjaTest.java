package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt semantics on top of Jinja: namespaces, dispatch, return, exceptions, problems. */
class DbtJinjaTest {

  static DbtJinja engine(
      String adapter, Map<String, List<String>> searchOrder, MacroFile... files) {
    return new DbtJinja(
        new JinjaSetup(Adapter.of(adapter), "proj", List.of(files), searchOrder, null));
  }

  static MacroFile file(String pkg, String path, String text) {
    return new MacroFile(pkg, path, text);
  }

  static Rendered render(DbtJinja j, String text) {
    return j.render(new RenderRequest("models/m.sql", text, "proj", globals()));
  }

  static Map<String, Object> globals() {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put(
        "ref",
        (JinjaCallable)
            (a, k) ->
                Relation.of(
                    Adapter.of("postgres"), "db", "sch", String.valueOf(a.get(a.size() - 1))));
    g.put("execute", true);
    return g;
  }

  static List<String> codes(Rendered r) {
    return r.problems().stream().map(p -> p.code() + "@" + p.file() + ":" + p.line()).toList();
  }

  /** A value that counts how often it is printed. */
  static final class Printed {
    int times;

    @Override
    public String toString() {
      times++;
      return "p";
    }
  }

  @Test
  void aDictViewIsPrintedOnlyWhenTheTemplatePrintsIt() {
    // macros walk graph.nodes.values() once per node: printing the graph each time was quadratic
    Printed value = new Printed();
    Map<String, Object> g = globals();
    g.put("d", new LinkedHashMap<>(Map.of("k", value)));
    DbtJinja j = engine("postgres", Map.of());
    String walk =
        "{% for v in d.values() %}{% endfor %}{% for k, v in d.items() %}{% endfor %}"
            + "{{ d.keys() | length }}";
    assertEquals("1", j.render(new RenderRequest("models/m.sql", walk, "proj", g)).output());
    assertEquals(0, value.times);
    assertEquals(
        "dict_values([p]) dict_keys(['k'])",
        j.render(new RenderRequest("models/m.sql", "{{ d.values() }} {{ d.keys() }}", "proj", g))
            .output());
  }

  @Test
  void unqualifiedNamesResolveInPackageThenRootThenDbt() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "dbt",
                "dbt/m.sql",
                "{% macro who() %}dbt{% endmacro %}{% macro only_dbt() %}D{% endmacro %}"),
            file("proj", "macros/m.sql", "{% macro who() %}root{% endmacro %}"),
            file(
                "pkg",
                "pkg/m.sql",
                "{% macro who() %}pkg{% endmacro %}"
                    + "{% macro call_who() %}{{ who() }}/{{ only_dbt() }}{% endmacro %}"
                    + "{% macro uses_root() %}{{ root_only() }}{% endmacro %}"),
            file("proj", "macros/r.sql", "{% macro root_only() %}R{% endmacro %}"));
    assertEquals(
        "root pkg/D pkg dbt R",
        render(
                j,
                "{{ who() }} {{ pkg.call_who() }} {{ pkg.who() }} {{ dbt.who() }} {{ pkg.uses_root() }}")
            .output());
  }

  @Test
  void rootProjectOverridesDbtMacrosEvenWhenDbtCallsThem() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "dbt",
                "dbt/m.sql",
                "{% macro get_name() %}dbt{% endmacro %}"
                    + "{% macro uses_name() %}{{ get_name() }}{% endmacro %}"),
            file("proj", "macros/o.sql", "{% macro get_name() %}override{% endmacro %}"));
    assertEquals(
        "override override dbt",
        render(j, "{{ uses_name() }} {{ get_name() }} {{ dbt.get_name() }}").output());
  }

  @Test
  void packageMacrosAreNotReachableUnqualifiedFromRoot() {
    DbtJinja j =
        engine(
            "postgres", Map.of(), file("pkg", "pkg/m.sql", "{% macro hidden() %}x{% endmacro %}"));
    Rendered r = render(j, "a\n{{ hidden() }}");
    assertEquals("a\n", r.output());
    assertEquals(List.of("UNDEFINED_MACRO@models/m.sql:1"), codes(r));
    assertTrue(j.hasMacro("pkg", "hidden"));
    assertFalse(j.hasMacro("proj", "hidden"));
  }

  @Test
  void dispatchFollowsLineageThenDefaultThenDbt() {
    DbtJinja j =
        engine(
            "redshift",
            Map.of(),
            file(
                "pkg",
                "pkg/d.sql",
                "{% macro cast(x) %}{{ return(adapter.dispatch('cast', 'pkg')(x)) }}{% endmacro %}"
                    + "{% macro postgres__cast(x) %}pg({{ x }}){% endmacro %}"
                    + "{% macro default__cast(x) %}def({{ x }}){% endmacro %}"
                    + "{% macro default__other() %}pkg-other{% endmacro %}"),
            file("dbt", "dbt/d.sql", "{% macro default__only_dbt() %}dbt-only{% endmacro %}"));
    assertEquals(
        "pg(1) pkg-other dbt-only",
        render(
                j,
                "{{ pkg.cast(1) }} {{ adapter.dispatch('other', macro_namespace='pkg')() }} "
                    + "{{ adapter.dispatch('only_dbt', 'pkg')() }}")
            .output());
  }

  @Test
  void dispatchSearchOrderLetsTheRootProjectOverride() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of("pkg", List.of("proj", "pkg")),
            file("pkg", "pkg/d.sql", "{% macro default__f() %}pkg{% endmacro %}"),
            file("proj", "macros/d.sql", "{% macro default__f() %}root{% endmacro %}"));
    assertEquals("root", render(j, "{{ adapter.dispatch('f', 'pkg')() }}").output());
  }

  @Test
  void dispatchToAPackageSearchesTheRootProjectFirst() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "pkg",
                "pkg/d.sql",
                "{% macro default__f() %}pkg{% endmacro %}"
                    + "{% macro default__g() %}pkg-g{% endmacro %}"),
            file("proj", "macros/d.sql", "{% macro default__f() %}root{% endmacro %}"));
    assertEquals(
        "root pkg-g",
        render(j, "{{ adapter.dispatch('f', 'pkg')() }} {{ adapter.dispatch('g', 'pkg')() }}")
            .output());
  }

  @Test
  void dispatchToANamespaceThatIsNoPackageSearchesTheCallingPackage() {
    // a public package dispatches with macro_namespace='macros', which names no package
    DbtJinja j =
        engine(
            "bigquery",
            Map.of(),
            file(
                "pkg",
                "pkg/least.sql",
                "{% macro least(a, b) %}"
                    + "{{ return(adapter.dispatch('least', 'macros')(a, b)) }}{% endmacro %}"
                    + "{% macro default__least(a, b) %}least({{ a }}, {{ b }}){% endmacro %}"));
    Rendered r = render(j, "{{ pkg.least(1, 2) }}");
    assertEquals("least(1, 2)", r.output());
    assertEquals(List.of(), codes(r));
  }

  @Test
  void dispatchNotFoundNamesWhatWasSearched() {
    DbtJinja j = engine("redshift", Map.of());
    Rendered r = render(j, "{{ adapter.dispatch('nope', 'pkg')() }}");
    assertEquals("", r.output());
    Problem p = r.problems().get(0);
    assertEquals(ProblemCode.UNDEFINED_MACRO, p.code());
    assertEquals(
        "no implementation of 'nope' for adapter 'redshift'; searched proj.redshift__nope, "
            + "proj.postgres__nope, proj.default__nope, dbt.redshift__nope, dbt.postgres__nope, "
            + "dbt.default__nope",
        p.message());
  }

  @Test
  void returnEndsTheMacroWithAPythonValue() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "proj",
                "macros/r.sql",
                "{% macro cols() %}{% do return(['a', 'b']) %}{{ exceptions.raise_compiler_error('not reached') }}{% endmacro %}"
                    + "{% macro pick(flag) %}{% if flag %}{{ return(1) }}{% endif %}{{ return(2) }}{% endmacro %}"));
    Rendered r =
        render(j, "{{ cols() | join(',') }} {{ cols() | length }} {{ pick(true) + pick(false) }}");
    assertEquals("a,b 2 3", r.output());
    assertEquals(List.of(), r.problems());
    List<Problem> problems = new ArrayList<>();
    assertEquals(
        List.of("a", "b"), j.callMacro("proj", "cols", List.of(), Map.of(), Map.of(), problems));
    assertEquals(2L, j.callMacro("proj", "pick", List.of(false), Map.of(), Map.of(), problems));
    assertEquals(List.of(), problems);
  }

  @Test
  void compilerErrorStopsTheRenderAtTheCall() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "proj",
                "macros/e.sql",
                "{% macro fail(msg) %}\n  x {{ exceptions.raise_compiler_error('bad: ' ~ msg) }}\n{% endmacro %}"));
    Rendered r = render(j, "select 1\n{{ fail('x') }}\nnever");
    assertTrue(r.failed());
    Problem p = r.problems().get(0);
    assertEquals(ProblemCode.COMPILER_ERROR, p.code());
    assertEquals("bad: x", p.message());
    assertEquals("macros/e.sql", p.file());
    assertEquals(1, p.line());
    assertEquals(4, p.column());
  }

  @Test
  void warnAndLogAreProblemsNotOutput() {
    DbtJinja j = engine("postgres", Map.of());
    Rendered r =
        render(
            j,
            "a{{ exceptions.warn('careful') }}{{ log('hello', info=True) }}{% do print('x') %}b");
    assertEquals("ab", r.output());
    assertEquals(
        List.of(ProblemCode.COMPILER_WARNING, ProblemCode.JINJA_LOG),
        r.problems().stream().map(Problem::code).toList());
    assertEquals(Severity.INFO, r.problems().get(1).severity());
    assertFalse(r.failed());
  }

  @Test
  void introspectionWithoutConnectionIsSkippedNotInvented() {
    DbtJinja j = engine("postgres", Map.of());
    Rendered r =
        render(
            j,
            "{% set t = run_query('select 1') %}{{ t.rows | length }}"
                + "{{ t.columns[0].values() | length if t.columns else 'none' }}"
                + "{{ adapter.get_relation(database='d', schema='s', identifier='i') }}"
                + "{{ adapter.get_columns_in_relation(ref('a')) | length }}"
                + "{% call statement('q', fetch_result=True) %}select 2{% endcall %}"
                + "{{ load_result('q')['data'] | length }}{{ load_result('q')['response'] }}");
    // without a warehouse a relation asked for is assumed to exist; what is read from it is empty
    assertEquals("0none\"d\".\"s\".\"i\"00None", r.output());
    assertTrue(
        r.problems().stream()
            .allMatch(
                p ->
                    p.code() == ProblemCode.INTROSPECTION_SKIPPED
                        && p.message().equals("introspective query skipped: no connection")));
    assertEquals(4, r.problems().size());
  }

  @Test
  void relationsAndApi() {
    DbtJinja j = engine("postgres", Map.of());
    Rendered r =
        render(
            j,
            "{{ ref('a') }} {{ ref('a').include(database=False) }} "
                + "{{ api.Relation.create(database='d', schema='s', identifier='t') }} {{ adapter.quote('x') }}");
    assertEquals("\"db\".\"sch\".\"a\" \"sch\".\"a\" \"d\".\"s\".\"t\" \"x\"", r.output());
  }

  /** As dbt-adapters' BaseRelation.information_schema and add_ephemeral_prefix render them. */
  @Test
  void informationSchemaAndEphemeralPrefix() {
    DbtJinja j = engine("postgres", Map.of());
    Rendered r =
        render(
            j,
            "{{ ref('a').information_schema() }} {{ ref('a').information_schema('tables') }} "
                + "{{ ref('a').information_schema_only().identifier }} "
                + "{{ ref('a').include(database=False).information_schema('columns') }} "
                + "{{ api.Relation.create(schema='s', identifier='t').information_schema('views') }} "
                + "{{ api.Relation.add_ephemeral_prefix('orders') }}");
    assertEquals(List.of(), r.problems());
    assertEquals(
        "\"db\".INFORMATION_SCHEMA \"db\".INFORMATION_SCHEMA.tables INFORMATION_SCHEMA "
            + "\"db\".INFORMATION_SCHEMA.columns INFORMATION_SCHEMA.views __dbt__cte__orders",
        r.output());
  }

  @Test
  void syntaxErrorInAMacroFileIsASetupProblemWithItsLine() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file("proj", "macros/ok.sql", "{% macro ok() %}ok{% endmacro %}"),
            file(
                "proj",
                "macros/bad.sql",
                "{% macro good() %}g{% endmacro %}\n\n{% if %}\n{% macro broken() %}x"));
    List<Problem> setup = j.setupProblems();
    assertFalse(setup.isEmpty());
    assertTrue(
        setup.stream()
            .allMatch(
                p -> p.code() == ProblemCode.JINJA_SYNTAX && p.file().equals("macros/bad.sql")),
        setup::toString);
    assertTrue(j.hasMacro("proj", "ok"));
    assertEquals("ok", render(j, "{{ ok() }}").output());
  }

  @Test
  void brokenExpressionInAnUncalledMacroIsFoundAtLoad() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "proj",
                "macros/x.sql",
                "{% macro m() %}\n  select\n  {{ a + }}\n{% endmacro %}\n"
                    + "{% macro n(a=[1,) %}{% for i in (1 %}{% endfor %}{% endmacro %}"));
    List<Problem> setup = j.setupProblems();
    assertEquals(3, setup.size(), setup::toString);
    assertEquals(4, setup.get(2).line());
    assertEquals(ProblemCode.JINJA_SYNTAX, setup.get(0).code());
    assertEquals("macros/x.sql", setup.get(0).file());
    assertEquals(2, setup.get(0).line());
  }

  @Test
  void renderErrorsAreProblemsNeverExceptions() {
    DbtJinja j = engine("postgres", Map.of());
    Rendered r = render(j, "line0\n{{ 1 + }}\n{% for %}");
    assertTrue(r.failed());
    assertEquals(ProblemCode.JINJA_SYNTAX, r.problems().get(0).code(), r.problems()::toString);
    assertEquals(1, r.problems().get(0).line());
    Rendered r2 = render(j, "{{ undefined_thing() }}");
    assertEquals(List.of("UNDEFINED_MACRO@models/m.sql:0"), codes(r2));
    Rendered r4 = render(j, "{{ nothing.attr.deeper }}");
    assertEquals("", r4.output());
    assertEquals(List.of("JINJA_RENDER@models/m.sql:0"), codes(r4)); // reported once per chain
    Rendered r5 = render(j, "ok\n\n  {% for %}{% endfor %}");
    assertEquals(List.of("JINJA_SYNTAX@models/m.sql:2"), codes(r5));
    assertEquals(2, r5.problems().get(0).column());
    Rendered r3 = render(j, "{{ 'x'.nope() }}");
    assertEquals(ProblemCode.JINJA_RENDER, r3.problems().get(0).code());
  }

  @Test
  void wrongArgumentsAreReportedAtTheCallLikeJinja2TypeErrors() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "proj",
                "macros/a.sql",
                "{% macro two(a, b=1) %}{{ a }}{{ b }}{% endmacro %}"
                    + "{% macro open(a) %}{{ a }}{{ varargs | length }}{{ kwargs | length }}{% endmacro %}"));
    Rendered r =
        render(j, "{{ open(1, 2, x=3) }}\n{{ two(1, 2, 3) }}{{ two(1, z=2) }}{{ two(1, a=2) }}");
    assertEquals("111\n121121", r.output());
    assertEquals(
        List.of(
            "macro 'two' takes not more than 2 argument(s)",
            "macro 'two' takes no keyword argument 'z'",
            "macro 'two' got multiple values for argument 'a'"),
        r.problems().stream().map(Problem::message).toList());
    assertTrue(
        r.problems().stream().allMatch(p -> p.line() == 1 && p.file().equals("models/m.sql")));
  }

  @Test
  void endlessRecursionIsAProblem() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file("proj", "macros/f.sql", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}"));
    Rendered r = render(j, "{{ f(0) }}");
    assertTrue(r.failed(), r.problems()::toString);
  }

  @Test
  void nullsDoNotThrow() {
    DbtJinja j =
        new DbtJinja(
            new JinjaSetup(
                null,
                null,
                java.util.Arrays.asList(new MacroFile("p", "x.sql", null), null),
                null,
                null));
    assertEquals("", j.render(null).output());
    assertEquals("1", j.render(new RenderRequest(null, "{{ 1 }}", null, null)).output());
  }

  @Test
  void globalsFromTheCaller() {
    DbtJinja j = engine("postgres", Map.of());
    Map<String, Object> g = globals();
    Map<String, Object> cfg = new LinkedHashMap<>(Map.of("materialized", "table"));
    g.put("config", new ConfigDouble(cfg));
    g.put("var", (JinjaCallable) (a, k) -> k.getOrDefault("default", "v_" + a.get(0)));
    Rendered r =
        j.render(
            new RenderRequest(
                "m.sql",
                "{{ config(materialized='view') }}{{ config.get('materialized') }} {{ config.get('x', default='dx') }} "
                    + "{{ var('a') }} {{ var('b', default=1) }}",
                "proj",
                g));
    assertEquals("view dx v_a 1", r.output());
  }

  /** Both callable and an object, like dbt's config. */
  record ConfigDouble(Map<String, Object> values) implements JinjaCallable, PyObject {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      values.putAll(kwargs);
      return "";
    }

    @Override
    public Object attr(String name) {
      return MISSING;
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      if (!method.equals("get")) {
        return MISSING;
      }
      Object d = args.size() > 1 ? args.get(1) : kwargs.get("default");
      return values.getOrDefault(String.valueOf(args.get(0)), d);
    }
  }

  @Test
  void materializationAndTestBlocksDefineMacrosDocsRenderNothing() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "dbt",
                "dbt/mat.sql",
                "{% materialization table, default %}T{% endmaterialization %}"
                    + "{% test not_null(model, column_name) %}select {{ column_name }}{% endtest %}"));
    assertTrue(j.hasMacro("dbt", "materialization_table_default"));
    assertEquals(
        "select id|",
        render(j, "{{ test_not_null('m', 'id') }}|{% docs d %}doc{% enddocs %}").output());
  }

  @Test
  void callMacroLikeGenerateSchemaName() {
    DbtJinja j =
        engine(
            "postgres",
            Map.of(),
            file(
                "dbt",
                "dbt/schema.sql",
                "{% macro generate_schema_name(custom, node) -%}\n"
                    + "  {{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom, node)) }}\n"
                    + "{%- endmacro %}\n"
                    + "{% macro default__generate_schema_name(custom, node) -%}\n"
                    + "  {%- set default_schema = target.schema -%}\n"
                    + "  {%- if custom is none -%}{{ default_schema }}"
                    + "{%- else -%}{{ default_schema }}_{{ custom | trim }}{%- endif -%}\n"
                    + "{%- endmacro %}"),
            file(
                "proj",
                "macros/override.sql",
                "{% macro generate_alias_name(custom, node) %}"
                    + "{{ return(node.name ~ '_x') }}{% endmacro %}"));
    Map<String, Object> g = Map.of("target", Map.of("schema", "analytics"));
    List<Problem> problems = new ArrayList<>();
    assertEquals(
        "analytics_sales",
        j.callMacro(
            "proj", "generate_schema_name", List.of(" sales ", Map.of()), Map.of(), g, problems));
    assertEquals(
        "analytics",
        j.callMacro(
            "proj",
            "generate_schema_name",
            java.util.Arrays.asList(null, Map.of()),
            Map.of(),
            g,
            problems));
    assertEquals(
        "m_x",
        j.callMacro(
            "proj",
            "generate_alias_name",
            List.of(),
            Map.of("custom", "c", "node", Map.of("name", "m")),
            g,
            problems));
    assertEquals(List.of(), problems);
  }

  @Test
  void callMacroWithoutSuchMacroReportsIt() {
    DbtJinja j = engine("postgres", Map.of());
    List<Problem> problems = new ArrayList<>();
    assertNull(
        j.callMacro(
            "proj",
            "generate_schema_name",
            java.util.Arrays.asList("x", null),
            Map.of(),
            Map.of(),
            problems));
    assertEquals(ProblemCode.UNDEFINED_MACRO, problems.get(0).code());
  }
}
