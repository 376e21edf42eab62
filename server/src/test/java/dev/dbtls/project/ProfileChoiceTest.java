package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile and target dbt would pick: dbt_project.yml's, or --profile and --target. */
class ProfileChoiceTest {
  private static final String PROFILES =
      """
      -- file: profiles.yml
      shop:
        target: dev
        outputs:
          dev: {type: duckdb, path: dev.duckdb}
      finance:
        target: dev
        outputs:
          dev: {type: postgres, dbname: fin_dev, schema: analytics}
          prod: {type: snowflake, database: FIN, schema: MARTS}
      """;

  private static ProjectInputs load(String spec, String profile, String target) {
    return ProjectInputs.load(
        Fixture.ROOT,
        new ProjectInputs.Options(null, profile, target, Map.of(), Map.of("HOME", "/x")),
        Fixture.of(spec));
  }

  @Test
  void theProjectsProfileAndItsDefaultTarget() {
    Target t = load(PROFILES, null, null).target();
    assertEquals(List.of("shop", "dev", "duckdb"), List.of(t.profileName(), t.name(), t.type()));
  }

  @Test
  void profileAndTargetOptionsOverrideTheProject() {
    Target dev = load(PROFILES, "finance", null).target();
    assertEquals(
        List.of("finance", "dev", "postgres", "fin_dev"),
        List.of(dev.profileName(), dev.name(), dev.type(), dev.database()));
    Target prod = load(PROFILES, "finance", "prod").target();
    assertEquals(
        List.of("finance", "prod", "snowflake", "FIN"),
        List.of(prod.profileName(), prod.name(), prod.type(), prod.database()));
  }

  @Test
  void aProjectWithoutProfileGetsDbtsMessageLocatedOnDbtProjectYml() {
    ProjectInputs in =
        load(
            """
        -- file: dbt_project.yml
        # no profile here
        name: shop
        """
                + PROFILES,
            null,
            null);
    Problem p = in.problems().get(0);
    assertEquals(List.of(p), in.problems());
    assertEquals(ProblemCode.PROFILE_MISSING, p.code());
    assertEquals(Severity.WARNING, p.severity());
    assertEquals(List.of("dbt_project.yml", 1, 0), List.of(p.file(), p.line(), p.column()));
    assertTrue(
        p.message()
            .startsWith("dbt cannot run because no profile was specified for this dbt project"),
        p.message());
    assertEquals("duckdb", in.target().type());
    // --profile is what dbt takes instead
    assertEquals(
        "postgres",
        load(
                """
        -- file: dbt_project.yml
        name: shop
        """
                    + PROFILES,
                "finance",
                null)
            .target()
            .type());
  }

  @Test
  void aMissingTargetNamesTheValidOnesAsDbtDoes() {
    ProjectInputs in = load(PROFILES, "finance", "staging");
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.TARGET_MISSING, p.code());
    assertEquals(
        "The profile 'finance' does not have a target named 'staging'. The valid target names"
            + " for this profile are: dev, prod; compiling with DuckDB defaults",
        p.message());
  }
}
