package dev.dbtls.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.QueryWatch;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.WarehouseError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times queries honestly. For each round, every variant runs once, in an order that rotates from
 * round to round (A B, B A, …) so that drift and order effects hit all alike; the first {@code
 * warmups} rounds are not measured. A run executes the query forward-only with the plan's fetch
 * size, reads every row and keeps none; its wall time is from execute to the last row. Each variant
 * runs on its own connection: the warehouse's pool, or a sandbox when it has setup (see {@link
 * PostgresSandbox}, {@link DuckDbScratch}). Result caches are switched off where the warehouse has
 * one (MariaDB/MySQL). No new round starts once the time budget is spent. Cancel stops the running
 * statement; sandboxes are always rolled back or dropped, also on failure. Never throws.
 */
public final class Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Benchmark() {}

  /**
   * Runs the plan on the warehouse. {@code cancel} and {@code progress} may be null. The result
   * keeps the runs done before a cancel or a failure.
   */
  public static BenchmarkResult run(
      Warehouse w, BenchmarkPlan plan, QueryCancel cancel, Progress progress) {
    long t0 = System.nanoTime();
    try {
      return new Benchmark.Session(
              w,
              plan == null ? BenchmarkPlan.of(List.of()) : plan,
              cancel,
              progress == null ? Progress.NONE : progress,
              t0)
          .run();
    } catch (RuntimeException e) {
      return new BenchmarkResult(
          BenchmarkResult.Status.FAILED,
          List.of(),
          List.of(),
          List.of(),
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY, "benchmark failed: " + e.getClass().getSimpleName()),
          millis(t0),
          null,
          null);
    }
  }

  /** One benchmark as it runs: its lanes, runs and notes. */
  private static final class Session {
    private final Warehouse w;
    private final BenchmarkPlan plan;
    private final Progress progress;
    private final long t0;
    private final Watched sql;
    private final List<String> notes = new ArrayList<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final List<List<Run>> runs = new ArrayList<>();
    private final List<WarehouseReport> reports = new ArrayList<>();
    private Long scanBytes;
    private Double maxCredits;
    private SnowflakeCredits.Warehouse snowflake;

    Session(Warehouse w, BenchmarkPlan plan, QueryCancel cancel, Progress progress, long t0) {
      this.w = w;
      this.plan = plan;
      this.progress = progress;
      this.t0 = t0;
      this.sql = new Watched(w, cancel, plan.statementSeconds());
    }

    BenchmarkResult run() {
      WarehouseError refused =
          Guard.refusal(plan, w.sqlType(), w.kind(), w.targetName(), w.fileAccess());
      if (refused != null) {
        return result(BenchmarkResult.Status.REFUSED, refused);
      }
      for (int i = 0; i < plan.variants().size(); i++) {
        runs.add(new ArrayList<>());
        reports.add(null);
      }
      cacheNote();
      if (plan.runs() > plan.maxRuns()) {
        notes.add("runs capped at " + plan.maxRuns() + " per variant (" + plan.runs() + " asked)");
      }
      try {
        openLanes();
        long busy = System.nanoTime();
        BenchmarkResult.Status status = rounds();
        if (snowflake != null && !snowflake.after(millis(busy)).isEmpty()) {
          notes.add(snowflake.after(millis(busy)));
        }
        if (status == BenchmarkResult.Status.COMPLETED
            || status == BenchmarkResult.Status.BUDGET_SPENT) {
          warehouseReports();
        }
        return result(status, null);
      } catch (Failure f) {
        return result(
            f.cancelled
                ? BenchmarkResult.Status.CANCELLED
                : f.error.code() == ProblemCode.BENCHMARK_COST_UNCONFIRMED
                    ? BenchmarkResult.Status.REFUSED
                    : BenchmarkResult.Status.FAILED,
            f.error);
      } finally {
        for (Lane lane : lanes) {
          lane.close();
        }
      }
    }

    private void openLanes() throws Failure {
      List<Variant> variants = plan.variants();
      if (w.engine() != null) {
        int runsEach = plan.warmups() + plan.measuredRuns();
        EngineCost.Scan scan = EngineCost.scan(w, variants, runsEach, sql);
        scanBytes = scan.total();
        EngineCost.allow(w, plan, scan, runsEach, notes);
        variants.forEach(v -> lanes.add(Lane.onEngine(v)));
        return;
      }
      if (w.sqlType().equals("snowflake")) {
        snowflakeWarehouse();
      }
      boolean sandboxed = variants.stream().anyMatch(Variant::sandboxed);
      DuckDbScratch scratch = null;
      if (sandboxed && w.sqlType().equals("duckdb")) {
        progress.report(0, total(), "copying the tables the queries read into in-memory DuckDB");
        scratch = DuckDbScratch.plan(sql, variants, plan.sampleRows());
        notes.add(
            "every variant ran on its own "
                + scratch.label().replace("sandbox: ", "")
                + " in a fresh in-memory DuckDB; the database file was only read");
      }
      for (Variant v : variants) {
        if (scratch != null) {
          lanes.add(scratch.open(sql, v));
        } else if (v.sandboxed()) {
          progress.report(0, total(), "sandbox for '" + v.label() + "': running its setup");
          lanes.add(PostgresSandbox.open(sql, v));
        } else {
          lanes.add(pooled(v));
        }
      }
      if (sandboxed && scratch == null) {
        notes.add(
            "the setup ran in a PostgreSQL transaction rolled back at the end: the index "
                + "never existed outside the benchmark (writes to its table wait while it runs)");
      }
    }

    private Lane pooled(Variant v) throws Failure {
      sql.stopIfCancelled();
      Connection c;
      try {
        c = w.readingConnection();
      } catch (SQLException e) {
        throw sql.failed(e);
      }
      boolean mysql = w.sqlType().equals("mysql") || w.sqlType().equals("mariadb");
      boolean redshift = w.sqlType().equals("redshift");
      boolean snowflake = w.sqlType().equals("snowflake");
      boolean databricks = w.sqlType().equals("databricks");
      Lane lane =
          new Lane(
              v,
              c,
              null,
              true,
              mysql
                  ? "set session query_cache_type = default"
                  : redshift
                      ? "reset enable_result_cache_for_session"
                      : snowflake
                          ? "alter session unset use_cached_result"
                          : databricks ? "reset use_cached_result" : null);
      if (mysql || redshift || snowflake || databricks) {
        try (Statement s = c.createStatement()) {
          s.execute(
              mysql
                  ? "set session query_cache_type = off"
                  : redshift
                      ? "set enable_result_cache_for_session to off"
                      : snowflake
                          ? "alter session set use_cached_result = false"
                          : "set use_cached_result = false");
        } catch (SQLException e) {
          // the server has no result cache (MySQL 8, MariaDB without one, PostgreSQL behind the
          // Redshift driver): nothing to bypass; the failed statement ends its transaction
          rollbackQuietly(c);
        }
      }
      return lane;
    }

    private static void rollbackQuietly(Connection c) {
      try {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
      } catch (SQLException e) {
        // the pool checks the connection when it comes back
      }
    }

    /**
     * Snowflake bills the warehouse's time: which warehouse, its credits an hour, and the most the
     * time budget can cost; asked first above the plan's threshold.
     */
    private void snowflakeWarehouse() throws Failure {
      try (Connection c = w.connection()) {
        snowflake = SnowflakeCredits.read(c);
      } catch (SQLException | RuntimeException e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        notes.add(
            "the warehouse's size could not be read ("
                + (why.length() > 160 ? why.substring(0, 160) + "…" : why)
                + "): the runs' credits are not estimated");
        return;
      }
      notes.add(snowflake.before());
      if (!Double.isNaN(snowflake.perHour())) {
        maxCredits = snowflake.most(plan.timeBudget());
        WarehouseError asked = snowflake.question(plan.cost(), plan.timeBudget());
        if (asked != null) {
          throw new Failure(asked, false);
        }
      }
    }

    private void cacheNote() {
      switch (w.sqlType()) {
        case "mysql", "mariadb" ->
            notes.add(
                "the query cache was switched off for the "
                    + "benchmark's sessions (query_cache_type = OFF) where the server has one");
        case "snowflake" ->
            notes.add(
                "Snowflake's result cache was switched off for the benchmark's sessions"
                    + " (USE_CACHED_RESULT = FALSE); each run uses the target's warehouse and"
                    + " costs its credits");
        case "databricks" ->
            notes.add(
                "Databricks' result cache was switched off for the benchmark's sessions"
                    + " (use_cached_result = false); the disk cache of the warehouse's nodes may"
                    + " still be warm after the warm-up runs, as it would be for users");
        case "redshift" ->
            notes.add(
                "Redshift's result cache was switched off for the benchmark's sessions"
                    + " (enable_result_cache_for_session = off)");
        case "bigquery" ->
            notes.add(
                "BigQuery's result cache was off for every run (useQueryCache = false): each"
                    + " run executed the query and billed its bytes");
        case "postgres", "duckdb", "sqlite", "trino" ->
            notes.add(
                name(w.sqlType()) + " has no result " + "cache: every run executed the query");
        default ->
            notes.add(
                "dbtls knows of no result cache on "
                    + w.sqlType()
                    + "; if the warehouse has one, repeated runs may be served from it");
      }
    }

    private BenchmarkResult.Status rounds() throws Failure {
      int measured = plan.measuredRuns();
      int rounds = plan.warmups() + measured;
      int n = lanes.size();
      int done = 0;
      for (int round = 0; round < rounds; round++) {
        if (System.nanoTime() - t0 > plan.timeBudget().toNanos()) {
          int measuredDone = Math.max(0, round - plan.warmups());
          notes.add(
              "the time budget of "
                  + budget()
                  + " was spent: "
                  + measuredDone
                  + " of "
                  + measured
                  + " measured runs per variant done, no further run started");
          return BenchmarkResult.Status.BUDGET_SPENT;
        }
        boolean warmup = round < plan.warmups();
        for (int k = 0; k < n; k++) {
          int i = (round + k) % n;
          Lane lane = lanes.get(i);
          int measuredRound = warmup ? -1 : round - plan.warmups();
          long start = System.nanoTime();
          Run r;
          try {
            r = timed(lane, measuredRound);
          } catch (Failure f) {
            if (!warmup) {
              runs.get(i)
                  .add(
                      new Run(
                          measuredRound,
                          (System.nanoTime() - start) / 1e6,
                          0,
                          f.cancelled ? Run.Status.CANCELLED : Run.Status.FAILED));
            }
            throw f;
          }
          if (!warmup) {
            runs.get(i).add(r);
          }
          done++;
          progress.report(
              done,
              total(),
              String.format(
                  Locale.ROOT,
                  "%s %d/%d: '%s' %.2f ms, " + "%d rows",
                  warmup ? "warm-up" : "run",
                  warmup ? round + 1 : round - plan.warmups() + 1,
                  warmup ? plan.warmups() : measured,
                  lane.variant.label(),
                  r.millis(),
                  r.rows()));
        }
      }
      return BenchmarkResult.Status.COMPLETED;
    }

    /** One run: execute, read every row, keep none. */
    private Run timed(Lane lane, int round) throws Failure {
      sql.stopIfCancelled();
      QueryWatch watch = new QueryWatch(sql.cancel(), sql.seconds());
      if (lane.connection == null) {
        return onEngine(lane, round, watch);
      }
      try (Statement st =
          lane.connection.createStatement(
              ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        fetchSize(st);
        watch.running(st);
        long start = System.nanoTime();
        long rows = 0;
        try (ResultSet rs = st.executeQuery(lane.variant.sql())) {
          while (rs.next()) {
            rows++;
          }
        }
        long nanos = System.nanoTime() - start;
        watch.close();
        if (watch.stopped()) {
          throw new Failure(watch.failure(w, null), watch.cancelled());
        }
        lane.afterRun();
        return new Run(round, nanos / 1e6, rows, Run.Status.OK);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        throw new Failure(located(lane, watch.failure(w, e)), watch.cancelled());
      }
    }

    /** One run through the engine: the job, every row read, none kept. */
    private Run onEngine(Lane lane, int round, QueryWatch watch) throws Failure {
      long start = System.nanoTime();
      try (dev.dbtls.warehouse.QueryRows rows =
          w.engine().query(lane.variant.sql(), plan.fetchSize(), false, watch::running)) {
        long n = 0;
        while (rows.next()) {
          n++;
        }
        long nanos = System.nanoTime() - start;
        watch.close();
        if (watch.stopped()) {
          throw new Failure(watch.failure(w, null), watch.cancelled());
        }
        return new Run(round, nanos / 1e6, n, Run.Status.OK);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        throw new Failure(located(lane, watch.failure(w, e)), watch.cancelled());
      }
    }

    private void fetchSize(Statement st) {
      try {
        st.setFetchSize(plan.fetchSize());
      } catch (SQLException e) {
        // the driver streams as it likes
      }
    }

    /** PostgreSQL's own account of one run per variant, after the timed runs; not timed. */
    private void warehouseReports() throws Failure {
      if (!plan.warehouseReport() || !w.sqlType().equals("postgres")) {
        return;
      }
      for (int i = 0; i < lanes.size(); i++) {
        Lane lane = lanes.get(i);
        List<List<String>> rows =
            sql.rows(
                lane.connection, "explain (analyze, buffers, format json) " + lane.variant.sql());
        try {
          lane.afterRun();
          JsonNode top = JSON.readTree(rows.get(0).get(0)).path(0);
          JsonNode p = top.path("Plan");
          reports.set(
              i,
              new WarehouseReport(
                  longOrNull(p, "Shared Hit Blocks"),
                  longOrNull(p, "Shared Read Blocks"),
                  top.has("Execution Time") ? top.get("Execution Time").asDouble() : null));
        } catch (SQLException | java.io.IOException | RuntimeException e) {
          reports.set(i, null);
        }
      }
      notes.add(
          "buffers and execution time per variant are from one explain (analyze, buffers)"
              + " after the timed runs");
    }

    private static Long longOrNull(JsonNode n, String field) {
      return n.has(field) ? n.get(field).asLong() : null;
    }

    private WarehouseError located(Lane lane, WarehouseError e) {
      if (e.code() == ProblemCode.WAREHOUSE_CANCELLED) {
        return e;
      }
      return WarehouseError.of(e.code(), "variant '" + lane.variant.label() + "': " + e.message());
    }

    private BenchmarkResult result(BenchmarkResult.Status status, WarehouseError error) {
      List<VariantResult> variants = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        List<Run> rs = runs.get(i);
        Variant v = plan.variants().get(i);
        String sandbox = i < lanes.size() ? lanes.get(i).sandbox : null;
        VariantResult partial = new VariantResult(v, sandbox, rs, null, reports.get(i));
        long rows =
            rs.stream()
                .filter(x -> x.status() == Run.Status.OK)
                .mapToLong(Run::rows)
                .reduce((a, b) -> b)
                .orElse(0);
        variants.add(
            new VariantResult(v, sandbox, rs, Stats.of(partial.millis(), rows), reports.get(i)));
      }
      List<Comparison> comparisons = new ArrayList<>();
      for (int i = 1; i < variants.size(); i++) {
        comparisons.add(
            Comparison.of(
                variants.get(i).variant().label(),
                variants.get(i).millis(),
                variants.get(0).variant().label(),
                variants.get(0).millis()));
      }
      if (status == BenchmarkResult.Status.CANCELLED) {
        notes.add("cancelled: the runs done before are kept");
      }
      return new BenchmarkResult(
          status, variants, comparisons, notes, error, millis(t0), scanBytes, maxCredits);
    }

    private int total() {
      return (plan.warmups() + plan.measuredRuns()) * plan.variants().size();
    }

    private String budget() {
      long s = plan.timeBudget().toSeconds();
      return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
  }

  private static String name(String sqlType) {
    return switch (sqlType) {
      case "postgres" -> "PostgreSQL";
      case "duckdb" -> "DuckDB";
      case "sqlite" -> "SQLite";
      case "trino" -> "Trino";
      default -> sqlType;
    };
  }

  static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
