package dev.dbtls.workspace;

import dev.dbtls.columns.ColumnInference;
import dev.dbtls.ide.ColumnsTable;
import dev.dbtls.ide.EditorRequests;
import dev.dbtls.ide.FeatureFailures;
import dev.dbtls.ide.NodeColumns;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.RenderReads;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.sql.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * The columns of every model, snapshot, seed and source of one snapshot: models and snapshots
 * inferred from their compiled SQL ({@link ColumnInference}) in the adapter's dialect, parents
 * before children, each child seeing its parents through {@link NodeColumns#known} (the one
 * precedence of SQL, catalog, warehouse cache, seed header and YAML). A run of its {@link
 * ProjectSession} (the owner), in the background after a build on the session's {@link
 * ColumnsWorkers}, or now on the caller's thread ({@link #inferNow}: the command line); the next
 * snapshot recomputes only nodes whose definition changed and the children whose parents' columns
 * then changed, while the template engine (macros) and catalog stay the same. Until it is done,
 * features read the previous snapshot's table ({@link #current}).
 */
public final class ProjectColumns implements ColumnsTable {
  /** How long one model's inference waits at most for the editor's requests under way. */
  static final long GIVE_WAY_MS = 50;

  /**
   * A run that parsed this many models writes the cache file at once (as does a session's first
   * table); after fewer, when edits settle.
   */
  static final int SAVE_AFTER_PARSES = 50;

  /** How long after the last run the cache file is written (one write per burst of edits). */
  static final long SETTLE_MILLIS = 30_000;

  /** Weakly: a stopped run must not keep its snapshot (one per edit) alive. */
  private final java.lang.ref.WeakReference<ProjectSnapshot> snapshot;

  /** Which nodes the snapshot's manifest had, for telling an edit's run what changed since. */
  private final dev.dbtls.index.EditedMap.Mark<String> nodes;

  private final Object engine;
  private final java.nio.file.Path projectDir;
  private final String projectName;
  private final String adapterType;
  private volatile ProjectColumns previous;

  /**
   * Sized as the previous table's, or (an edit's run of a manifest over the same nodes) a layer
   * over the previous table's entries ({@link LayeredMap}): set before the run puts anything.
   */
  private volatile Map<String, Entry> entries;

  private final CompletableFuture<ProjectColumns> done = new CompletableFuture<>();
  private volatile boolean started;
  private volatile boolean stopped;
  private volatile boolean finished;
  private volatile Catalog catalog;
  private volatile long millis = -1;
  private volatile ForkJoinPool pool = ForkJoinPool.commonPool();

  /** The models to infer first, with their ancestors: those of the files open in the editor. */
  private volatile java.util.Set<java.nio.file.Path> first = java.util.Set.of();

  private final java.util.concurrent.atomic.AtomicInteger inferred =
      new java.util.concurrent.atomic.AtomicInteger();

  /** How many nodes an edit's run looked at for a changed definition (-1: none; tests). */
  private volatile int lookedAt = -1;

