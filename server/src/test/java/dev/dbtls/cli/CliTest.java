package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it, in-process: exit codes, stdout and stderr. */
class CliTest {

  private static final Path PROJECTS =
      Path.of(System.getProperty("dbtls.repoRoot", ".."))
          .resolve("test-projects")
          .toAbsolutePath()
          .normalize();

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String project(String name) {
    return PROJECTS.resolve(name).toString();
  }

  @Test
  void lsSelectsWithDbtSyntax() {
    CliRun r =
        run(
            "ls",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "+orders",
            "--resource-type",
            "model",
            "--output",
            "name");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of("order_payments", "orders", "stg_orders", "stg_payments"),
        r.out().lines().sorted().distinct().toList());
  }

  @Test
  void lsJsonIsOneObjectPerLine() {
    CliRun r =
        run(
            "ls",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "stg_orders",
            "--output",
            "json",
            "--resource-type",
            "model");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("{\"name\":\"stg_orders\",\"resource_type\":\"model\""), r.out());
    assertTrue(r.out().contains("\"unique_id\":\"model.jaffle_shop.stg_orders\""), r.out());
  }

  @Test
  void compileWritesWhereDbtDoesAndPrintsASingleNode(@TempDir Path out) {
    CliRun r =
        run(
            "compile",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "--output-dir",
            out.toString(),
            "-s",
            "stg_orders");
    assertEquals(0, r.exit(), r.err());
    Path file = out.resolve("compiled/jaffle_shop/models/staging/stg_orders.sql");
    assertTrue(Files.exists(file), "written: " + file);
    assertTrue(r.out().contains("from \"jaffle_shop\"."), r.out());
    assertTrue(r.err().contains("Compiled 1 of 1 nodes"), r.err());
  }

  @Test
  void brokenProjectGivesLocatedErrorsAndExitOne(@TempDir Path out) {
    CliRun r =
        run(
            "compile",
            "--project-dir",
            project("broken"),
            "--profiles-dir",
            project("broken"),
            "--output-dir",
            out.toString());
    assertEquals(1, r.exit());
    assertTrue(
        r.err().contains("models/refs/unknown_ref.sql:3:9: error ref-unknown: ref('stg_acounts')"),
        r.err());
    assertTrue(
        r.err().lines().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), r.err());
    assertTrue(
        Files.exists(out.resolve("compiled/broken/models/staging/stg_accounts.sql")),
        "healthy models are still written");
  }

  @Test
  void badVarsAndUnknownSelectorAreClearErrors() {
    CliRun r =
        run(
            "ls",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "--vars",
            "{unclosed",
            "-s",
            "colour:red");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("yaml-syntax"), r.err());
    assertTrue(r.err().contains("unknown selector method 'colour'"), r.err());
  }

  @Test
  void checkReportsWhatTheEditorShowsAndFailsOnErrors() {
    CliRun broken =
        run("check", "--project-dir", project("broken"), "--profiles-dir", project("broken"));
    assertEquals(1, broken.exit());
    for (String expected :
        List.of(
            "models/cycle/cycle_a.sql:2:27: error dag-cycle:",
            "models/jinja/unclosed_if.sql:5:5: error jinja-syntax:",
            "models/macro_calls/undefined_macro.sql:4:6: error undefined-macro: 'cents_to_euros' is undefined",
            "models/vars/undefined_var.sql:4:29: error var-undefined:",
            "models/props/_ghost.yml:5:11: warning property-unknown-node:")) {
      assertTrue(broken.err().contains(expected), expected + " in\n" + broken.err());
    }
    assertTrue(broken.err().lines().noneMatch(l -> l.startsWith("\tat ")), broken.err());

    CliRun clean =
        run(
            "check",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"));
    assertEquals(0, clean.exit(), clean.err());
    assertTrue(clean.err().contains(": 0 errors, 0 warnings"), clean.err());
  }

  @Test
  void queryShowsWhatTheEditorWouldGetAsJson() {
    String orders = PROJECTS.resolve("jaffle_shop/models/marts/orders.sql").toString();
    CliRun hover =
        run("query", "hover", orders + ":11:28", "--profiles-dir", project("jaffle_shop"));
    assertEquals(0, hover.exit(), hover.err());
    assertTrue(hover.out().contains("\"markdown\" : \"**model** `stg_orders`"), hover.out());

    CliRun definition =
        run("query", "definition", orders + ":11:28", "--profiles-dir", project("jaffle_shop"));
    assertTrue(
        definition.out().contains("\"displayPath\" : \"models/staging/stg_orders.sql\""),
        definition.out());

    CliRun taken =
        run(
            "query",
            "rename",
            orders + ":11:28",
            "customers",
            "--profiles-dir",
            project("jaffle_shop"));
    assertTrue(taken.out().contains("\"error\" : \""), taken.out());

    CliRun unknown = run("query", "colour", orders);
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown feature 'colour'"), unknown.err());
  }

  /** A project on a real DuckDB file with a raw table, as `dbt run` would have left it. */
  static Path duckdbProject(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: pv\nprofile: pv\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "pv:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: pv.duckdb\n");
    Files.writeString(
        dir.resolve("models/sources.yml"),
        "version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n      - name: orders\n");
    Files.writeString(
        dir.resolve("models/doubled.sql"),
        "select id, amount * 2 as doubled, note from {{ source('raw', 'orders') }} order by id\n");
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("pv.duckdb"));
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "create table orders as select i as id, i * 1.5 as amount, 'note, ' || i as note"
              + " from range(1, 101) t(i)");
    }
    return dir;
  }

  @Test
  void previewShowsTheFirstRowsReadOnly(@TempDir Path dir) throws Exception {
    String project = duckdbProject(dir).toString();
    CliRun table = run("preview", "--project-dir", project, "-s", "doubled", "--limit", "2");
    assertEquals(0, table.exit(), table.err());
    assertEquals(
        List.of(
            "id | doubled | note   ",
            "-- | ------- | -------",
            "1  | 3.0     | note, 1",
            "2  | 6.0     | note, 2"),
        table.out().lines().toList());
    assertTrue(table.err().contains("2 rows (more not shown)"), table.err());

    CliRun csv =
        run(
            "preview",
            "--project-dir",
            project,
            "--sql",
            "select count(*) as n, max(note) as last from {{ source('raw', 'orders') }}",
            "--format",
            "csv");
    assertEquals(List.of("n,last", "100,\"note, 99\""), csv.out().lines().toList());

    CliRun write = run("preview", "--project-dir", project, "--sql", "delete from orders");
    assertEquals(1, write.exit());
    assertTrue(write.err().contains("warehouse-not-a-query"), write.err());

    CliRun none = run("preview", "--project-dir", project);
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("select exactly one model"), none.err());

    // each run is in the query history (surefire points dbtls.store at target/test-store)
    CliRun history = run("history", "--search", "max(note)", "--limit", "1");
    assertEquals(0, history.exit(), history.err());
    assertTrue(history.out().contains("| ok "), history.out());
    assertTrue(history.out().contains("select count(*) as n, max(note) as last"), history.out());
    CliRun refused = run("history", "--search", "delete from orders", "--limit", "1");
    assertTrue(
        refused.out().contains("| error ") && refused.out().contains("preview only runs queries"),
        refused.out());
  }

  @Test
  void previewExportsTheWholeResultToAFile(@TempDir Path dir) throws Exception {
    String project = duckdbProject(dir.resolve("p")).toString();
    Path csv = dir.resolve("out.csv");
    CliRun r =
        run("preview", "--project-dir", project, "-s", "doubled", "--export", csv.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(101, lines.size());
    assertEquals("id,doubled,note", lines.get(0));
    assertEquals("100,300.0,\"note, 100\"", lines.get(100));

    Path parquet = dir.resolve("out.parquet");
    CliRun p =
        run(
            "preview",
            "--project-dir",
            project,
            "-s",
            "doubled",
            "--limit",
            "10",
            "--export",
            parquet.toString());
    assertEquals(0, p.exit(), p.err());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*), max(id) from read_parquet('" + parquet + "')")) {
      rs.next();
      assertEquals(10, rs.getLong(1));
      assertEquals(10, rs.getLong(2));
    }

    CliRun bad =
        run(
            "preview",
            "--project-dir",
            project,
            "-s",
            "doubled",
            "--export",
            dir.resolve("x.txt").toString());
    assertEquals(2, bad.exit());
    CliRun write =
        run(
            "preview",
            "--project-dir",
            project,
            "--sql",
            "drop table orders",
            "--export",
            csv.toString());
    assertEquals(1, write.exit());
    assertEquals(
        101, Files.readAllLines(csv).size(), "a refused export leaves the old file as it was");
  }

  @Test
  void aFreshCloneOfTheSampleProjectPreviewsAnyModel() {
    // no dbt run: jaffle_shop.duckdb does not exist; parents are inlined, seeds read from CSV
    CliRun r =
        run(
            "preview",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "orders",
            "--limit",
            "3",
            "--format",
            "json",
            "--no-history");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"name\":\"order_id\""), r.out());
    assertEquals(3, r.out().split("\\],\\[", -1).length, r.out());
    CliRun cte =
        run(
            "preview",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "orders",
            "--cte",
            "payments",
            "--limit",
            "2",
            "--no-history");
    assertEquals(0, cte.exit(), cte.err());
    assertTrue(cte.out().startsWith("order_id | credit_card_amount"), cte.out());
    CliRun noCte =
        run(
            "preview",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "orders",
            "--cte",
            "nope",
            "--no-history");
    assertEquals(1, noCte.exit());
    assertTrue(noCte.err().contains("the compiled SQL has no CTE named 'nope'"), noCte.err());

    CliRun profile =
        run(
            "preview",
            "--project-dir",
            project("jaffle_shop"),
            "--profiles-dir",
            project("jaffle_shop"),
            "-s",
            "stg_orders",
            "--column-profile",
            "--no-history");
    assertEquals(0, profile.exit(), profile.err());
    assertTrue(
        profile.out().lines().anyMatch(l -> l.startsWith("is_returned ") && l.contains("| 2 ")),
        profile.out());
    assertTrue(profile.err().contains("90 rows profiled"), profile.err());
    if (!Files.exists(PROJECTS.resolve("jaffle_shop/jaffle_shop.duckdb"))) {
      assertTrue(
          r.err()
              .contains(
                  "not built yet, inlined: shop_orders, stg_orders, shop_payments, stg_payments"),
          r.err());
    }
  }
}
