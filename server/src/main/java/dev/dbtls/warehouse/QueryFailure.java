package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import java.sql.SQLException;

/** A failed query as one message: cancelled, timed out, or the database's own words. */
final class QueryFailure {
  private QueryFailure() {}

  static WarehouseError of(
      ConnectionSpec spec, Throwable t, boolean cancelled, boolean timedOut, int timeoutSeconds) {
    if (cancelled) {
      return WarehouseError.of(ProblemCode.WAREHOUSE_CANCELLED, "query cancelled");
    }
    if (timedOut || t instanceof java.sql.SQLTimeoutException || "57014".equals(state(t))) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_TIMEOUT,
          "query timed out after " + timeoutSeconds + " s on " + spec);
    }
    if (lostConnection(t)) {
      return ConnectFailure.of(spec, t);
    }
    Throwable root = ConnectFailure.deepestSql(t);
    return WarehouseError.of(
        ProblemCode.WAREHOUSE_QUERY,
        spec.kind()
            + " target '"
            + spec.targetName()
            + "': "
            + spec.scrub(ConnectFailure.oneLine(root.getMessage())));
  }

  private static String state(Throwable t) {
    return t instanceof SQLException s ? s.getSQLState() : null;
  }

  /** SQLSTATE class 08: the connection failed, not the query. */
  private static boolean lostConnection(Throwable t) {
    String s = state(t);
    return s != null && s.startsWith("08");
  }
}
