package dev.dbtls.workspace;

import dev.dbtls.ide.Analysis;
import dev.dbtls.index.LoadProgress;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The dbt projects an editor has open, each with its latest immutable {@link ProjectSnapshot}. A
 * file change marks its project dirty and schedules a rebuild after a short quiet period (typing
 * does not rebuild on every key); rebuilds run one at a time on a background thread, reuse the
 * scans of unchanged files, and swap the snapshot in whole. Readers never lock.
 */
public final class Workspace implements AutoCloseable {
  /**
   * Told about every new snapshot, on the build thread, in build order, just after {@link
   * #upToDate} hands it out.
   */
  public interface Listener {
    void built(Path projectDir, ProjectSnapshot snapshot);

    /** A build of {@code projectDir} starts (full: the whole project is read again). */
    default void started(Path projectDir, boolean full) {}

    /** How far a full build of {@code projectDir} has come (from the build's threads). */
    default void progress(Path projectDir, int percent, String phase) {}

    /** {@code projectDir} is no longer a dbt project (deleted): forget what was shown for it. */
    default void removed(Path projectDir) {}

    /**
     * The problems to show of {@code projectDir} may have changed (a build, its columns inferred):
     * {@code analysis}, the newest, has them. From the build thread or the columns' threads.
     */
    default void diagnosticsChanged(Path projectDir, Analysis analysis) {}

    /** A line for the log (the columns of a whole project inferred, with their time). */
    default void log(Path projectDir, String message) {}

    /**
     * Completes when the editor's requests that are running or queued now are answered: what a full
     * build starts in the background (problems, columns) waits for it, {@link
     * #ANSWERS_FIRST_MILLIS} at most.
     */
    default CompletableFuture<?> answered() {
      return CompletableFuture.completedFuture(null);
    }
  }

  /**
   * How long the background work after a build waits for the requests that waited for the build
   * (the first load's completion: on two cores, problems and column inference beside it made it
   * take 0.5 s instead of a few ms).
   */
  static final long ANSWERS_FIRST_MILLIS = 1000;

  private static final Set<String> PROJECT_SUFFIXES =
      Set.of(".sql", ".yml", ".yaml", ".md", ".csv", ".py", ".j2", ".jinja", ".jinja2");

  private final OverlayFileSource files;
  private volatile ProjectInputs.Options options;
  private volatile List<Path> builtinMacroDirs;

  /** A quiet period of {@link #ADAPTIVE} follows each project's last build time. */
  private volatile long debounceMillis;

  /** The quiet period follows what a rebuild costs: as long as the last one took, 25 to 300 ms. */
  public static final long ADAPTIVE = -1;

  private static final long MIN_ADAPTIVE_MILLIS = 25;
  private static final long MAX_ADAPTIVE_MILLIS = 300;

  /** The adaptive quiet period before the first edit's rebuild has been timed. */
  private static final long FIRST_QUIET_MILLIS = 100;

