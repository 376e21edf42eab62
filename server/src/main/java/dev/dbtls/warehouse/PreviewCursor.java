package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An open result on the server, read page by page: the engine streams its {@link QueryRows} so only
 * the current page is in memory. Holds them (for JDBC a pooled connection) until they are read to
 * the end, closed, or expired.
 */
final class PreviewCursor implements AutoCloseable {
  /** One page as read, before it gets the cursor's id. */
  record Page(List<List<Object>> rows, boolean hasMore, boolean truncated) {}

  private final QueryRows rows;
  private final long limit;
  private final boolean cancelOnClose;
  private long delivered;
  private boolean positioned;
  private boolean finished;
  private boolean truncated;
  private boolean closed;
  private volatile long lastUsed = System.nanoTime();

  /**
   * {@code limit}: rows delivered at most (0: all); {@code cancelOnClose}: stop the query before
   * closing rows not read to the end (a driver that would read the rest on close).
   */
  PreviewCursor(QueryRows rows, long limit, boolean cancelOnClose) {
    this.rows = rows;
    this.limit = limit;
    this.cancelOnClose = cancelOnClose;
  }

  List<PreviewColumn> columns() {
    return rows.columns();
  }

  /** The rows this cursor reads. */
  QueryRows rows() {
    return rows;
  }

  /** What stops the query in the warehouse. */
  RunningQuery running() {
    return rows.running();
  }

  synchronized Page next(int maxRows, long maxBytes) throws SQLException {
    if (closed) {
      throw new SQLException("cursor closed");
    }
    lastUsed = System.nanoTime();
    List<List<Object>> page = new ArrayList<>(Math.min(maxRows, 1024));
    long bytes = 0;
    while (page.size() < maxRows && bytes < maxBytes && advance()) {
      int n = rows.columns().size();
      List<Object> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Object v = rows.value(i);
        bytes += Values.size(v);
        row.add(v);
      }
      page.add(row);
      delivered++;
      positioned = false;
    }
    boolean more = advance();
    lastUsed = System.nanoTime();
    return new Page(page, more, truncated);
  }

  /** Moves to the next row unless one is waiting; false at the end or at the row limit. */
  private boolean advance() throws SQLException {
    if (finished) {
      return false;
    }
    if (positioned) {
      return true;
    }
    if (limit > 0 && delivered >= limit) {
      truncated = rows.next();
      finished = true;
      return false;
    }
    positioned = rows.next();
    finished = !positioned;
    return positioned;
  }

  long idleNanos() {
    return System.nanoTime() - lastUsed;
  }

  /** Stops a fetch in progress (from another thread); {@link #close()} still follows. */
  void cancel() {
    rows.running().stop();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!finished && cancelOnClose) {
      cancel(); // the driver would otherwise read the rest of the result
    }
    rows.close();
  }
}
