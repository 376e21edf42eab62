package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a preview: checks that the SQL only reads (unless writes are allowed), wraps it in the
 * dialect's row limit, executes it on a pooled connection and reads the first page while the driver
 * streams the rest. Further pages come from the cursor; never throws.
 */
public final class Preview {
  private static final String ALIAS = "dbtls_preview";

  private Preview() {}

  public static PreviewResult run(Warehouse warehouse, String sql, PreviewOptions options) {
    long t0 = System.nanoTime();
    PreviewOptions o = options == null ? PreviewOptions.defaults() : options;
    try {
      return execute(warehouse, sql, o, t0);
    } catch (RuntimeException e) {
      return PreviewResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY, "preview failed: " + e.getClass().getSimpleName()),
          sql,
          millis(t0));
    }
  }

  /** The next page of an open preview. */
  public static PreviewPage page(Warehouse warehouse, String cursor, PreviewOptions options) {
    PreviewOptions o = options == null ? PreviewOptions.defaults() : options;
    PreviewCursor c = warehouse.cursors().get(cursor);
    if (c == null) {
      return unknownCursor();
    }
    // a page's fetch (PostgreSQL, MariaDB ask the server for more rows) can be cancelled too
    QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds());
    try {
      watch.running(c.running());
      PreviewCursor.Page p = watch.stopped() ? null : c.next(o.pageRows(), o.maxPageBytes());
      watch.close();
      if (watch.stopped()) {
        warehouse.cursors().close(cursor);
        return PreviewPage.failed(watch.failure(warehouse.spec(), null));
      }
      if (!p.hasMore()) {
        warehouse.cursors().close(cursor);
      }
      return new PreviewPage(
          p.rows(), p.hasMore(), p.truncated(), p.hasMore() ? cursor : null, null);
    } catch (SQLException | RuntimeException e) {
      watch.close();
      warehouse.cursors().close(cursor);
      return PreviewPage.failed(watch.failure(warehouse.spec(), e));
    }
  }

  static PreviewPage unknownCursor() {
    return PreviewPage.failed(
        WarehouseError.of(
            ProblemCode.WAREHOUSE_CURSOR,
            "this preview's rows are no longer open (read to the end, closed, or unused for "
                + PreviewCursors.TTL_MINUTES
                + " minutes): run the preview again"));
  }

  /** Closes an open preview's cursor (its connection goes back to the pool). */
  public static void close(Warehouse warehouse, String cursor) {
    warehouse.cursors().close(cursor);
  }

  static PreviewResult execute(Warehouse w, String sql, PreviewOptions o, long t0) {
    ReadOnlyCheck.Verdict v = ReadOnlyCheck.check(sql, w.sqlType(), w.fileAccess());
    WarehouseError refused = refusal(v, o.allowWrites());
    if (refused != null) {
      return PreviewResult.failed(refused, sql, millis(t0));
    }
    boolean write = v.kind() == ReadOnlyCheck.Kind.WRITE;
    String toRun =
        v.kind() == ReadOnlyCheck.Kind.QUERY
            ? RowLimit.wrap(w.sqlType(), v.sql(), o.limit() > 0 ? o.limit() + 1 : 0, ALIAS)
            : v.sql();
    ConnectionSpec spec = w.spec();
    if (o.cancel() != null && o.cancel().cancelled()) {
      return PreviewResult.failed(QueryFailure.of(spec, null, true, false, 0), toRun, millis(t0));
    }
    if (w.engine() != null) {
      return EnginePreview.run(w, toRun, write, o, t0);
    }
    Connection c;
    try {
      c = w.connection();
    } catch (SQLException e) {
      return PreviewResult.failed(ConnectFailure.of(spec, e), toRun, millis(t0));
    }
    Statement st = null;
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      try {
        prepare(c, spec, write);
        st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(Math.min(Math.max(o.pageRows(), 100), 5000));
        if (o.limit() > 0 && !write) {
          maxRows(st, o.limit() + 1);
        }
        watch.running(st);
        if (!st.execute(toRun)) {
          watch.close();
          long count = st.getUpdateCount();
          if (!c.getAutoCommit() && write) {
            c.commit(); // the user allowed this write; anything else is rolled back on close
          }
          close(st, c);
          return new PreviewResult(
              java.util.List.of(),
              java.util.List.of(),
              false,
              false,
              null,
              count,
              toRun,
              millis(t0),
              null,
              null);
        }
        PreviewCursor cursor =
            new PreviewCursor(
                new JdbcRows(c, st, st.getResultSet()), o.limit(), drainsOnClose(spec));
        // MariaDB's KILL QUERY can end a query with a result instead of an error
        return firstPage(w, cursor, watch, o, toRun, t0);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        WarehouseError error = watch.failure(spec, e);
        close(st, c);
        return PreviewResult.failed(error, toRun, millis(t0));
      }
    }
  }

  /**
   * The first page of a result, then the watch closed (no cancel may reach a connection once it can
   * go back to the pool): a stop that came while reading fails the preview; rows left keep the
   * cursor open under an id for the next pages.
   */
  static PreviewResult firstPage(
      Warehouse w, PreviewCursor cursor, QueryWatch watch, PreviewOptions o, String sql, long t0)
      throws SQLException {
    PreviewCursor.Page p = cursor.next(o.pageRows(), o.maxPageBytes());
    watch.close();
    if (watch.stopped()) {
      cursor.close();
      return PreviewResult.failed(watch.failure(w.spec(), null), sql, millis(t0));
    }
    String id = null;
    if (p.hasMore()) {
      id = w.cursors().add(cursor);
    } else {
      cursor.close();
    }
    return new PreviewResult(
        cursor.columns(),
        p.rows(),
        p.hasMore(),
        p.truncated(),
        id,
        -1,
        sql,
        millis(t0),
        null,
        null);
  }

  /**
   * MariaDB's driver reads the rest of a streamed result when it is closed: stop the query first.
   * Not PostgreSQL: its cancel is asynchronous and could hit the connection's next query.
   */
  private static boolean drainsOnClose(ConnectionSpec spec) {
    return spec.sqlType().equals("mysql") || spec.sqlType().equals("mariadb");
  }

  static WarehouseError refusal(ReadOnlyCheck.Verdict v, boolean allowWrites) {
    return switch (v.kind()) {
      case EMPTY -> WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, "there is no SQL to run");
      case MULTIPLE ->
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY,
              "preview runs one statement; this SQL has more than one");
      case WRITE ->
          allowWrites
              ? null
              : WarehouseError.of(
                  ProblemCode.WAREHOUSE_NOT_A_QUERY,
                  "preview only runs queries, and this is "
                      + article(v.what())
                      + ": allow writes to run it");
      case SIDE_EFFECT ->
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY, "dbtls does not run this: " + v.what());
      default -> null;
    };
  }

  private static String article(String what) {
    return ("aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an " : "a ") + what;
  }

  /** Read-only where the driver can, and a transaction where streaming needs one. */
  static void prepare(Connection c, ConnectionSpec spec, boolean write) throws SQLException {
    switch (spec.readOnly()) {
      case CONNECTION -> c.setReadOnly(!write);
      case SQLITE_QUERY_ONLY -> {
        try (Statement s = c.createStatement()) {
          s.execute("pragma query_only = " + (write ? 0 : 1));
        }
      }
      default -> {}
    }
    if (spec.streamsInTransaction()) {
      c.setAutoCommit(write); // PostgreSQL streams with a fetch size only inside a transaction
    }
  }

  private static void maxRows(Statement st, long rows) {
    try {
      st.setMaxRows((int) Math.min(Integer.MAX_VALUE, rows));
    } catch (SQLException e) {
      // the wrapped limit already bounds the result
    }
  }

  static void close(Statement st, Connection c) {
    try {
      if (st != null) {
        st.close();
      }
    } catch (SQLException | RuntimeException e) {
      // closing the connection below is what matters
    }
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      // the pool checks it on return
    }
  }

  static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
