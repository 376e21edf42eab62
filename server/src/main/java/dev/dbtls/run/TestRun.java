package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole {@code dbt test}, as the command line and the editor run it: the tests run ({@link
 * DataTests}), {@code run_results.json} written under the project's target path, dbt's counts.
 *
 * @param runResults where the artifact was written; null when it could not be ({@code writeError}
 *     says why)
 */
public record TestRun(
    List<NodeResult> results, double seconds, Path runResults, String writeError) {

  public static TestRun of(
      ProjectSnapshot s,
      List<Node> tests,
      Warehouses warehouses,
      DataTests.Options options,
      DataTests.Listener listener,
      Map<String, Object> args) {
    long t0 = System.nanoTime();
    List<NodeResult> results = DataTests.run(s, tests, warehouses, options, listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path file =
        s.inputs().root().dir().resolve(s.inputs().root().targetPath()).resolve("run_results.json");
    try {
      RunResults.write(file, RunResults.of(results, seconds, args, Instant.now()));
      return new TestRun(results, seconds, file, null);
    } catch (java.io.IOException | RuntimeException e) {
      return new TestRun(results, seconds, null, "cannot write " + file + ": " + e.getMessage());
    }
  }

  public long count(NodeResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** dbt's ERROR count: tests that failed or could not run. */
  public long errors() {
    return count(NodeResult.Status.FAIL) + count(NodeResult.Status.ERROR);
  }
}