  /** How many nodes this run went through, inferred or taken as they were (tests). */
  private final java.util.concurrent.atomic.AtomicInteger ran =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Models whose SQL was parsed this run (the others' inference had the same key before). */
  private final java.util.concurrent.atomic.AtomicInteger parsed =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Each model's inference by its key ({@link ColumnsKey}), for the next run and the next session;
   * a layer over the earlier results where {@link #entries} is one.
   */
  private volatile Map<String, ColumnsCache.Memo> memos;

  /** Each node's columns as a digest ({@link ColumnsKey#digest}), while this run needs them. */
  private final Map<String, byte[]> digests = new ConcurrentHashMap<>();

  /**
   * What each model's last render read ({@link dev.dbtls.index.compile.CompiledNode#reads}), by
   * node: after a macro edit, the models that ran none of the macros it changed are not rendered
   * again; the next session's restore key holds the files of its macros and the values of its
   * environment variables. A layer over the table before's where {@link #entries} is one; no entry:
   * not known.
   */
  private volatile Map<String, RenderReads> rendersRead;

  /** One copy of each {@link RenderReads}, shared by the models whose renders read the same. */
  private final Map<RenderReads, RenderReads> readsShared;

  /**
   * The models this run took from the last session whose render read what no key holds ({@link
   * RenderReads#unkeyed}): the check renders them again.
   */
  private final java.util.Set<String> restoredUnkeyed = ConcurrentHashMap.newKeySet();

  /** What those renders read that no key holds, for the log. */
  private final java.util.Set<String> unkeyedNames = ConcurrentHashMap.newKeySet();

  /** Models this run rendered (not those it took from the last session). */
  private final java.util.concurrent.atomic.AtomicInteger rendered =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The macros changed since the table this run went on from, when it is a run after a macro edit
   * that renders only the models that ran one of them; null for other runs.
   */
  private volatile java.util.Set<String> macrosEdited;

  /** Models this run rendered again because their last render ran a macro the edit changed. */
  private final java.util.concurrent.atomic.AtomicInteger rerendered =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Models whose result this run took from the last session without rendering them. */
  private final java.util.concurrent.atomic.AtomicInteger restored =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Nodes whose columns differ from those of the table this run started from. */
  private final java.util.concurrent.atomic.AtomicInteger changedCount =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Whether this run checks a table restored from the last session (renders every model). */
  private final boolean checking;

  /** The run that checks this restored table by rendering, once it started. */
  private volatile ProjectColumns checker;

  /** Whether no complete table of this session came before this one. */
  private volatile boolean firstOfSession;

  /** Whether a newer snapshot's table came after this one. */
  private volatile boolean superseded;

  private final CompletableFuture<ProjectColumns> checked = new CompletableFuture<>();

  ProjectColumns(ProjectSnapshot snapshot, ProjectColumns previous) {
    this(snapshot, previous, false);
  }

  /** {@code checking}: this run checks {@code previous}, a table restored from the last session. */
  private ProjectColumns(ProjectSnapshot snapshot, ProjectColumns previous, boolean checking) {
    this.snapshot = new java.lang.ref.WeakReference<>(snapshot);
    this.nodes = dev.dbtls.index.EditedMap.Mark.of(snapshot.manifest().nodes());
    this.engine = snapshot.engineIdentity();
    this.projectDir = snapshot.inputs().root().dir();
    this.projectName = snapshot.inputs().root().name();
    this.adapterType = snapshot.inputs().target().type();
    this.previous = previous;
    this.checking = checking;
    ProjectColumns complete = previous == null ? null : previous.current();
    this.entries = new ConcurrentHashMap<>(complete == null ? 16 : complete.entries.size());
    this.memos = new ConcurrentHashMap<>(complete == null ? 16 : complete.memos.size());
    this.rendersRead = new ConcurrentHashMap<>(complete == null ? 16 : complete.rendersRead.size());
    this.readsShared = complete == null ? new ConcurrentHashMap<>() : complete.readsShared;
    if (previous != null && !checking) {
      previous.superseded = true;
      if (!previous.finished) {
        previous.stopped = true; // a newer snapshot's inference supersedes an unfinished one
        // and links straight to the newest complete table: an edit storm stops a run per build,
        // and a chain of them would keep every stopped run (and walk it in current())
        ProjectColumns p = previous.previous;
        if (p != null && !p.finished) {
          previous.previous = p.current();
        }
      }
      ProjectColumns c = previous.checker;
      if (c != null && !c.finished) {
        c.stopped = true; // and the check of a restored table: the newer run renders every model
      }
    }
  }

  /**
   * Starts inferring on {@code workers} (once); {@code files} reads seed headers, {@code disk}
   * (maybe null) holds the results of earlier sessions.
   */
  CompletableFuture<ProjectColumns> start(
      Catalog catalog, FileSource files, ColumnsWorkers workers, ColumnsCache disk) {
    synchronized (this) {
      if (started) {
        return done;
      }
      started = true;
    }
    this.catalog = catalog;
    this.pool = workers.pool;
    try {
      workers.background.execute(
          () -> {
            try {
              run(files, disk);
              done.complete(this);
              afterRun(files, disk);
            } catch (RuntimeException | StackOverflowError e) {
              FeatureFailures.log("columns", "", 0, e);
              done.complete(this);
              checked.complete(null);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      stopped = true; // the session closed
      done.complete(this);
      checked.complete(null);
    }
    return done;
  }

  /**
   * After the features have their table: a table restored from the last session is checked by
   * rendering the models whose restored result came from a render that read what no key holds (and
   * the children of those whose columns come out otherwise); any other finished table is written
   * for the next session, at once after many parses, else when edits settle — a table restored
   * whole not at all: the file holds it.
   */
  void afterRun(FileSource files, ColumnsCache disk) {
    ProjectSnapshot s = snapshot.get();
    if (!finished || disk == null || s == null) {
      checked.complete(null);
      return;
    }
    if (firstOfSession) {
      disk.release(); // this table holds what the session needs of the file
    }
    if (restored.get() == 0 || restoredUnkeyed.isEmpty()) {
      checked.complete(this);
      if (restored.get() == 0 || rendered.get() > 0) {
        // the session's first table at once (what the next session restores), else when edits
        // settle
        disk.saveLater(
            this, firstOfSession || parsed.get() >= SAVE_AFTER_PARSES ? 0 : SETTLE_MILLIS);
      }
      return;
    }
    ProjectColumns c = new ProjectColumns(s, this, true).first(first);
    checker = c;
    if (superseded) {
      c.stopped = true; // a newer build came: its own run renders every model
    }
    c.started = true;
    c.catalog = catalog;
    c.pool = pool;
    c.run(files, disk);
    c.done.complete(c);
    c.checked.complete(c);
    checked.complete(c.finished ? c : null);
    if (c.finished && (rendered.get() > 0 || c.parsed.get() > 0 || c.changedCount.get() > 0)) {
      disk.saveLater(c, 0);
    }
  }

  /**
   * Completes with the table that checked this one when this one was restored from the last session
   * ({@link #restoredCount}), with this table when there was nothing to check, and with null when
   * no check ran to its end (a newer build's run does it).
   */
  public CompletableFuture<ProjectColumns> checked() {
    return checked;
  }

  /**
   * The columns of every node of {@code analysis}'s snapshot, inferred now on this thread (the
   * command line, tests), which its features read from then on.
   */
  public static ProjectColumns inferNow(dev.dbtls.ide.Analysis analysis, FileSource files) {
    ProjectColumns t =
        new ProjectColumns(analysis.snapshot(), null).runNow(analysis.catalog(files), files);
    analysis.facts().columns(t);
    return t;
  }

  /** Infers now, on this thread (the command line). */
  ProjectColumns runNow(Catalog catalog, FileSource files) {
    return runNow(catalog, files, null);
  }

  /**
   * As {@link #runNow(Catalog, FileSource)}, reading earlier results from {@code disk} (maybe
   * null).
   */
  ProjectColumns runNow(Catalog catalog, FileSource files, ColumnsCache disk) {
    synchronized (this) {
      if (started) {
        return done.join();
      }
      started = true;
    }
    this.catalog = catalog;
    run(files, disk);
    done.complete(this);
    return this;
  }

  /**
   * Infers the models of these files (those open in the editor) and their ancestors before the
   * others, so that what the user looks at has its columns first ({@link #readable}).
   */
  ProjectColumns first(java.util.Collection<java.nio.file.Path> files) {
    this.first = java.util.Set.copyOf(files);
    return this;
  }

  /** Runs on {@code pool} instead of the shared workers (tests: one worker against several). */
  ProjectColumns on(ForkJoinPool pool) {
    this.pool = pool;
    return this;
  }

  /** The adapter whose dialect this table's models are read in. */
  String adapterType() {
    return adapterType;
  }

  /** Each node's columns as a digest ({@link ColumnsKey#digest}), while this run needs them. */
  Map<String, byte[]> digests() {
    return digests;
  }

  void countParsed() {
    parsed.incrementAndGet();
  }

  /**
   * Counts a model taken from the last session without rendering, whose render then read {@code
   * reads}: one that read what no key holds is checked after this run.
   */
  void countRestored(String id, RenderReads reads) {
    restored.incrementAndGet();
    if (!reads.unkeyed().isEmpty()) {
      restoredUnkeyed.add(id);
      unkeyedNames.addAll(reads.unkeyed());
    }
  }

  void countRendered() {
    rendered.incrementAndGet();
  }

  /**
   * Records what a model's render read ({@code null}, or macros not known: not known), or, for a
   * result taken from the last session, what its render read then.
   */
  void ran(String id, RenderReads reads) {
    if (reads == null || reads.macros() == null) {
      rendersRead.remove(id);
    } else {
      rendersRead.put(id, readsShared.computeIfAbsent(reads, k -> k));
    }
  }

  /** Each model's inference with its key, for {@link ColumnsCache#save}. */
  Map<String, ColumnsCache.Memo> memos() {
    return memos;
  }

  /** Whether every node's columns are in the table. */
  public boolean finished() {
    return finished;
  }

  /** Completes when the run ends: the table is then complete unless a newer one stopped it. */
  public CompletableFuture<ProjectColumns> done() {
    return done;
  }

  /** Milliseconds the last run took, -1 before it ended. */
  public long millis() {
    return millis;
  }

  /** How many nodes an edit's run looked at for a changed definition, -1 for another run. */
  int lookedAt() {
    return lookedAt;
  }

  /** How many nodes this run went through: inferred, or found as they were (tests). */
  int ranCount() {
    return ran.get();
  }

  /** How many nodes this run inferred (the others' entries came from the previous table). */
  public int inferredCount() {
    return inferred.get();
  }

  /** How many models this run parsed (the others it inferred had a result for the same key). */
  public int parsedCount() {
    return parsed.get();
  }

  /** How many models' results this run took from the last session without rendering them. */
  public int restoredCount() {
    return restored.get();
  }

  /**
   * How many nodes' entries differ from those of the restored table this run checked (0 for
   * others).
   */
  public int changedCount() {
    return changedCount.get();
  }

  /**
   * One line for the log when a run inferred every node (a start, or an edit of a macro or the
   * catalog), else null: edits that recompute a few models stay quiet.
   */
  public String summary() {
    if (finished && macrosEdited != null) {
      long models = entries.values().stream().filter(e -> e.inferred() != null).count();
      return String.format(
          Locale.ROOT,
          "columns of %,d models and %,d seeds and sources inferred in %,d ms"
              + " (after a macro edit, %,d macro(s) defined otherwise: %,d models that ran one"
              + " rendered again, %,d nodes inferred, %,d parsed; the others as before)",
          models,
          entries.size() - models,
          millis,
          macrosEdited.size(),
          rerendered.get(),
          inferred.get(),
          parsed.get());
    }
    if (!finished || entries.isEmpty() || !checking && inferred.get() < entries.size()) {
      return null;
    }
    long models = entries.values().stream().filter(e -> e.inferred() != null).count();
    long known =
        entries.values().stream().filter(e -> e.inferred() != null && e.known().complete()).count();
    if (restored.get() > 0) {
      return String.format(
          Locale.ROOT,
          "columns of %,d models and %,d seeds and sources ready in %,d ms"
              + " (%,d models with every column known; %,d restored from the last session without rendering,"
              + " what their renders read as then; %,d parsed; %s)",
          models,
          entries.size() - models,
          millis,
          known,
          restored.get(),
          parsed.get(),
          restoredUnkeyed.isEmpty()
              ? "none read what no file holds: nothing to check"
              : String.format(
                  Locale.ROOT,
                  "%,d of them read what no file holds (%s): a render checks those next",
                  restoredUnkeyed.size(),
                  String.join(", ", new java.util.TreeSet<>(unkeyedNames))));
    }
    if (checking) {
      return String.format(
          Locale.ROOT,
          "columns of %,d models and %,d seeds and sources inferred in %,d ms"
              + " (%,d models with every column known; %,d rendered again, %,d parsed, the others"
              + " as restored); the table restored from the last session checked: %,d nodes'"
              + " columns differed",
          models,
          entries.size() - models,
          millis,
          known,
          rendered.get(),
          parsed.get(),
          changedCount.get());
    }
    return String.format(
        Locale.ROOT,
        "columns of %,d models and %,d seeds and sources inferred in %,d ms"
            + " (%,d models with every column known; %,d parsed, the others' SQL and parents as before)",
        models,
        entries.size() - models,
        millis,
        known,
        parsed.get());
  }

  /**
   * For features that read one node's entry at a time: the newest complete table, else (the first
   * run of a session) this one as far as it has come — its entries are final as they appear, the
   * open files' models and their ancestors first; a node not there yet reads as not inferred.
   */
  ProjectColumns readable() {
    ProjectColumns c = current();
    return c != null ? c : started ? this : null;
  }

  /** This table when it is complete, else the newest complete one before it (maybe none). */
  ProjectColumns current() {
    ProjectColumns c = checker;
    if (c != null && c.finished) {
      return c;
    }
    if (finished) {
      return this;
    }
    ProjectColumns p = previous;
    return p == null ? null : p.current();
  }

  @Override
  public Map<String, Entry> entries() {
    return entries;
  }

  @Override
  public Optional<Entry> entry(String uniqueId) {
    return Optional.ofNullable(entries.get(uniqueId));
  }

  /** Whether this table is of {@code s}. */
  boolean of(ProjectSnapshot s) {
    return snapshot.get() == s;
  }

  /** The name of the project whose snapshot this table is of. */
  public String projectName() {
    return projectName;
  }

  // ------------------------------------------------------------------------------- inference

  private void run(FileSource files, ColumnsCache disk) {
    long t0 = System.nanoTime();
    ProjectSnapshot snapshot = this.snapshot.get();
    if (snapshot == null) {
      return; // no one can ask for this table any more
    }
    Manifest m = snapshot.manifest();
    Optional<SqlDialect> dialect = SqlDialect.of(adapterType);
    // the newest complete table, also when the one right before this was stopped by this build:
    // edits faster than a run must not turn every run into a run of the whole project
    ProjectColumns before = previous == null ? null : previous.current();
    // a table restored from the last session is not taken as it is: every model is rendered again;
    // after a macro edit, those whose last render ran a macro it changed
    java.util.Set<String> macrosChanged =
        before != null && before.restored.get() == 0 && before.catalog == catalog
            ? snapshot.macrosChangedSince(before.engine)
            : null;
    boolean reuse = macrosChanged != null;
    java.util.Set<String> rerender =
        reuse && before.engine != engine ? before.ranAny(macrosChanged, m) : java.util.Set.of();
    if (reuse && before.engine != engine) {
      macrosEdited = macrosChanged;
      rerendered.set(rerender.size());
    }
    // the first table of a session may take the last session's results without rendering, for
    // models whose every input is as it was then (ColumnsKey.restoreKey)
    dev.dbtls.index.compile.RenderInputs restoreInputs =
        before == null
                && disk != null
                && dialect.isPresent()
                && disk.restorable()
                && snapshot.renderInputs().shared() != null
            ? snapshot.renderInputs()
            : null;
    Map<String, Entry> old = reuse ? before.entries : Map.of();
    // results by key hold whatever changed elsewhere (the key says what each one read), also
    // those of a stopped run
    Map<String, ColumnsCache.Memo> oldMemos = NodeInference.earlierMemos(before, previous);
    NodeInference inference =
        new NodeInference(
            this,
            catalog,
            new NodeCompiler(snapshot),
            m,
            dialect,
            files,
            oldMemos,
            disk,
            restoreInputs);
    firstOfSession = before == null;
    // what a check compares with: the restored table's entries
    Map<String, Entry> checked = checking ? previous.entries : null;
    // a run of every node after a new engine (a macro edit) infers each one again, and on 100,000
    // models nearly all came out as the table before had them, as new objects held beside that
    // table until the run was done: an equal entry is the table before's
    Map<String, Entry> earlier =
        checked == null && !reuse && before != null ? before.entries : null;
    // nodes whose columns differ from the table before's, and from what this run had for them
    // before it inferred them (again) in the phase under way
    Map<String, Boolean> changed = new ConcurrentHashMap<>();
    Map<String, Boolean> changedNow = new ConcurrentHashMap<>();
    // a check's nodes whose columns differ from the restored table's
    Map<String, Boolean> differed = new ConcurrentHashMap<>();
    java.util.function.Consumer<Node> work =
        n -> {
          if (stopped) {
            return;
          }
          ran.incrementAndGet();
          EditorRequests.giveWay(GIVE_WAY_MS);
          String id = n.uniqueId();
          Entry prev = old.get(id);
          boolean parentsChanged = n.dependsOn().stream().anyMatch(p -> changed.containsKey(p));
          boolean same =
              prev != null
                  && !parentsChanged
                  && sameDefinition(prev.node(), n)
                  && !rerender.contains(id);
          Entry was = entries.get(id);
          if (was == null) {
            was = prev;
          }
          Entry e;
          if (same) {
            e = prev;
            if (oldMemos.containsKey(id)) {
              memos.put(id, oldMemos.get(id));
            }
            ran(id, before.rendersRead.get(id));
          } else if (checked != null && !recheck(n, checked, differed)) {
            // a check: what the last session's render read is keyed, and its parents' columns
            // are as restored
            e = checked.get(id);
            if (oldMemos.containsKey(id)) {
              memos.put(id, oldMemos.get(id));
            }
            ran(id, before.rendersRead.get(id));
          } else {
            memos.remove(id); // a model that no longer compiles keeps no result of before
            e = inference.infer(n);
            inferred.incrementAndGet();
          }
          if (checked != null) {
            Entry had = checked.get(id);
            if (e.equals(had)) {
              e = had; // one copy in memory of what the check confirmed
            } else {
              changedCount.incrementAndGet();
              differed.put(id, true); // its children render again
            }
          }
          if (earlier != null) {
            Entry had = earlier.get(id);
            if (had != null && e.equals(had)) {
              e = had;
            }
          }
          entries.put(id, e);
          // a node that runs again in a later phase of an edit's run (a parent of it changed
          // since) may change its columns: its children's keys take them, not a digest of before
          digests.remove(id);
          if (prev == null || !prev.known().equals(e.known())) {
            changed.put(id, true);
          }
          if (reuse && (was == null || !was.known().equals(e.known()))) {
            changedNow.put(id, true); // an edit's next phase: a run of every node has none
          }
        };
    if (!reuse) {
      // the open files first where a run infers every node; in each phase a node runs as soon as
      // its parents are done (ParentsFirst)
      for (List<Node> phase : levels(m)) {
        if (!runPhase(phase, work)) {
          return;
        }
      }
    } else {
      // an edit's run: the nodes whose definition changed, then the children of those whose
      // columns changed, and so on down (a model below two of them may run twice: once for each)
      java.util.Set<String> edited = before.nodes.keysChangedIn(m.nodes());
      if (edited != null) {
        // the same nodes as the table before's: that table is this one's base, not copied
        entries = LayeredMap.over(before.entries);
        memos = LayeredMap.over(oldMemos);
        rendersRead = LayeredMap.over(before.rendersRead);
      }
      boolean cycles = m.problems().stream().anyMatch(p -> p.code() == ProblemCode.DAG_CYCLE);
      List<Node> phase = affected(m, before, oldMemos, edited, rerender, cycles);
      while (!phase.isEmpty()) {
        changedNow.clear();
        if (!runPhase(phase, work)) {
          return;
        }
        phase = cycles ? List.of() : childrenWithColumns(m, changedNow.keySet());
      }
    }
    digests.clear();
    if (stopped) {
      return; // a newer build stopped the last phase: the nodes it had not begun have no entry
    }
    finished = true;
    previous = null; // done: the previous table is no longer needed
    millis = (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * Runs {@code work} on the nodes of one phase, each after its parents among them; false when the
   * run ends here (stopped, the session closed, or a failure, logged).
   */
  private boolean runPhase(List<Node> phase, java.util.function.Consumer<Node> work) {
    if (stopped) {
      return false;
    }
    try {
      ParentsFirst.run(phase, pool, work);
      return true;
    } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
      stopped = true; // the session closes
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof java.util.concurrent.RejectedExecutionException) {
        stopped = true; // the session closed while the run went on
      } else {
        FeatureFailures.log("columns", "", 0, e.getCause());
      }
    } catch (Exception e) {
      FeatureFailures.log("columns", "", 0, e);
    }
    return false;
  }

  /**
   * An edit's first phase: the nodes with columns whose definition changed since {@code before}
   * (among the keys edited since it, when {@code edited} says which: then not every node is looked
   * at); the phases after it are the children of those whose columns changed ({@link
   * #childrenWithColumns}), so that an edit that leaves a model's columns as they were runs that
   * model only, not its thousands of descendants. With a cycle in the DAG, every descendant at once
   * instead: a node on or below a cycle then stays without an entry, as in a full run ({@link
   * ParentsFirst} never runs it), where phases of children would run it once its parent ran.
   * Without {@code edited} (a full build since that table), every other node's entry is copied from
   * the table before here, on this thread (not those of nodes gone since). The models of {@code
   * rerender} (their last render ran a macro an edit changed) are in the first phase too.
   */
  private List<Node> affected(
      Manifest m,
      ProjectColumns before,
      Map<String, ColumnsCache.Memo> oldMemos,
      java.util.Set<String> edited,
      java.util.Set<String> rerender,
      boolean cycles) {
    Map<String, Entry> old = before.entries;
    java.util.Set<String> reached = new java.util.HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
    Iterable<Node> candidates =
        edited == null
            ? m.nodes().values()
            : edited.stream().map(m.nodes()::get).filter(n -> n != null).toList();
    int looked = 0;
    for (Node n : candidates) {
      looked++;
      if (InferenceWaves.hasColumns(n)) {
        Entry prev = old.get(n.uniqueId());
        if ((prev == null || !sameDefinition(prev.node(), n)) && reached.add(n.uniqueId())) {
          todo.add(n.uniqueId());
        }
      }
    }
    for (String id : rerender) {
      if (m.nodes().containsKey(id) && reached.add(id)) {
        todo.add(id);
      }
    }
    lookedAt = looked;
    while (cycles && !todo.isEmpty()) {
      for (String id : m.dag().childrenOf(todo.poll())) {
        Node child = m.nodes().get(id);
        if (child != null && InferenceWaves.hasColumns(child) && reached.add(id)) {
          todo.add(id);
        }
      }
    }
    if (edited == null) {
      old.forEach(
          (id, e) -> {
            if (!reached.contains(id) && m.nodes().containsKey(id)) {
              keep(id, e, oldMemos, before);
            }
          });
    }
    return inOrder(m, reached);
  }

  /** The children with columns of these nodes, for an edit's next phase. */
  private static List<Node> childrenWithColumns(Manifest m, java.util.Set<String> ids) {
    java.util.Set<String> children = new java.util.HashSet<>();
    for (String id : ids) {
      for (String child : m.dag().childrenOf(id)) {
        Node n = m.nodes().get(child);
        if (n != null && InferenceWaves.hasColumns(n)) {
          children.add(child);
        }
      }
    }
    return inOrder(m, children);
  }

  /** These nodes in a fixed order (ParentsFirst takes any). */
  private static List<Node> inOrder(Manifest m, java.util.Set<String> ids) {
    List<Node> out = new java.util.ArrayList<>(ids.size());
    ids.forEach(id -> out.add(m.nodes().get(id)));
    out.sort(java.util.Comparator.comparing(Node::uniqueId));
    return out;
  }

  /** Takes a node's entry (and result, and the macros its render ran) from the table before. */
  private void keep(
      String id, Entry e, Map<String, ColumnsCache.Memo> oldMemos, ProjectColumns before) {
    entries.put(id, e);
    ColumnsCache.Memo memo = oldMemos.get(id);
    if (memo != null) {
      memos.put(id, memo);
    }
    ran(id, before.rendersRead.get(id));
  }

  /**
   * Whether the check of a restored table renders {@code n} again: its result was restored though
   * its render read what no key holds, or a parent's columns came out otherwise in this check, or
   * the restored table has no entry for it.
   */
  private boolean recheck(Node n, Map<String, Entry> checked, Map<String, Boolean> differed) {
    if (!checked.containsKey(n.uniqueId()) || previous.restoredUnkeyed.contains(n.uniqueId())) {
      return true;
    }
    for (String p : n.dependsOn()) {
      if (differed.containsKey(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The models and snapshots of {@code m} whose last render in this table ran one of {@code
   * macros}, or of which that is not known.
   */
  private java.util.Set<String> ranAny(java.util.Set<String> macros, Manifest m) {
    java.util.Set<String> out = new java.util.HashSet<>();
    Map<java.util.Set<String>, Boolean> meets = new java.util.IdentityHashMap<>();
    for (Node n : m.nodes().values()) {
      if (n.type() != dev.dbtls.index.ResourceType.MODEL
          && n.type() != dev.dbtls.index.ResourceType.SNAPSHOT) {
        continue;
      }
      RenderReads read = rendersRead.get(n.uniqueId());
      java.util.Set<String> ran = read == null ? null : read.macros();
      if (ran == null || meets.computeIfAbsent(ran, r -> r.stream().anyMatch(macros::contains))) {
        out.add(n.uniqueId());
      }
    }
    return out;
  }

  /**
   * The nodes in phases ({@link InferenceWaves}): the open files' models and their ancestors first.
   */
  List<List<Node>> levels(Manifest m) {
    return InferenceWaves.of(m, first);
  }

  private static boolean sameDefinition(Node a, Node b) {
    return a == b || a.equals(b);
  }

  private static List<String> sortedList(java.util.Set<String> names) {
    return names.isEmpty() ? List.of() : List.copyOf(new java.util.TreeSet<>(names));
  }

  /**
   * What the cache file keeps of this finished table for the next session: each model's result and,
   * under a key of everything its render and inference read, where its columns stand in its
   * template and what its render read (so that the next session may take it without rendering,
   * though other models changed), each made as the file is written (~0.3 s for 10,000 models); a
   * result taken from the last session under what its render read then; not for a model of which
   * that is not known. Null when the table is not finished or its snapshot is gone.
   */
  ColumnsCache.ToStore toStore() {
    ProjectSnapshot s = snapshot.get();
    if (s == null || !finished) {
      return null;
    }
    Map<String, ColumnsCache.Memo> results = Map.copyOf(memos);
    dev.dbtls.index.compile.RenderInputs inputs = s.renderInputs();
    Optional<SqlDialect> dialect = SqlDialect.of(adapterType);
    Map<String, RenderReads> ran = rendersRead;
    return new ColumnsCache.ToStore() {
      @Override
      public Map<String, ColumnsCache.Memo> memos() {
        return results;
      }

      @Override
      public void eachRestorable(
          java.util.function.BiConsumer<String, ColumnsCache.Restorable> to) {
        if (inputs.shared() == null || dialect.isEmpty()) {
          return;
        }
        Map<String, byte[]> parentDigests = new HashMap<>();
        // models whose renders read the same share one RenderReads, and so one set of lists
        Map<RenderReads, List<List<String>>> sorted = new java.util.IdentityHashMap<>();
        for (Entry e : entries.values()) {
          String id = e.node().uniqueId();
          RenderReads read = ran.get(id);
          if (e.inferred() == null || !results.containsKey(id) || read == null) {
            continue; // not known what its render read: rendered next
          }
          List<List<String>> lists =
              sorted.computeIfAbsent(
                  read,
                  r ->
                      List.of(
                          sortedList(r.macros()),
                          sortedList(r.envVars()),
                          sortedList(r.unkeyed())));
          String modelInputs = inputs.of(e.node(), lists.get(0), lists.get(1));
          if (modelInputs == null) {
            continue;
          }
          String key =
              ColumnsKey.restoreKey(
                  dialect.get().adapterType(),
                  modelInputs,
                  e.node(),
                  NodeInference.parents(e.node(), s.manifest(), catalog, entries, parentDigests));
          to.accept(
              id,
              new ColumnsCache.Restorable(
                  key, TemplatePlaces.of(e.inferred()), lists.get(0), lists.get(1), lists.get(2)));
        }
      }
    };
  }
}
