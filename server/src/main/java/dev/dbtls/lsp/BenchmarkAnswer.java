package dev.dbtls.lsp;

import dev.dbtls.benchmark.BenchmarkPlan;
import dev.dbtls.benchmark.BenchmarkResult;
import dev.dbtls.benchmark.Comparison;
import dev.dbtls.benchmark.CostQuestion;
import dev.dbtls.benchmark.Stats;
import dev.dbtls.benchmark.VariantResult;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.BenchmarkComparison;
import dev.dbtls.protocol.BenchmarkParams;
import dev.dbtls.protocol.BenchmarkReport;
import dev.dbtls.protocol.BenchmarkStarted;
import dev.dbtls.protocol.BenchmarkState;
import dev.dbtls.protocol.BenchmarkStats;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.BenchmarkVariant;
import dev.dbtls.protocol.BenchmarksResult;
import dev.dbtls.protocol.CompileProblem;
import dev.dbtls.protocol.DbtClient;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.query.BenchmarkJobs;
import dev.dbtls.query.ModelBenchmark;
import dev.dbtls.store.BenchmarkHistory;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.Warehouses;
import dev.dbtls.workspace.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code dbt/benchmark} and its companions in protocol records: starts jobs ({@link
 * BenchmarkJobs}), reports them with {@code $/progress} (cancellable), tells the client {@code
 * dbt/benchmarkFinished}, and reads the stored history back.
 */
final class BenchmarkAnswer implements AutoCloseable {
  private static final String TOKEN = "dbtls-benchmark-";
  private final BenchmarkJobs jobs = new BenchmarkJobs();
  private final Supplier<LanguageClient> client;
  private final Map<String, CompletableFuture<Boolean>> created = new ConcurrentHashMap<>();
  private volatile boolean progressSupported;

  BenchmarkAnswer(Supplier<LanguageClient> client) {
    this.client = client;
  }

  void progressSupported(boolean yes) {
    progressSupported = yes;
  }

  BenchmarkStarted start(
      ProjectSnapshot s,
      Path file,
      BenchmarkParams p,
      Settings settings,
      Warehouses warehouses,
      Store store,
      Uris uris) {
    ModelBenchmark what =
        ModelBenchmark.prepare(
            s, file, p.sql(), p.compare(), p.recommendationId(), store, warehouses);
    Path root = s.inputs().root().dir();
    List<CompileProblem> problems =
        what.problems().stream().distinct().map(x -> PreviewAnswer.problem(uris, root, x)).toList();
    if (!what.ok()) {
      return new BenchmarkStarted(
          null, null, null, List.of(), problems, new PreviewError(what.errorCode(), what.error()));
    }
    Settings.Benchmarking d = settings.benchmark();
    BenchmarkPlan plan =
        what.plan(
                clamp(p.warmups(), d.warmups(), 0, Settings.Benchmarking.MAX_WARMUPS),
                clamp(p.runs(), d.runs(), 1, Settings.Benchmarking.MAX_RUNS),
                clamp(
                    p.timeBudgetSeconds(),
                    d.timeBudgetSeconds(),
                    1,
                    Settings.Benchmarking.MAX_SECONDS))
            .withCostQuestion(
                new CostQuestion(
                    d.confirmBytesAbove(),
                    p.acceptScanBytes() == null ? 0 : p.acceptScanBytes(),
                    d.confirmCreditsAbove(),
                    p.acceptCredits() == null ? 0 : p.acceptCredits()));
    BenchmarkJobs.Job job = jobs.start(s, what, plan, warehouses, store, listener);
    begin(job);
    return new BenchmarkStarted(
        job.id(),
        TOKEN + job.id(),
        what.label(),
        what.variants().stream().map(v -> v.label()).toList(),
        problems,
        null);
  }

  BenchmarkStatus status(String id) {
    return jobs.get(id).map(BenchmarkAnswer::status).orElse(null);
  }

  BenchmarkStatus cancel(String id) {
    return jobs.cancel(id).map(BenchmarkAnswer::status).orElse(null);
  }

  /** {@code window/workDoneProgress/cancel} of one of our tokens. */
  void cancelProgress(String token) {
    if (token != null && token.startsWith(TOKEN)) {
      jobs.cancel(token.substring(TOKEN.length()));
    }
  }

  static BenchmarksResult history(Store store, Path project, String nodeId, Integer limit) {
    if (project == null) {
      return new BenchmarksResult(List.of(), "the document belongs to no dbt project");
    }
    var r = store.benchmarks().list(project.toString(), nodeId, limit == null ? 20 : limit);
    return new BenchmarksResult(
        r.orElse(List.of()).stream().map(BenchmarkAnswer::stored).toList(), r.error());
  }

  private static BenchmarkReport stored(BenchmarkHistory.Entry e) {
    return BenchmarkJobs.read(e.result())
        .map(r -> report(e.id(), e.label(), e.uniqueId(), e.target(), r))
        .orElse(
            new BenchmarkReport(
                e.id(),
                e.label(),
                e.uniqueId(),
                e.target(),
                BenchmarkState.of(e.status()),
                null,
                List.of("the stored result cannot be read"),
                List.of(),
                List.of(),
                e.durationMs(),
                null,
                null,
                null));
  }

