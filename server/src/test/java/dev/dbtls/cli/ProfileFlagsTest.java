package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --profile and --target (-t) as dbt spells them; a project with no profile still compiles. */
class ProfileFlagsTest {
  private static Path project(Path dir, String dbtProject) throws Exception {
    Files.writeString(dir.resolve("dbt_project.yml"), dbtProject);
    Files.writeString(
        dir.resolve("profiles.yml"),
        """
        shop:
          target: dev
          outputs:
            dev: {type: duckdb, path: dev.duckdb}
        finance:
          target: dev
          outputs:
            dev: {type: postgres, dbname: fin, schema: analytics}
            prod: {type: snowflake, database: FIN, schema: MARTS}
        """);
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("models/base.sql"), "select 1 as id\n");
    Files.writeString(
        dir.resolve("models/m.sql"),
        "select '{{ target.profile_name }}/{{ target.name }}' as t from {{ ref('base') }}\n");
    return dir;
  }

  private static CliRun compile(Path dir, String... more) {
    String[] args = new String[6 + more.length];
    String[] base = {
      "compile", "--project-dir", dir.toString(), "--profiles-dir", dir.toString(), "-s"
    };
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void profileAndTargetFlagsChooseTheTarget(@TempDir Path dir) throws Exception {
    project(dir, "name: shop\nprofile: shop\n");
    CliRun own = compile(dir, "m", "--output-dir", dir.resolve("t1").toString());
    assertEquals(0, own.exit(), own.err());
    assertEquals("select 'shop/dev' as t from \"dev\".\"main\".\"base\"", own.out().strip());
    CliRun other =
        compile(
            dir,
            "m",
            "--profile",
            "finance",
            "-t",
            "prod",
            "--output-dir",
            dir.resolve("t2").toString());
    assertEquals(0, other.exit(), other.err());
    assertEquals("select 'finance/prod' as t from FIN.MARTS.base", other.out().strip());
    CliRun lsTarget =
        CliRun.of(
            "ls",
            "--project-dir",
            dir.toString(),
            "--profiles-dir",
            dir.toString(),
            "--profile",
            "finance",
            "--target",
            "nope");
    assertTrue(lsTarget.err().contains("does not have a target named 'nope'"), lsTarget.err());
  }

  @Test
  void aProjectWithoutProfileCompilesWithALocatedWarning(@TempDir Path dir) throws Exception {
    project(dir, "name: shop\n");
    CliRun check =
        CliRun.of("check", "--project-dir", dir.toString(), "--profiles-dir", dir.toString());
    assertEquals(0, check.exit(), check.err());
    assertTrue(
        check
            .err()
            .contains(
                "dbt_project.yml:1:1: warning profile-missing: dbt cannot run because"
                    + " no profile was specified"),
        check.err());
    CliRun c = compile(dir, "m", "--output-dir", dir.resolve("t").toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().strip().endsWith("from \"shop\".\"main\".\"base\""), c.out());
  }
}
