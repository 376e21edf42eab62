package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dbtls follows dbt 1.12 by default; a setting picks another version, else a project's
 * require-dbt-version that excludes 1.12 gets the newest release its ranges allow.
 */
class DbtVersionTest {
  @Test
  void versionsAreReadAsDbtWritesThem() {
    assertEquals(new DbtVersion(1, 6, 0), DbtVersion.parse("1.6"));
    assertEquals(new DbtVersion(1, 7, 3), DbtVersion.parse("1.7.3"));
    assertEquals(new DbtVersion(1, 8, 0), DbtVersion.parse("1.8.0b2"));
    assertNull(DbtVersion.parse("latest"));
    assertEquals("1.12.0", DbtVersion.DEFAULT.toString());
  }

  @Test
  void theSettingWinsThenRequireDbtVersionThenTheDefault() {
    assertEquals(DbtVersion.parse("1.6"), DbtVersion.choose("1.6", List.of(">=1.8.0")));
    assertEquals(DbtVersion.DEFAULT, DbtVersion.choose(null, List.of()));
    assertEquals(DbtVersion.DEFAULT, DbtVersion.choose(null, List.of(">=1.7.0", "<2.0.0")));
    assertEquals(DbtVersion.parse("1.6.0"), DbtVersion.choose(null, List.of(">=1.3.0,<1.7.0")));
    assertEquals(DbtVersion.parse("1.5.4"), DbtVersion.choose(null, List.of("==1.5.4")));
    assertEquals(DbtVersion.parse("1.11.0"), DbtVersion.choose(null, List.of("<1.12")));
    assertEquals(DbtVersion.DEFAULT, DbtVersion.choose(null, List.of(">=3.0.0")), "none allowed");
  }

  @Test
  void aProjectPinnedBelow17IsFollowedAndTold() {
    ProjectInputs in =
        Fixture.of(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        require-dbt-version: [">=1.3.0", "<1.7.0"]
        """)
            .load();
    assertEquals(DbtVersion.parse("1.6.0"), in.dbtVersion());
    Problem p = in.problems().get(0);
    assertEquals(ProblemCode.DBT_VERSION_MISMATCH, p.code());
    assertEquals(2, p.line());
    assertTrue(p.message().contains("1.6.0"), p.message());

    ProjectInputs chosen =
        ProjectInputs.load(
            Fixture.ROOT,
            Fixture.options(null, Map.of(), Map.of()).withDbtVersion("1.12"),
            Fixture.of(
                """
                -- file: dbt_project.yml
                name: shop
                profile: shop
                require-dbt-version: "<1.7.0"
                """));
    assertEquals(DbtVersion.DEFAULT, chosen.dbtVersion());
    assertTrue(
        chosen.problems().get(0).message().contains("is not met by dbt 1.12.0"),
        chosen.problems().toString());
  }
}
