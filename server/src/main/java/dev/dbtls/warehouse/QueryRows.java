package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a running query, read forward once as the engine delivers them: a JDBC result ({@link
 * JdbcRows}) or an engine client's pages. Previews page through it ({@link PreviewCursor}); {@link
 * #running} stops the query in the warehouse from another thread. An engine's failure while reading
 * is a {@link SQLException} or unchecked.
 */
public interface QueryRows extends AutoCloseable {
  /** The result's columns, named and typed as the engine names them. */
  List<PreviewColumn> columns();

  /** Moves to the next row; false after the last. */
  boolean next() throws SQLException;

  /** The value of column {@code index} (0-based) of the current row, as the grid shows it. */
  Object value(int index) throws SQLException;

  /** What stops the query in the warehouse. */
  RunningQuery running();

  /** Releases what the rows hold (a statement, a pooled connection); never throws. */
  @Override
  void close();
}
