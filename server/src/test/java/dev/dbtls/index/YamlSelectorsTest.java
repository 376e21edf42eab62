package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSelectors;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** selectors.yml: each form of a definition, references, cycles, unknown names and the default. */
class YamlSelectorsTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          staging:
            +tags: [stage, nightly]
      -- file: models/staging/stg_a.sql
      select 1 as id
      -- file: models/staging/stg_b.sql
      select * from {{ ref('stg_a') }}
      -- file: models/marts/m1.sql
      {{ config(materialized='table', tags=['daily']) }}
      select * from {{ ref('stg_b') }}
      -- file: models/marts/m2.sql
      select * from {{ ref('m1') }} join {{ ref('stg_a') }} using (id)
      -- file: models/marts/m2.yml
      models:
        - name: m2
          columns:
            - name: id
              data_tests: [not_null]
        - name: m1
          columns:
            - name: id
              data_tests: [unique]
      """;

  private static final Manifest M = ManifestBuilder.build(Fixture.of(PROJECT).load());

  private record Run(Set<String> names, List<Problem> problems) {}

  private static Run run(String selectorsYml, String name) {
    YamlSelectors yaml = YamlSelectors.parse(selectorsYml, null, "shop");
    Selector s = new Selector(M, yaml);
    Set<String> out = new TreeSet<>();
    s.selector(name).forEach(id -> out.add(M.nodes().get(id).name()));
    List<Problem> problems = new java.util.ArrayList<>(yaml.problems());
    problems.addAll(s.problems());
    return new Run(out, problems);
  }

  private static Set<String> names(String selectorsYml, String name) {
    Run r = run(selectorsYml, name);
    assertEquals(List.of(), r.problems());
    return r.names();
  }

  private static final String UNIQUE_M1 = "unique_m1_id";
  private static final String NOT_NULL_M2 = "not_null_m2_id";

  @Test
  void cliStyleStringWithGraphOperators() {
    assertEquals(
        Set.of("stg_b", "m1", "m2", UNIQUE_M1, NOT_NULL_M2),
        names(
            """
            selectors:
              - name: after_b
                definition: 'stg_b+'
            """,
            "after_b"));
  }

  @Test
  void keyValueAndConfigMethod() {
    assertEquals(
        Set.of("stg_a", "stg_b"),
        names(
            """
            selectors:
              - name: nightly
                definition:
                  tag: nightly
            """,
            "nightly"));
    assertEquals(
        Set.of("m1", UNIQUE_M1),
        names(
            """
            selectors:
              - name: tables
                definition:
                  config.materialized: table
            """,
            "tables"));
  }

  @Test
  void fullFormWithParentsDepthAndExclude() {
    assertEquals(
        Set.of("stg_b", "m1", UNIQUE_M1),
        names(
            """
            selectors:
              - name: m1_and_one_parent
                definition:
                  method: fqn
                  value: m1
                  parents: true
                  parents_depth: 1
            """,
            "m1_and_one_parent"));
    assertEquals(
        Set.of("stg_a", "stg_b"),
        names(
            """
            selectors:
              - name: up_to_m1_less_m1
                definition:
                  method: fqn
                  value: m1
                  parents: true
                  exclude:
                    - m1
            """,
            "up_to_m1_less_m1"));
    assertEquals(
        Set.of("stg_a", "stg_b", "m1", "m2", UNIQUE_M1, NOT_NULL_M2),
        names(
            """
            selectors:
              - name: at_b
                definition:
                  method: path
                  value: models/staging/stg_b.sql
                  childrens_parents: true
            """,
            "at_b"));
  }

  @Test
  void unionIntersectionAndExcludeInside() {
    assertEquals(
        Set.of("stg_a", "m1", UNIQUE_M1),
        names(
            """
            selectors:
              - name: u
                definition:
                  union:
                    - tag: daily
                    - method: tag
                      value: stage
                    - exclude:
                        - stg_b
            """,
            "u"));
    assertEquals(
        Set.of("stg_b"),
        names(
            """
            selectors:
              - name: i
                definition:
                  intersection:
                    - tag: stage
                    - '+m1'
                    - exclude: [stg_a]
            """,
            "i"));
  }

  @Test
  void indirectSelectionOfTests() {
    String yml =
        """
        selectors:
          - name: m2_eager
            definition: {method: fqn, value: m2}
          - name: m2_empty
            definition: {method: fqn, value: m2, indirect_selection: empty}
          - name: m1_cautious
            definition: {method: fqn, value: m1, indirect_selection: cautious}
          - name: m2_only_cautious
            definition: {method: fqn, value: m2, indirect_selection: cautious}
          - name: no_tests
            definition:
              union:
                - m1
                - exclude:
                    - test_type:generic
        """;
    assertEquals(Set.of("m2", NOT_NULL_M2), names(yml, "m2_eager"));
    assertEquals(Set.of("m2"), names(yml, "m2_empty"));
    assertEquals(Set.of("m1", UNIQUE_M1), names(yml, "m1_cautious"));
    assertEquals(Set.of("m1"), names(yml, "no_tests"));
    assertEquals(Set.of("m2", NOT_NULL_M2), names(yml, "m2_only_cautious"));
  }

  @Test
  void selectorMethodReusesAnotherSelector() {
    String yml =
        """
        selectors:
          - name: less_daily
            definition:
              intersection:
                - method: selector
                  value: staged_and_daily
                - exclude:
                    - tag: daily
          - name: staged_and_daily
            definition:
              union: [{tag: stage}, {tag: daily}]
        """;
    assertEquals(Set.of("stg_a", "stg_b"), names(yml, "less_daily"));
    // dbt 1.12: selector:NAME in --select
    YamlSelectors yaml = YamlSelectors.parse(yml, null, "shop");
    Selector s = new Selector(M, yaml);
    Set<String> out = new TreeSet<>();
    s.select(List.of("selector:less_daily", "m2"), List.of())
        .forEach(id -> out.add(M.nodes().get(id).name()));
    assertEquals(Set.of("stg_a", "stg_b", "m2"), out);
    assertEquals(List.of(), s.problems());
  }

  @Test
  void anUnknownKeyOfTheFullFormIsAWarningAsDbtIgnoresIt() {
    Run r =
        run(
            """
            selectors:
              - name: m1_up
                definition: {method: fqn, value: m1, parents: true, depth: 1}
            """,
            "m1_up");
    assertEquals(Set.of("stg_a", "stg_b", "m1", UNIQUE_M1), r.names());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(dev.dbtls.project.Severity.WARNING, r.problems().get(0).severity());
    assertTrue(r.problems().get(0).message().contains("unknown key 'depth'"));
  }

  @Test
  void cycleIsALocatedProblem() {
    Run r =
        run(
            """
            selectors:
              - name: a
                definition:
                  union:
                    - selector: b
              - name: b
                definition:
                  method: selector
                  value: a
            """,
            "a");
    assertEquals(Set.of(), r.names());
    assertEquals(1, r.problems().size(), r.problems().toString());
    Problem p = r.problems().get(0);
    assertEquals("selectors.yml", p.file());
    assertEquals("selector-invalid", p.code().id());
    assertTrue(p.message().contains("a -> b -> a"), p.message());
    assertEquals(8, p.line(), "at the reference of 'a' in b");
  }

  @Test
  void unknownNamesAndMethodsAreLocatedProblems() {
    Run r =
        run(
            """
            selectors:
              - name: x
                definition:
                  union:
                    - selector: nope
                    - colour: red
                    - method: tag
            """,
            "x");
    assertEquals(Set.of(), r.names());
    List<String> where =
        r.problems().stream().map(p -> p.file() + ":" + (p.line() + 1)).sorted().toList();
    assertEquals(List.of("selectors.yml:5", "selectors.yml:6", "selectors.yml:7"), where);
    assertTrue(r.problems().get(0).message().contains("no selector named 'nope'"));
    assertTrue(
        r.problems().stream().anyMatch(p -> p.message().contains("unknown selector method")),
        r.problems().toString());
    Run cli = run("selectors:\n  - name: x\n    definition: m1\n", "y");
    assertEquals(Set.of(), cli.names());
    assertEquals("no selector named 'y' (known: x)", cli.problems().get(0).message());
  }

  @Test
  void defaultSelector() {
    YamlSelectors one =
        YamlSelectors.parse(
            """
            selectors:
              - name: a
                definition: m1
              - name: b
                default: true
                definition: m2
            """,
            null,
            "shop");
    assertEquals("b", one.defaultName());
    assertEquals(List.of("a", "b"), one.names());
    YamlSelectors two =
        YamlSelectors.parse(
            """
            selectors:
              - name: a
                default: true
                definition: m1
              - name: b
                default: true
                definition: m2
            """,
            null,
            "shop");
    assertEquals("a", two.defaultName());
    assertEquals(1, two.problems().size());
    assertEquals(5, two.problems().get(0).line(), "0-based: the second default");
    assertTrue(two.problems().get(0).message().contains("multiple selectors with `default: true`"));
  }

  @Test
  void jinjaDefaultRendersWithTheTarget() {
    String selectors =
        """
        selectors:
          - name: prod_only
            default: "{{ target.name == 'prod' }}"
            definition: m1
          - name: dev_only
            default: "{{ target.name != 'prod' }}"
            definition: m2
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev: {type: duckdb, path: ':memory:'}
            prod: {type: duckdb, path: ':memory:'}
        """;
    Fixture f = Fixture.of(PROJECT + "-- file: selectors.yml\n" + selectors);
    YamlSelectors dev = ProjectSelectors.of(f.snapshot());
    assertEquals(List.of(), dev.problems());
    assertEquals("dev_only", dev.defaultName());
    YamlSelectors prod =
        ProjectSelectors.of(f.snapshot("prod", java.util.Map.of(), java.util.Map.of()));
    assertEquals("prod_only", prod.defaultName());
    assertNull(ProjectSelectors.of(Fixture.of(PROJECT).snapshot()).defaultName());
  }
}
