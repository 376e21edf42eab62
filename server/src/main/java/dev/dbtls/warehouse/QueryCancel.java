package dev.dbtls.warehouse;

import java.sql.Statement;

/**
 * Cancels a running preview from another thread (the editor's {@code $/cancelRequest}): stops the
 * {@link RunningQuery} (for JDBC the driver's {@code Statement.cancel()}), which ends the query in
 * the database. Cancelling before the query starts stops it from starting. One per request.
 */
public final class QueryCancel {
  private RunningQuery running;
  private boolean cancelled;
  private final java.util.List<Runnable> listeners = new java.util.ArrayList<>();

  public void cancel() {
    RunningQuery q;
    java.util.List<Runnable> told;
    synchronized (this) {
      cancelled = true;
      q = running;
      told = java.util.List.copyOf(listeners);
    }
    stop(q);
    told.forEach(Runnable::run);
  }

  /**
   * Runs {@code r} when the request is cancelled (at once if it already is): a build stops every
   * statement its threads are running.
   */
  public void whenCancelled(Runnable r) {
    boolean now;
    synchronized (this) {
      listeners.add(r);
      now = cancelled;
    }
    if (now) {
      r.run();
    }
  }

  public synchronized boolean cancelled() {
    return cancelled;
  }

  /** The statement now running; cancelled at once when cancel came first. */
  void running(Statement s) {
    running(RunningQuery.of(s));
  }

  /** The work now running; stopped at once when cancel came first. */
  void running(RunningQuery q) {
    boolean stopNow;
    synchronized (this) {
      running = q;
      stopNow = cancelled;
    }
    if (stopNow) {
      stop(q);
    }
  }

  synchronized void done() {
    running = null;
  }

  static void stop(RunningQuery q) {
    if (q != null) {
      q.stop();
    }
  }
}
