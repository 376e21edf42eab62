package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * test-projects/dbt112_shop built by the native runner on DuckDB and PostgreSQL: the user-defined
 * function is created first (a DuckDB macro; a PostgreSQL SQL function with its typed arguments and
 * volatility), the model calling it reads its results, the unit test of that model passes, and the
 * snapshot defined in YAML snapshots the model.
 */
class Dbt112ShopBuildTest {
  @TempDir Path dir;

  private String pgSchema;

  @AfterEach
  void dropSchemas() throws Exception {
    if (pgSchema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Statement st = c.createStatement()) {
      for (String suffix : List.of("", "_udfs", "_snapshots")) {
        st.execute("drop schema if exists \"" + pgSchema + suffix + "\" cascade");
      }
    }
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"duckdb", "postgres"})
  void functionsAndYamlSnapshotsAreBuilt(String engine) throws Exception {
    Path p = copy();
    String schema = "main";
    String output =
        "      type: duckdb\n      path: built.duckdb\n      schema: main\n      threads: 1\n";
    if (engine.equals("postgres")) {
      Databases.requireServer(5432);
      pgSchema = Databases.unique("resources");
      schema = pgSchema;
      output =
          "      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
              + "      password: ''\n      dbname: test\n      schema: "
              + pgSchema
              + "\n      threads: 1\n";
    }
    Files.writeString(
        p.resolve("profiles.yml"), "dbt112_shop:\n  target: dev\n  outputs:\n    dev:\n" + output);
    CliRun run =
        CliRun.of(
            "build",
            "--project-dir",
            p.toString(),
            "--profiles-dir",
            p.toString(),
            "--executor",
            "native");
    String log = run.out() + run.err();
    assertEquals(0, run.exit(), log);
    assertEquals(
        List.of("1 true", "2 false", "3 true", "4 true"),
        rows(
            engine, p, "select order_id, is_positive from " + schema + ".orders order by order_id"),
        log);
    assertEquals(
        List.of("4"),
        rows(engine, p, "select count(*) from " + schema + "_snapshots.orders_snapshot"),
        log);
    // the function itself, called outside dbt
    assertEquals(
        List.of("false"), rows(engine, p, "select " + schema + "_udfs.is_positive(-1.5)"), log);
  }

  private static List<String> rows(String engine, Path p, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            engine.equals("postgres")
                ? DriverManager.getConnection(Databases.PG_URL, "postgres", "")
                : DriverManager.getConnection("jdbc:duckdb:" + p.resolve("built.duckdb"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join(" ", cells));
      }
    }
    return out;
  }

  private Path copy() throws Exception {
    Path from =
        Path.of(System.getProperty("dbtls.repoRoot", ".."))
            .resolve("test-projects/dbt112_shop")
            .toAbsolutePath()
            .normalize();
    Path to = dir.resolve("dbt112_shop");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().endsWith(".duckdb")) {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }
}
