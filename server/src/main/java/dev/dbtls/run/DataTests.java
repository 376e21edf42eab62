package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.UpstreamInliner;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.PreviewResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code dbt test} of the selected data tests (generic and singular): each compiled, wrapped in
 * dbt's failure query ({@link DataTestSql}) and run read-only on the target, on {@code threads}
 * threads; its parents the target does not hold yet are put in front as CTEs, as a preview does, so
 * a fresh clone tests its models before any build. {@code severity: warn} only warns; {@code
 * fail_fast} skips what has not started once one fails.
 */
public final class DataTests {
  private DataTests() {}

  /** How to run: threads (at least one), stop at the first failure, seconds a test may take. */
  public record Options(int threads, boolean failFast, int timeoutSeconds, QueryCancel cancel) {
    public Options {
      threads = Math.max(1, threads);
      timeoutSeconds = timeoutSeconds <= 0 ? 300 : timeoutSeconds;
      cancel = cancel == null ? new QueryCancel() : cancel;
    }
  }

  /** Told as tests start and end, from the test's thread. */
  public interface Listener {
    void started(int index, int total, Node test);

    void finished(int index, int total, NodeResult result);

    Listener NONE =
        new Listener() {
          @Override
          public void started(int index, int total, Node test) {}

          @Override
          public void finished(int index, int total, NodeResult result) {}
        };
  }

  /**
   * The enabled data tests and unit tests to run for a selection, in unique-id order: those
   * selected, and, as dbt selects indirectly by default ("eager"), every test of a selected node —
   * less those {@code excluded}.
   */
  public static List<Node> among(
      ProjectSnapshot s, Collection<String> selected, Collection<String> excluded) {
    Set<String> chosen = Set.copyOf(selected);
    Set<String> out = Set.copyOf(excluded);
    return s.manifest().nodes().values().stream()
        .filter(n -> n.type().isTest() && n.enabled())
        .filter(n -> !out.contains(n.uniqueId()))
        .filter(
            n -> chosen.contains(n.uniqueId()) || n.dependsOn().stream().anyMatch(chosen::contains))
        .sorted(Comparator.comparing(Node::uniqueId))
        .toList();
  }

