package dev.dbtls.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test (tests never assert timings): on the Trino server of test-projects/trino, the time to
 * the first page of a preview (100 rows) through dbtls, on a warm pool, against the same query
 * through the bare Trino driver on a warm connection reading the same 100 rows, alternating, in one
 * run. Prints medians and their ratio. Run by test-projects/trino/preview-benchmark.sh.
 */
public final class TrinoPreviewBenchmark {
  private TrinoPreviewBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    String sql =
        "select o.orderkey, o.orderdate, o.totalprice, c.name, c.mktsegment"
            + " from tpch.tiny.orders o join tpch.tiny.customer c on c.custkey = o.custkey"
            + " where o.orderstatus = 'O'";
    List<Double> bare = new ArrayList<>();
    List<Double> dbtls = new ArrayList<>();
    try (Warehouse w =
            Databases.open(
                Databases.target(
                    "bench",
                    "type",
                    "trino",
                    "host",
                    "127.0.0.1",
                    "port",
                    TrinoServer.port(),
                    "user",
                    "dbtls",
                    "database",
                    "tpch",
                    "schema",
                    "tiny"),
                Path.of("."));
        Connection c = TrinoServer.connect()) {
      PreviewOptions options = PreviewOptions.defaults().withLimit(1000).withPage(100, 1L << 20);
      for (int i = 0; i < rounds + 3; i++) { // three warm-up rounds, not counted
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(sql)) {
          for (int n = 0; n < 100 && rs.next(); n++) {
            rs.getObject(1);
          }
        }
        long t1 = System.nanoTime();
        PreviewResult r = Preview.run(w, sql, options);
        long t2 = System.nanoTime();
        if (!r.ok() || r.rows().size() != 100) {
          throw new IllegalStateException("preview failed: " + r.error());
        }
        Preview.close(w, r.cursor());
        if (i >= 3) {
          bare.add((t1 - t0) / 1e6);
          dbtls.add((t2 - t1) / 1e6);
        }
      }
    }
    double b = median(bare);
    double d = median(dbtls);
    System.out.printf(
        "Trino first page (100 rows), %d rounds, medians: bare driver %.1f ms, dbtls preview"
            + " %.1f ms, ratio %.2f (dbtls adds %.1f ms)%n",
        rounds, b, d, d / b, d - b);
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
