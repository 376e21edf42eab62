package dev.dbtls.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A variant's sandbox on PostgreSQL: a dedicated connection outside the pool, one transaction with
 * a lock timeout (so the setup never queues behind a long write) and a statement timeout, the setup
 * run inside it, and then the variant's runs on the same connection. Other sessions, the baseline's
 * included, do not see the uncommitted index. The transaction is always rolled back ({@link
 * Lane#close()}), so the index never exists outside the benchmark.
 */
final class PostgresSandbox {
  static final String LABEL = "sandbox: PostgreSQL transaction, rolled back";
  static final int LOCK_TIMEOUT_MS = 5_000;

  private PostgresSandbox() {}

  static Lane open(Watched sql, Variant variant) throws Failure {
    sql.stopIfCancelled();
    Connection c;
    try {
      c = sql.warehouse().sandboxConnection();
    } catch (SQLException e) {
      throw sql.failed(e);
    }
    Lane lane = new Lane(variant, c, LABEL, false, null);
    try {
      c.setAutoCommit(false);
      sql.execute(c, "set local lock_timeout = " + LOCK_TIMEOUT_MS);
      sql.execute(c, "set local statement_timeout = " + sql.seconds() * 1000L);
      for (String setup : variant.sandboxSetup()) {
        sql.execute(c, setup);
      }
      return lane;
    } catch (SQLException | RuntimeException e) {
      lane.close();
      throw sql.failed(e);
    } catch (Failure f) {
      lane.close();
      throw f;
    }
  }
}
