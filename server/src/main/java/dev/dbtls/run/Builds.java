package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.BuildContext;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.LatestVersionPointer;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.compile.Relations;
import dev.dbtls.jinja.Database;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.BuildTarget;
import dev.dbtls.warehouse.QueryCancel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The native runner: {@code dbt run}, {@code seed} and {@code build} without dbt. The selected
 * nodes run in DAG order on {@code threads} threads, each thread on its own writable connection; a
 * model, seed or snapshot runs its materialization (Jinja, {@link NodeCompiler#materialize}), a
 * data test in a build runs dbt's failure query on the same connection. A node that errors (or a
 * test that fails) skips everything downstream of it; {@code --fail-fast} skips all that has not
 * started; a cancel stops the running statements in the database and rolls their transactions back,
 * so no half-built relation is left.
 */
public final class Builds {
  private Builds() {}

  /**
   * How to run: threads, stop at the first failure, full refresh, dbt's command word; {@code
   * databaseNanos}, when given, adds up the time spent in the database's calls (the build
   * benchmark's measure of the runner's own overhead); {@code storeFailures} is dbt's {@code
   * --store-failures}.
   */
  public record Options(
      int threads,
      boolean failFast,
      boolean fullRefresh,
      String which,
      QueryCancel cancel,
      java.util.concurrent.atomic.LongAdder databaseNanos,
      boolean storeFailures,
      boolean empty) {
    public Options {
      threads = Math.max(1, threads);
      which = which == null ? "run" : which;
      cancel = cancel == null ? new QueryCancel() : cancel;
      databaseNanos =
          databaseNanos == null ? new java.util.concurrent.atomic.LongAdder() : databaseNanos;
    }

    public Options(
        int threads, boolean failFast, boolean fullRefresh, String which, QueryCancel cancel) {
      this(threads, failFast, fullRefresh, which, cancel, null, false, false);
    }

    /** With the time of the database's calls added to {@code databaseNanos}. */
    public Options(
        int threads,
        boolean failFast,
        boolean fullRefresh,
        String which,
        QueryCancel cancel,
        java.util.concurrent.atomic.LongAdder databaseNanos) {
      this(threads, failFast, fullRefresh, which, cancel, databaseNanos, false, false);
    }

    /** dbt's {@code --store-failures}: every test of the run keeps its failing rows. */
    public Options storingFailures(boolean yes) {
      return new Options(threads, failFast, fullRefresh, which, cancel, databaseNanos, yes, empty);
    }

    /** dbt's {@code --empty}: refs and sources read no rows; models build with no data. */
    public Options emptying(boolean yes) {
      return new Options(
          threads, failFast, fullRefresh, which, cancel, databaseNanos, storeFailures, yes);
    }
  }

  /**
   * The nodes a command runs for a selection: {@code run} the enabled models (not ephemeral ones,
   * which are only CTEs), {@code seed} the seeds, {@code build} models, seeds, snapshots,
   * user-defined functions (dbt 1.11) and — as dbt selects them — the data tests of what is
   * selected.
   */
  public static List<Node> among(
      ProjectSnapshot s, String which, Collection<String> selected, Collection<String> excluded) {
    Set<String> chosen = Set.copyOf(selected);
    Set<String> out = Set.copyOf(excluded);
    List<Node> nodes = new ArrayList<>();
    for (Node n : s.manifest().nodes().values()) {
      if (!n.enabled() || out.contains(n.uniqueId())) {
        continue;
      }
      boolean built =
          switch (which) {
            case "seed" -> n.type() == ResourceType.SEED;
            case "snapshot" -> n.type() == ResourceType.SNAPSHOT;
            case "build" ->
                n.type() == ResourceType.SEED
                    || n.type() == ResourceType.SNAPSHOT
                    || n.type() == ResourceType.FUNCTION
                    || (n.type() == ResourceType.MODEL && !"ephemeral".equals(n.materialized()));
            default -> n.type() == ResourceType.MODEL && !"ephemeral".equals(n.materialized());
          };
      if (built && chosen.contains(n.uniqueId())) {
        nodes.add(n);
      }
    }
    if (which.equals("build")) {
      nodes.addAll(DataTests.among(s, chosen, out));
    }
    nodes.sort(Comparator.comparing(Node::uniqueId));
    return nodes;
  }

  /**
   * Runs the nodes: the on-run-start hooks' results, then one result per node in the order they
   * were given, then the on-run-end hooks'.
   */
  public static List<NodeResult> run(
      ProjectSnapshot s,
      List<Node> nodes,
      BuildTarget target,
      Options o,
      DataTests.Listener listener) {
    DataTests.Listener l = listener == null ? DataTests.Listener.NONE : listener;
    Graph graph = new Graph(nodes, s.manifest());
    Map<String, NodeResult> results = new ConcurrentHashMap<>();
    Set<Statement> running = ConcurrentHashMap.newKeySet();
    o.cancel()
        .whenCancelled(
            () -> {
              for (Statement st : running) {
                try {
                  st.cancel();
                } catch (SQLException | RuntimeException e) {
                  // the statement ended meanwhile
                }
              }
            });
    List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<JdbcDatabase> databases = new ThreadLocal<>();
    AtomicInteger threadIds = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(o.threads(), Math.max(1, nodes.size())),
            r -> {
              Thread t = new Thread(r, "Thread-" + threadIds.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ExecutorCompletionService<NodeResult> done = new ExecutorCompletionService<>(pool);
    String schemaError = createSchemas(s, nodes, target);
    if (schemaError != null) {
      pool.shutdown();
      List<NodeResult> out = new ArrayList<>();
      nodes.forEach(n -> out.add(error(n, null, Instant.now(), null, schemaError)));
      return out;
    }
    List<NodeResult> before = RunHooks.run(s, "on-run-start", target, o, Map.of(), l);
    NodeResult failedHook =
        before.stream()
            .filter(r -> r.status() != NodeResult.Status.SUCCESS)
            .findFirst()
            .orElse(null);
    if (failedHook != null) {
      pool.shutdown();
      List<NodeResult> out = new ArrayList<>(before);
      for (int i = 0; i < nodes.size(); i++) {
        NodeResult r =
            skippedResult(
                nodes.get(i), "skipped: the on-run-start hook failed: " + failedHook.message());
        l.finished(i + 1, nodes.size(), r);
        out.add(r);
      }
      return out;
    }
    AtomicInteger started = new AtomicInteger();
    int total = nodes.size();
    try {
      int inFlight = 0;
      boolean stop = false;
      while (results.size() < total) {
        boolean progressed = true;
        while (progressed) {
          progressed = false;
          for (Node n : graph.ready(results.keySet())) {
            String blocked = graph.failedParent(n, results);
            if (stop || o.cancel().cancelled() || blocked != null) {
              String why =
                  o.cancel().cancelled()
                      ? "skipped: the run was cancelled"
                      : stop
                          ? "skipped: an earlier node failed and the run stops at the first"
                              + " failure (--fail-fast)"
                          : "skipped: " + blocked + " did not succeed";
              skip(n, why, results, l, started, total);
              progressed = true;
              continue;
            }
            graph.submitted(n);
            inFlight++;
            done.submit(
                () -> onThread(s, n, target, o, l, started, total, databases, opened, running));
          }
        }
        if (results.size() >= total) {
          break;
        }
        if (inFlight == 0) {
          // nothing runs and nothing is ready: what is left waits on a cycle dbt would refuse
          for (Node n : nodes) {
            if (!results.containsKey(n.uniqueId())) {
              skip(n, "skipped: its parents form a cycle", results, l, started, total);
            }
          }
          break;
        }
        Future<NodeResult> f = done.take();
        inFlight--;
        NodeResult r;
        try {
          r = f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        results.put(r.uniqueId(), r);
        if (o.failFast() && failed(r)) {
          stop = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      o.cancel().cancel();
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (Connection c : opened) {
        try {
          c.rollback();
          c.close();
        } catch (SQLException e) {
          // closing a broken connection
        }
      }
    }
    List<NodeResult> out = new ArrayList<>(before);
    for (Node n : nodes) {
      NodeResult r = results.get(n.uniqueId());
      out.add(r != null ? r : skippedResult(n, "skipped: the run was interrupted"));
    }
    if (!o.cancel().cancelled()) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("results", RunHooks.results(s, out));
      extra.put("schemas", schemaNames(nodes));
      out.addAll(RunHooks.run(s, "on-run-end", target, o, extra, l));
    }
    return out;
  }

  /** dbt's {@code schemas} of on-run-end: the schemas the run built in. */
  private static List<Object> schemaNames(List<Node> nodes) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Node n : nodes) {
      if (n.type() != ResourceType.TEST && n.relation() != null && n.relation().schema() != null) {
        out.add(n.relation().schema());
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Creates the schemas the nodes are built in, as dbt does before a run ({@code create schema if
   * not exists}); the database's message when one cannot be created.
   */
  private static String createSchemas(ProjectSnapshot s, List<Node> nodes, BuildTarget target) {
    java.util.Set<String> schemas = new java.util.LinkedHashSet<>();
    for (Node n : nodes) {
      if (n.type() != ResourceType.TEST && n.relation() != null && n.relation().schema() != null) {
        schemas.add(Relations.schemaRendered(s, n));
      }
    }
    // SQLite's schemas are the database files the target attaches (schemas_and_paths)
    if (schemas.isEmpty() || target.sqlType().equals("sqlite")) {
      return null;
    }
    try (Connection c = target.connect()) {
      JdbcDatabase db = new JdbcDatabase(c, target.sqlType(), null, target::scrub);
      for (String schema : schemas) {
        db.execute("create schema if not exists " + schema, false);
      }
      db.commit();
      return null;
    } catch (SQLException e) {
      return "Database Error: " + target.scrub(String.valueOf(e.getMessage()));
    } catch (Database.Failure e) {
      return "Database Error creating a schema: " + e.getMessage();
    }
  }

  /** One node on a build thread: the thread's connection opened on first use. */
  private static NodeResult onThread(
      ProjectSnapshot s,
      Node n,
      BuildTarget target,
      Options o,
      DataTests.Listener l,
      AtomicInteger started,
      int total,
      ThreadLocal<JdbcDatabase> databases,
      List<Connection> opened,
      Set<Statement> running) {
    int index = started.incrementAndGet();
    l.started(index, total, n);
    JdbcDatabase db = databases.get();
    if (db == null) {
      try {
        Connection c = target.connect();
        opened.add(c);
        db =
            new JdbcDatabase(
                c, target.sqlType(), st -> track(running, st), target::scrub, o.databaseNanos());
        databases.set(db);
      } catch (SQLException e) {
        NodeResult r =
            error(n, null, Instant.now(), null, target.scrub(String.valueOf(e.getMessage())));
        l.finished(index, total, r);
        return r;
      }
    }
    NodeResult r = one(s, n, db, o);
    if (o.cancel().cancelled() && r.status() == NodeResult.Status.ERROR) {
      r = cancelled(r);
    }
    l.finished(index, total, r);
    return r;
  }

  private static void track(Set<Statement> running, Statement st) {
    if (st != null) {
      running.add(st);
    } else {
      running.removeIf(
          x -> {
            try {
              return x.isClosed();
            } catch (SQLException e) {
              return true;
            }
          });
    }
  }

  private static boolean failed(NodeResult r) {
    return r.status() == NodeResult.Status.ERROR || r.status() == NodeResult.Status.FAIL;
  }

  private static void skip(
      Node n,
      String why,
      Map<String, NodeResult> results,
      DataTests.Listener l,
      AtomicInteger started,
      int total) {
    NodeResult r = skippedResult(n, why);
    results.put(n.uniqueId(), r);
    l.finished(started.incrementAndGet(), total, r);
  }

  /** One node on this thread's connection: compiled, then built (or, a test, run and judged). */
  private static NodeResult one(ProjectSnapshot s, Node n, JdbcDatabase db, Options o) {
    Instant compile = Instant.now();
    NodeCompiler compiler =
        new NodeCompiler(
            s, new BuildContext(db, o.fullRefresh(), o.which(), o.storeFailures(), o.empty()));
    if (n.type() == ResourceType.UNIT_TEST) {
      try {
        return UnitTests.run(s, compiler, n, sql -> db.execute(sql, true));
      } finally {
        db.rollback();
      }
    }
    try {
      CompiledNode c = compiler.compile(n);
      if (c.failed()) {
        db.rollback();
        return error(
            n,
            c.sql(),
            compile,
            null,
            "Compilation Error in " + kind(n) + " " + n.name() + ": " + firstError(c.problems()));
      }
      if (n.type() == ResourceType.TEST) {
        Instant execute = Instant.now();
        String from = c.sql();
        dev.dbtls.jinja.Relation audit = null;
        if (StoreFailures.wanted(n, o.storeFailures())) {
          audit = StoreFailures.relation(s, n);
          db.execute(StoreFailures.createSql(audit, c.sql()), false);
          db.commit();
          from = "select * from " + audit.render();
        }
        Database.Result r = db.execute(DataTestSql.of(from, n.config()), true);
        db.rollback();
        List<Object> row = r.rows().isEmpty() ? List.of(0L, false, false) : r.rows().get(0);
        NodeResult judged = DataTests.judge(n, c.sql(), row, compile, execute, Instant.now());
        if (judged.foundRows()) {
          judged = judged.withFailingRows(failingRows(db, from));
        }
        return audit == null ? judged : stored(judged, audit.render());
      }
      Instant execute = Instant.now();
      Rendered built = compiler.materialize(c);
      Instant end = Instant.now();
      Problem failure = built.problems().stream().filter(Problem::isError).findFirst().orElse(null);
      if (failure != null) {
        db.rollback();
        String prefix =
            failure.code() == ProblemCode.DATABASE_ERROR
                ? "Database Error in "
                : "Compilation Error in ";
        return error(
            n,
            c.sql(),
            compile,
            execute,
            prefix + kind(n) + " " + n.name() + ": " + failure.message());
      }
      db.commit();
      String pointerError = latestVersionPointer(s, compiler, n, c, db);
      if (pointerError != null) {
        return error(n, c.sql(), compile, execute, pointerError);
      }
      Map<String, Object> response = new LinkedHashMap<>();
      String message = lastResponse(built);
      response.put("_message", message);
      return new NodeResult(
          n.uniqueId(),
          n.name(),
          NodeResult.Status.SUCCESS,
          0,
          message,
          c.sql(),
          compile,
          execute,
          end,
          Thread.currentThread().getName(),
          response,
          Relations.rendered(s, n));
    } catch (Database.Failure e) {
      db.rollback();
      return error(
          n,
          null,
          compile,
          null,
          "Database Error in " + kind(n) + " " + n.name() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      db.rollback();
      return error(n, null, compile, null, "dbtls: " + n.name() + ": " + e);
    }
  }

  /**
   * dbt 1.12's {@code latest_version_pointer}: after the latest version of a versioned model built,
   * the view named after the unversioned model, through the view materialization. Null when there
   * is none to make or it was made; else the node's error, as dbt fails the model then.
   */
  private static String latestVersionPointer(
      ProjectSnapshot s, NodeCompiler compiler, Node n, CompiledNode c, JdbcDatabase db) {
    if (!LatestVersionPointer.wanted(s, n)) {
      return null;
    }
    Rendered alias = LatestVersionPointer.alias(s, compiler, n);
    Problem aliasFailure =
        alias.problems().stream().filter(Problem::isError).findFirst().orElse(null);
    if (aliasFailure != null || alias.output().isEmpty()) {
      return "Compilation Error in model "
          + n.name()
          + ": "
          + LatestVersionPointer.ALIAS_MACRO
          + (aliasFailure != null ? ": " + aliasFailure.message() : " returned an empty name");
    }
    if (LatestVersionPointer.collides(n, alias.output())) {
      return "Compilation Error in model "
          + n.name()
          + ": cannot create the latest version pointer: the latest version of '"
          + n.name()
          + "' is already named '"
          + alias.output()
          + "'. Set `latest_version_pointer: {enabled: false}` or change its alias.";
    }
    Rendered view = compiler.materialize(LatestVersionPointer.compiled(s, n, alias.output()));
    Problem failure = view.problems().stream().filter(Problem::isError).findFirst().orElse(null);
    if (failure != null) {
      db.rollback();
      return (failure.code() == ProblemCode.DATABASE_ERROR
              ? "Database Error in model "
              : "Compilation Error in model ")
          + n.name()
          + " (its latest version pointer "
          + alias.output()
          + "): "
          + failure.message();
    }
    db.commit();
    return null;
  }

  /** A failing test's first rows, or null when they cannot be read (the test's result stands). */
  private static FailingRows failingRows(JdbcDatabase db, String from) {
    try {
      Database.Result r = db.execute(FailingRows.sql(from), true);
      return FailingRows.of(r.columns(), r.rows());
    } catch (RuntimeException e) { // Database.Failure too: the rows are a courtesy
      return null;
    } finally {
      db.rollback();
    }
  }

  /**
   * The adapter's response to the materialization's {@code main} statement ("CREATE VIEW", "SELECT
   * 5", "INSERT 3"), which the render writes after its marker; "OK" when there is none.
   */
  private static String lastResponse(Rendered built) {
    String out = built.output();
    int at = out.lastIndexOf(dev.dbtls.index.compile.BuildContext.RESPONSE_MARK);
    String message = at < 0 ? "" : out.substring(at + 1).strip();
    return message.isEmpty() ? "OK" : message;
  }

  private static String firstError(List<Problem> problems) {
    return problems.stream()
        .filter(Problem::isError)
        .map(Problem::message)
        .findFirst()
        .orElse("it does not compile");
  }

  /** dbt's word for a node on its lines: model, seed, snapshot, test. */
  static String kind(Node n) {
    return n.type().dbtName();
  }

  /** A test's result that says where its failing rows were kept (dbt: "See test failures"). */
  private static NodeResult stored(NodeResult r, String table) {
    String message =
        r.message() == null
            ? null
            : r.message() + "\n\n  See test failures:\n  select * from " + table;
    return new NodeResult(
        r.uniqueId(),
        r.name(),
        r.status(),
        r.failures(),
        message,
        r.compiledSql(),
        r.compileStarted(),
        r.executeStarted(),
        r.completed(),
        r.thread(),
        Map.of(),
        table,
        r.failingRows(),
        r.diff());
  }

  private static NodeResult cancelled(NodeResult r) {
    return new NodeResult(
        r.uniqueId(),
        r.name(),
        NodeResult.Status.ERROR,
        0,
        "cancelled: its statements were stopped in the database and rolled back",
        r.compiledSql(),
        r.compileStarted(),
        r.executeStarted(),
        r.completed(),
        r.thread(),
        Map.of(),
        null);
  }

  private static NodeResult error(
      Node n, String sql, Instant compile, Instant execute, String message) {
    return new NodeResult(
        n.uniqueId(),
        n.name(),
        NodeResult.Status.ERROR,
        0,
        message,
        sql,
        compile,
        execute,
        Instant.now(),
        Thread.currentThread().getName(),
        Map.of(),
        null);
  }

  private static NodeResult skippedResult(Node n, String why) {
    Instant now = Instant.now();
    return new NodeResult(
        n.uniqueId(),
        n.name(),
        NodeResult.Status.SKIPPED,
        0,
        why,
        null,
        now,
        null,
        now,
        Thread.currentThread().getName());
  }

  /**
   * The selected nodes' DAG: a node waits for its selected parents and, in a build, for the data
   * tests on those parents (dbt build: a failing test stops what is downstream of what it tests).
   */
  private static final class Graph {
    private final List<Node> nodes;
    private final Map<String, Set<String>> parents = new HashMap<>();
    private final Set<String> submitted = new HashSet<>();
    private final Map<String, Node> byId = new HashMap<>();

    Graph(List<Node> nodes, dev.dbtls.index.Manifest manifest) {
      this.nodes = nodes;
      nodes.forEach(n -> byId.put(n.uniqueId(), n));
      Set<String> ids = new HashSet<>();
      nodes.forEach(n -> ids.add(n.uniqueId()));
      Map<String, List<Node>> testsOf = new HashMap<>();
      Map<String, List<String>> unitTestsOf = new HashMap<>();
      for (Node n : nodes) {
        if (n.type() == ResourceType.TEST) {
          n.dependsOn().forEach(p -> testsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(n));
        } else if (n.type() == ResourceType.UNIT_TEST) {
          n.dependsOn()
              .forEach(
                  p -> unitTestsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(n.uniqueId()));
        }
      }
      for (Node n : nodes) {
        Set<String> ps = new HashSet<>();
        // dbt build: a model's unit tests run before it (after its parents, whose columns they
        // read), and one that fails skips it
        ps.addAll(unitTestsOf.getOrDefault(n.uniqueId(), List.of()));
        Node tested =
            n.type() == ResourceType.UNIT_TEST && !n.dependsOn().isEmpty()
                ? manifest.nodes().get(n.dependsOn().get(0))
                : null;
        for (String p : throughEphemerals(tested != null ? tested : n, manifest)) {
          if (ids.contains(p)) {
            ps.add(p);
            if (n.type() != ResourceType.TEST) {
              for (Node t : testsOf.getOrDefault(p, List.of())) {
                if (!t.dependsOn().contains(n.uniqueId())) {
                  ps.add(t.uniqueId());
                }
              }
            }
          }
        }
        parents.put(n.uniqueId(), ps);
      }
    }

    /**
     * A node's parents, an ephemeral parent replaced by its own (it is no relation: it is compiled
     * into the node, so the node waits for what the ephemeral reads).
     */
    private static Set<String> throughEphemerals(Node n, dev.dbtls.index.Manifest manifest) {
      Set<String> out = new java.util.LinkedHashSet<>();
      java.util.Deque<String> todo = new java.util.ArrayDeque<>(n.dependsOn());
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String p = todo.pop();
        if (!seen.add(p)) {
          continue;
        }
        Node parent = manifest.nodes().get(p);
        if (parent != null && "ephemeral".equals(parent.materialized())) {
          todo.addAll(parent.dependsOn());
        } else {
          out.add(p);
        }
      }
      return out;
    }

    /** Nodes not yet started whose parents have all ended. */
    List<Node> ready(Set<String> ended) {
      List<Node> out = new ArrayList<>();
      for (Node n : nodes) {
        if (!submitted.contains(n.uniqueId())
            && !ended.contains(n.uniqueId())
            && ended.containsAll(parents.get(n.uniqueId()))) {
          out.add(n);
        }
      }
      return out;
    }

    void submitted(Node n) {
      submitted.add(n.uniqueId());
    }

    /**
     * The first parent that errored, failed or was skipped, as dbt names it; else null. A model
     * configured {@code on_error: continue} (dbt 1.12) that errored does not stop the models, seeds
     * and snapshots downstream of it; its own tests still wait on it.
     */
    String failedParent(Node n, Map<String, NodeResult> results) {
      for (String p : parents.get(n.uniqueId())) {
        NodeResult r = results.get(p);
        if (r == null) {
          continue;
        }
        boolean continues =
            r.status() == NodeResult.Status.ERROR
                && n.type() != ResourceType.TEST
                && continuesOnError(byId.get(p));
        if (!continues
            && (r.status() == NodeResult.Status.ERROR
                || r.status() == NodeResult.Status.FAIL
                || r.status() == NodeResult.Status.SKIPPED)) {
          return p;
        }
      }
      return null;
    }

    private static boolean continuesOnError(Node parent) {
      return parent != null
          && parent.type() == ResourceType.MODEL
          && "continue".equals(String.valueOf(parent.config().get("on_error")).strip());
    }
  }
}
