package dev.dbtls.warehouse;

import dev.dbtls.project.Adapter;
import dev.dbtls.project.ProblemCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Column profiles of a query computed by the warehouse, not by reading the rows: one aggregate
 * query for every column's nulls, distinct count, min and max, and one grouped query per column for
 * its top values. A column whose type has no min/max or distinct (JSON in PostgreSQL) gets what its
 * type allows. Never throws.
 */
public final class Profile {
  static final int TOP = 5;
  private static final String ALIAS = "dbtls_profile";

  private Profile() {}

  public static ProfileResult of(Warehouse warehouse, String sql, PreviewOptions options) {
    long t0 = System.nanoTime();
    PreviewOptions o = options == null ? PreviewOptions.defaults() : options;
    try {
      return compute(warehouse, sql, o, t0);
    } catch (RuntimeException e) {
      return ProfileResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY, "profile failed: " + e.getClass().getSimpleName()),
          Preview.millis(t0));
    }
  }

  static ProfileResult compute(Warehouse w, String sql, PreviewOptions o, long t0) {
    ReadOnlyCheck.Verdict v = ReadOnlyCheck.check(sql, w.sqlType(), w.fileAccess());
    if (v.kind() != ReadOnlyCheck.Kind.QUERY) {
      WarehouseError refused = Preview.refusal(v, false);
      return ProfileResult.failed(
          refused != null
              ? refused
              : WarehouseError.of(ProblemCode.WAREHOUSE_NOT_A_QUERY, "a profile needs a query"),
          Preview.millis(t0));
    }
    if (w.engine() != null) {
      return EngineProfile.run(w, v.sql(), o, t0);
    }
    ConnectionSpec spec = w.spec();
    Connection c;
    try {
      c = w.connection();
    } catch (SQLException e) {
      return ProfileResult.failed(ConnectFailure.of(spec, e), Preview.millis(t0));
    }
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      try {
        Preview.prepare(c, spec, false);
        // every statement in a transaction rolled back right after it: nothing it did stays, and
        // one failing aggregate does not abort the next one's transaction
        c.setAutoCommit(false);
        Query q = new Query(c, watch, spec.sqlType(), v.sql());
        List<String[]> columns = q.columns();
        long[] rows = {0};
        List<ColumnProfile> out = new ArrayList<>();
        for (String[] col : columns) {
          out.add(q.column(col[0], col[1], rows));
          if (watch.stopped()) {
            throw new SQLException("stopped");
          }
        }
        return new ProfileResult(rows[0], out, Preview.millis(t0), null);
      } catch (SQLException | RuntimeException e) {
        return ProfileResult.failed(watch.failure(spec, e), Preview.millis(t0));
      } finally {
        Preview.close(null, c);
      }
    }
  }

  /** The profile's statements over one connection. */
  private record Query(Connection c, QueryWatch watch, String sqlType, String sql) {

    List<String[]> columns() throws SQLException {
      try (Statement st = c.createStatement()) {
        watch.running(st);
        try (ResultSet rs = st.executeQuery(RowLimit.noRows(sqlType, sql, ALIAS))) {
          ResultSetMetaData md = rs.getMetaData();
          List<String[]> out = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(
                new String[] {
                  md.getColumnLabel(i),
                  ColumnTypes.normalize(md.getColumnType(i), md.getColumnTypeName(i))
                });
          }
          return out;
        }
      }
    }

    ColumnProfile column(String name, String type, long[] rows) throws SQLException {
      String q = Adapter.of(sqlType).quote(name);
      String from = " from (\n" + sql + "\n)" + RowLimit.alias(sqlType, ALIAS);
      Object[] agg =
          row(
              "select count(*), count("
                  + q
                  + "), count(distinct "
                  + q
                  + "), min("
                  + q
                  + "), max("
                  + q
                  + ")"
                  + from);
      if (agg == null) {
        agg =
            row("select count(*), count(" + q + "), count(distinct " + q + "), null, null" + from);
      }
      if (agg == null) {
        agg = row("select count(*), count(" + q + "), -1, null, null" + from);
      }
      if (agg == null) {
        throw new SQLException("cannot count the values of column " + name);
      }
      rows[0] = number(agg[0]);
      List<ColumnProfile.TopValue> top = top(q, from);
      return new ColumnProfile(
          name, type, number(agg[0]) - number(agg[1]), number(agg[2]), agg[3], agg[4], top);
    }

    private List<ColumnProfile.TopValue> top(String q, String from) throws SQLException {
      String grouped = "select " + q + ", count(*)" + from + " group by " + q;
      List<ColumnProfile.TopValue> out = values(limit(grouped + " order by 2 desc, 1"));
      return out != null ? out : values(limit(grouped + " order by 2 desc"));
    }

    private String limit(String ordered) {
      return switch (sqlType) {
        case "sqlserver" -> ordered.replaceFirst("^select ", "select top (" + TOP + ") ");
        case "oracle" -> ordered + " fetch first " + TOP + " rows only";
        default -> ordered + " limit " + TOP;
      };
    }

    private List<ColumnProfile.TopValue> values(String query) throws SQLException {
      List<ColumnProfile.TopValue> out = new ArrayList<>();
      boolean ok =
          each(
              query,
              rs ->
                  out.add(
                      new ColumnProfile.TopValue(
                          Values.read(
                              rs,
                              1,
                              rs.getMetaData().getColumnType(1),
                              rs.getMetaData().getColumnTypeName(1)),
                          number(rs.getObject(2)))));
      return ok ? out : null;
    }

    /** The first row's values as plain data, or null when the database refused the query. */
    private Object[] row(String query) throws SQLException {
      Object[][] first = new Object[1][];
      boolean ok =
          each(
              query,
              rs -> {
                if (first[0] == null) {
                  ResultSetMetaData md = rs.getMetaData();
                  Object[] vals = new Object[md.getColumnCount()];
                  for (int i = 0; i < vals.length; i++) {
                    vals[i] =
                        Values.read(
                            rs, i + 1, md.getColumnType(i + 1), md.getColumnTypeName(i + 1));
                  }
                  first[0] = vals;
                }
              });
      return ok ? first[0] : null;
    }

    private boolean each(String query, RowReader reader) throws SQLException {
      try {
        return eachInTransaction(query, reader);
      } finally {
        try {
          c.rollback();
        } catch (SQLException e) {
          // the connection is reset when it goes back to the pool
        }
      }
    }

    private boolean eachInTransaction(String query, RowReader reader) throws SQLException {
      try (Statement st = c.createStatement()) {
        watch.running(st);
        try (ResultSet rs = st.executeQuery(query)) {
          while (rs.next()) {
            reader.read(rs);
          }
          return true;
        }
      } catch (SQLException e) {
        if (watch.stopped()) {
          throw e;
        }
        return false;
      }
    }
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static long number(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    try {
      return o == null ? 0 : Long.parseLong(String.valueOf(o));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
