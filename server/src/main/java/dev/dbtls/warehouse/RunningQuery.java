package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Work running on a warehouse that another thread may stop: a JDBC statement ({@link #of}), or a
 * job an engine's own client runs. Stopping asks the warehouse to end the work (not only the client
 * to stop reading); it never throws, also when the work already ended.
 */
@FunctionalInterface
public interface RunningQuery {
  void stop();

  /** A statement, stopped with the driver's {@code Statement.cancel()}. */
  static RunningQuery of(Statement s) {
    return () -> {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        // the query ended on its own, or the driver cannot cancel: nothing more to do
      }
    };
  }
}
