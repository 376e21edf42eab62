package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deprecated path keys of dbt_project.yml, and their fixes as dbt-autofix makes them. */
class ProjectConfigPathsTest {
  @Test
  void sourceAndDataPathsAreRenamed() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            # where models live
            source-paths: ["models"]
            data-paths: ["data"]  # seeds
            """);
    assertEquals(
        List.of("project-config-source-paths 4:1", "project-config-data-paths 5:1"),
        f.found("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        profile: shop
        # where models live
        model-paths: ["models"]
        seed-paths: ["data"]  # seeds
        """,
        f.fixed("dbt_project.yml"));
  }

  @Test
  void modernPathsAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            model-paths: ["models"]
            seed-paths: ["seeds"]
            log-path: logs
            target-path: target
            """);
    assertEquals(List.of(), f.found("dbt_project.yml"));
  }

  @Test
  void bothNamesSetHaveNoFix() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            model-paths: ["models"]
            source-paths: ["src"]
            """);
    assertEquals(List.of("project-config-source-paths 4:1"), f.found("dbt_project.yml"));
    assertEquals(java.util.Arrays.asList((String) null), f.titles("dbt_project.yml"));
  }

  @Test
  void logAndTargetPathOtherThanTheDefaultAreRemoved() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            log-path: "out/logs"
            target-path: "out/target"
            models:
              shop:
                +materialized: view
            """);
    assertEquals(
        List.of("project-config-log-path 3:1", "project-config-target-path 4:1"),
        f.found("dbt_project.yml"));
    assertEquals(
        """
        name: shop
        profile: shop
        models:
          shop:
            +materialized: view
        """,
        f.fixed("dbt_project.yml"));
  }
}
