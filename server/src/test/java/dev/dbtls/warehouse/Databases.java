package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbtls.project.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real database servers of this machine (PostgreSQL on 5432, MariaDB on 3306; `.ci/run` starts
 * them). A test skips when its server does not answer, unless DBTLS_REQUIRE_DATABASES is set (as
 * `.ci/run` does), where it fails instead.
 */
public final class Databases {
  public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

  private Databases() {}

  public static void requireServer(int port) {
    boolean up = answers("127.0.0.1", port);
    if (!up && System.getenv("DBTLS_REQUIRE_DATABASES") != null) {
      throw new AssertionError("no database server answers on 127.0.0.1:" + port);
    }
    assumeTrue(up, "no database server on 127.0.0.1:" + port);
  }

  public static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Runs setup statements outside dbtls, as dbt would have. */
  public static void exec(String url, String user, List<String> statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /**
   * Waits (at most 30 s) until the database runs a statement whose text holds {@code marker}, as
   * its own activity view shows it (PostgreSQL's {@code pg_stat_activity}, MariaDB's process list):
   * a test that cancels a query knows it is running there.
   */
  public static void awaitRunning(String url, String user, String marker) throws Exception {
    String sql =
        url.startsWith("jdbc:postgresql:")
            ? "select count(*) from pg_stat_activity where state = 'active'"
                + " and pid <> pg_backend_pid() and query like ?"
            : "select count(*) from information_schema.processlist where command = 'Query'"
                + " and id <> connection_id() and info like ?";
    try (Connection c = DriverManager.getConnection(url, user, "");
        java.sql.PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, "%" + marker + "%");
      dev.dbtls.testing.Eventually.await(
          java.time.Duration.ofSeconds(30),
          () -> {
            try (java.sql.ResultSet rs = s.executeQuery()) {
              return rs.next() && rs.getLong(1) > 0;
            }
          },
          () -> "the database never ran a statement with " + marker);
    }
  }

  public static Target target(String name, Object... keyValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Target.of(name, "test_profile", fields);
  }

  public static Warehouse open(Target t, Path dir) {
    Warehouse.Opened o = Warehouse.open(t, dir);
    if (!o.ok()) {
      throw new AssertionError(o.error());
    }
    return o.warehouse();
  }

  public static PreviewResult ok(PreviewResult r) {
    if (!r.ok()) {
      throw new AssertionError(r.error());
    }
    return r;
  }

  /** "orders table [id:INT64:integer, …]": a catalog relation's name, kind and typed columns. */
  public static String described(WarehouseCatalog.Relation r) {
    return r.name()
        + " "
        + r.kind()
        + " "
        + r.columns().stream()
            .map(col -> col.name() + ":" + col.databaseType() + ":" + col.type())
            .toList();
  }
}
