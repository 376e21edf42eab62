package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.warehouse.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `dbtls compile` writes for test-projects/multi_adapter_shop (the SQL CompileGoldenTest keeps
 * as golden files) runs on the real warehouses: each target's raw tables are created, every
 * compiled model is created as a view in dependency order at the relation dbt would build it
 * (custom schemas appended to the target's, as dbt's generate_schema_name does), and every compiled
 * data test then returns no rows. DuckDB in a file; PostgreSQL in one transaction that is rolled
 * back.
 */
class MultiAdapterShopBuildTest {
  private static final Path PROJECT =
      Path.of(System.getProperty("dbtls.repoRoot", ".."))
          .resolve("test-projects/multi_adapter_shop")
          .toAbsolutePath()
          .normalize();

  /** The project's models in dependency order: file under models/ and its relation's name. */
  private static final List<String[]> MODELS =
      List.of(
          new String[] {"staging/stg_customers.sql", "%1$s_dev_staging", "stg_customers"},
          new String[] {"staging/stg_orders.sql", "%1$s_dev_staging", "stg_orders"},
          new String[] {"staging/stg_products.sql", "%1$s_dev_staging", "stg_products"},
          new String[] {"%2$s/order_days.sql", "%1$s", "order_days"},
          new String[] {"marts/orders.sql", "%1$s", "orders"},
          new String[] {"marts/apparel/hats.sql", "%1$s", "hats"},
          new String[] {"marts/apparel/shirts.sql", "%1$s", "shirts"},
          new String[] {"marts/apparel/shoes.sql", "%1$s", "shoes"});

  private static final List<String> RAW_ROWS =
      List.of(
          "insert into %s.customers values (1, 'ann@example.com', timestamp '2024-01-01 08:00:00'),"
              + " (2, 'bo@example.com', timestamp '2024-02-01 09:00:00')",
          "insert into %s.products values (1, 'sh-001', 'shirts', 2500), (2, 'sh-002', 'shoes', 9900),"
              + " (3, 'ha-001', 'hats', 1500)",
          "insert into %s.web_orders values"
              + " (10, 1, 1, 2, 5000, timestamp '2024-03-01 10:00:00', timestamp '2024-03-01 11:00:00'),"
              + " (11, 2, 3, 1, 1500, timestamp '2024-03-01 12:00:00', timestamp '2024-03-01 13:00:00'),"
              + " (12, 2, 2, 1, 9900, timestamp '2024-03-02 12:00:00', timestamp '2024-03-02 13:00:00')");

  @TempDir Path tmp;

  @Test
  void compiledSqlBuildsAndPassesItsTestsOnDuckDb() throws Exception {
    Path project = copyOfProject();
    Path compiled = compile(project, "dev");
    String url = "jdbc:duckdb:" + project.resolve("multi_adapter_shop.duckdb");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("create schema raw");
      s.execute("create schema main_dev_staging");
      createRawTables(s, "raw", "_loaded_at");
      assertBuildsAndTestsPass(s, compiled, "main", "duckdb");
    }
  }

  @Test
  void compiledSqlBuildsAndPassesItsTestsOnPostgres() throws Exception {
    Databases.requireServer(5432);
    Path project = copyOfProject();
    Path compiled = compile(project, "pg");
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String schema : List.of("dbtls_multi", "dbtls_multi_dev_staging", "dbtls_multi_raw")) {
          s.execute("drop schema if exists " + schema + " cascade");
          s.execute("create schema " + schema);
        }
        createRawTables(s, "dbtls_multi_raw", "_etl_loaded_at");
        assertBuildsAndTestsPass(s, compiled, "dbtls_multi", "postgres");
      } finally {
        c.rollback();
      }
    }
  }

  private Path copyOfProject() throws IOException {
    Path copy = tmp.resolve("multi_adapter_shop");
    try (Stream<Path> files = Files.walk(PROJECT)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = copy.resolve(PROJECT.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else if (!f.getFileName().toString().endsWith(".duckdb")) {
          Files.copy(f, to);
        }
      }
    }
    return copy;
  }

  private Path compile(Path project, String target) {
    Path out = tmp.resolve("out-" + target);
    CliRun r =
        CliRun.of(
            "compile",
            "--project-dir",
            project.toString(),
            "--profiles-dir",
            project.toString(),
            "--target",
            target,
            "--output-dir",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    return out.resolve("compiled/multi_adapter_shop");
  }

  private static void createRawTables(Statement s, String schema, String loadedAt)
      throws SQLException {
    s.execute(
        "create table "
            + schema
            + ".customers (id integer, email varchar(100),"
            + " signed_up_at timestamp)");
    s.execute(
        "create table "
            + schema
            + ".products (id integer, sku varchar(20),"
            + " category varchar(20), price_cents integer)");
    s.execute(
        "create table "
            + schema
            + ".web_orders (id integer, customer_id integer,"
            + " product_id integer, quantity integer, amount_cents integer, ordered_at timestamp, "
            + loadedAt
            + " timestamp)");
    for (String insert : RAW_ROWS) {
      s.execute(String.format(insert, schema));
    }
  }

  private static void assertBuildsAndTestsPass(
      Statement s, Path compiled, String schema, String adapterFolder) throws Exception {
    for (String[] m : MODELS) {
      String sql =
          Files.readString(
              compiled.resolve("models").resolve(String.format(m[0], schema, adapterFolder)));
      s.execute("create view " + String.format(m[1], schema) + "." + m[2] + " as " + sql);
    }
    assertEquals(3, count(s, "select count(*) from " + schema + ".orders"));
    assertEquals(2, count(s, "select count(*) from " + schema + ".order_days"));
    List<Path> tests = dataTests(compiled);
    assertEquals(12, tests.size(), tests.toString());
    for (Path test : tests) {
      String sql = Files.readString(test);
      assertEquals(
          0,
          count(s, "select count(*) from (" + sql + ") failures"),
          compiled.relativize(test) + " failed:\n" + sql);
    }
  }

  /**
   * Every compiled data test: singular ones under tests/, generic ones under a YAML file's name.
   */
  private static List<Path> dataTests(Path compiled) throws IOException {
    List<Path> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(compiled)) {
      files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.startsWith(compiled.resolve("tests"))
                      || f.getParent().getFileName().toString().endsWith(".yml"))
          .sorted()
          .forEach(tests::add);
    }
    return tests;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
