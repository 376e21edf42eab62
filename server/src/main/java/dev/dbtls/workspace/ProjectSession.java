package dev.dbtls.workspace;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.ProjectFacts;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.query.SchemaMemory;
import dev.dbtls.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one owner of what is derived from a project after a build, for the editor's session: the
 * catalog (catalog.json and the warehouse's columns, restored from the store at the first build),
 * the table of inferred columns and its cache file, and the background work that makes them. The
 * workspace hands it each new analysis ({@link #built}); it tells its listener when the problems to
 * show may have changed, and the language server only forwards them.
 */
public final class ProjectSession {
  private final Path dir;
  private final FileSource files;
  private final ColumnsWorkers workers;
  private final CompletableFuture<Store> store;
  private final Workspace.Listener listener;
  private final ProjectFacts facts = new ProjectFacts();

  /**
   * Inferred columns of earlier sessions, read in the background from the start; null: caching is
   * off.
   */
  private final ColumnsCache cache;

  /**
   * The newest run of column inference (maybe still running), for the newest snapshot it was asked
   * for.
   */
  private volatile ProjectColumns columns;

  private volatile Analysis current;
  private volatile boolean schemaRestored;
  private volatile boolean closed;

  ProjectSession(
      Path dir,
      FileSource files,
      ColumnsWorkers workers,
      CompletableFuture<Store> store,
      Workspace.Listener listener) {
    this.dir = dir;
    this.files = files;
    this.workers = workers;
    this.store = store;
    this.listener = listener;
    this.cache = ColumnsCache.open(dir, workers.io);
    facts.columns(
        () -> {
          ProjectColumns c = columns;
          return c == null ? null : c.current();
        },
        () -> {
          ProjectColumns c = columns;
          return c == null ? null : c.readable();
        });
  }

  /** The catalog and the inferred columns the features of this project's analyses read. */
  public ProjectFacts facts() {
    return facts;
  }

  /**
   * The analysis of a newly built {@code snapshot}, taking over what {@code before} derived: the
   * newest from now on (before the workspace hands the snapshot out).
   */
  Analysis analysis(ProjectSnapshot snapshot, Analysis before) {
    Analysis a = before == null ? Analysis.of(snapshot, facts) : Analysis.next(before, snapshot);
    current = a;
    return a;
  }

  /**
   * After each build, on the build thread: the warehouse's columns cached last session (once), the
   * catalog read here rather than by the first request that needs it, the problems to show, then
   * the columns inferred in the background (the models of {@code openFiles} first) and the problems
   * again once they are.
   */
  void built(Analysis analysis, List<Path> openFiles) {
    ProjectSnapshot snapshot = analysis.snapshot();
    if (!schemaRestored) {
      schemaRestored = true;
      if (cache != null && !closed) {
        cache.readSoon(); // the columns kept last session, beside the wait for the store
        digestSoon(snapshot);
      }
      if (!facts.catalog().knowsWarehouse()) {
        restoreSchema(snapshot);
      }
    }
    analysis.catalog(files);
    announce(analysis);
    inferColumns(analysis, openFiles)
        .thenAccept(
            table -> {
              logColumns(table);
              announce(analysis); // column-* problems, unless a newer build came
              if (table != null) {
                table.checked().thenAccept(check -> restoredChecked(analysis, table, check));
              }
            });
  }

  /**
   * What every render of the first snapshot reads ({@code RenderInputs.shared}), begun now on the
   * columns thread, ahead of the first table's run there, beside the wait for the store below (up
   * to 2 s when the store opens beside a large warm start). Each model's own part is made by the
   * run that restores it (reading only the files the linked cache does not vouch for), or by the
   * save, on the cache's thread: a first start's run needs none of it.
   */
  private void digestSoon(ProjectSnapshot snapshot) {
    try {
      workers.background.execute(
          () -> {
            try {
              snapshot.renderInputs().shared();
            } catch (RuntimeException e) {
              // the run asks again and says why
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the session is closing
    }
  }

  /**
   * The warehouse's columns an earlier session read, before the first columns are inferred: the
   * store opens as the first build ends (the language server's {@code LocalStore}), so it is waited
   * for a moment; when it takes longer, they come when it opens, for the next build's columns.
   */
  private void restoreSchema(ProjectSnapshot snapshot) {
    try {
      SchemaMemory.restore(store.get(SCHEMA_WAIT_MILLIS, TimeUnit.MILLISECONDS), snapshot);
    } catch (TimeoutException e) {
      store.thenAccept(st -> SchemaMemory.restore(st, snapshot));
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      // no local store: nothing kept to restore
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long the first build's columns wait for the local store to open. */
  static final long SCHEMA_WAIT_MILLIS = 2_000;

  /**
   * The run that infers the columns of {@code analysis}'s snapshot, started now unless it was: a
   * newer snapshot's run stands for an older one's (its table is what features read anyway).
   * Completes with the run when it ends (null when there is nothing to infer).
   */
  CompletableFuture<ProjectColumns> inferColumns(Analysis analysis, List<Path> openFiles) {
    ProjectSnapshot s = analysis.snapshot();
    if (s == null || closed) {
      return CompletableFuture.completedFuture(null);
    }
    ProjectColumns run;
    synchronized (this) {
      ProjectColumns last = columns;
      if (last != null && (last.of(s) || analysis != current)) {
        run = last;
      } else {
        run = new ProjectColumns(s, last).first(openFiles);
        columns = run;
      }
    }
    return run.start(analysis.catalog(files), files, workers, cache);
  }

  /**
   * The analysis of the latest build once its columns are inferred. A build that comes meanwhile
   * stops the inference it supersedes: then the newer one is waited for, a few times at most,
   * rather than answering "still being inferred".
   */
  CompletableFuture<Analysis> inferred(int attempts) {
    Analysis a = current;
    if (a == null) {
      return CompletableFuture.completedFuture(null);
    }
    return inferColumns(a, List.of())
        .thenCompose(
            table ->
                table == null || table.finished() || attempts <= 1
                    ? CompletableFuture.completedFuture(a)
                    : inferred(attempts - 1));
  }

  /**
   * A table restored from the last session was checked by rendering ({@code check} is another table
   * then): its log line, and the problems again if the check changed an entry.
   */
  private void restoredChecked(Analysis analysis, ProjectColumns table, ProjectColumns check) {
    if (check == null || check == table) {
      return; // nothing was restored, or a newer build's run does the check
    }
    logColumns(check);
    if (check.changedCount() > 0) {
      announce(analysis);
    }
  }

  /** The problems of {@code analysis} may have changed: said when it is still the newest. */
  private void announce(Analysis analysis) {
    if (analysis == current && !closed) {
      try {
        listener.diagnosticsChanged(dir, analysis);
      } catch (RuntimeException e) {
        System.err.println("dbtls: after the problems of " + dir + " changed: " + e);
      }
    }
  }

  /** A run that inferred every node's columns says so in the log, with its time. */
  private void logColumns(ProjectColumns table) {
    String summary = table == null ? null : table.summary();
    if (summary != null && !closed) {
      listener.log(dir, "dbtls: " + table.projectName() + ": " + summary);
    }
  }

  /** The project is gone or the workspace closes: nothing more is announced or started. */
  void close() {
    closed = true;
  }
}
