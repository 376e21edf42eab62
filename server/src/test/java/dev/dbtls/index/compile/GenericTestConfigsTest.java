package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generic test's configs ({@code severity}, {@code where}, {@code tags}, ...) are taken out of
 * its arguments as dbt's TestBuilder does, whether written beside the arguments, under {@code
 * config:} or under {@code arguments:}; the rest are the test macro's arguments.
 */
class GenericTestConfigsTest {
  private static final String SHOP =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        strict: false
      -- file: models/orders.sql
      select 1 as id, 'placed' as status
      -- file: models/schema.yml
      version: 2
      models:
        - name: orders
          columns:
            - name: id
              tests:
                - unique:
                    severity: warn
                    where: "status != 'deleted'"
                    tags: [nightly]
                    limit: 10
                    store_failures: true
                    description: every order once
                - not_null:
                    config:
                      severity: "{{ 'error' if var('strict') else 'warn' }}"
                      meta: {owner: data}
            - name: status
              data_tests:
                - accepted_values:
                    arguments:
                      values: ['placed', 'shipped']
                      severity: warn
                      warn_if: ">10"
                      error_if: ">100"
                - name: status_known
                  test_name: accepted_values
                  values: ['placed']
                  enabled: "{{ target.name == 'dev' }}"
                  config:
                    fail_calc: count(*)
      """;

  private static List<Node> tests(ProjectSnapshot s) {
    return s.manifest().nodes().values().stream()
        .filter(n -> n.type() == ResourceType.TEST)
        .sorted(Comparator.comparing(Node::name))
        .toList();
  }

  @Test
  void configsAreNotArgumentsAndDoNotNameTheTest() {
    ProjectSnapshot s = YamlJinjaConfigTest.load(SHOP, null, Map.of());
    assertEquals(List.of(), s.manifest().problems());
    List<Node> tests = tests(s);
    assertEquals(
        List.of(
            "accepted_values_orders_status__placed__shipped",
            "not_null_orders_id",
            "status_known",
            "unique_orders_id"),
        tests.stream().map(Node::name).toList());
    Node unique = tests.get(3);
    assertEquals("warn", unique.config().get("severity"));
    assertEquals("status != 'deleted'", unique.config().get("where"));
    assertEquals(List.of("nightly"), unique.tags());
    assertEquals(10L, ((Number) unique.config().get("limit")).longValue());
    assertEquals(Map.of("column_name", "id"), unique.extra().get("kwargs"));
    Node notNull = tests.get(1);
    assertEquals("warn", notNull.config().get("severity"), "rendered with the project's vars");
    assertEquals(Map.of("owner", "data"), notNull.config().get("meta"));
    Node accepted = tests.get(0);
    assertEquals(">10", accepted.config().get("warn_if"));
    assertEquals(
        Map.of("values", List.of("placed", "shipped"), "column_name", "status"),
        accepted.extra().get("kwargs"));
    Node known = tests.get(2);
    assertEquals(Boolean.TRUE, known.config().get("enabled"));
    assertEquals("count(*)", known.config().get("fail_calc"));
  }

  @Test
  void everyTestCompilesWithItsConfigsApplied() {
    ProjectSnapshot s = YamlJinjaConfigTest.load(SHOP, null, Map.of());
    NodeCompiler compiler = new NodeCompiler(s);
    for (Node t : tests(s)) {
      CompiledNode c = compiler.compile(t);
      assertFalse(c.failed(), () -> t.name() + ": " + c.problems());
      assertEquals(List.of(), c.problems(), t.name());
    }
    String unique = compiler.compile(tests(s).get(3)).sql();
    assertTrue(unique.contains("where status != 'deleted'"), unique);
  }

  @Test
  void aWhereThatCallsAMacroIsRenderedWhenTheTestCompiles() {
    ProjectSnapshot s =
        YamlJinjaConfigTest.load(
            """
        -- file: macros/recent.sql
        {% macro recent_days() %}3{% endmacro %}
        -- file: models/orders.sql
        select 1 as id, current_date as ordered_on
        -- file: models/schema.yml
        version: 2
        models:
          - name: orders
            columns:
              - name: id
                tests:
                  - unique:
                      config:
                        where: "ordered_on >= current_date - {{ recent_days() }}"
        """,
            null, Map.of());
    assertEquals(List.of(), s.manifest().problems(), "a macro is no error at load");
    CompiledNode c = new NodeCompiler(s).compile(tests(s).get(0));
    assertEquals(List.of(), c.problems());
    assertTrue(c.sql().contains("where ordered_on >= current_date - 3)"), c.sql());
  }

  @Test
  void aTestDisabledByARenderedConfigIsDisabled() {
    Manifest m = YamlJinjaConfigTest.load(SHOP, "pg", Map.of()).manifest();
    assertTrue(m.disabled().values().stream().anyMatch(n -> n.name().equals("status_known")));
  }

  @Test
  void aTestThatCannotCompileIsAnErrorAtItsEntry() {
    ProjectSnapshot s =
        YamlJinjaConfigTest.load(
            """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/schema.yml
        version: 2
        models:
          - name: orders
            columns:
              - name: id
                tests:
                  - is_even
                  - accepted_values:
                      values: "{{ var('no_such_list') }}"
        """,
            null,
            Map.of());
    NodeCompiler compiler = new NodeCompiler(s);
    List<Problem> problems =
        tests(s).stream()
            .flatMap(t -> compiler.compile(t).problems().stream())
            .filter(Problem::isError)
            .toList();
    assertEquals(2, problems.size(), problems.toString());
    for (Problem p : problems) {
      assertEquals("models/schema.yml", p.file());
      assertTrue(p.line() >= 5, p.toString());
    }
    assertTrue(
        problems.stream().anyMatch(p -> p.code() == ProblemCode.UNDEFINED_MACRO),
        problems.toString());
  }

  @Test
  void aTestNameIsReadAsDbtReadsItWhateverFollowsIt() {
    // dbt's TEST_NAME_PATTERN.match keeps the [namespace.]name at the start: a trailing colon in a
    // quoted key (seen in a public project) still names accepted_values
    ProjectSnapshot s =
        YamlJinjaConfigTest.load(
            """
        -- file: models/orders.sql
        select 1 as id, 'placed' as status
        -- file: models/schema.yml
        version: 2
        models:
          - name: orders
            columns:
              - name: status
                data_tests:
                  - "accepted_values:":
                      values: ['placed']
                  - "not_null:"
        """,
            null,
            Map.of());
    assertEquals(List.of(), s.manifest().problems());
    NodeCompiler compiler = new NodeCompiler(s);
    List<Node> tests = tests(s);
    assertEquals(
        List.of("accepted_values_orders_status__placed", "not_null_orders_status"),
        tests.stream().map(Node::name).toList());
    for (Node t : tests) {
      assertEquals(List.of(), compiler.compile(t).problems(), t.name());
    }
  }
}
