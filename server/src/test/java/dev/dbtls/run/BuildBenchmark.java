package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.testing.Fixture;
import dev.dbtls.warehouse.BuildTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark (not a test; test-projects/build-benchmark.sh): {@code dbtls run} of a generated
 * project on a fresh DuckDB file, with 1, 2 and 4 threads, several times each. Reports the median
 * wall time, and the runner's own overhead per node: each node's time on its thread (compile,
 * materialization render, scheduling) less the time its database calls took.
 */
public final class BuildBenchmark {
  private BuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ProjectSnapshot s =
        ProjectSnapshot.load(dir, Fixture.profilesIn(dir), List.of(), FileSource.DISK);
    Selector selector = new Selector(s.manifest());
    List<Node> seeds = Builds.among(s, "seed", selector.select(List.of(), List.of()), List.of());
    List<Node> models = Builds.among(s, "run", selector.select(List.of(), List.of()), List.of());
    System.out.printf(Locale.ROOT, "project: %s, %d models to build%n", dir, models.size());
    System.out.println(
        "threads | wall s (median) | runner overhead ms/node (median) | db s (median)");
    for (int threads : new int[] {1, 2, 4}) {
      List<Double> walls = new ArrayList<>();
      List<Double> overheads = new ArrayList<>();
      List<Double> dbs = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        Files.deleteIfExists(dir.resolve("synthetic.duckdb"));
        Files.deleteIfExists(dir.resolve("synthetic.duckdb.wal"));
        BuildTarget.Opened opened = BuildTarget.open(s.inputs().target(), dir);
        if (!opened.ok()) {
          throw new IllegalStateException(opened.error().message());
        }
        try (BuildTarget t = opened.target()) {
          Builds.run(s, seeds, t, new Builds.Options(threads, false, false, "seed", null), null);
          LongAdder db = new LongAdder();
          long t0 = System.nanoTime();
          List<NodeResult> results =
              Builds.run(
                  s, models, t, new Builds.Options(threads, false, false, "run", null, db), null);
          double wall = (System.nanoTime() - t0) / 1e9;
          NodeResult failed =
              results.stream()
                  .filter(x -> x.status() != NodeResult.Status.SUCCESS)
                  .findFirst()
                  .orElse(null);
          if (failed != null) {
            throw new IllegalStateException(
                failed.name() + " did not succeed: " + failed.message());
          }
          double nodeSeconds = results.stream().mapToDouble(NodeResult::seconds).sum();
          walls.add(wall);
          dbs.add(db.sum() / 1e9);
          overheads.add((nodeSeconds - db.sum() / 1e9) * 1000 / results.size());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%7d | %15.2f | %32.2f | %13.2f%n",
          threads,
          median(walls),
          median(overheads),
          median(dbs));
    }
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
