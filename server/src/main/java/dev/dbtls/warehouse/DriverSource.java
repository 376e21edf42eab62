package dev.dbtls.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over a driver instance (not DriverManager: a driver loaded from a jar by its own
 * class loader is invisible to it) that runs the target's init statements on each new connection.
 */
final class DriverSource implements DataSource {
  private final ConnectionSpec spec;

  DriverSource(ConnectionSpec spec) {
    this.spec = spec;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = spec.driver().connect(spec.url(), spec.properties());
    if (c == null) {
      throw new SQLException("the driver does not accept the URL " + JdbcTarget.where(spec.url()));
    }
    try (Statement s = c.createStatement()) {
      for (ConnectionSpec.Init init : spec.init()) {
        try {
          s.execute(init.sql());
        } catch (SQLException e) {
          if (init.required()) {
            throw e;
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from the profile");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return (int) Math.max(1, spec.connectTimeoutMs() / 1000);
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
