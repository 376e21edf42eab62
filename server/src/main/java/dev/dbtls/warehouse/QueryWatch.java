package dev.dbtls.warehouse;

import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the statements of one request: the caller's {@link QueryCancel} and a time limit both
 * stop the running statement with {@code Statement.cancel()}, and afterwards say which of them
 * stopped it. Our own timer rather than {@code setQueryTimeout}: drivers implement that differently
 * (MariaDB rewrites the SQL), this works the same everywhere.
 */
public final class QueryWatch implements AutoCloseable {
  private final QueryCancel cancel;
  private final int timeoutSeconds;
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final ScheduledFuture<?> timer;
  private volatile RunningQuery current;

  /** Watches with the caller's cancel (null: none) and a time limit ({@code <= 0}: none). */
  public QueryWatch(QueryCancel cancel, int timeoutSeconds) {
    this.cancel = cancel != null ? cancel : new QueryCancel();
    this.timeoutSeconds = timeoutSeconds;
    this.timer =
        timeoutSeconds <= 0
            ? null
            : Timers.after(
                timeoutSeconds * 1000L,
                () -> {
                  timedOut.set(true);
                  QueryCancel.stop(current);
                });
  }

  /** The statement now running: cancel and the time limit stop it. */
  public void running(Statement s) {
    running(RunningQuery.of(s));
  }

  /** The work now running (a statement, an engine's job): cancel and the time limit stop it. */
  public void running(RunningQuery q) {
    current = q;
    cancel.running(q);
    if (timedOut.get()) {
      QueryCancel.stop(q);
    }
  }

  public boolean cancelled() {
    return cancel.cancelled();
  }

  /** Cancelled or timed out. */
  public boolean stopped() {
    return cancel.cancelled() || timedOut.get();
  }

  WarehouseError failure(ConnectionSpec spec, Throwable t) {
    return QueryFailure.of(spec, t, cancel.cancelled(), timedOut.get(), timeoutSeconds);
  }

  /** Why a statement on {@code w} failed (t may be null when it was stopped), as one message. */
  public WarehouseError failure(Warehouse w, Throwable t) {
    return failure(w.spec(), t);
  }

  /** Stops watching (the timer can no longer cancel anything); may be called again. */
  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    cancel.done();
    current = null;
  }
}