  /** Runs the tests; one result per test, in the tests' order. */
  public static List<NodeResult> run(
      ProjectSnapshot s, List<Node> tests, Warehouses warehouses, Options o, Listener listener) {
    Listener l = listener == null ? Listener.NONE : listener;
    NodeCompiler compiler = new NodeCompiler(s);
    Set<String> have = warehouses.existingRelations(s.inputs()).orElse(null);
    Predicate<String> exists = have == null ? x -> true : have::contains;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(o.threads(), Math.max(1, tests.size())),
            r -> {
              Thread t = new Thread(r, "Thread-" + (started.incrementAndGet()));
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<NodeResult>> futures = new ArrayList<>();
      for (int i = 0; i < tests.size(); i++) {
        int index = i + 1;
        Node test = tests.get(i);
        futures.add(
            pool.submit(
                () -> {
                  if (stop.get() || o.cancel().cancelled()) {
                    NodeResult r =
                        skipped(
                            test,
                            o.cancel().cancelled()
                                ? "skipped: the run was cancelled"
                                : "skipped: an earlier test failed and the run stops at the first"
                                    + " failure (--fail-fast)");
                    l.finished(index, tests.size(), r);
                    return r;
                  }
                  l.started(index, tests.size(), test);
                  NodeResult r = one(s, compiler, test, warehouses, exists, o);
                  if (o.failFast()
                      && (r.status() == NodeResult.Status.FAIL
                          || r.status() == NodeResult.Status.ERROR)) {
                    stop.set(true);
                  }
                  l.finished(index, tests.size(), r);
                  return r;
                }));
      }
      List<NodeResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          out.add(error(tests.get(i), null, Instant.now(), "dbtls: " + e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          out.add(skipped(tests.get(i), "skipped: the run was interrupted"));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static NodeResult one(
      ProjectSnapshot s,
      NodeCompiler compiler,
      Node test,
      Warehouses warehouses,
      Predicate<String> exists,
      Options o) {
    if (test.type() == ResourceType.UNIT_TEST) {
      return UnitTests.run(s, compiler, test, sql -> query(s, warehouses, sql, o));
    }
    Instant compile = Instant.now();
    CompiledNode c;
    try {
      c = compiler.compile(test);
    } catch (RuntimeException e) {
      return error(test, null, compile, "Compilation Error in test " + test.name() + ": " + e);
    }
    if (c.failed()) {
      String why = c.problems().isEmpty() ? "it does not compile" : c.problems().get(0).message();
      return error(test, null, compile, "Compilation Error in test " + test.name() + ": " + why);
    }
    String sql = DataTestSql.of(c.sql(), test.config());
    String run = UpstreamInliner.inline(s, test.uniqueId(), sql, exists).sql();
    Instant execute = Instant.now();
    PreviewResult r =
        warehouses.preview(
            s.inputs(),
            run,
            PreviewOptions.defaults()
                .withLimit(1)
                .withTimeout(o.timeoutSeconds())
                .withCancel(o.cancel()));
    Instant done = Instant.now();
    String thread = Thread.currentThread().getName();
    if (!r.ok()) {
      return new NodeResult(
          test.uniqueId(),
          test.name(),
          NodeResult.Status.ERROR,
          0,
          "Database Error in test " + test.name() + ": " + r.error().message(),
          c.sql(),
          compile,
          execute,
          done,
          thread);
    }
    List<Object> row = r.rows().isEmpty() ? List.of(0, false, false) : r.rows().get(0);
    NodeResult judged = judge(test, c.sql(), row, compile, execute, done);
    return judged.foundRows()
        ? judged.withFailingRows(failingRows(s, test, c, warehouses, exists, o))
        : judged;
  }

  /** A failing test's first rows, read-only like the test; null when they cannot be read. */
  private static FailingRows failingRows(
      ProjectSnapshot s,
      Node test,
      CompiledNode c,
      Warehouses warehouses,
      Predicate<String> exists,
      Options o) {
    String sql = UpstreamInliner.inline(s, test.uniqueId(), FailingRows.sql(c.sql()), exists).sql();
    PreviewResult r =
        warehouses.preview(
            s.inputs(),
            sql,
            PreviewOptions.defaults()
                .withLimit(FailingRows.SHOWN + 1)
                .withTimeout(o.timeoutSeconds())
                .withCancel(o.cancel()));
    return r.ok()
        ? FailingRows.of(r.columns().stream().map(col -> col.name()).toList(), r.rows())
        : null;
  }

  /** A unit test's query, read-only through a preview with every row. */
  private static dev.dbtls.jinja.Database.Result query(
      ProjectSnapshot s, Warehouses warehouses, String sql, Options o) {
    PreviewResult r =
        warehouses.preview(
            s.inputs(),
            sql,
            PreviewOptions.defaults()
                .withLimit(UNIT_TEST_ROWS)
                .withPage(UNIT_TEST_ROWS, 64L << 20)
                .withTimeout(o.timeoutSeconds())
                .withCancel(o.cancel()));
    if (!r.ok()) {
      throw new dev.dbtls.jinja.Database.Failure(r.error().message());
    }
    return new dev.dbtls.jinja.Database.Result(
        r.columns().stream().map(dev.dbtls.warehouse.PreviewColumn::name).toList(),
        r.columns().stream().map(dev.dbtls.warehouse.PreviewColumn::databaseType).toList(),
        r.rows(),
        r.rows().size(),
        "SELECT");
  }

  /** Rows a unit test compares at most (fixtures are small: dbt reads them all into memory). */
  private static final int UNIT_TEST_ROWS = 100_000;

  /**
   * A test's result from the row of its failure query (failures, should_warn, should_error) and its
   * severity: dbt's status and message.
   */
  static NodeResult judge(
      Node test, String sql, List<Object> row, Instant compile, Instant execute, Instant done) {
    long failures = number(row.get(0));
    boolean warn = truthy(row.get(1));
    boolean fail = truthy(row.get(2));
    String severity = String.valueOf(test.config().getOrDefault("severity", "error"));
    boolean errors = !severity.strip().toLowerCase(Locale.ROOT).equals("warn");
    NodeResult.Status status =
        errors && fail
            ? NodeResult.Status.FAIL
            : warn ? NodeResult.Status.WARN : NodeResult.Status.PASS;
    String message =
        switch (status) {
          case FAIL ->
              "Got "
                  + results(failures)
                  + ", configured to fail if "
                  + DataTestSql.condition(test.config(), "error_if");
          case WARN ->
              "Got "
                  + results(failures)
                  + ", configured to warn if "
                  + DataTestSql.condition(test.config(), "warn_if");
          default -> null;
        };
    return new NodeResult(
        test.uniqueId(),
        test.name(),
        status,
        failures,
        message,
        sql,
        compile,
        execute,
        done,
        Thread.currentThread().getName());
  }

  private static String results(long n) {
    return n == 1 ? "1 result" : n + " results";
  }

  private static NodeResult skipped(Node test, String why) {
    Instant now = Instant.now();
    return new NodeResult(
        test.uniqueId(),
        test.name(),
        NodeResult.Status.SKIPPED,
        0,
        why,
        null,
        now,
        null,
        now,
        Thread.currentThread().getName());
  }

  private static NodeResult error(Node test, String sql, Instant compile, String message) {
    return new NodeResult(
        test.uniqueId(),
        test.name(),
        NodeResult.Status.ERROR,
        0,
        message,
        sql,
        compile,
        null,
        Instant.now(),
        Thread.currentThread().getName());
  }

  private static long number(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return v == null ? 0 : new java.math.BigDecimal(String.valueOf(v).strip()).longValue();
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A boolean as engines answer one: true, 1, 't', 'true'. */
  private static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    String t = v == null ? "" : String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("t") || t.equals("1");
  }
}
