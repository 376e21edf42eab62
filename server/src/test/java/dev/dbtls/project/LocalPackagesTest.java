package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local:} packages are found under their project's name, installed or not: from the install
 * folder (any {@code packages-install-path}) when {@code dbt deps} ran, else straight from their
 * path with a notice, since dbt itself would need {@code dbt deps} first.
 */
class LocalPackagesTest {
  private static final String PACKAGE =
      """
      -- file: ../dbt_project.yml
      name: revenue_kit
      -- file: ../macros/cents.sql
      {% macro to_dollars(col) %}{{ col }} / 100.0{% endmacro %}
      -- file: ../models/kit_orders.sql
      select 1 as id
      """;

  @Test
  void aLocalPackageNotInstalledIsReadFromItsPathUnderItsProjectName() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - local: ../
        """
                    + PACKAGE)
            .load();
    DbtProject kit = in.packages().get("revenue_kit");
    assertEquals(Path.of("/fixture"), kit.dir());
    assertTrue(
        in.files().stream()
            .anyMatch(
                f ->
                    f.packageName().equals("revenue_kit")
                        && f.relativePath().equals("macros/cents.sql")),
        in.files().toString());
    Problem notice = in.problems().get(0);
    assertEquals(List.of(notice), in.problems());
    assertEquals(ProblemCode.PACKAGE_READ_LOCALLY, notice.code());
    assertEquals(Severity.INFO, notice.severity());
    assertEquals("packages.yml", notice.file());
    assertEquals(1, notice.line());
    assertTrue(
        notice.message().contains("'revenue_kit'") && notice.message().contains("dbt deps"),
        notice.message());
  }

  @Test
  void anInstalledCopyInACustomInstallPathIsReadInstead() {
    ProjectInputs in =
        Fixture.of(
                """
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
        """
                    + PACKAGE)
            .load();
    assertEquals(List.of(), in.problems());
    assertEquals(
        Fixture.ROOT.resolve("vendor/revenue_kit"), in.packages().get("revenue_kit").dir());
  }

  @Test
  void onDiskTwoFoldersUpAndThroughTheLinkDbtDepsMakes(@TempDir Path tmp) throws Exception {
    Path pkg = tmp.resolve("revenue-kit-repo");
    Files.createDirectories(pkg.resolve("macros"));
    Files.writeString(pkg.resolve("dbt_project.yml"), "name: revenue_kit\n");
    Files.writeString(
        pkg.resolve("macros/cents.sql"), "{% macro to_dollars(c) %}{{ c }} / 100{% endmacro %}\n");
    Path root = Files.createDirectories(pkg.resolve("integration_tests/ci"));
    Files.writeString(root.resolve("dbt_project.yml"), "name: kit_ci\nprofile: kit_ci\n");
    Files.writeString(root.resolve("packages.yml"), "packages:\n  - local: ../..\n");
    ProjectInputs.Options options =
        new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", tmp.toString()));

    ProjectInputs fromPath = ProjectInputs.load(root, options, FileSource.DISK);
    assertEquals(pkg, fromPath.packages().get("revenue_kit").dir());
    assertTrue(
        fromPath.problems().stream().anyMatch(p -> p.code() == ProblemCode.PACKAGE_READ_LOCALLY),
        fromPath.problems().toString());
    assertTrue(fromPath.files().stream().anyMatch(f -> f.packageName().equals("revenue_kit")));

    // what dbt deps does for a local package: a link named after the project
    Files.createDirectories(root.resolve("dbt_packages"));
    Files.createSymbolicLink(root.resolve("dbt_packages/revenue_kit"), pkg);
    ProjectInputs installed = ProjectInputs.load(root, options, FileSource.DISK);
    assertEquals(
        root.resolve("dbt_packages/revenue_kit"), installed.packages().get("revenue_kit").dir());
    assertTrue(
        installed.problems().stream()
            .noneMatch(
                p ->
                    p.code() == ProblemCode.PACKAGE_READ_LOCALLY
                        || p.code() == ProblemCode.PACKAGES_NOT_INSTALLED),
        installed.problems().toString());
    assertTrue(
        installed.files().stream()
            .anyMatch(
                f ->
                    f.packageName().equals("revenue_kit")
                        && f.relativePath().equals("macros/cents.sql")),
        installed.files().toString());
  }

  @Test
  void aLocalPathWithoutAProjectIsNotInstalled() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - local: ../nowhere
        """)
            .load();
    assertEquals(1, in.problems().size(), in.problems().toString());
    assertEquals(ProblemCode.PACKAGES_NOT_INSTALLED, in.problems().get(0).code());
    assertFalse(in.packages().containsKey("nowhere"));
  }

  /**
   * dbt loads every project installed in the packages folder whatever packages.yml says: here its
   * {@code local:} path does not resolve (written on another machine), the package is installed
   * under its own name as the link {@code dbt deps} made, and a second one is installed that no
   * entry names.
   */
  @Test
  void everyInstalledProjectIsLoadedWhateverPackagesYmlSays(@TempDir Path tmp) throws Exception {
    Path pkg = tmp.resolve("elsewhere/kit");
    Files.createDirectories(pkg.resolve("macros"));
    Files.writeString(pkg.resolve("dbt_project.yml"), "name: revenue_kit\n");
    Files.writeString(
        pkg.resolve("macros/cents.sql"), "{% macro to_dollars(c) %}{{ c }} / 100{% endmacro %}\n");
    Path root = Files.createDirectories(tmp.resolve("shop"));
    Files.writeString(root.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(root.resolve("packages.yml"), "packages:\n  - local: ../../ci/kit\n");
    Files.createDirectories(root.resolve("dbt_packages/extra/macros"));
    Files.writeString(root.resolve("dbt_packages/extra/dbt_project.yml"), "name: extra\n");
    Files.writeString(
        root.resolve("dbt_packages/extra/macros/m.sql"), "{% macro m() %}1{% endmacro %}\n");
    Files.createSymbolicLink(root.resolve("dbt_packages/revenue_kit"), pkg);
    ProjectInputs.Options options =
        new ProjectInputs.Options(null, null, null, Map.of(), Map.of("HOME", tmp.toString()));

    ProjectInputs in = ProjectInputs.load(root, options, FileSource.DISK);
    assertEquals(List.of("extra", "revenue_kit"), List.copyOf(in.packages().keySet()));
    assertEquals(root.resolve("dbt_packages/revenue_kit"), in.packages().get("revenue_kit").dir());
    assertTrue(
        in.files().stream()
            .anyMatch(
                f ->
                    f.packageName().equals("revenue_kit")
                        && f.relativePath().equals("macros/cents.sql")),
        in.files().toString());
    assertTrue(
        in.problems().stream()
            .noneMatch(
                p ->
                    p.code() == ProblemCode.PACKAGES_NOT_INSTALLED
                        || p.code() == ProblemCode.PACKAGE_READ_LOCALLY),
        in.problems().toString());
    assertEquals(
        1,
        in.files().stream().filter(f -> f.relativePath().equals("macros/cents.sql")).count(),
        "read once");
  }

  @Test
  void aLocalPackageInstalledAndReachableIsLoadedOnce() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - local: ../
        -- file: dbt_packages/revenue_kit/dbt_project.yml
        name: revenue_kit
        -- file: dbt_packages/revenue_kit/macros/cents.sql
        {% macro to_dollars(col) %}{{ col }} / 100{% endmacro %}
        """
                    + PACKAGE)
            .load();
    assertEquals(List.of(), in.problems());
    assertEquals(
        Fixture.ROOT.resolve("dbt_packages/revenue_kit"), in.packages().get("revenue_kit").dir());
    assertEquals(
        1,
        in.files().stream()
            .filter(
                f ->
                    f.packageName().equals("revenue_kit")
                        && f.relativePath().equals("macros/cents.sql"))
            .count());
  }

  @Test
  void aLocalPathUpFromAProjectReachedThroughASymbolicLinkIsReadWhereTheLinkLeads(@TempDir Path tmp)
      throws Exception {
    // repo/ is the package, repo/integration_tests its test project, opened through a link
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("dbt_project.yml"), "name: revenue_kit\n");
    Files.createDirectories(repo.resolve("macros"));
    Files.writeString(
        repo.resolve("macros/cents.sql"),
        "{% macro to_dollars(col) %}{{ col }} / 100.0{% endmacro %}\n");
    Path tests = Files.createDirectories(repo.resolve("integration_tests"));
    Files.writeString(tests.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(tests.resolve("packages.yml"), "packages:\n  - local: ../\n");
    Files.writeString(
        tests.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Path link = Files.createSymbolicLink(tmp.resolve("shop"), tests);

    ProjectInputs in = ProjectInputs.load(link, ProjectInputs.Options.defaults(), FileSource.DISK);

    assertTrue(in.packages().containsKey("revenue_kit"), in.packages().keySet().toString());
    assertEquals(
        List.of(ProblemCode.PACKAGE_READ_LOCALLY),
        in.problems().stream().map(Problem::code).toList(),
        in.problems().toString());
  }
}
