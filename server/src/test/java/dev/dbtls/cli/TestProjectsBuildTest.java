package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each test project of the repository that owns its data built and tested end to end by the native
 * runner — `dbtls seed`, then `dbtls build`: seeds, models, snapshots and tests in DAG order — on a
 * DuckDB file and on PostgreSQL (jaffle_shop_lite, written for them, on SQLite and MariaDB), from a
 * copy with a profile of its own. (multi_adapter_shop reads raw tables it does not create: it is
 * checked and compiled, not built.) Afterwards every node run_results.json says was built is a
 * relation the database has, and the run's failures are exactly the ones the project has on
 * purpose.
 */
class TestProjectsBuildTest {
  @TempDir Path dir;

  private String pgSchema;
  private String mariaDb;

  @AfterEach
  void dropSchemas() throws Exception {
    if (mariaDb != null) {
      Databases.exec(Databases.MARIADB_URL, "root", List.of("drop database if exists " + mariaDb));
    }
    if (pgSchema != null) {
      try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select schema_name from information_schema.schemata where schema_name like '"
                      + pgSchema
                      + "%'")) {
        List<String> schemas = new ArrayList<>();
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
        for (String schema : schemas) {
          try (Statement drop = c.createStatement()) {
            drop.execute("drop schema if exists \"" + schema + "\" cascade");
          }
        }
      }
    }
  }

  /**
   * @param failing the nodes that do not succeed on purpose, by name, {@code ;}-separated: in
   *     vscode_shop a singular test fails (Eve Moss lives in Bath) and skips what is downstream
   * @param exclude what is left out: vscode_shop's slow_report is slow on purpose (the editors'
   *     cancel tests) and written for DuckDB
   */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "jaffle_shop, duckdb, '', ''",
    "jaffle_shop, postgres, '', ''",
    "jaffle_shop_postgres, postgres, '', ''",
    "jaffle_shop_lite, sqlite, '', ''",
    "jaffle_shop_lite, mariadb, '', ''",
    "vscode_shop, duckdb, no_customers_in_bath;customers;unique_customers_customer_id, slow_report",
    "vscode_shop, postgres, no_customers_in_bath;customers;unique_customers_customer_id,"
        + " slow_report",
  })
  void theProjectBuildsAndItsTestsRun(String name, String engine, String failing, String exclude)
      throws Exception {
    Path p = copy(name);
    String profile = profileName(p);
    Files.writeString(
        p.resolve("profiles.yml"),
        profile + ":\n  target: dev\n  outputs:\n    dev:\n" + output(engine, p));
    String[] where = {
      "--project-dir", p.toString(), "--profiles-dir", p.toString(), "--executor", "native"
    };
    // seeds first, as these projects' READMEs say: a source may read what a seed loads
    CliRun seed = CliRun.of(concat(new String[] {"seed"}, where));
    assertEquals(0, seed.exit(), seed.out() + seed.err());
    String[] build = concat(new String[] {"build"}, where);
    if (!exclude.isBlank()) {
      build = concat(build, new String[] {"--exclude", exclude});
    }
    CliRun run = CliRun.of(build);
    String out = run.out() + run.err();
    JsonNode results =
        new ObjectMapper().readTree(p.resolve("target/run_results.json").toFile()).get("results");
    Set<String> failed = new TreeSet<>();
    List<String> built = new ArrayList<>();
    for (JsonNode r : results) {
      String status = r.get("status").asText();
      String id = r.get("unique_id").asText();
      if (status.equals("error") || status.equals("fail") || status.equals("skipped")) {
        failed.add(id.split("\\.")[2]);
      }
      if (status.equals("success") && !r.path("relation_name").isNull()) {
        built.add(r.get("relation_name").asText());
      }
    }
    Set<String> expected =
        failing.isBlank() ? Set.of() : new TreeSet<>(List.of(failing.split(";")));
    assertEquals(expected, failed, out);
    assertEquals(expected.isEmpty() ? 0 : 1, run.exit(), out);
    assertTrue(built.size() >= 3, "a project builds something: " + out);
    Set<String> relations = relations(engine, p);
    for (String relation : built) {
      String bare = relation.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
      String last2 = bare.substring(bare.indexOf('.') + 1);
      assertTrue(
          relations.contains(bare)
              || relations.contains(last2)
              || relations.contains("main." + bare),
          relation + " is in the database: " + relations);
    }
  }

  private String output(String engine, Path p) {
    return switch (engine) {
      case "postgres" -> {
        Databases.requireServer(5432);
        pgSchema = Databases.unique("tp");
        yield "      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
            + "      password: ''\n      dbname: test\n      schema: "
            + pgSchema
            + "\n      threads: 4\n";
      }
      case "mariadb" -> {
        Databases.requireServer(3306);
        mariaDb = Databases.unique("tp");
        // the target's database is where the connection starts (as dbt-mysql's): it must exist
        try {
          Databases.exec(Databases.MARIADB_URL, "root", List.of("create database " + mariaDb));
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        yield "      type: mariadb\n      server: 127.0.0.1\n      port: 3306\n      username: root\n"
            + "      password: ''\n      schema: "
            + mariaDb
            + "\n      threads: 1\n";
      }
      case "sqlite" ->
          "      type: sqlite\n      threads: 1\n      database: database\n      schema: main\n"
              + "      schemas_and_paths:\n        main: "
              + p.resolve("built.db")
              + "\n      schema_directory: "
              + p
              + "\n";
      default ->
          "      type: duckdb\n      path: built.duckdb\n      schema: main\n      threads: 4\n";
    };
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every table and view of the database, as {@code schema.name} and {@code db.schema.name}. */
  private Set<String> relations(String engine, Path p) throws Exception {
    Set<String> out = new TreeSet<>();
    String sql =
        engine.equals("sqlite")
            ? "select 'database', 'main', name from sqlite_master where type in ('table', 'view')"
            : "select table_catalog, table_schema, table_name from information_schema.tables";
    try (Connection c = connect(engine, p);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String schemaAndName = (rs.getString(2) + "." + rs.getString(3)).toLowerCase(Locale.ROOT);
        out.add(schemaAndName);
        out.add(rs.getString(1).toLowerCase(Locale.ROOT) + "." + schemaAndName);
      }
    }
    return out;
  }

  private static Connection connect(String engine, Path p) throws Exception {
    return switch (engine) {
      case "postgres" -> DriverManager.getConnection(Databases.PG_URL, "postgres", "");
      case "mariadb" -> DriverManager.getConnection(Databases.MARIADB_URL, "root", "");
      case "sqlite" -> DriverManager.getConnection("jdbc:sqlite:" + p.resolve("built.db"));
      default -> DriverManager.getConnection("jdbc:duckdb:" + p.resolve("built.duckdb"));
    };
  }

  private static String profileName(Path p) throws Exception {
    return Files.readAllLines(p.resolve("dbt_project.yml")).stream()
        .filter(l -> l.startsWith("profile:"))
        .map(l -> l.substring("profile:".length()).strip().replace("'", "").replace("\"", ""))
        .findFirst()
        .orElseThrow();
  }

  /** The project as the repository has it, without what a build left there. */
  private Path copy(String name) throws Exception {
    Path from = Path.of("..", "test-projects", name).toAbsolutePath().normalize();
    Path to = dir.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path rel = from.relativize(f);
        String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
        if (first.equals("target")
            || first.equals("logs")
            || f.getFileName().toString().endsWith(".duckdb")
            || f.getFileName().toString().endsWith(".wal")) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }
}
