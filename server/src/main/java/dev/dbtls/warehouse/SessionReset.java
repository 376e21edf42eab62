package dev.dbtls.warehouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A pooled connection goes back to the pool as it came: when the caller closes it, an open
 * transaction is rolled back, and the session's state is reset — PostgreSQL {@code DISCARD ALL}
 * (session settings, temporary tables, prepared statements, advisory locks), Redshift {@code RESET
 * ALL} (settings), MariaDB/MySQL {@code RELEASE_ALL_LOCKS()} — and then the target's own session
 * setup is run again (a profile's {@code role}: {@code DISCARD ALL} resets the role to the login
 * user's). What one preview did to its session (a lock taken by a function dbtls could not know, a
 * {@code set}) can never reach the next one. A connection whose reset fails is evicted from the
 * pool instead of given back.
 */
final class SessionReset {
  private SessionReset() {}

  /** {@code pooled} that resets its session when closed; {@code evict} takes it out of the pool. */
  static Connection wrap(
      Connection pooled, ConnectionSpec spec, java.util.function.Consumer<Connection> evict) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            if (!reset(pooled, spec)) {
              evict.accept(
                  pooled); // a connection that could not be reset never serves another query
            }
            pooled.close();
            return null;
          }
          if (method.getName().equals("unwrap")
              && args != null
              && args.length == 1
              && ((Class<?>) args[0]).isInstance(pooled)) {
            return pooled;
          }
          try {
            return method.invoke(pooled, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            SessionReset.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  /** Whether the session is clean again. */
  private static boolean reset(Connection c, ConnectionSpec spec) {
    String sqlType = spec.sqlType();
    try {
      if (c.isClosed()) {
        return true;
      }
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      String sql =
          switch (sqlType) {
            case "postgres" -> "discard all";
            // Redshift has no DISCARD; RESET ALL puts every setting back
            case "redshift" -> "reset all";
            case "mysql", "mariadb" -> "do release_all_locks()";
            default -> null;
          };
      if (sql != null) {
        c.setAutoCommit(true); // DISCARD ALL cannot run inside a transaction
        try (Statement st = c.createStatement()) {
          st.execute(sql);
          for (ConnectionSpec.Init init : spec.init()) {
            try {
              st.execute(init.sql());
            } catch (SQLException e) {
              if (init.required()) {
                return false;
              }
            }
          }
        }
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
