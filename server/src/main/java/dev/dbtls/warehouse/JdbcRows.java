package dev.dbtls.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC result as {@link QueryRows}: the driver streams it (fetch size); closing closes the
 * result, its statement and its connection (which goes back to the pool).
 */
final class JdbcRows implements QueryRows {
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final int[] sqlTypes;
  private final String[] databaseTypes;
  private final List<PreviewColumn> columns;

  JdbcRows(Connection connection, Statement statement, ResultSet rows) throws SQLException {
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
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

  @Override
  public List<PreviewColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    return rows.next();
  }

  @Override
  public Object value(int index) throws SQLException {
    return Values.read(rows, index + 1, sqlTypes[index], databaseTypes[index]);
  }

  /** The statement the rows come from (tests read its fetch size). */
  Statement statement() {
    return statement;
  }

  @Override
  public RunningQuery running() {
    return RunningQuery.of(statement);
  }

  @Override
  public void close() {
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
