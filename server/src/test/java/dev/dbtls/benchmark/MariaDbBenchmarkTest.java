package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Target;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB (127.0.0.1:3306): plain benchmarks run with the query cache off; no sandbox there. */
class MariaDbBenchmarkTest {
  static Target target() {
    return Databases.target(
        "dev",
        "type",
        "mariadb",
        "server",
        "127.0.0.1",
        "port",
        3306,
        "username",
        "root",
        "schema",
        "test",
        "connect_timeout",
        2);
  }

  @Test
  void timesQueriesWithTheQueryCacheOffAndRefusesSandboxes() {
    Databases.requireServer(3306);
    String sql = "select seq from seq_1_to_20000 where seq % 7 = 3";
    try (Warehouse w = Databases.open(target(), Path.of("."))) {
      BenchmarkResult r =
          Benchmark.run(
              w,
              BenchmarkPlan.of(List.of(Variant.of("a", sql), Variant.of("b", sql))).withRuns(1, 5),
              null,
              null);
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      assertEquals(2857, r.variants().get(1).stats().rows());
      assertEquals(5, r.variants().get(0).stats().runs());
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("query_cache_type = OFF")));

      BenchmarkResult sandboxed =
          Benchmark.run(
              w,
              BenchmarkPlan.of(
                  List.of(
                      Variant.of("a", sql),
                      new Variant("b", sql, List.of("create index ix on t (x)")))),
              null,
              null);
      assertEquals(BenchmarkResult.Status.REFUSED, sandboxed.status());
      assertEquals(
          "sandboxed index benchmarks run on PostgreSQL and DuckDB; target 'dev' is" + " mariadb",
          sandboxed.error().message());
    }
  }
}
