package dev.dbtls.store;

import dev.dbtls.store.export.Export;
import dev.dbtls.store.export.ExportFormat;
import dev.dbtls.store.export.ExportResult;
import dev.dbtls.store.export.SampleRowsAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/**
 * Numbers for the store, run by hand (not a test): {@code java -Xmx128m -cp <test classpath>
 * dev.dbtls.store.StoreBench /tmp/bench 1000000}.
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
    if (args.length <= 2 || args[2].equals("export")) {
      for (ExportFormat f : ExportFormat.values()) {
        export(dir, f, Math.min(rows, 20_000)); // warm-up
        export(dir, f, rows);
      }
    }
    if (args.length <= 2 || args[2].equals("history")) {
      history(dir, (int) rows);
    }
  }

  private static void export(Path dir, ExportFormat f, long rows) {
    System.gc();
    ExportResult r =
        Export.write(SampleRowsAccess.source(rows), dir.resolve("b." + f.extension()), f);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "export %-10s %,9d rows %,7d ms %,9.0f rows/s %,6.1f MB  heap used %,d MB%n",
        f,
        r.rows(),
        r.millis(),
        r.rows() * 1000.0 / Math.max(1, r.millis()),
        r.bytes() / 1e6,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    if (!r.ok()) {
      System.out.println("  " + r.error());
    }
  }

  private static void history(Path dir, int n) throws Exception {
    Path file = dir.resolve("history.db");
    Files.deleteIfExists(file);
    try (Store store = Store.open(file)) {
      store.history().setMaxEntries(n);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String sql =
            "select o.id, c.name_"
                + (i % 37)
                + " from {{ ref('model_"
                + (i % 5000)
                + "') }} o join {{ source('raw', 'customers') }} c on c.id = o.customer_id where"
                + " o.amount > "
                + i;
        String error =
            i % 50 == 0 ? "Binder Error: column \"name_" + (i % 37) + "\" not found" : null;
        store
            .history()
            .record(
                HistoryEntry.of(
                    "/proj",
                    "dev",
                    "duckdb",
                    sql,
                    sql,
                    Instant.now(),
                    i % 1000,
                    10L,
                    error == null ? HistoryEntry.Status.OK : HistoryEntry.Status.ERROR,
                    error));
      }
      double perRecord = (System.nanoTime() - t0) / 1e3 / n;
      System.out.printf(
          "history: %,d records, %.1f µs per record (one transaction each)," + " file %,.1f MB%n",
          n, perRecord, Files.size(file) / 1e6);
      for (String q :
          List.of(
              "model_4999",
              "MODEL_42",
              "binder error",
              "name_3 model_12",
              "zzzzzz",
              "o.",
              "c.id model_7")) {
        time(store, q);
      }
      Connection c = Store.connect(file, Migrations.latest());
      for (String q : List.of("model_4999", "MODEL_42", "binder error", "zzzzzz")) {
        likeOnly(c, q);
      }
      c.close();
    }
    long t0 = System.nanoTime();
    try (Store again = Store.open(file)) {
      System.out.printf(
          "open (quick_check included) of a %,d-entry store: %.1f ms %s%n",
          again.history().count(null).value(), (System.nanoTime() - t0) / 1e6, again.notices());
    }
  }

  private static void time(Store store, String q) {
    int runs = 20;
    int found = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      found = store.history().search(null, q, 0, 50).value().size();
    }
    double ms = (System.nanoTime() - t0) / 1e6 / runs;
    long all = store.history().search(null, q, 0, Integer.MAX_VALUE).value().size();
    System.out.printf(
        "search (FTS5 trigram) %-18s first page %2d of %,6d matches: %.2f ms%n",
        "'" + q + "'", found, all, ms);
  }

  private static void likeOnly(Connection c, String q) throws Exception {
    int runs = 20;
    int found = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT id, sql FROM history WHERE sql LIKE"
                  + " ? OR error LIKE ? ORDER BY id DESC LIMIT 50")) {
        p.setString(1, "%" + q + "%");
        p.setString(2, "%" + q + "%");
        found = 0;
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            found++;
          }
        }
      }
    }
    System.out.printf(
        "search (LIKE only)    %-18s first page %2d: %.2f ms%n",
        "'" + q + "'", found, (System.nanoTime() - t0) / 1e6 / runs);
  }
}