  private final BenchmarkJobs.Listener listener =
      new BenchmarkJobs.Listener() {
        @Override
        public void progress(BenchmarkJobs.Job job) {
          report(job);
        }

        @Override
        public void finished(BenchmarkJobs.Job job) {
          end(job);
        }
      };

  private void begin(BenchmarkJobs.Job job) {
    LanguageClient c = client.get();
    if (!progressSupported || c == null) {
      return;
    }
    String token = TOKEN + job.id();
    CompletableFuture<Boolean> ready =
        c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
            .thenApply(
                x -> {
                  WorkDoneProgressBegin b = new WorkDoneProgressBegin();
                  b.setTitle("dbtls: benchmark " + job.what().label());
                  b.setCancellable(true);
                  b.setPercentage(0);
                  b.setMessage(job.message());
                  c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(b)));
                  return true;
                })
            .exceptionally(e -> false);
    created.put(job.id(), ready);
  }

  private void report(BenchmarkJobs.Job job) {
    CompletableFuture<Boolean> ready = created.get(job.id());
    LanguageClient c = client.get();
    if (ready == null || c == null || !Boolean.TRUE.equals(ready.getNow(false))) {
      return;
    }
    WorkDoneProgressReport r = new WorkDoneProgressReport();
    r.setMessage(job.done() + "/" + job.total() + " " + job.message());
    r.setPercentage(job.total() == 0 ? 0 : Math.min(100, 100 * job.done() / job.total()));
    r.setCancellable(true);
    c.notifyProgress(new ProgressParams(Either.forLeft(TOKEN + job.id()), Either.forLeft(r)));
  }

  private void end(BenchmarkJobs.Job job) {
    LanguageClient c = client.get();
    CompletableFuture<Boolean> ready = created.remove(job.id());
    if (ready != null && c != null) {
      ready.thenAccept(
          ok -> {
            if (ok) {
              WorkDoneProgressEnd e = new WorkDoneProgressEnd();
              e.setMessage(job.message());
              c.notifyProgress(
                  new ProgressParams(Either.forLeft(TOKEN + job.id()), Either.forLeft(e)));
            }
          });
    }
    if (c instanceof DbtClient d) {
      d.benchmarkFinished(status(job));
    }
  }

  static BenchmarkStatus status(BenchmarkJobs.Job job) {
    BenchmarkResult r = job.result();
    return new BenchmarkStatus(
        job.id(),
        BenchmarkState.of(job.state()),
        job.done(),
        job.total(),
        job.message(),
        r == null
            ? null
            : report(job.storedId(), job.what().label(), job.what().nodeId(), job.target(), r));
  }

  static BenchmarkReport report(
      Long storedId, String label, String nodeId, String target, BenchmarkResult r) {
    String sandbox =
        r.variants().stream()
            .map(VariantResult::sandbox)
            .filter(x -> x != null && !x.isBlank())
            .findFirst()
            .orElse(null);
    return new BenchmarkReport(
        storedId,
        label,
        nodeId,
        target,
        BenchmarkState.of(BenchmarkJobs.Job.state(r.status())),
        sandbox,
        r.notes(),
        r.variants().stream().map(BenchmarkAnswer::variant).toList(),
        r.comparisons().stream().map(BenchmarkAnswer::comparison).toList(),
        r.millis(),
        r.error() == null || r.ok() ? null : PreviewAnswer.error(r.error()),
        r.scanBytes(),
        r.maxCredits());
  }

  private static BenchmarkVariant variant(VariantResult v) {
    Stats s = v.stats();
    Map<String, Object> warehouse = new LinkedHashMap<>();
    if (v.report() != null) {
      putIfSet(warehouse, "sharedHitBlocks", v.report().sharedHitBlocks());
      putIfSet(warehouse, "sharedReadBlocks", v.report().sharedReadBlocks());
      putIfSet(warehouse, "executionMs", v.report().executionMillis());
    }
    List<Double> runs =
        v.runs().stream()
            .filter(x -> x.status() == dev.dbtls.benchmark.Run.Status.OK)
            .map(x -> Math.round(x.millis() * 1000) / 1000.0)
            .toList();
    return new BenchmarkVariant(
        v.variant().label(),
        v.variant().sql(),
        runs,
        s == null ? 0 : s.rows(),
        s == null
            ? null
            : new BenchmarkStats(
                s.runs(),
                round(s.min()),
                round(s.median()),
                round(s.p95()),
                round(s.max()),
                round(s.mean()),
                round(s.stddev())),
        warehouse);
  }

  private static BenchmarkComparison comparison(Comparison c) {
    return new BenchmarkComparison(
        c.variant(),
        c.baseline(),
        finite(c.medianRatio()),
        finite(c.low()),
        finite(c.high()),
        dev.dbtls.protocol.BenchmarkVerdict.valueOf(c.verdict().name()),
        c.summary());
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  private static int clamp(Integer asked, int fallback, int min, int max) {
    return asked == null ? fallback : Math.max(min, Math.min(max, asked));
  }

  @Override
  public void close() {
    jobs.close();
  }
}
