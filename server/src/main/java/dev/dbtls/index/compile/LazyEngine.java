package dev.dbtls.index.compile;

import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaSetup;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The template engine, built once: in the background from the start when everything will be
 * rendered, otherwise on first use (listing a project with only literal refs never renders).
 */
final class LazyEngine implements Supplier<DbtJinja> {
  private final JinjaSetup setup;
  private volatile CompletableFuture<DbtJinja> future;

  /**
   * Shared by the engines of one line of snapshots, each made from the one before by edits of files
   * ({@link ProjectSnapshot#rebuild}): their inputs differ in files' texts only, never in vars,
   * target or environment.
   */
  private final Object line;

  LazyEngine(JinjaSetup setup, boolean warm) {
    this(setup, warm, null);
  }

  /** An engine of the same line as {@code madeFrom} (null: the first of a line). */
  LazyEngine(JinjaSetup setup, boolean warm, LazyEngine madeFrom) {
    this.line = madeFrom == null ? new Object() : madeFrom.line;
    this.setup = setup;
    if (warm) {
      future = CompletableFuture.supplyAsync(() -> new DbtJinja(setup));
    }
  }

  /** Starts building the engine in the background, unless it is built or being built. */
  synchronized void warm() {
    if (future == null) {
      future = CompletableFuture.supplyAsync(() -> new DbtJinja(setup));
    }
  }

  /** Whether anyone asked for the engine (a build's parse render, a compile). */
  private volatile boolean asked;

  @Override
  public DbtJinja get() {
    asked = true;
    CompletableFuture<DbtJinja> f = future;
    if (f == null) {
      synchronized (this) {
        if (future == null) {
          future = CompletableFuture.completedFuture(new DbtJinja(setup));
        }
        f = future;
      }
    }
    return f.join();
  }

  /** What the engine is (or will be) built from. */
  JinjaSetup setup() {
    return setup;
  }

  boolean asked() {
    return asked;
  }

  boolean started() {
    return future != null;
  }

  /**
   * The macros ({@code package.name}) whose calls run something other with this engine than with
   * {@code before}, an engine of the same line that was built (what renders with it ran); null when
   * that is not known: another line, {@code before} never built, or the engines differ in more than
   * how macros are defined ({@link DbtJinja#macrosChangedSince}). Builds this engine.
   */
  java.util.Set<String> macrosChangedSince(LazyEngine before) {
    if (before == this) {
      return java.util.Set.of();
    }
    CompletableFuture<DbtJinja> b = before.future;
    if (before.line != line || b == null || !b.isDone() || b.isCompletedExceptionally()) {
      return null;
    }
    return get().macrosChangedSince(b.join());
  }
}
