package dev.dbtls.store.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** {@link RowSource} over a JDBC {@link ResultSet}: columns from its metadata. */
final class ResultSetRows implements RowSource {
  private final ResultSet rs;
  private final List<ExportColumn> columns;

  ResultSetRows(ResultSet rs) throws SQLException {
    this.rs = rs;
    ResultSetMetaData md = rs.getMetaData();
    List<ExportColumn> cols = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      cols.add(
          new ExportColumn(
              md.getColumnLabel(i),
              ColumnType.ofJdbc(md.getColumnType(i), md.getColumnTypeName(i)),
              md.getPrecision(i),
              md.getScale(i)));
    }
    this.columns = List.copyOf(cols);
  }

  @Override
  public List<ExportColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    return rs.next();
  }

  @Override
  public Object value(int index) throws SQLException {
    if (columns.get(index).type() == ColumnType.TIMESTAMP_TZ) {
      try {
        return rs.getObject(index + 1, OffsetDateTime.class);
      } catch (SQLException | RuntimeException e) {
        // a driver that cannot convert: take what it has
      }
    }
    return rs.getObject(index + 1);
  }
}
