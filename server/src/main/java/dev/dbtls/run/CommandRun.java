package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.BuildTarget;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole dbt command as the command line and the editor run it — {@code test} ({@link DataTests},
 * read-only) or {@code build}, {@code run}, {@code seed}, {@code snapshot} ({@link Builds}) — with
 * {@code run_results.json} written under the project's target path, and dbt's counts.
 *
 * @param runResults where the artifact was written; null when it could not be ({@code writeError}
 *     says why)
 */
public record CommandRun(
    List<NodeResult> results, double seconds, Path runResults, String writeError) {

  /** {@code dbt test}: the tests, read-only on the target. */
  public static CommandRun test(
      ProjectSnapshot s,
      List<Node> tests,
      Warehouses warehouses,
      DataTests.Options options,
      DataTests.Listener listener,
      Map<String, Object> args) {
    return timed(s, args, () -> DataTests.run(s, tests, warehouses, options, listener));
  }

  /** {@code dbt build}, {@code run}, {@code seed} or {@code snapshot} on the native runner. */
  public static CommandRun build(
      ProjectSnapshot s,
      List<Node> nodes,
      BuildTarget target,
      Builds.Options options,
      DataTests.Listener listener,
      Map<String, Object> args) {
    return timed(s, args, () -> Builds.run(s, nodes, target, options, listener));
  }

  private static CommandRun timed(
      ProjectSnapshot s, Map<String, Object> args, Supplier<List<NodeResult>> run) {
    long t0 = System.nanoTime();
    List<NodeResult> results = run.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path file =
        s.inputs().root().dir().resolve(s.inputs().root().targetPath()).resolve("run_results.json");
    try {
      RunResults.write(file, RunResults.of(results, seconds, args, Instant.now()));
      return new CommandRun(results, seconds, file, null);
    } catch (java.io.IOException | RuntimeException e) {
      return new CommandRun(results, seconds, null, "cannot write " + file + ": " + e.getMessage());
    }
  }

  public long count(NodeResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** dbt's ERROR count: nodes that failed or could not run. */
  public long errors() {
    return count(NodeResult.Status.FAIL) + count(NodeResult.Status.ERROR);
  }

  /** dbt's PASS count: tests that passed and nodes built. */
  public long passed() {
    return count(NodeResult.Status.PASS) + count(NodeResult.Status.SUCCESS);
  }
}
