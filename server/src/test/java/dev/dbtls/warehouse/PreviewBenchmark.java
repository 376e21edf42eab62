package dev.dbtls.warehouse;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * Not a test (tests never assert timings): time to the first page of a 100k and a 1M row table on
 * DuckDB and PostgreSQL, time to page through all of it, and the peak heap while doing so. Run with
 * a small heap to show that rows stream: {@code java -Xmx128m -cp <test classpath>
 * dev.dbtls.warehouse.PreviewBenchmark}.
 */
public final class PreviewBenchmark {
  private PreviewBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("dbtls-bench");
    Path file = dir.resolve("bench.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      for (int n : new int[] {100_000, 1_000_000}) {
        c.createStatement()
            .execute(
                "create table rows_"
                    + n
                    + " as select range as id, "
                    + "'customer ' || range as name, range * 1.5 as amount, "
                    + "timestamp '2024-01-01' + to_seconds(range) as at from range("
                    + n
                    + ")");
      }
    }
    String pgTable = Databases.unique("dbtls_bench");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create table "
                + pgTable
                + " as select g as id, 'customer ' || g as name, g * 1.5 as amount,"
                + " timestamp '2024-01-01' + g * interval '1 second' as at"
                + " from generate_series(1, 1000000) g"));
    try (Warehouse duck =
            Databases.open(
                Databases.target("bench", "type", "duckdb", "path", file.toString()), dir);
        Warehouse pg = Databases.open(PostgresWarehouseTest.dev("schema", "public"), dir)) {
      for (int round = 0; round < 2; round++) { // the first round warms the JVM up
        boolean print = round == 1;
        run(print, "duckdb", duck, "select * from rows_100000", 100_000);
        run(print, "duckdb", duck, "select * from rows_1000000", 1_000_000);
        run(print, "postgres", pg, "select * from " + pgTable + " where id <= 100000", 100_000);
        run(print, "postgres", pg, "select * from " + pgTable, 1_000_000);
      }
    } finally {
      Databases.exec(Databases.PG_URL, "postgres", List.of("drop table if exists " + pgTable));
    }
  }

  private static void run(boolean print, String kind, Warehouse w, String sql, long rows) {
    PreviewOptions o = PreviewOptions.defaults().withLimit(0).withPage(500, 4L << 20);
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    PreviewResult first = Databases.ok(Preview.run(w, sql, o));
    long firstMs = (System.nanoTime() - t0) / 1_000_000;
    long seen = first.rows().size();
    PreviewOptions pages = o.withPage(5000, 4L << 20);
    String cursor = first.cursor();
    while (cursor != null) {
      PreviewPage p = Preview.page(w, cursor, pages);
      if (!p.ok()) {
        throw new AssertionError(p.error());
      }
      seen += p.rows().size();
      cursor = p.cursor();
    }
    long allMs = (System.nanoTime() - t0) / 1_000_000;
    if (seen != rows) {
      throw new AssertionError(seen + " rows, expected " + rows);
    }
    if (print) {
      System.out.printf(
          "%-8s %,10d rows: first page %5d ms, all pages %6d ms, peak heap %4d MB"
              + " (max %d MB)%n",
          kind, rows, firstMs, allMs, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
