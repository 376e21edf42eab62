package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectInputsTest {

  @Test
  void readsDbtProjectWithDbtDefaults() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        version: '1.0'
        profile: shop
        model-paths: ["models", "more_models"]
        vars:
          days: 3
          jaffle_utils:
            cents: true
        dispatch:
          - macro_namespace: dbt_utils
            search_order: [shop, dbt_utils]
        """)
            .load();
    DbtProject p = in.root();
    assertEquals("shop", p.name());
    assertEquals(List.of("models", "more_models"), p.modelPaths());
    assertEquals(List.of("seeds"), p.seedPaths());
    assertEquals("target", p.targetPath());
    assertEquals("dbt_packages", p.packagesInstallPath());
    assertEquals(List.of(new Dispatch("dbt_utils", List.of("shop", "dbt_utils"))), p.dispatch());
    assertEquals(3L, in.vars().lookup("shop", "days").orElseThrow().value());
    assertTrue(in.vars().lookup("shop", "cents").isEmpty(), "package-scoped var leaked into root");
    assertEquals(List.of(), in.problems());
  }

  @Test
  void resourcePathsAreRenderedAsDbtRendersDbtProjectYml() {
    Fixture f =
        Fixture.of(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        model-paths: ["{{ env_var('SHOP_MODELS', 'models') }}", "shared"]
        macro-paths: "{{ env_var('SHOP_MACROS', 'macros') }}"
        seed-paths: ["{{ env_var('SHOP_SEEDS', 'seeds_raw') }}"]
        test-paths: ["{{ env_var('SHOP_TESTS') }}"]
        """);
    ProjectInputs in =
        f.load(Map.of(), Map.of("SHOP_MODELS", "warehouse/models", "SHOP_TESTS", "checks"));
    assertEquals(List.of("warehouse/models", "shared"), in.root().modelPaths());
    assertEquals(List.of("macros"), in.root().macroPaths());
    assertEquals(List.of("seeds_raw"), in.root().seedPaths());
    assertEquals(List.of("checks"), in.root().testPaths());
    assertEquals(List.of(), in.problems());
    ProjectInputs unset = f.load(Map.of(), Map.of());
    assertEquals(ProblemCode.ENV_VAR_MISSING, unset.problems().get(0).code());
    assertTrue(
        unset.problems().get(0).format().startsWith("dbt_project.yml:6:"),
        unset.problems().get(0).format());
  }

  @Test
  void wrongTypeIsLocatedAndTheRestStillCounts() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        model-paths: 42
        seed-paths: [data]
        """)
            .load();
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.YAML_SCHEMA, p.code());
    assertEquals(
        "dbt_project.yml:3:14: warning yaml-schema: 'model-paths' must be a list of folders",
        p.format());
    assertEquals(List.of("models"), in.root().modelPaths());
    assertEquals(List.of("data"), in.root().seedPaths());
  }

  @Test
  void malformedYamlIsALocatedProblemNotACrash() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: [shop
        """)
            .load();
    assertEquals(ProblemCode.YAML_SYNTAX, in.problems().get(0).code());
    assertEquals("dbt_project.yml", in.problems().get(0).file());
    assertEquals("project", in.root().name());
  }

  @Test
  void profileTargetAndEnvVarsAreChosenAsDbtDoes() {
    Fixture f =
        Fixture.of(
            """
        -- file: profiles.yml
        shop:
          target: "{{ env_var('SHOP_TARGET', 'dev') }}"
          outputs:
            dev:
              type: postgres
              host: 127.0.0.1
              port: "{{ env_var('PG_PORT') | int }}"
              user: postgres
              password: "{{ env_var('PG_PASSWORD') }}"
              dbname: analytics
              schema: dbt_dev
            prod:
              type: snowflake
              database: ANALYTICS
              schema: PROD
        """);
    ProjectInputs in = f.load(Map.of(), Map.of("PG_PORT", "5433", "PG_PASSWORD", "s3cret"));
    Target t = in.target();
    assertEquals("dev", t.name());
    assertEquals("postgres", t.type());
    assertEquals("analytics", t.database());
    assertEquals("dbt_dev", t.schema());
    assertEquals(5433L, t.fields().get("port"));
    assertNull(t.toJinja().get("password"), "secrets never reach templates");
    assertEquals(List.of(), in.problems());

    ProjectInputs prod = f.load(Map.of(), Map.of("SHOP_TARGET", "prod", "PG_PORT", "1"));
    assertEquals("snowflake", prod.target().type());
    assertEquals("ANALYTICS", prod.target().database());
  }

  @Test
  void missingEnvVarWithoutDefaultIsReported() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: postgres
              password: "{{ env_var('NOPE') }}"
        """)
            .load();
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.ENV_VAR_MISSING, p.code());
    assertTrue(p.message().contains("'NOPE'"), p.message());
    assertEquals(5, p.line(), "0-based: the password line");
  }

  @Test
  void duckdbDatabaseIsTheFileNameOfPath() {
    assertEquals(
        "jaffle",
        Target.of("dev", "p", Map.of("type", "duckdb", "path", "data/jaffle.duckdb")).database());
    assertEquals(
        "memory", Target.of("dev", "p", Map.of("type", "duckdb", "path", ":memory:")).database());
    assertEquals("main", Target.of("dev", "p", Map.of("type", "duckdb")).schema());
  }

  @Test
  void missingProfileFallsBackWithAClearMessage() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: nowhere
        """)
            .load();
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.PROFILE_MISSING, p.code());
    assertTrue(p.message().contains("profile 'nowhere' is not in"), p.message());
    assertEquals("duckdb", in.target().type());
  }

  @Test
  void missingTargetIsReported() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            prod: {type: duckdb}
        """)
            .load();
    assertEquals(ProblemCode.TARGET_MISSING, in.problems().get(0).code());
  }

  @Test
  void aGitPackageInstalledUnderItsProjectNameIsFound() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - package: dbt-labs/dbt_utils
            version: 1.1.1
          - git: "https://github.com/dbt-labs/dbt-audit-helper.git"
            revision: main
          - git: "https://github.com/acme/dbt-internal-macros.git"
            revision: main
        -- file: dbt_packages/dbt_utils/dbt_project.yml
        name: dbt_utils
        -- file: dbt_packages/audit_helper/dbt_project.yml
        name: audit_helper
        -- file: dbt_packages/acme/dbt_project.yml
        name: acme
        """)
            .load();
    // audit_helper by its repo name without dbt-; acme is the one installed package no entry names
    assertEquals(List.of(), in.problems());
    ProjectInputs missing =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - git: "https://github.com/acme/dbt-internal-macros.git"
            revision: main
        """)
            .load();
    assertEquals(ProblemCode.PACKAGES_NOT_INSTALLED, missing.problems().get(0).code());
  }

  @Test
  void packagesListedButNotInstalledGetAMessage() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: packages.yml
        packages:
          - package: dbt-labs/dbt_utils
            version: 1.1.1
          - local: ../helpers
          - package: dbt-labs/codegen
            version: 0.12.1
        -- file: dbt_packages/dbt_utils/dbt_project.yml
        name: dbt_utils
        -- file: ../helpers/dbt_project.yml
        name: helpers
        """)
            .load();
    List<Problem> warnings =
        in.problems().stream().filter(p -> p.severity() != Severity.INFO).toList();
    assertEquals(1, warnings.size(), in.problems().toString());
    Problem p = warnings.get(0);
    assertEquals(ProblemCode.PACKAGES_NOT_INSTALLED, p.code());
    assertEquals(4, p.line());
    assertTrue(p.message().contains("dbt-labs/codegen"), p.message());
    assertTrue(in.packages().containsKey("dbt_utils"));
    assertTrue(in.packages().containsKey("helpers"), "a local package is read from its path");
  }

  @Test
  void varsFollowDbtPrecedence() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          color: red
          utils:
            color: blue
        -- file: dbt_packages/utils/dbt_project.yml
        name: utils
        vars:
          color: green
          size: 3
        """)
            .load(Map.of("size", 9), Map.of());
    assertEquals("red", in.vars().lookup("shop", "color").orElseThrow().value());
    assertEquals("blue", in.vars().lookup("utils", "color").orElseThrow().value());
    assertEquals(9, in.vars().lookup("utils", "size").orElseThrow().value());
  }

  @Test
  void requireDbtVersionIsCheckedAgainstTheEmulatedVersion() {
    ProjectInputs ok =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        require-dbt-version: [">=1.7.0", "<2.0.0"]
        """)
            .load();
    assertEquals(List.of(), ok.problems());
    ProjectInputs old =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        require-dbt-version: ">=1.3.0,<1.5.0"
        """)
            .load();
    Problem p = old.problems().get(0);
    assertEquals(ProblemCode.DBT_VERSION_MISMATCH, p.code());
    assertEquals(Severity.INFO, p.severity());
    assertEquals(2, p.line(), "0-based: the require-dbt-version line");
  }

  @Test
  void aRootFilesDisplayPathIsItsRelativePathAndAPackagesSaysWhereThePackageIs() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        -- file: models/staging/stg_orders.sql
        select 1
        -- file: dbt_packages/utils/dbt_project.yml
        name: utils
        -- file: dbt_packages/utils/models/helper.sql
        select 2
        """)
            .load();
    ProjectFile own = file(in, "stg_orders.sql");
    assertEquals("models/staging/stg_orders.sql", in.displayPath(own));
    assertSame(own.relativePath(), in.displayPath(own), "one string for the file's paths");
    ProjectFile helper = file(in, "helper.sql");
    assertEquals("models/helper.sql", helper.relativePath());
    assertEquals("dbt_packages/utils/models/helper.sql", in.displayPath(helper));
  }

  private static ProjectFile file(ProjectInputs in, String name) {
    return in.files().stream()
        .filter(f -> f.relativePath().endsWith(name))
        .findFirst()
        .orElseThrow();
  }
}
