package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.open;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWarehouseTest {
  @TempDir Path dir;

  @BeforeEach
  void databases() throws Exception {
    Files.createDirectories(dir.resolve("data/schemas"));
    sql(
        dir.resolve("data/etl.db"),
        "create table orders (id integer, name text, amount real," + " raw blob, note text)",
        "insert into orders values (1, 'a', 1.5, x'aabb', null)");
    sql(
        dir.resolve("data/dataset.db"),
        "create table people (id integer)",
        "insert into people values (7)");
    sql(
        dir.resolve("data/schemas/analytics.db"),
        "create table daily (d text)",
        "insert into daily values ('2024-03-01')");
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  private dev.dbtls.project.Target dev() {
    return target(
        "dev",
        "type",
        "sqlite",
        "threads",
        1,
        "database",
        "database",
        "schema",
        "main",
        "schemas_and_paths",
        Map.of("main", "data/etl.db", "dataset", "data/dataset.db"),
        "schema_directory",
        "data/schemas");
  }

  @Test
  void attachedSchemasAndTypedRows() {
    try (Warehouse w = open(dev(), dir)) {
      assertEquals(dir.resolve("data/etl.db").toString(), w.where());
      PreviewResult r = ok(Preview.run(w, "select * from orders", null));
      assertEquals(
          List.of("integer", "text", "float", "binary", "text"),
          r.columns().stream().map(PreviewColumn::type).toList());
      assertEquals(java.util.Arrays.asList(1, "a", 1.5, "qrs=", null), r.rows().get(0));
      assertEquals(
          List.of(List.of(7)), ok(Preview.run(w, "select id from dataset.people", null)).rows());
      assertEquals(
          List.of(List.of("2024-03-01")),
          ok(Preview.run(w, "select d from analytics.daily", null)).rows());
    }
  }

  @Test
  void queryOnlyUnlessWritesAreAllowed() {
    try (Warehouse w = open(dev(), dir)) {
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          Preview.run(w, "delete from orders", null).error().code());
      PreviewResult r =
          ok(
              Preview.run(
                  w,
                  "insert into orders (id) values (2)",
                  PreviewOptions.defaults().withWrites(true)));
      assertEquals(1, r.updateCount());
      // the next preview on the same pooled connection is query-only again
      assertEquals(
          List.of(List.of(2)), ok(Preview.run(w, "select count(*) from orders", null)).rows());
      PreviewResult sneaky = Preview.run(w, "with x as (select 1) select * from x", null);
      assertTrue(sneaky.ok());
    }
  }

  @Test
  void pagesAndCancel() throws Exception {
    try (Warehouse w = open(dev(), dir)) {
      PreviewOptions o = PreviewOptions.defaults().withLimit(0).withPage(25_000, 64L << 20);
      String count =
          "with recursive n(i) as (select 1 union all select i + 1 from n where i < %d)"
              + " select i from n";
      PreviewResult first = ok(Preview.run(w, String.format(count, 100_000), o));
      long seen = first.rows().size();
      PreviewPage p;
      do {
        p = Preview.page(w, first.cursor(), o);
        seen += p.rows().size();
      } while (p.hasMore());
      assertEquals(100_000, seen);
      QueryCancel cancel = new QueryCancel();
      CompletableFuture<PreviewResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  Preview.run(
                      w,
                      String.format(count, 2_000_000_000)
                          .replace("select i from n", "select max(i) from n"),
                      PreviewOptions.defaults().withCancel(cancel)));
      // time must pass: the query must be running in the database when it is cancelled
      Thread.sleep(300);
      cancel.cancel();
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, run.get().error().code());
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  @Test
  void missingMainDatabaseIsNotCreated() {
    Warehouse.Opened o =
        Warehouse.open(
            target("dev", "type", "sqlite", "schemas_and_paths", Map.of("main", "nope.db")), dir);
    assertEquals(
        "cannot connect to sqlite target 'dev': database file "
            + dir.resolve("nope.db")
            + " does not exist; run dbt to create it",
        o.error().message());
    assertFalse(Files.exists(dir.resolve("nope.db")));
    assertEquals(
        "cannot connect to sqlite target 'dev': needs 'schemas_and_paths' with a 'main' "
            + "database file",
        Warehouse.open(target("dev", "type", "sqlite"), dir).error().message());
  }

  @Test
  void sqlError() {
    try (Warehouse w = open(dev(), dir)) {
      PreviewResult r = Preview.run(w, "select * from no_such_table", null);
      assertEquals(ProblemCode.WAREHOUSE_QUERY, r.error().code());
      assertTrue(r.error().message().startsWith("sqlite target 'dev': "), r.error().message());
      assertTrue(r.error().message().contains("no such table: no_such_table"), r.error().message());
    }
  }
}
