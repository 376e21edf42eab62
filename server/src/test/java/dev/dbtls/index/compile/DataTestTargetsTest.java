package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data tests of disabled or missing nodes are disabled as dbt disables them; a ref to a node that
 * does not exist is a warning; custom test names are unique per tested node.
 */
class DataTestTargetsTest {
  private static final String SHOP =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          legacy:
            +enabled: false
      -- file: models/legacy/old_orders.sql
      select 1 as id
      -- file: models/orders.sql
      select 1 as id, 1 as customer_id
      -- file: models/customers.sql
      select 1 as id
      -- file: models/schema.yml
      version: 2
      models:
        - name: old_orders
          columns:
            - name: id
              data_tests: [unique, not_null]
        - name: orders
          columns:
            - name: customer_id
              data_tests:
                - relationships:
                    to: ref('customers')
                    field: id
                - relationships:
                    to: ref('old_orders')
                    field: id
                - relationships:
                    to: ref('clients')
                    field: id
      -- file: tests/no_old_orders_left.sql
      select * from {{ ref('old_orders') }} where id is null
      """;

  private static Manifest load(String spec) {
    return YamlJinjaConfigTest.load(spec, null, Map.of()).manifest();
  }

  private static List<String> names(Manifest m, boolean enabled) {
    return (enabled ? m.nodes() : m.disabled())
        .values().stream()
            .filter(n -> n.type() == ResourceType.TEST)
            .map(Node::name)
            .sorted()
            .toList();
  }

  @Test
  void testsOfDisabledNodesAreDisabledWithoutAWord() {
    Manifest m = load(SHOP);
    assertEquals(List.of("relationships_orders_customer_id__id__ref_customers_"), names(m, true));
    assertEquals(
        List.of(
            "no_old_orders_left",
            "not_null_old_orders_id",
            "relationships_orders_customer_id__id__ref_clients_",
            "relationships_orders_customer_id__id__ref_old_orders_",
            "unique_old_orders_id"),
        names(m, false));
    assertEquals(List.of(), YamlJinjaConfigTest.errors(m));
  }

  @Test
  void aTestsRefToAMissingNodeIsALocatedWarning() {
    Manifest m = load(SHOP);
    List<Problem> shown = m.problems().stream().filter(p -> p.severity() != Severity.INFO).toList();
    assertEquals(1, shown.size(), shown.toString());
    Problem p = shown.get(0);
    assertEquals(ProblemCode.TEST_TARGET_MISSING, p.code());
    assertEquals(Severity.WARNING, p.severity());
    assertEquals("models/schema.yml", p.file());
    assertEquals(16, p.line(), "the test's entry (0-based)");
    assertTrue(p.message().contains("ref('clients')"), p.message());
  }

  @Test
  void testsOfUndescribedModelsAndDisabledSourcesAreDisabledToo() {
    Manifest m =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        sources:
          shop:
            crm:
              +enabled: false
        -- file: models/schema.yml
        version: 2
        models:
          - name: ghost
            columns:
              - name: id
                tests: [unique]
        sources:
          - name: crm
            tables:
              - name: accounts
                columns:
                  - name: id
                    tests: [not_null]
        """);
    assertEquals(List.of(), names(m, true));
    assertEquals(List.of("source_not_null_crm_accounts_id", "unique_ghost_id"), names(m, false));
    assertEquals(
        List.of(ProblemCode.PROPERTY_UNKNOWN_NODE),
        m.problems().stream().map(Problem::code).toList());
  }

  @Test
  void everyVersionOfAModelIsTestedWithItsOwnColumns() {
    Manifest m =
        load(
            """
        -- file: models/customers_v1.sql
        select 1 as id, 'x' as name
        -- file: models/customers_v2.sql
        select 1 as id, 'x' as full_name
        -- file: models/schema.yml
        version: 2
        models:
          - name: customers
            latest_version: 2
            columns:
              - name: id
                tests: [unique]
              - name: full_name
                tests: [not_null]
            versions:
              - v: 1
                columns:
                  - include: all
                    exclude: [full_name]
              - v: 2
        """);
    assertEquals(List.of(), m.problems());
    assertEquals(
        List.of(
            "not_null_customers_v2_full_name", "unique_customers_v1_id", "unique_customers_v2_id"),
        names(m, true));
    assertEquals(
        List.of("model.shop.customers.v1"),
        m.nodes().values().stream()
            .filter(n -> n.name().equals("unique_customers_v1_id"))
            .findFirst()
            .orElseThrow()
            .dependsOn());
  }

  @Test
  void customNamesAreUniquePerModel() {
    StringBuilder spec = new StringBuilder();
    StringBuilder yaml = new StringBuilder("-- file: models/schema.yml\nversion: 2\nmodels:\n");
    for (String model : List.of("shirts", "shoes", "hats")) {
      spec.append("-- file: models/").append(model).append(".sql\nselect 'a' as sku\n");
      yaml.append("  - name: ")
          .append(model)
          .append("\n    columns:\n      - name: sku\n")
          .append(
              "        tests:\n          - accepted_values:\n              name: assert_valid_sku_names\n")
          .append("              values: ['a', 'b']\n");
    }
    Manifest m = load(spec.toString() + yaml);
    assertEquals(List.of(), m.problems());
    List<Node> tests =
        m.nodes().values().stream().filter(n -> n.type() == ResourceType.TEST).toList();
    assertEquals(3, tests.size());
    tests.forEach(t -> assertEquals("assert_valid_sku_names", t.name()));
    assertEquals(
        List.of("model.shop.hats", "model.shop.shirts", "model.shop.shoes"),
        tests.stream().map(t -> t.dependsOn().get(0)).sorted().toList());
  }

  @Test
  void theSameCustomNameTwiceOnOneColumnIsStillADuplicate() {
    Manifest m =
        load(
            """
        -- file: models/shirts.sql
        select 'a' as sku
        -- file: models/schema.yml
        version: 2
        models:
          - name: shirts
            columns:
              - name: sku
                tests:
                  - not_null:
                      name: sku_checked
                  - not_null:
                      name: sku_checked
        """);
    assertTrue(
        m.problems().stream().anyMatch(p -> p.code() == ProblemCode.NODE_DUPLICATE),
        m.problems().toString());
  }
}
