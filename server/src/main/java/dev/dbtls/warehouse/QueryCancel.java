package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cancels a running preview from another thread (the editor's {@code $/cancelRequest}): calls the
 * driver's {@code Statement.cancel()}, which stops the query in the database. Cancelling before the
 * query starts stops it from starting. One per request.
 */
public final class QueryCancel {
  private Statement running;
  private boolean cancelled;

  public void cancel() {
    Statement s;
    synchronized (this) {
      cancelled = true;
      s = running;
    }
    stop(s);
  }

  public synchronized boolean cancelled() {
    return cancelled;
  }

  /** The statement now running; cancelled at once when cancel came first. */
  void running(Statement s) {
    boolean stopNow;
    synchronized (this) {
      running = s;
      stopNow = cancelled;
    }
    if (stopNow) {
      stop(s);
    }
  }

  synchronized void done() {
    running = null;
  }

  static void stop(Statement s) {
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        // the query ended on its own, or the driver cannot cancel: nothing more to do
      }
    }
  }
}
