package dev.dbtls.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where one variant's runs go: its own connection (from the pool, a sandbox transaction, or an
 * in-memory DuckDB copy) and a label saying which. A pooled connection ends its read-only
 * transaction after each run; a sandbox keeps its one transaction until {@link #close()}, which
 * always rolls back before the connection is closed or given back.
 */
final class Lane implements AutoCloseable {
  final Variant variant;
  final Connection connection;

  /** Null: the warehouse itself. */
  final String sandbox;

  private final boolean transactionPerRun;
  private final String onClose;

  Lane(
      Variant variant,
      Connection connection,
      String sandbox,
      boolean transactionPerRun,
      String onClose) {
    this.variant = variant;
    this.connection = connection;
    this.sandbox = sandbox;
    this.transactionPerRun = transactionPerRun;
    this.onClose = onClose;
  }

  /** A variant run through the warehouse's client-library engine: no connection to hold. */
  static Lane onEngine(Variant variant) {
    return new Lane(variant, null, null, false, null);
  }

  /** Ends a pooled connection's read transaction; a sandbox's transaction goes on. */
  void afterRun() throws SQLException {
    if (connection != null && transactionPerRun && !connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  /** Rolls back whatever the connection did, then closes it (or gives it back); never throws. */
  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException | RuntimeException e) {
      // closing below ends the transaction too
    }
    if (onClose != null) {
      try (Statement s = connection.createStatement()) {
        s.execute(onClose);
      } catch (SQLException | RuntimeException e) {
        // the session setting dies with the connection at the latest
      }
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // nothing more to do
    }
  }
}
