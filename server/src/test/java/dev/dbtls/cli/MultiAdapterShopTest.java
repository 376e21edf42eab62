package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * `dbtls check` on test-projects/multi_adapter_shop reports no errors for either adapter: one
 * folder per adapter enabled by YAML Jinja, var-driven `enabled`, refs under conditions, old-style
 * test configs and custom test names repeated across models.
 */
class MultiAdapterShopTest {
  private static final String DIR =
      Path.of(System.getProperty("dbtls.repoRoot", ".."))
          .resolve("test-projects/multi_adapter_shop")
          .toAbsolutePath()
          .normalize()
          .toString();

  private static CliRun check(String target) {
    return CliRun.of("check", "--project-dir", DIR, "--profiles-dir", DIR, "--target", target);
  }

  @Test
  void checkFindsNothingOnDuckDb() {
    CliRun r = check("dev");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(": 0 errors, 0 warnings"), r.err());
  }

  @Test
  void checkFindsNothingOnPostgres() {
    CliRun r = check("pg");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(": 0 errors, 0 warnings"), r.err());
  }

  @Test
  void eachTargetListsItsOwnAdaptersVariant() {
    CliRun duck =
        CliRun.of(
            "ls",
            "--project-dir",
            DIR,
            "--profiles-dir",
            DIR,
            "--target",
            "dev",
            "-s",
            "order_days",
            "--output",
            "path");
    assertEquals("models/duckdb/order_days.sql", duck.out().strip(), duck.err());
    CliRun pg =
        CliRun.of(
            "ls",
            "--project-dir",
            DIR,
            "--profiles-dir",
            DIR,
            "--target",
            "pg",
            "-s",
            "order_days",
            "--output",
            "path");
    assertEquals("models/postgres/order_days.sql", pg.out().strip(), pg.err());
  }
}
