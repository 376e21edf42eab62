package dev.dbtls.warehouse;

import java.sql.SQLException;
import java.util.List;

/** {@link Databases} for tests in other packages (the golden plans of the command line). */
public final class DatabasesAccess {
  public static final String PG_URL = Databases.PG_URL;
  public static final String MARIADB_URL = Databases.MARIADB_URL;

  private DatabasesAccess() {}

  /** Skips the test when no server answers on the port (fails under DBTLS_REQUIRE_DATABASES). */
  public static void requireServer(int port) {
    Databases.requireServer(port);
  }

  public static String unique(String prefix) {
    return Databases.unique(prefix);
  }

  public static void exec(String url, String user, List<String> statements) throws SQLException {
    Databases.exec(url, user, statements);
  }
}
