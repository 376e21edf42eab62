package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.properties.UnitTestSpec;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code unit_tests:} read into the manifest as dbt reads them: nodes {@code
 * unit_test.<package>.<model>.<name>} depending on their model, every format of rows, and each
 * entry dbt would refuse a located {@code unit-test-invalid} problem instead of a node.
 */
class UnitTestParserTest {
  private static final Manifest M =
      ManifestBuilder.build(
          Fixture.of(
                  """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/staging/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/customers.sql
      select * from {{ ref('stg_orders') }}
      -- file: tests/fixtures/orders.csv
      id,amount
      1,10
      -- file: tests/singular.sql
      select 1 where false
      -- file: models/schema.yml
      sources:
        - name: raw
          tables:
            - name: orders
      unit_tests:
        - name: test_customers
          description: totals per customer
          model: customers
          config:
            tags: [unit]
          given:
            - input: ref('stg_orders')
              rows:
                - {id: 1, amount: 10}
                - {id: 2, amount: null}
          expect:
            format: csv
            rows: |
              id,amount
              1,10
        - name: test_staging
          model: stg_orders
          given:
            - input: source('raw', 'orders')
              format: csv
              fixture: orders
          expect:
            rows: []
        - name: no_model
          model: custmers
          given: []
          expect: {rows: []}
        - name: bad_input
          model: customers
          given:
            - input: ref('nothing_here')
              rows: []
          expect: {rows: []}
        - name: bad_rows
          model: customers
          given:
            - input: ref('stg_orders')
              rows: [1, 2]
          expect:
            rows: "id,amount"
        - name: bad_format
          model: customers
          given:
            - input: ref('stg_orders')
              format: json
              rows: []
          expect: {rows: []}
        - name: no_expect
          model: customers
          given: []
      """)
              .load());

  @Test
  void aUnitTestIsANodeOnItsModel() {
    Node u = M.nodes().get("unit_test.shop.customers.test_customers");
    assertEquals(ResourceType.UNIT_TEST, u.type(), M.nodes().keySet().toString());
    assertEquals(List.of("model.shop.customers"), u.dependsOn());
    assertEquals(List.of("shop", "customers", "test_customers"), u.fqn());
    assertEquals("models/schema.yml", u.displayPath());
    assertEquals(List.of("unit"), u.tags());
    assertEquals("totals per customer", u.description());
    // its span is its name in the YAML: diagnostics and go-to land there
    assertEquals(5, u.span().startLine()); // 0-based
    assertTrue(
        M.problems().stream().noneMatch(p -> p.message().contains("test_customers")),
        M.problems().toString());
    assertTrue(M.dag().childrenOf("model.shop.customers").contains(u.uniqueId()));
    UnitTestSpec spec = (UnitTestSpec) u.extra().get(Node.UNIT_TEST);
    assertEquals("ref('stg_orders')", spec.given().get(0).input());
    assertEquals(2, spec.given().get(0).rows().size());
    assertNull(spec.given().get(0).rows().get(1).get("amount"));
    assertEquals("csv", spec.expect().format());
    assertEquals("id,amount\n1,10\n", spec.expect().text());

    Node staging = M.nodes().get("unit_test.shop.stg_orders.test_staging");
    assertEquals(List.of("shop", "staging", "stg_orders", "test_staging"), staging.fqn());
    UnitTestSpec s = (UnitTestSpec) staging.extra().get(Node.UNIT_TEST);
    assertEquals("orders", s.given().get(0).fixture());
  }

  @Test
  void aFixtureFileIsNoSingularTest() {
    assertTrue(M.nodes().containsKey("test.shop.singular"), M.nodes().keySet().toString());
    assertTrue(
        M.nodes().keySet().stream()
            .noneMatch(id -> id.contains("orders") && id.startsWith("test.")),
        M.nodes().keySet().toString());
    assertTrue(
        M.inputs().files().stream()
            .anyMatch(
                f ->
                    f.kind() == dev.dbtls.project.FileKind.FIXTURE
                        && f.relativePath().equals("tests/fixtures/orders.csv")));
  }

