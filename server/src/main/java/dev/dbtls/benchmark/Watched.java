package dev.dbtls.benchmark;

import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.QueryWatch;
import dev.dbtls.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements a benchmark runs besides its timed ones (sandbox setup, copies, catalog look-ups),
 * each stoppable by the caller's cancel and the benchmark's time limit, failing as one message.
 */
final class Watched {
  private final Warehouse warehouse;
  private final QueryCancel cancel;
  private final int seconds;

  Watched(Warehouse warehouse, QueryCancel cancel, int seconds) {
    this.warehouse = warehouse;
    this.cancel = cancel;
    this.seconds = seconds;
  }

  Warehouse warehouse() {
    return warehouse;
  }

  QueryCancel cancel() {
    return cancel;
  }

  int seconds() {
    return seconds;
  }

  void execute(Connection c, String sql) throws Failure {
    query(c, sql, false);
  }

  /** The rows as text. */
  List<List<String>> rows(Connection c, String sql) throws Failure {
    return query(c, sql, true);
  }

  private List<List<String>> query(Connection c, String sql, boolean read) throws Failure {
    stopIfCancelled();
    QueryWatch watch = new QueryWatch(cancel, seconds);
    try (Statement st = c.createStatement()) {
      watch.running(st);
      List<List<String>> out = new ArrayList<>();
      if (st.execute(sql) && read) {
        try (ResultSet rs = st.getResultSet()) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              row.add(rs.getString(i));
            }
            out.add(row);
          }
        }
      }
      watch.close();
      if (watch.stopped()) {
        throw new Failure(watch.failure(warehouse, null), watch.cancelled());
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      watch.close();
      throw new Failure(watch.failure(warehouse, e), watch.cancelled());
    }
  }

  /** A failure outside a watched statement (connecting, a driver call), as one message. */
  Failure failed(Throwable t) {
    QueryWatch watch = new QueryWatch(cancel, 0);
    watch.close();
    return new Failure(watch.failure(warehouse, t), watch.cancelled());
  }

  void stopIfCancelled() throws Failure {
    if (cancel != null && cancel.cancelled()) {
      QueryWatch watch = new QueryWatch(cancel, 0);
      watch.close();
      throw new Failure(watch.failure(warehouse, null), true);
    }
  }
}
