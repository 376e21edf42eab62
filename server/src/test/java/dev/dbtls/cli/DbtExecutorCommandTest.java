package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.run.dbt.StandInDbt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtls run|test --executor dbt --dbt-path ...}: the command line hands the run to the
 * user's dbt — here a stand-in replaying a real dbt Core 1.8.2 log ({@link StandInDbt}, not dbt) —
 * prints dbt's lines and exits with dbt's code; a dbt asked for and not there is a clear error.
 */
@DisabledOnOs(OS.WINDOWS)
class DbtExecutorCommandTest {
  @TempDir Path dir;

  private Path project() throws Exception {
    Path p = dir.resolve("jaffle_shop");
    Files.createDirectories(p.resolve("models"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: jaffle_shop\nprofile: shop\n");
    Files.writeString(
        p.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.writeString(p.resolve("models/orders.sql"), "select 1 as order_id\n");
    return p;
  }

  @Test
  void runByTheUsersDbt() throws Exception {
    Path p = project();
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            p,
            StandInDbt.stdout("core-1.8.2-run-failed.jsonl"),
            StandInDbt.FAILED_ORDERS_RUN_RESULTS,
            "",
            1);
    CliRun run =
        CliRun.of(
            "run",
            "--executor",
            "dbt",
            "--dbt-path",
            dbt.toString(),
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "-s",
            "orders",
            "--vars",
            "{batch: 2}");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("  Running with dbt=1.8.2\n"), run.out());
    assertTrue(
        run.out()
            .contains(
                "1 of 1 ERROR creating sql table model public.orders ............................"
                    + " [ERROR in 0.56s]"));
    assertTrue(run.out().contains("Done. PASS=0 WARN=0 ERROR=1 SKIP=0 TOTAL=1"));
    List<String> args = Files.readAllLines(dir.resolve("bin/args.txt"));
    assertEquals(
        List.of(
            "run",
            "--log-format",
            "json",
            "--project-dir",
            p.toAbsolutePath().normalize().toString(),
            "--profiles-dir",
            p.toAbsolutePath().toString(),
            "--target",
            "dev",
            "--select",
            "orders",
            "--vars",
            "{\"batch\":2}"),
        args);
  }

  @Test
  void aDbtAskedForAndNotThere() throws Exception {
    Path p = project();
    CliRun run =
        CliRun.of(
            "test",
            "--executor",
            "dbt",
            "--dbt-path",
            dir.resolve("nowhere/dbt").toString(),
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString());
    assertEquals(2, run.exit());
    assertTrue(
        run.err()
            .contains(
                "dbtls: the dbt given (dbtls.dbt.path, --dbt-path), "
                    + dir.resolve("nowhere/dbt")
                    + ", does not exist"),
        run.err());
    CliRun unknown =
        CliRun.of(
            "test",
            "--executor",
            "python",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("--executor is auto, dbt or native; not 'python'"));
  }
}
