package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deprecations of dbt_project.yml, packages.yml and profiles.yml: one positive and one negative
 * fixture each, and the fixed text where there is a fix.
 */
class ProjectFileDeprecationsTest {
  @Test
  void configsWithoutPlusGetOne() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            models:
              shop:
                materialized: view   # all views
                staging:
                  "tags": ["staging"]
                  +materialized: table
                  +persist_docs:
                    relation: true
                  enabled: true
                  +enabled: false
                marts:
                  +schema: marts
            seeds:
              shop:
                quote_columns: false
            """);
    assertEquals(
        List.of(
            "missing-plus-prefix-in-config-deprecation 5:5",
            "missing-plus-prefix-in-config-deprecation 7:7",
            "missing-plus-prefix-in-config-deprecation 11:7",
            "missing-plus-prefix-in-config-deprecation 17:5"),
        f.found("dbt_project.yml"));
    assertEquals(
        Arrays.asList(
            "Add '+' to `materialized`", "Add '+' to `tags`", null, "Add '+' to `quote_columns`"),
        f.titles("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        profile: shop
        models:
          shop:
            +materialized: view   # all views
            staging:
              "+tags": ["staging"]
              +materialized: table
              +persist_docs:
                relation: true
              enabled: true
              +enabled: false
            marts:
              +schema: marts
        seeds:
          shop:
            +quote_columns: false
        """,
        f.fixed("dbt_project.yml"));
  }

  @Test
  void plusConfigsAndFoldersAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            clean-targets: [target, dbt_packages]
            flags:
              warn_error_options:
                error: [NoNodesForSelectionCriteria]
              source_freshness_run_project_hooks: false
            models:
              shop:
                +materialized: view
                staging:
                  +docs:
                    show: false
            """);
    assertEquals(List.of(), f.found("dbt_project.yml"));
  }

  @Test
  void cleaningDbtModulesBesideThePackagesFolderIsNoDeprecation() {
    // dbt clean warns only when the folder packages are installed in is not cleaned too
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            clean-targets: [target, dbt_packages, dbt_modules]
            """);
    assertEquals(List.of(), f.found("dbt_project.yml"));
  }

  @Test
  void flagsAndCleanTargetsOfOldDbt() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            clean-targets:
              - target
              - "dbt_modules"
            on-run-end: "grant select on all tables in schema x to y"
            flags:
              source_freshness_run_project_hooks: false
              warn_error_options:
                include: all
                exclude:
                  - NoNodesForSelectionCriteria
            """);
    assertEquals(
        List.of(
            "install-packages-path 5:5",
            "source-freshness-project-hooks 8:3",
            "weo-include-exclude-deprecation 10:5",
            "weo-include-exclude-deprecation 11:5"),
        f.found("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        profile: shop
        clean-targets:
          - target
          - "dbt_packages"
        on-run-end: "grant select on all tables in schema x to y"
        flags:
          source_freshness_run_project_hooks: false
          warn_error_options:
            error: all
            warn:
              - NoNodesForSelectionCriteria
        """,
        f.fixed("dbt_project.yml"));
  }

  @Test
  void redirectedPackagesGetTheirNewName() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: packages.yml
            packages:
              - package: fishtown-analytics/dbt_utils   # old
                version: [">=0.7.0", "<0.8.0"]
              - package: "fishtown-analytics/codegen"
                version: 0.4.0
              - package: dbt-labs/audit_helper
                version: 0.9.0
              - git: https://github.com/fishtown-analytics/dbt-utils.git
                revision: 0.7.0
            """);
    assertEquals(
        List.of("package-redirect 2:14", "package-redirect 4:14"), f.found("packages.yml"));
    assertEquals(
        """
        packages:
          - package: dbt-labs/dbt_utils   # old
            version: [">=0.7.0", "<0.8.0"]
          - package: "dbt-labs/codegen"
            version: 0.4.0
          - package: dbt-labs/audit_helper
            version: 0.9.0
          - git: https://github.com/fishtown-analytics/dbt-utils.git
            revision: 0.7.0
        """,
        f.fixed("packages.yml"));
  }

  @Test
  void currentPackagesAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: packages.yml
            packages:
              - package: dbt-labs/dbt_utils
                version: 1.3.0
            """);
    assertEquals(List.of(), f.found("packages.yml"));
  }

  @Test
  void userConfigInProfilesHasNoFix() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: profiles.yml
            config:
              send_anonymous_usage_stats: false
            shop:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: shop.duckdb
            """);
    assertEquals(List.of("project-flags-moved 1:1"), f.found("profiles.yml"));
    assertEquals(Arrays.asList((String) null), f.titles("profiles.yml"));
    StrictFixture fine = StrictFixture.of("-- file: models/a.sql\nselect 1\n");
    assertEquals(List.of(), fine.found("profiles.yml"));
  }

  @Test
  void engineNamespaceVariablesSetOrRead() {
    String spec =
        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          region: "{{ env_var('DBT_ENGINE_REGION', 'eu') }}"
          state: "{{ env_var('DBT_ENGINE_STATE_API_URL', '') }}"
        """;
    StrictFixture f =
        StrictFixture.withEnv(
            spec, Map.of("DBT_ENGINE_TEAM", "x", "DBT_ENGINE_STATE_AUTH_URL", "y", "DBT_X", "z"));
    assertEquals(
        List.of(
            "environment-variable-namespace-deprecation 1:1",
            "environment-variable-namespace-deprecation 4:24"),
        f.found("dbt_project.yml"));
    assertTrue(f.problems("dbt_project.yml").get(0).message().contains("DBT_ENGINE_TEAM"));
    StrictFixture fine =
        StrictFixture.withEnv(
            "-- file: models/a.sql\nselect '{{ env_var(\"DBT_TEAM\") }}'\n",
            Map.of("DBT_TEAM", "a"));
    assertEquals(List.of(), fine.found("dbt_project.yml"));
    assertEquals(List.of(), fine.found("models/a.sql"));
  }
}
