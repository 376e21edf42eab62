package dev.dbtls.store.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * Rows to export, read once, forward only, like a JDBC cursor. The caller owns the source (and
 * closes it); {@link Export} only reads it.
 */
public interface RowSource {
  List<ExportColumn> columns();

  /** Moves to the next row; false after the last. */
  boolean next() throws Exception;

  /** The value of column {@code index} (0-based) of the current row; null for SQL NULL. */
  Object value(int index) throws Exception;

  /** A JDBC result, streamed as the driver fetches it. */
  static RowSource of(ResultSet rs) throws SQLException {
    return new ResultSetRows(rs);
  }

  /** Rows from an iterator, each a list of values in column order. */
  static RowSource of(List<ExportColumn> columns, Iterator<? extends List<?>> rows) {
    return new IteratorRows(columns, rows);
  }
}