  private final Listener listener;
  private final Map<Path, Project> projects = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> found = new CompletableFuture<>();
  private final ScheduledExecutorService builder =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dbtls-build");
            t.setDaemon(true);
            return t;
          });

  /**
   * Writes the projects' cache files after a full build, one at a time, beside the next builds: on
   * the build thread an edit made just after a big project's first load waited for them (100k
   * models: 9 s).
   */
  private final java.util.concurrent.ExecutorService saver =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "dbtls-cache-save");
            t.setDaemon(true);
            return t;
          });

  /** Column inference's threads, shared by the projects' sessions. */
  private final ColumnsWorkers columnsWorkers = new ColumnsWorkers();

  /** The local store, once open: the warehouse's columns of earlier sessions come from it. */
  private final CompletableFuture<dev.dbtls.store.Store> store;

  public Workspace(
      FileSource disk,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      long debounceMillis,
      Listener listener) {
    this(
        disk,
        options,
        builtinMacroDirs,
        debounceMillis,
        listener,
        CompletableFuture.failedFuture(new IllegalStateException("no local store")));
  }

  /**
   * As the other constructor, with the local {@code store} (once it is open; a failed future: there
   * is none).
   */
  public Workspace(
      FileSource disk,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      long debounceMillis,
      Listener listener,
      CompletableFuture<dev.dbtls.store.Store> store) {
    this.store = store;
    this.files = new OverlayFileSource(disk);
    this.options = options;
    this.builtinMacroDirs = List.copyOf(builtinMacroDirs);
    this.debounceMillis = debounceMillis;
    this.listener = listener;
  }

  public OverlayFileSource files() {
    return files;
  }

  /** Finds the dbt projects under each folder and starts loading them. */
  public void addFolders(List<Path> folders) {
    try {
      folders.forEach(f -> DbtProjects.find(f).forEach(this::project));
    } finally {
      found.complete(null);
    }
  }

  /** Completes when the workspace folders given first have been searched for projects. */
  public CompletableFuture<Void> found() {
    return found;
  }

  /**
   * Completes when the projects found in the workspace folders given first have ended their first
   * build (also when it failed): what is not needed for the first answers may start then.
   */
  public CompletableFuture<Void> firstBuilt() {
    return found.thenCompose(
        v ->
            CompletableFuture.allOf(
                projects.values().stream().map(p -> p.first).toArray(CompletableFuture[]::new)));
  }

  public Set<Path> projectDirs() {
    return Set.copyOf(projects.keySet());
  }

  /**
   * The project {@code file} belongs to: the innermost known one, else the nearest project above it
   * (a file opened outside the workspace folders), which is then loaded too.
   */
  public Optional<Path> projectOf(Path file) {
    Optional<Path> known = DbtProjects.innermost(projects.keySet(), file);
    if (known.isPresent()) {
      return known;
    }
    Optional<Path> found = DbtProjects.enclosing(file);
    found.ifPresent(this::project);
    return found;
  }

  /** The open files that belong to {@code projectDir} and to no project nested in it. */
  public List<Path> openFiles(Path projectDir) {
    return files.openFiles().stream()
        .sorted()
        .filter(
            f -> DbtProjects.innermost(projects.keySet(), f).filter(projectDir::equals).isPresent())
        .toList();
  }

  /** The text of {@code file} may have changed (opened, edited, closed, changed on disk). */
  public void changed(Path file) {
    Path f = file.toAbsolutePath().normalize();
    String name = f.getFileName() == null ? "" : f.getFileName().toString();
    if (PROJECT_SUFFIXES.stream().noneMatch(name::endsWith)) {
      return;
    }
    if (name.equals(DbtProject.FILE)
        && projects.containsKey(f.getParent())
        && files.read(f).isEmpty()) {
      forget(f.getParent()); // the project itself was deleted
      return;
    }
    if (name.equals(DbtProject.FILE)
        && !projects.containsKey(f.getParent())
        && DbtProjects.enclosing(f).filter(f.getParent()::equals).isPresent()) {
      project(f.getParent()); // a new project (nested ones included)
    }
    Optional<Path> owner = projectOf(f);
    owner
        .map(projects::get)
        .ifPresent(
            p -> {
              if (!p.generated(f)) {
                p.schedule(f, p.quietPeriod());
              }
            });
    // a local package read from its own folder is an input of the projects that use it too
    projects.values().stream()
        .filter(p -> !owner.filter(p.dir::equals).isPresent() && p.readsFromOutside(f))
        .forEach(p -> p.schedule(f, p.quietPeriod()));
  }

  /**
   * New options (target, profile, vars, ...) and builtin macro folders, from the editor's settings:
   * every project is read again from scratch, with nothing kept from earlier parses (a parse render
   * may depend on vars).
   */
  public void configure(ProjectInputs.Options newOptions, List<Path> newBuiltinMacroDirs) {
    this.options = newOptions;
    this.builtinMacroDirs = List.copyOf(newBuiltinMacroDirs);
    projects
        .values()
        .forEach(
            p -> {
              p.cache = ParseCache.open(p.dir);
              p.schedule(null, 0);
            });
  }

  /** How long edits must pause before a rebuild starts. */
  public void rebuildDelay(long millis) {
    this.debounceMillis = millis < 0 ? ADAPTIVE : millis;
  }

  /**
   * A folder was deleted (editors report a deleted folder once, not each file in it): projects
   * inside it are forgotten, and the project that held it is read again.
   */
  public void deleted(Path folder) {
    Path d = folder.toAbsolutePath().normalize();
    for (Path dir : projectDirs()) {
      if (dir.startsWith(d)) {
        forget(dir);
      }
    }
    projectOf(d).filter(dir -> !projects.get(dir).generated(d)).ifPresent(this::reload);
  }

  private void forget(Path projectDir) {
    Project p = projects.remove(projectDir);
    if (p != null) {
      p.first.complete(null); // gone before its first build: it has no first build to wait for
      p.session.close();
      synchronized (p) {
        if (p.scheduled != null) {
          p.scheduled.cancel(false);
        }
      }
      try {
        listener.removed(projectDir);
      } catch (RuntimeException e) {
        System.err.println("dbtls: after removing " + projectDir + ": " + e);
      }
    }
  }

  /** Rebuilds {@code projectDir} from scratch (a settings or project-file change). */
  public void reload(Path projectDir) {
    Project p = projects.get(projectDir);
    if (p != null) {
      p.schedule(null, p.quietPeriod());
    }
  }

  /** The last snapshot built, if any: what features answer from while a new one is built. */
  public Optional<ProjectSnapshot> current(Path projectDir) {
    Project p = projects.get(projectDir);
    return p == null ? Optional.empty() : Optional.ofNullable(p.snapshot);
  }

  /** The analysis of the last snapshot built, if any. */
  public Optional<Analysis> currentAnalysis(Path projectDir) {
    Project p = projects.get(projectDir);
    return p == null ? Optional.empty() : Optional.ofNullable(p.analysis);
  }

  /**
   * What editor features answer from: the analysis of the last snapshot built, at once once the
   * project has loaded (features never wait for a rebuild); before its first load ends, when it
   * does. Null when the project is unknown or its first load failed.
   */
  public CompletableFuture<Analysis> analysis(Path projectDir) {
    Project p = projects.get(projectDir);
    if (p == null) {
      return CompletableFuture.completedFuture(null);
    }
    Analysis now = p.analysis;
    return now != null
        ? CompletableFuture.completedFuture(now)
        : p.first.thenApply(loaded -> p.analysis);
  }

  /**
   * The project's inputs once its first load has listed its files (before they are scanned), for
   * what can be answered from them while the load runs; null when the first load has ended (or
   * ended without them), or the project is unknown.
   */
  public CompletableFuture<ProjectInputs> listedBeforeFirstLoad(Path projectDir) {
    Project p = projects.get(projectDir);
    return p == null ? CompletableFuture.completedFuture(null) : p.listed;
  }

  /**
   * The analysis of the snapshot that includes every change made so far (now, or when the pending
   * build ends): for features whose answer must match the buffers exactly (rename).
   */
  public CompletableFuture<Analysis> upToDateAnalysis(Path projectDir) {
    Project p = projects.get(projectDir);
    if (p == null) {
      return CompletableFuture.completedFuture(null);
    }
    return p.upToDate()
        .thenApply(
            s -> {
              Analysis a = p.analysis;
              return s == null
                  ? null
                  : a != null && a.snapshot() == s ? a : Analysis.of(s, p.session.facts());
            });
  }

  /**
   * The analysis of the latest build once its columns are inferred (the build started that),
   * waiting for the newer builds' that stop it {@code attempts} times at most; null when the
   * project is unknown or has not loaded.
   */
  public CompletableFuture<Analysis> inferred(Path projectDir, int attempts) {
    Project p = projects.get(projectDir);
    return p == null
        ? CompletableFuture.completedFuture(null)
        : p.first.thenCompose(loaded -> p.session.inferred(attempts));
  }

  /** The snapshot that includes every change made so far: now, or when the pending build ends. */
  public CompletableFuture<ProjectSnapshot> upToDate(Path projectDir) {
    Project p = projects.get(projectDir);
    return p == null ? CompletableFuture.completedFuture(null) : p.upToDate();
  }

  @Override
  public void close() {
    builder.shutdownNow();
    saver.shutdownNow();
    projects.values().forEach(p -> p.session.close());
    columnsWorkers.close();
  }

  /**
   * Loads the project in {@code dir} unless it is known. Made only when it is not: a project opens
   * its cache files at once (reading the linked manifest, 131 MB on 100k models), and a file opened
   * while the workspace folders are searched asks for the same project as the search.
   */
  private void project(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    boolean[] made = {false};
    Project p =
        projects.computeIfAbsent(
            d,
            k -> {
              made[0] = true;
              return new Project(k);
            });
    if (made[0]) {
      p.loadFirst();
    }
  }

  private final class Project {
    final Path dir;

    /** What is derived from this project after each build, and the work that derives it. */
    final ProjectSession session;

    volatile ParseCache cache;
    volatile ProjectSnapshot snapshot;
    volatile Analysis analysis;

    /** Completes when the first build ends (also when it failed). */
    final CompletableFuture<Void> first = new CompletableFuture<>();

    /**
     * The first load's inputs once listed; once the first build has ended, a null answer (the
     * inputs it held are no longer kept).
     */
    volatile CompletableFuture<ProjectInputs> listed = new CompletableFuture<>();

    /**
     * What the last rebuild after an edit took: the adaptive quiet period. A load of the whole
     * project (the first, a reload) does not count: it reads every file, which an edit's rebuild
     * does not, and it made the first edit after every start wait the longest quiet period (300
     * ms). Until an edit's rebuild was timed, the quiet period is {@link #FIRST_QUIET_MILLIS}.
     */
    private volatile long lastBuildMillis = FIRST_QUIET_MILLIS;

    // guarded by this
    private final Set<Path> dirty = new LinkedHashSet<>();
    // a new project is pending from the start: a request racing its first build waits for it
    private boolean reload = true;
    private ScheduledFuture<?> scheduled;
    private CompletableFuture<ProjectSnapshot> next = new CompletableFuture<>();
    // the build running now, whose changes are no longer in dirty
    private CompletableFuture<ProjectSnapshot> building;

    Project(Path dir) {
      this.dir = dir;
      this.cache = ParseCache.open(dir); // parses of earlier sessions, read in the background
      this.session = new ProjectSession(dir, files, columnsWorkers, store, listener);
    }

    /** Whether {@code file} is in a package this project reads from outside its own folder. */
    boolean readsFromOutside(Path file) {
      ProjectSnapshot s = snapshot;
      return s != null
          && !file.startsWith(dir)
          && s.inputs().packages().values().stream().anyMatch(pkg -> file.startsWith(pkg.dir()));
    }

    /** Files dbt writes (target/, logs/) are not inputs; editing them must not rebuild. */
    boolean generated(Path file) {
      ProjectSnapshot s = snapshot;
      String targetPath = s == null ? "target" : s.inputs().root().targetPath();
      return file.startsWith(dir.resolve(targetPath)) || file.startsWith(dir.resolve("logs"));
    }

    /**
     * How long edits must pause before a rebuild: the setting, or (adaptive) about what the last
     * build took — an edit a 40 ms relink handles waits 40 ms, a project that takes seconds to
     * relink waits 300 ms, so typing never queues work.
     */
    long quietPeriod() {
      if (snapshot == null) {
        // the first load reads every file anyway, buffers included: an editor's didOpen must not
        // push it back by a quiet period (it did, by 300 ms, on every start)
        return 0;
      }
      long fixed = debounceMillis;
      return fixed >= 0
          ? fixed
          : Math.max(MIN_ADAPTIVE_MILLIS, Math.min(MAX_ADAPTIVE_MILLIS, lastBuildMillis));
    }

    /**
     * Starts the first load of a new project, unless a file's change already did (a file opened
     * while the project was being made: a second full load followed the first).
     */
    synchronized void loadFirst() {
      if (scheduled == null && building == null && snapshot == null) {
        schedule(null, 0);
      }
    }

    /** Marks {@code file} changed (null: everything) and (re)starts the quiet period. */
    synchronized CompletableFuture<ProjectSnapshot> schedule(Path file, long delayMillis) {
      if (file == null) {
        reload = true;
      } else {
        dirty.add(file);
      }
      if (next == null) {
        next = new CompletableFuture<>();
      }
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      scheduled = builder.schedule(this::build, delayMillis, TimeUnit.MILLISECONDS);
      return next;
    }

    synchronized CompletableFuture<ProjectSnapshot> upToDate() {
      return next != null
          ? next
          : building != null ? building : CompletableFuture.completedFuture(snapshot);
    }

    private void build() {
      Set<Path> changed;
      boolean full;
      CompletableFuture<ProjectSnapshot> done;
      synchronized (this) {
        if (next == null) {
          return;
        }
        changed = new LinkedHashSet<>(dirty);
        dirty.clear();
        full = reload || snapshot == null;
        reload = false;
        done = next;
        next = null;
        building = done;
        scheduled = null;
      }
      try {
        listener.started(dir, full);
      } catch (RuntimeException e) {
        System.err.println("dbtls: before building " + dir + ": " + e);
      }
      ProjectSnapshot s;
      long started = System.nanoTime();
      ParseCache used = cache; // new settings may replace it meanwhile: this build's
      try {
        s = full ? null : incremental(changed, used);
        if (s == null) {
          s =
              ProjectSnapshot.load(
                  dir,
                  options,
                  builtinMacroDirs,
                  files,
                  true,
                  used,
                  new LoadProgress() {
                    @Override
                    public void report(int percent, String phase) {
                      listener.progress(dir, percent, phase);
                    }

                    @Override
                    public void listed(ProjectInputs inputs) {
                      Project.this.listed.complete(inputs);
                    }
                  });
          full = true;
        }
      } catch (RuntimeException | Error e) {
        // the core promises not to throw; if it does, keep the last good snapshot, and the
        // changes for the next build (they are not built yet), which the next edit starts; every
        // request waiting for this build gets the last good snapshot
        System.err.println("dbtls: building " + dir + " failed: " + e);
        synchronized (this) {
          dirty.addAll(changed);
          reload |= full;
        }
        finish(done, snapshot);
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
          throw (VirtualMachineError) e; // out of memory: the launcher's flags end the process
        }
        return;
      }
      analysis = session.analysis(s, analysis);
      snapshot = s;
      if (!full) {
        lastBuildMillis = (System.nanoTime() - started) / 1_000_000;
      }
      finish(done, s);
      try {
        listener.built(dir, s);
      } catch (RuntimeException e) {
        System.err.println("dbtls: after building " + dir + ": " + e);
      }
      if (full && !answersFirst()) {
        return; // interrupted: the workspace closes
      }
      session.built(
          analysis,
          openFiles(
              dir)); // columns in the background; features use the last complete table meanwhile
      if (full) {
        // the parse cache on disk, for the next session (a no-op when nothing was parsed); then
        // what an edit's update reads of the whole project (the macros that call ref), made after
        // the first answers for the first edit's update
        ProjectInputs inputs = s.inputs();
        long load = used.fullLoads(); // a prepare is not kept once a later load began
        try {
          saver.execute(
              () -> {
                used.save();
                used.prepareUpdates(inputs, load); // the first edit's update relinks only its nodes
              });
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // the workspace is closing: nothing more is saved
        }
      }
    }

    /**
     * The requests that waited for this full build (a first load, a reload) are answered first, a
     * moment at most; false when the thread was interrupted meanwhile. Not after an edit's build:
     * features answer at once from the last snapshot then, and a slow request in flight (references
     * on a big project) must not hold back the edit's problems or the next build.
     */
    private boolean answersFirst() {
      try {
        listener.answered().get(ANSWERS_FIRST_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException
          | java.util.concurrent.ExecutionException
          | RuntimeException e) {
        // the background work starts anyway
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return true;
    }

    private void finish(CompletableFuture<ProjectSnapshot> done, ProjectSnapshot s) {
      synchronized (this) {
        building = null;
      }
      // the listed inputs are let go before anyone learns that the build ended; requests still
      // waiting for the listing go on to wait for this build
      CompletableFuture<ProjectInputs> l = listed;
      if (!l.isDone() || l.getNow(null) != null) {
        listed = CompletableFuture.completedFuture(null);
        l.complete(null);
      }
      done.complete(s);
      first.complete(null);
    }

    /** Null when some change needs a full load (a new file, dbt_project.yml, ...). */
    private ProjectSnapshot incremental(Set<Path> changed, ParseCache parses) {
      ProjectSnapshot previous = snapshot;
      ProjectInputs in = previous.inputs();
      for (Path f : changed) {
        in = in.withFile(f, files.read(f).orElse(null));
        if (in == null) {
          return null;
        }
      }
      return ProjectSnapshot.rebuild(previous, in, builtinMacroDirs, files, parses, changed);
    }
  }
}
