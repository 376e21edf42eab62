package dev.dbtls.warehouse;

import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A target opened for writing, for a build ({@code dbtls run}, {@code build}, {@code seed}): the
 * same driver, credentials and session settings as the read-only previews, without their read-only
 * guards — a DuckDB file opened for writing (created when missing, as dbt creates it), PostgreSQL
 * without its read-only mode. One connection per build thread, each in its own transaction.
 * Preview, explain and benchmark never use it.
 */
public final class BuildTarget implements AutoCloseable {
  /** The warehouses the native runner builds on. */
  public static final Set<String> KINDS =
      Set.of("duckdb", "postgres", "mysql", "mariadb", "sqlite");

  /** A build target, or why there is none. */
  public record Opened(BuildTarget target, WarehouseError error) {
    public boolean ok() {
      return target != null;
    }
  }

  private final ConnectionSpec spec;
  private final DriverSource source;

  private BuildTarget(ConnectionSpec spec) {
    this.spec = spec;
    this.source = new DriverSource(spec);
  }

  /**
   * Whether the target is a DuckDB database in memory: what a build writes there lives only as long
   * as the build (the previews have a memory database of their own).
   */
  public static boolean inMemory(Target target) {
    if (!target.type().equalsIgnoreCase("duckdb")) {
      return false;
    }
    Object path = target.fields().get("path");
    return path == null || String.valueOf(path).startsWith(":memory:");
  }

  /** Opens the target for writing and proves a connection works. */
  public static Opened open(Target target, Path projectDir) {
    String type = target.type().toLowerCase(Locale.ROOT);
    if (!KINDS.contains(type)) {
      return new Opened(
          null,
          ConnectFailure.invalid(
              target.type(),
              target.name(),
              "dbtls builds natively on duckdb, postgres, mysql, mariadb and sqlite; build "
                  + type
                  + " targets with dbt"));
    }
    ConnectionSpec spec;
    try {
      TargetFields fields = new TargetFields(target, projectDir.toAbsolutePath().normalize());
      spec =
          writable(
              switch (type) {
                case "duckdb" -> DuckDbTarget.spec(fields, true);
                case "sqlite" -> SqliteTarget.spec(fields, true);
                default -> Warehouse.spec(fields);
              });
    } catch (IllegalArgumentException e) {
      return new Opened(null, ConnectFailure.invalid(target.type(), target.name(), e.getMessage()));
    }
    BuildTarget built = new BuildTarget(spec);
    try (Connection probe = built.source.getConnection()) {
      probe.isValid(1);
    } catch (SQLException | RuntimeException e) {
      built.close();
      return new Opened(null, ConnectFailure.of(spec, e));
    }
    return new Opened(built, null);
  }

  /** The spec without the previews' read-only guards (a DuckDB file is opened for writing). */
  private static ConnectionSpec writable(ConnectionSpec s) {
    Properties props = new Properties();
    props.putAll(s.properties());
    if (s.kind().equals("postgres")) {
      props.remove("readOnlyMode");
    }
    return new ConnectionSpec(
        s.kind(),
        s.sqlType(),
        s.targetName(),
        s.where(),
        s.user(),
        s.driver(),
        s.url(),
        props,
        s.init(),
        ConnectionSpec.ReadOnly.NONE,
        s.streamsInTransaction(),
        s.maxPoolSize(),
        s.minIdle(),
        s.connectTimeoutMs(),
        s.secrets(),
        s.resources());
  }

  /** A new connection in manual-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    Connection c = source.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** The adapter whose SQL the database speaks. */
  public String sqlType() {
    return spec.sqlType();
  }

  /** A database message without any credential of the profile. */
  public String scrub(String message) {
    return spec.scrub(message);
  }

  @Override
  public String toString() {
    return spec.toString();
  }

  @Override
  public void close() {
    if (spec.resources() != null) {
      try {
        spec.resources().close();
      } catch (Exception e) {
        // nothing left to release
      }
    }
  }
}
