package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed connection attempt into one sentence: which target, where, what failed. */
final class ConnectFailure {
  private static final Pattern DUCKDB_LOCK =
      Pattern.compile(
          "Could not set lock on file \"([^\"]+)\".*?held in (\\S+) \\(PID (\\d+)\\)",
          Pattern.DOTALL);

  private ConnectFailure() {}

  static WarehouseError of(ConnectionSpec spec, Throwable t) {
    return WarehouseError.of(
        ProblemCode.WAREHOUSE_CONNECT,
        "cannot connect to " + spec + ": " + spec.scrub(what(spec, t)));
  }

  /** A target whose profile fields cannot make a connection. */
  static WarehouseError invalid(String type, String target, String why) {
    return WarehouseError.of(
        ProblemCode.WAREHOUSE_TARGET,
        "cannot connect to " + type + " target '" + target + "': " + why);
  }

  private static String what(ConnectionSpec spec, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException) {
        String missing = String.valueOf(c.getMessage()).replace('/', '.');
        return "the driver needs the class "
            + missing
            + ", which is not beside it"
            + (spec.kind().equals("redshift")
                ? " (IAM sign-in needs the AWS SDK for Java and Jackson: list them in"
                    + " 'driver_path' beside the Redshift driver, or leave 'driver_path' out for"
                    + " the bundled ones)"
                : " (list the jars it needs in 'driver_path')");
      }
      if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
        String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("no route") ? "no route to host" : "connection refused";
      }
      if (c instanceof UnknownHostException) {
        return "unknown host " + c.getMessage();
      }
      if (c instanceof SocketTimeoutException) {
        return "no answer within " + spec.connectTimeoutMs() / 1000 + " s (connect_timeout)";
      }
    }
    Throwable root = deepestSql(t);
    String m = oneLine(root.getMessage());
    // drivers that speak HTTP (Databricks, Snowflake) may keep the cause only in their message
    String all = String.valueOf(root.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (all.contains("connection refused")) {
      return "connection refused";
    }
    if (all.contains("unknownhostexception") || all.contains("name or service not known")) {
      return "unknown host";
    }
    Matcher lock = DUCKDB_LOCK.matcher(String.valueOf(root.getMessage()));
    if (lock.find()) {
      return "database file "
          + lock.group(1)
          + " is locked by another process ("
          + lock.group(2).replaceAll(".*/", "")
          + ", PID "
          + lock.group(3)
          + "); DuckDB allows one writing process or many readers";
    }
    if (m.toLowerCase(java.util.Locale.ROOT).contains("timed out")
        || m.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      return "no answer within " + spec.connectTimeoutMs() / 1000 + " s (connect_timeout)";
    }
    Throwable cause = root.getCause();
    if (cause != null && !(cause instanceof SQLException) && cause.getMessage() != null) {
      return m + " (" + oneLine(cause.getMessage()) + ")";
    }
    return m;
  }

  /** The innermost SQLException (the driver's own words), or the outermost throwable. */
  static Throwable deepestSql(Throwable t) {
    Throwable best = t;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException) {
        best = c;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return best;
  }

  /** A driver's message without its decorations: first line, no "FATAL:", no "(conn=12)". */
  static String oneLine(String message) {
    String m = message == null ? "unknown error" : message.strip();
    // DuckDB puts its own words after a generic first line
    int inner = m.indexOf("pending query result\nError: ");
    if (inner >= 0) {
      m = m.substring(inner + "pending query result\nError: ".length());
    }
    int nl = m.indexOf('\n');
    if (nl > 0) {
      m = m.substring(0, nl).strip();
    }
    m =
        m.replaceFirst("^\\(conn=\\d+\\)\\s*", "")
            .replaceFirst("^(FATAL|ERROR):\\s*", "")
            .replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    return m.isEmpty() ? "unknown error" : m;
  }
}
