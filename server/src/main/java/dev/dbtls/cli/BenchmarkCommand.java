package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.benchmark.Benchmark;
import dev.dbtls.benchmark.BenchmarkPlan;
import dev.dbtls.benchmark.BenchmarkResult;
import dev.dbtls.benchmark.Comparison;
import dev.dbtls.benchmark.CostQuestion;
import dev.dbtls.benchmark.Stats;
import dev.dbtls.benchmark.VariantResult;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.BenchmarkJobs;
import dev.dbtls.query.ModelBenchmark;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.Warehouses;
import dev.dbtls.workspace.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls benchmark}: times one model (or ad-hoc SQL) on its target — alone, or against the
 * saved file, the file at git HEAD, or a recommendation's index in a sandbox — and prints each
 * variant's statistics and the verdict; the result goes to the store's benchmark history. Ctrl-C
 * cancels the running statement and rolls a sandbox back.
 */
@Command(
    name = "benchmark",
    description =
        "Time a model's query (warm-ups, interleaved runs, statistics, a verdict with its uncertainty).")
final class BenchmarkCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin WarehouseOptions warehouse;

  @Option(
      names = "--compare",
      description =
          "saved (the file on disk; for a model given as a file it is the same), head (git HEAD) or recommendation (with --recommendation ID)")
  String compare;

  @Option(
      names = "--recommendation",
      description = "The recommendation to try in a sandbox (see dbtls recommendations)")
  Long recommendation;

  @Option(names = "--runs", description = "Measured runs per variant (default: ${DEFAULT-VALUE})")
  int runs = Settings.Benchmarking.defaults().runs();

  @Option(
      names = "--warmups",
      description = "Warm-up runs per variant, not counted (default: ${DEFAULT-VALUE})")
  int warmups = Settings.Benchmarking.defaults().warmups();

  @Option(
      names = "--time-budget",
      description = "Seconds after which no new run starts (default: ${DEFAULT-VALUE})")
  int timeBudget = Settings.Benchmarking.defaults().timeBudgetSeconds();

  @Option(
      names = "--accept-scan-bytes",
      paramLabel = "BYTES",
      description =
          "BigQuery: the bytes you agree the runs may scan; a benchmark scanning more than 100 GiB"
              + " runs only with this at least as large as its dry runs say")
  long acceptScanBytes;

  @Option(
      names = "--accept-credits",
      paramLabel = "CREDITS",
      description =
          "Snowflake: the credits you agree the runs may cost; a benchmark whose time budget could"
              + " cost more than 1 credit on the target's warehouse runs only with this at least"
              + " as large")
  double acceptCredits;

  @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE})")
  String format = "table";

  @Option(names = "--no-store", description = "Do not record the result in the benchmark history")
  boolean noStore;

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "json").contains(format)) {
      System.err.println("error: --format must be table or json");
      return 2;
    }
    if (runs < 1
        || runs > Settings.Benchmarking.MAX_RUNS
        || warmups < 0
        || warmups > Settings.Benchmarking.MAX_WARMUPS
        || timeBudget < 1
        || timeBudget > Settings.Benchmarking.MAX_SECONDS) {
      System.err.println(
          "error: --runs 1-"
              + Settings.Benchmarking.MAX_RUNS
              + ", --warmups 0-"
              + Settings.Benchmarking.MAX_WARMUPS
              + ", --time-budget 1-"
              + Settings.Benchmarking.MAX_SECONDS);
      return 2;
    }
    QueryTarget target = QueryTarget.of(project, warehouse.sql, null, "benchmark");
    if (!target.ok()) {
      return target.exit();
    }
    ProjectSnapshot s = target.snapshot();
    Path file = target.file();
    try (Warehouses warehouses = new Warehouses();
        Store store = Store.open()) {
      warehouses.allowFileReads(warehouse.allowFileReads);
      store.notices().forEach(n -> System.err.println("dbtls: " + n));
      ModelBenchmark what =
          ModelBenchmark.prepare(
              s, file, warehouse.sql, compare, recommendation, store, warehouses);
      if (!what.ok()) {
        Reporter.report(what.problems(), List.of());
        System.err.println("error " + what.errorCode() + ": " + what.error());
        return 1;
      }
      Warehouse.Opened opened = warehouses.warehouse(s.inputs());
      if (!opened.ok()) {
        System.err.println("error " + opened.error().code().id() + ": " + opened.error().message());
        return 1;
      }
      BenchmarkPlan plan =
          what.plan(warmups, runs, timeBudget)
              .withCostQuestion(
                  new CostQuestion(
                      Settings.Benchmarking.defaults().confirmBytesAbove(),
                      acceptScanBytes,
                      Settings.Benchmarking.defaults().confirmCreditsAbove(),
                      acceptCredits));
      System.err.printf(
          "benchmark of %s on target '%s': %d warm-up and %d measured runs per"
              + " variant, interleaved%n",
          what.label(), s.inputs().target().name(), warmups, runs);
      QueryCancel cancel = new QueryCancel();
      Thread hook = new Thread(cancel::cancel);
      Runtime.getRuntime().addShutdownHook(hook);
      Instant started = Instant.now();
      boolean live = System.console() != null;
      BenchmarkResult r =
          Benchmark.run(
              opened.warehouse(),
              plan,
              cancel,
              (done, total, message) -> {
                if (live) {
                  System.err.printf("\r%d/%d %s\u001b[K", done, total, message);
                }
              });
      if (live) {
        System.err.print("\r\u001b[K");
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
      Long stored =
          noStore || r.unconfirmedCost() ? null : BenchmarkJobs.record(store, s, what, started, r);
      if (format.equals("json")) {
        System.out.println(
            new ObjectMapper()
                .writeValueAsString(
                    Map.of(
                        "label",
                        what.label(),
                        "result",
                        r,
                        "storedId",
                        stored == null ? -1 : stored)));
      } else {
        System.out.print(text(r));
      }
      if (stored != null) {
        System.err.println(
            "stored as benchmark "
                + stored
                + " (dbtls history shows queries;"
                + " the editor's dbt/benchmarks shows benchmarks)");
      }
      if (!r.ok()) {
        System.err.println("error: " + BenchmarkJobs.summary(r));
        if (r.unconfirmedCost()) {
          System.err.println(
              "to run it: "
                  + (r.maxCredits() != null
                      ? "--accept-credits " + r.maxCredits()
                      : "--accept-scan-bytes " + r.scanBytes()));
        }
        return 1;
      }
      return 0;
    }
  }

  /** Each variant's statistics as a table, then the comparisons, the sandbox and the notes. */
  static String text(BenchmarkResult r) {
    StringBuilder out = new StringBuilder();
    List<List<Object>> rows = new ArrayList<>();
    for (VariantResult v : r.variants()) {
      Stats st = v.stats();
      rows.add(
          List.of(
              v.variant().label(),
              st.runs(),
              ms(st.min()),
              ms(st.median()),
              ms(st.p95()),
              ms(st.max()),
              ms(st.mean()),
              ms(st.stddev()),
              st.rows()));
    }
    if (!rows.isEmpty()) {
      out.append(
          TextTable.of(
              List.of(
                  "variant",
                  "runs",
                  "min ms",
                  "median ms",
                  "p95 ms",
                  "max ms",
                  "mean ms",
                  "stddev ms",
                  "rows"),
              rows));
    }
    for (Comparison c : r.comparisons()) {
      out.append('\n').append(c.summary()).append('\n');
    }
    r.variants().stream()
        .map(VariantResult::sandbox)
        .filter(x -> x != null && !x.isBlank())
        .distinct()
        .forEach(x -> out.append(x).append('\n'));
    for (VariantResult v : r.variants()) {
      if (v.report() != null && v.report().sharedHitBlocks() != null) {
        out.append(v.variant().label())
            .append(": ")
            .append(v.report().sharedHitBlocks())
            .append(" shared buffers hit, ")
            .append(v.report().sharedReadBlocks())
            .append(" read (one explain analyze after the timed runs)\n");
      }
    }
    r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
    return out.toString();
  }

  private static String ms(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }
}
