package dev.dbtls.project.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.schema.SchemaViolation.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The test projects compile with dbt 1.12: the schema finds in them only what is really wrong (the
 * broken project's number for require-dbt-version). Kinds other rules report (configs beside
 * config:, test arguments beside arguments:, configs without +) are left to those rules' tests.
 */
class SchemaTestProjectsTest {
  private static final Set<Kind> JSON_SCHEMA_KINDS =
      EnumSet.of(
          Kind.CUSTOM_TOP_LEVEL_KEY,
          Kind.CUSTOM_KEY_IN_CONFIG,
          Kind.CUSTOM_KEY_IN_OBJECT,
          Kind.GENERIC);

  @Test
  void testProjectsHaveOnlyTheirRealViolations() {
    List<String> found = new ArrayList<>();
    for (String p :
        List.of(
            "jaffle_shop",
            "jaffle_shop_lite",
            "jaffle_shop_postgres",
            "multi_adapter_shop",
            "revenue_kit",
            "vscode_shop",
            "broken")) {
      for (String v : SchemaScan.scan(Path.of("..", "test-projects", p), JSON_SCHEMA_KINDS)) {
        found.add(p + "/" + v);
      }
    }
    assertEquals(
        List.of(
            "broken/dbt_project.yml:9:22-25 GENERIC expected string or array or null, found"
                + " number 1.8 at require-dbt-version"),
        found);
  }
}
