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

  LazyEngine(JinjaSetup setup, boolean warm) {
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
}
