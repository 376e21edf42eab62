package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data test from YAML that fails to compile is a located error in `compile` and in `check`. */
class DataTestProblemsCliTest {
  private static Path project(Path dir) throws IOException {
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("models/orders.sql"), "select 1 as id\n");
    Files.writeString(
        dir.resolve("models/schema.yml"),
        String.join(
            "\n",
            "version: 2",
            "models:",
            "  - name: orders",
            "    columns:",
            "      - name: id",
            "        tests:",
            "          - unique:",
            "              severity: warn",
            "          - is_even",
            ""));
    return dir;
  }

  @Test
  void compileSaysWhichTestFailedAndWhere(@TempDir Path dir) throws IOException {
    Path p = project(dir);
    CliRun r =
        CliRun.of(
            "compile",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "--output-dir",
            dir.resolve("out").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err()
            .contains(
                "models/schema.yml:9:13: error undefined-macro: data test 'is_even' has no macro 'test_is_even'"),
        r.err());
    assertTrue(r.err().contains("(1 failed)"), r.err());
    assertTrue(
        Files.exists(dir.resolve("out/compiled/shop/models/schema.yml/unique_orders_id.sql")));
  }

  @Test
  void checkReportsTheSameError(@TempDir Path dir) throws IOException {
    Path p = project(dir);
    CliRun r = CliRun.of("check", "--project-dir", p.toString(), "--profiles-dir", p.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("models/schema.yml:9:13: error undefined-macro"), r.err());
    assertTrue(r.err().contains(": 1 errors, 0 warnings"), r.err());
  }
}