  @Test
  void anEntryDbtWouldRefuseIsALocatedProblem() {
    List<Problem> ps =
        M.problems().stream().filter(p -> p.code() == ProblemCode.UNIT_TEST_INVALID).toList();
    Set<String> where = new TreeSet<>();
    ps.forEach(p -> where.add(p.line() + ": " + p.message()));
    assertTrue(
        ps.stream()
            .anyMatch(
                p ->
                    p.line() == 28
                        && p.message().contains("no model named 'custmers'")
                        && p.message().contains("customers")),
        where.toString());
    assertTrue(
        ps.stream()
            .anyMatch(
                p ->
                    p.line() == 35 && p.message().contains("ref('nothing_here') matches no model")),
        where.toString());
    assertTrue(
        ps.stream().anyMatch(p -> p.line() == 42 && p.message().contains("each row is a mapping")),
        where.toString());
    assertTrue(
        ps.stream()
            .anyMatch(p -> p.line() == 44 && p.message().contains("with format dict, 'rows'")),
        where.toString());
    assertTrue(
        ps.stream().anyMatch(p -> p.line() == 49 && p.message().contains("not 'json'")),
        where.toString());
    assertTrue(
        ps.stream().anyMatch(p -> p.line() == 52 && p.message().contains("has no 'expect'")),
        where.toString());
    assertTrue(ps.stream().allMatch(p -> p.file().equals("models/schema.yml")), ps.toString());
    for (String bad : List.of("no_model", "bad_input", "bad_rows", "bad_format", "no_expect")) {
      assertTrue(
          M.nodes().keySet().stream().noneMatch(id -> id.endsWith("." + bad)),
          M.nodes().keySet().toString());
    }
  }

  @Test
  void selectionMethodsFindUnitTests() {
    assertEquals(Set.of("test_customers", "test_staging"), names("test_type:unit"));
    assertEquals(Set.of("test_customers", "test_staging"), names("resource_type:unit_test"));
    assertEquals(Set.of("singular"), names("test_type:data"));
    assertEquals(Set.of("singular"), names("resource_type:test"));
    assertEquals(Set.of("test_customers"), names("tag:unit"));
    // by its model's name, as dbt's fqn selector finds it
    assertTrue(names("customers").contains("test_customers"), names("customers").toString());
  }

  @Test
  void aVersionedModelHasAUnitTestPerVersionItIncludes() {
    Manifest m =
        ManifestBuilder.build(
            Fixture.of(
                    """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: models/dim_v1.sql
        select 1 as id
        -- file: models/dim_v2.sql
        select 2 as id
        -- file: models/dim.yml
        models:
          - name: dim
            latest_version: 2
            versions:
              - v: 1
              - v: 2
        unit_tests:
          - name: every_version
            model: dim
            given: []
            expect: {rows: [{id: 1}]}
          - name: only_two
            model: dim
            versions:
              include: [2]
            given: []
            expect: {rows: [{id: 2}]}
        """)
                .load());
    Set<String> ids = new TreeSet<>();
    m.nodes().values().stream()
        .filter(n -> n.type() == ResourceType.UNIT_TEST)
        .forEach(n -> ids.add(n.uniqueId() + " -> " + n.dependsOn()));
    assertEquals(
        Set.of(
            "unit_test.shop.dim.every_version_v1 -> [model.shop.dim.v1]",
            "unit_test.shop.dim.every_version_v2 -> [model.shop.dim.v2]",
            "unit_test.shop.dim.only_two_v2 -> [model.shop.dim.v2]"),
        ids);
  }

  private static Set<String> names(String select) {
    Set<String> out = new TreeSet<>();
    new Selector(M)
        .select(List.of(select), List.of())
        .forEach(id -> out.add(M.nodes().get(id).name()));
    return out;
  }
}
