package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code local:} packages are found under their project's name, installed or not: from the
 * install folder (any {@code packages-install-path}) when {@code dbt deps} ran, else straight
 * from their path with a notice, since dbt itself would need {@code dbt deps} first.
 */
class LocalPackagesTest {
  private static final String PACKAGE = """
      -- file: ../dbt_project.yml
      name: revenue_kit
      -- file: ../macros/cents.sql
      {% macro to_dollars(col) %}{{ col }} / 100.0{% endmacro %}
      -- file: ../models/kit_orders.sql
      select 1 as id
      """;

  @Test
  void aLocalPackageNotInstalledIsReadFromItsPathUnderItsProjectName() {
    ProjectInputs in = Fixture.of("""
        -- file: packages.yml
        packages:
          - local: ../
        """ + PACKAGE).load();
    DbtProject kit = in.packages().get("revenue_kit");
    assertEquals(Path.of("/fixture"), kit.dir());
    assertTrue(in.files().stream().anyMatch(f -> f.packageName().equals("revenue_kit")
        && f.relativePath().equals("macros/cents.sql")), in.files().toString());
    Problem notice = in.problems().get(0);
    assertEquals(List.of(notice), in.problems());
    assertEquals(ProblemCode.PACKAGE_READ_LOCALLY, notice.code());
    assertEquals(Severity.INFO, notice.severity());
    assertEquals("packages.yml", notice.file());
    assertEquals(1, notice.line());
    assertTrue(notice.message().contains("'revenue_kit'") && notice.message().contains("dbt deps"),
        notice.message());
  }

  @Test
  void anInstalledCopyInACustomInstallPathIsReadInstead() {
    ProjectInputs in = Fixture.of("""
        -- file: dbt_project.yml
        name: shop
        profile: shop
        packages-install-path: vendor
        -- file: packages.yml
        packages:
          - local: ../
        -- file: vendor/revenue_kit/dbt_project.yml
        name: revenue_kit
        -- file: vendor/revenue_kit/macros/cents.sql
        {% macro to_dollars(col) %}{{ col }} / 100{% endmacro %}
        """ + PACKAGE).load();
    assertEquals(List.of(), in.problems());
    assertEquals(Fixture.ROOT.resolve("vendor/revenue_kit"), in.packages().get("revenue_kit").dir());
  }

  @Test
  void aLocalPathWithoutAProjectIsNotInstalled() {
    ProjectInputs in = Fixture.of("""
        -- file: packages.yml
        packages:
          - local: ../nowhere
        """).load();
    assertEquals(1, in.problems().size(), in.problems().toString());
    assertEquals(ProblemCode.PACKAGES_NOT_INSTALLED, in.problems().get(0).code());
    assertFalse(in.packages().containsKey("nowhere"));
  }
}
