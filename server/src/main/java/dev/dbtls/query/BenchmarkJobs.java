package dev.dbtls.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.benchmark.Benchmark;
import dev.dbtls.benchmark.BenchmarkPlan;
import dev.dbtls.benchmark.BenchmarkResult;
import dev.dbtls.benchmark.Comparison;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.store.BenchmarkHistory;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.WarehouseError;
import dev.dbtls.warehouse.Warehouses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmarks as jobs: {@link #start} answers at once with a job; the job runs in the background,
 * one at a time (two benchmarks at once would time each other), reports its progress, can be
 * cancelled, and ends stored in the store's benchmark history (a recommendation benchmarked moves
 * to {@code benchmarked}). Ended jobs stay readable by id for the session.
 */
public final class BenchmarkJobs implements AutoCloseable {
  /** Told as a job goes; called on the job's thread. */
  public interface Listener {
    void progress(Job job);

    void finished(Job job);
  }

  /** One benchmark, as it is now. */
  public static final class Job {
    private final String id;
    private final ModelBenchmark what;
    private final String target;
    private final Instant started = Instant.now();
    private final QueryCancel cancel = new QueryCancel();
    private volatile int done;
    private volatile int total;
    private volatile String message = "waiting for another benchmark to end";
    private volatile BenchmarkResult result;
    private volatile Long storedId;

    Job(String id, ModelBenchmark what, String target) {
      this.id = id;
      this.what = what;
      this.target = target;
    }

    public String id() {
      return id;
    }

    public ModelBenchmark what() {
      return what;
    }

    public String target() {
      return target;
    }

    public int done() {
      return done;
    }

    public int total() {
      return total;
    }

    public String message() {
      return message;
    }

    /** Null while it runs. */
    public BenchmarkResult result() {
      return result;
    }

    /** Its id in the store's benchmark history, once stored. */
    public Long storedId() {
      return storedId;
    }

    /** running, ok, stopped (time budget), cancelled or error. */
    public String state() {
      BenchmarkResult r = result;
      return r == null ? "running" : state(r.status());
    }

    public static String state(BenchmarkResult.Status s) {
      return switch (s) {
        case COMPLETED -> "ok";
        case BUDGET_SPENT -> "stopped";
        case CANCELLED -> "cancelled";
        case REFUSED, FAILED -> "error";
      };
    }
  }

  /**
   * Made on first use: Jackson's class initialisation (its date formats, the locale's calendar)
   * took ~20 ms of the language server's start, before it could answer {@code initialize}.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "dbtls-benchmark");
            t.setDaemon(true);
            return t;
          });

  /** Starts {@code what} (which must be {@link ModelBenchmark#ok()}); {@code store} may be null. */
  public Job start(
      ProjectSnapshot s,
      ModelBenchmark what,
      BenchmarkPlan plan,
      Warehouses warehouses,
      Store store,
      Listener listener) {
    Job job =
        new Job(UUID.randomUUID().toString().substring(0, 8), what, s.inputs().target().name());
    job.total = (plan.warmups() + plan.measuredRuns()) * what.variants().size();
    jobs.put(job.id, job);
    runner.submit(() -> run(job, s, plan, warehouses, store, listener));
    return job;
  }

  public Optional<Job> get(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(jobs.get(id));
  }

  /** Cancels a job (running or still waiting); the job answers as it is. */
  public Optional<Job> cancel(String id) {
    Optional<Job> job = get(id);
    job.ifPresent(j -> j.cancel.cancel());
    return job;
  }

  private static void run(
      Job job,
      ProjectSnapshot s,
      BenchmarkPlan plan,
      Warehouses warehouses,
      Store store,
      Listener listener) {
    BenchmarkResult r;
    if (job.cancel.cancelled()) {
      r =
          new BenchmarkResult(
              BenchmarkResult.Status.CANCELLED,
              List.of(),
              List.of(),
              List.of(),
              WarehouseError.of(ProblemCode.WAREHOUSE_CANCELLED, "cancelled before it started"),
              0,
              null,
              null);
    } else {
      Warehouse.Opened opened = warehouses.warehouse(s.inputs());
      if (!opened.ok()) {
        r =
            new BenchmarkResult(
                BenchmarkResult.Status.FAILED,
                List.of(),
                List.of(),
                List.of(),
                opened.error(),
                0,
                null,
                null);
      } else {
        job.message = "starting";
        r =
            Benchmark.run(
                opened.warehouse(),
                plan,
                job.cancel,
                (done, total, message) -> {
                  job.done = done;
                  job.total = total;
                  job.message = message;
                  safely(() -> listener.progress(job));
                });
      }
    }
    job.message = summary(r);
    if (store != null && !r.unconfirmedCost()) {
      job.storedId = record(store, s, job.what, job.started, r);
    }
    job.result = r;
    safely(() -> listener.finished(job));
  }

  /** One line saying how it ended. */
  public static String summary(BenchmarkResult r) {
    if (r.error() != null && !r.ok()) {
      return r.error().message();
    }
    List<Comparison> c = r.comparisons();
    return c.isEmpty() ? "done" : String.join("; ", c.stream().map(Comparison::summary).toList());
  }

  /**
   * Stores a finished benchmark in the history; a pending recommendation it ran moves to
   * benchmarked. The stored id, or null when the store failed.
   */
  public static Long record(
      Store store, ProjectSnapshot s, ModelBenchmark what, Instant started, BenchmarkResult r) {
    try {
      var rec = what.recommendation();
      String verdict =
          r.comparisons().isEmpty()
              ? null
              : r.comparisons()
                  .get(r.comparisons().size() - 1)
                  .verdict()
                  .name()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replace('_', ' ');
      Long id =
          store
              .benchmarks()
              .add(
                  new BenchmarkHistory.Entry(
                      0,
                      s.inputs().root().dir().toString(),
                      s.inputs().target().name(),
                      what.nodeId(),
                      what.label(),
                      rec == null ? null : rec.id(),
                      started.toEpochMilli(),
                      r.millis(),
                      Job.state(r.status()),
                      verdict,
                      Json.MAPPER.writeValueAsString(r)))
              .orElse(null);
      if (rec != null && r.ok()) {
        var now = store.recommendations().get(rec.id()).orElse(null);
        if (now != null && "pending".equals(now.status())) {
          store.recommendations().setStatus(rec.id(), "benchmarked");
        }
      }
      return id;
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** A stored result read back; empty when it cannot be read. */
  public static Optional<BenchmarkResult> read(String json) {
    try {
      return Optional.of(Json.MAPPER.readValue(json, BenchmarkResult.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // a listener that fails must not stop the benchmark
    }
  }

  @Override
  public void close() {
    jobs.values().forEach(j -> j.cancel.cancel());
    runner.shutdownNow();
  }
}
