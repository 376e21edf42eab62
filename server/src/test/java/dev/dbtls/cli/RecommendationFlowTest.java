package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path on a real PostgreSQL, from the command line: a 1M-row table and a selective
 * model → explain finds the sequential scan and records an index recommendation → a sandboxed
 * benchmark says the index is faster → the catalog has no new index and nothing left over →
 * applying it for real needs the flag and a confirmation, is audited, and rolls back.
 */
class RecommendationFlowTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path project(String schema) throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        p.resolve("profiles.yml"),
        """
        shop:
          target: dev
          outputs:
            dev:
              type: postgres
              host: 127.0.0.1
              port: 5432
              user: postgres
              password: ""
              dbname: test
              schema: %s
              threads: 1
        """
            .formatted(schema));
    Files.writeString(
        p.resolve("models/sources.yml"),
        """
        version: 2
        sources:
          - name: shop
            schema: %s
            tables:
              - name: orders
        """
            .formatted(schema));
    Files.writeString(
        p.resolve("models/big_customer.sql"),
        "select id, note from {{ source('shop', 'orders') }} where customer_id = 4242\n");
    return p;
  }

  private static List<String> objects(String schema) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.relname || ':' || c.relkind::text from pg_class c join"
                    + " pg_namespace n on n.oid = c.relnamespace where n.nspname = '"
                    + schema
                    + "' order by 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void explainRecommendsAnIndexTheSandboxProvesFasterAndNothingStays() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_flow");
    Path p = project(schema);
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders as select i as id, (i::bigint * 7919) % 100000 as customer_id,"
                + " md5(i::text) as note from generate_series(1, 1000000) i",
            "analyze " + schema + ".orders"));
    try {
      String dirArg = p.toString();
      CliRun explain = run("explain", "--project-dir", dirArg, "-s", "big_customer");
      assertEquals(0, explain.exit(), explain.err());
      assertTrue(explain.out().contains("Seq Scan on " + schema + ".orders"), explain.out());
      assertTrue(
          explain.out().contains("<- source('shop', 'orders') at models/big_customer.sql:1:"),
          explain.out());
      String create =
          "create index dbtls_orders_customer_id_idx on " + schema + ".orders (customer_id)";
      assertTrue(explain.out().contains("create:   " + create + ";"), explain.out());
      Matcher m = Pattern.compile("recommendation (\\d+) \\(pending\\)").matcher(explain.out());
      assertTrue(m.find(), explain.out());
      String id = m.group(1);
      assertEquals(List.of("orders:r"), objects(schema));

      CliRun list = run("recommendations", "--project-dir", dirArg);
      assertTrue(list.out().contains(id + " [pending] "), list.out());
      assertTrue(list.out().contains("apply:    " + create + ";"), list.out());

      CliRun bench =
          run(
              "benchmark",
              "--project-dir",
              dirArg,
              "-s",
              "big_customer",
              "--compare",
              "recommendation",
              "--recommendation",
              id,
              "--warmups",
              "1",
              "--runs",
              "7");
      assertEquals(0, bench.exit(), bench.err() + bench.out());
      assertTrue(
          bench.out().contains("with recommendation " + id + ": ")
              && bench.out().contains("faster"),
          bench.out());
      assertTrue(bench.out().contains("sandbox: PostgreSQL transaction, rolled back"), bench.out());
      assertTrue(bench.err().contains("stored as benchmark "), bench.err());
      // the index only ever existed inside the rolled-back transaction
      assertEquals(List.of("orders:r"), objects(schema));
      assertTrue(
          run("recommendations", "--project-dir", dirArg).out().contains(id + " [benchmarked] "));

      // for real: refused without the flag, refused unconfirmed, then applied, audited, undone
      CliRun refused = run("recommendations", "--project-dir", dirArg, "apply", id);
      assertEquals(1, refused.exit());
      assertTrue(refused.err().contains("apply-not-allowed"), refused.err());
      CliRun unconfirmed =
          run("recommendations", "--project-dir", dirArg, "apply", id, "--allow-apply");
      assertTrue(unconfirmed.err().contains("apply-not-confirmed"), unconfirmed.err());
      assertEquals(List.of("orders:r"), objects(schema));
      CliRun applied =
          run("recommendations", "--project-dir", dirArg, "apply", id, "--allow-apply", "--yes");
      assertEquals(0, applied.exit(), applied.err());
      assertTrue(applied.out().contains("is now applied"), applied.out());
      assertEquals(List.of("dbtls_orders_customer_id_idx:i", "orders:r"), objects(schema));
      CliRun again = run("explain", "--project-dir", dirArg, "-s", "big_customer");
      assertTrue(again.out().contains("dbtls_orders_customer_id_idx"), again.out());
      assertTrue(!again.out().contains("finding"), again.out());
      CliRun undone =
          run("recommendations", "--project-dir", dirArg, "rollback", id, "--allow-apply", "--yes");
      assertEquals(0, undone.exit(), undone.err());
      assertTrue(undone.out().contains("is now pending"), undone.out());
      assertEquals(List.of("orders:r"), objects(schema));
      try (dev.dbtls.store.Store store = dev.dbtls.store.Store.open()) {
        List<dev.dbtls.store.ApplyAudit.Entry> audit = store.audit().list(p.toString()).value();
        assertEquals(
            List.of("rollback", "apply"),
            audit.stream().limit(2).map(dev.dbtls.store.ApplyAudit.Entry::action).toList());
        assertEquals(create, audit.get(1).sql());
        assertEquals("ok", audit.get(0).outcome());
      }
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }
}
