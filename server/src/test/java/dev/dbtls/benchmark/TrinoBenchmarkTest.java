package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.TrinoServer;
import dev.dbtls.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trino (test-projects/trino/trino-server.sh): plain benchmarks; no indexes, so no sandbox. */
class TrinoBenchmarkTest {
  @Test
  void timesTwoVariantsAndRefusesAnIndexSandbox() {
    TrinoServer.require();
    try (Warehouse w =
        Databases.open(
            Databases.target(
                "dev",
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
            Path.of("."))) {
      String a = "select orderkey from orders where orderpriority = '1-URGENT'";
      String b = "select orderkey from orders where substr(orderpriority, 1, 1) = '1'";
      BenchmarkResult r =
          Benchmark.run(
              w,
              BenchmarkPlan.of(List.of(Variant.of("a", a), Variant.of("b", b))).withRuns(1, 3),
              null,
              null);
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      assertEquals(3, r.variants().get(0).stats().runs());
      assertEquals(r.variants().get(0).stats().rows(), r.variants().get(1).stats().rows());
      assertTrue(
          r.notes().contains("Trino has no result cache: every run executed the query"),
          r.notes().toString());
      BenchmarkResult sandboxed =
          Benchmark.run(
              w,
              BenchmarkPlan.of(
                  List.of(
                      Variant.of("a", a),
                      new Variant("b", a, List.of("create index ix on orders (orderkey)")))),
              null,
              null);
      assertEquals(BenchmarkResult.Status.REFUSED, sandboxed.status());
      assertTrue(
          sandboxed
              .error()
              .message()
              .endsWith(
                  "is trino, which has no indexes (explain's"
                      + " findings say what fits there instead: distribution and sort keys, partition"
                      + " filters)"),
          sandboxed.error().message());
    }
  }
}
