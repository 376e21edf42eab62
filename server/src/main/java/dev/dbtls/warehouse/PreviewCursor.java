package dev.dbtls.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An open result on the server, read page by page: the driver streams it (fetch size) so only the
 * current page is in memory. Holds its connection until it is read to the end, closed, or expired;
 * closing gives the connection back to the pool.
 */
final class PreviewCursor implements AutoCloseable {
  /** One page as read, before it gets the cursor's id. */
  record Page(List<List<Object>> rows, boolean hasMore, boolean truncated) {}

  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final long limit;
  private final int[] sqlTypes;
  private final String[] databaseTypes;
  private final List<PreviewColumn> columns;
  private final boolean cancelOnClose;
  private long delivered;
  private boolean positioned;
  private boolean finished;
  private boolean truncated;
  private boolean closed;
  private volatile long lastUsed = System.nanoTime();

  PreviewCursor(
      Connection connection, Statement statement, ResultSet rows, long limit, boolean cancelOnClose)
      throws SQLException {
    this.connection = connection;
    this.cancelOnClose = cancelOnClose;
    this.statement = statement;
    this.rows = rows;
    this.limit = limit;
    ResultSetMetaData md = rows.getMetaData();
    int n = md.getColumnCount();
    sqlTypes = new int[n];
    databaseTypes = new String[n];
    List<PreviewColumn> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sqlTypes[i] = md.getColumnType(i + 1);
      databaseTypes[i] = String.valueOf(md.getColumnTypeName(i + 1));
      cols.add(
          new PreviewColumn(
              md.getColumnLabel(i + 1),
              databaseTypes[i],
              ColumnTypes.normalize(sqlTypes[i], databaseTypes[i])));
    }
    columns = List.copyOf(cols);
  }

  List<PreviewColumn> columns() {
    return columns;
  }

  Statement statement() {
    return statement;
  }

  synchronized Page next(int maxRows, long maxBytes) throws SQLException {
    if (closed) {
      throw new SQLException("cursor closed");
    }
    lastUsed = System.nanoTime();
    List<List<Object>> page = new ArrayList<>(Math.min(maxRows, 1024));
    long bytes = 0;
    while (page.size() < maxRows && bytes < maxBytes && advance()) {
      List<Object> row = new ArrayList<>(sqlTypes.length);
      for (int i = 0; i < sqlTypes.length; i++) {
        Object v = Values.read(rows, i + 1, sqlTypes[i], databaseTypes[i]);
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
    QueryCancel.stop(statement);
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
    closeQuietly(rows);
    closeQuietly(statement);
    closeQuietly(connection);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the pool checks the connection when it comes back
    }
  }
}
