package dev.dbtls.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One target's pool of connections (HikariCP), opened from a profile {@link Target}. Connecting is
 * checked once when opening, so that a wrong password or an unreachable host is one clear {@link
 * WarehouseError} at once rather than a pool timeout later. Keeps the previews' open {@link
 * PreviewCursors}; closing the warehouse closes them and the pool.
 */
public final class Warehouse implements AutoCloseable {
  /** A warehouse, or why there is none. */
  public record Opened(Warehouse warehouse, WarehouseError error) {
    public boolean ok() {
      return warehouse != null;
    }
  }

  private final ConnectionSpec spec;

  /** The pool of a JDBC target; null for an engine reached through its client library. */
  private final HikariDataSource pool;

  /** The engine of a client-library target (BigQuery); null for JDBC. */
  private final ClientEngine engine;

  private final PreviewCursors cursors = new PreviewCursors();
  private final Path projectDir;

  /**
   * {@code dbtls.warehouse.allowFileReads}: file functions may read any file, not only the
   * project's.
   */
  private volatile boolean anyFile;

  private Warehouse(
      ConnectionSpec spec, HikariDataSource pool, ClientEngine engine, Path projectDir) {
    this.spec = spec;
    this.pool = pool;
    this.engine = engine;
    this.projectDir = projectDir;
  }

  /** {@code dbtls.warehouse.maxBytesScanned} (0: no limit of the user's). */
  private volatile long maxBytesScanned;

  /** The most bytes a preview may scan where the engine bills by bytes (0: no limit). */
  public void maxBytesScanned(long bytes) {
    this.maxBytesScanned = Math.max(0, bytes);
  }

  /** {@code dbtls.warehouse.maxBytesScanned}; 0: no limit of the user's. */
  public long maxBytesScanned() {
    return maxBytesScanned;
  }

  /** Which files SQL on this warehouse may read ({@link ReadOnlyCheck}). */
  public FileAccess fileAccess() {
    return new FileAccess(projectDir, anyFile);
  }

  /** Whether file functions may read any file (the user's setting), or only the project's. */
  public void allowFileReads(boolean any) {
    this.anyFile = any;
  }

  /** Opens a pool for the target; relative file paths are read from {@code projectDir}. */
  public static Opened open(Target target, Path projectDir) {
    if (target.type().equalsIgnoreCase("bigquery")) {
      return openEngine(target, projectDir.toAbsolutePath().normalize());
    }
    ConnectionSpec spec;
    try {
      spec = spec(new TargetFields(target, projectDir.toAbsolutePath().normalize()));
    } catch (IllegalArgumentException e) {
      return new Opened(null, ConnectFailure.invalid(target.type(), target.name(), e.getMessage()));
    } catch (RuntimeException | LinkageError e) {
      return new Opened(
          null,
          ConnectFailure.invalid(
              target.type(),
              target.name(),
              "the driver cannot be loaded (" + e.getClass().getSimpleName() + ")"));
    }
    DriverSource source = new DriverSource(spec);
    try (Connection probe = source.getConnection()) {
      check(probe, spec);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(spec.resources());
      return new Opened(null, ConnectFailure.of(spec, e));
    }
    try {
      return new Opened(
          new Warehouse(
              spec,
              new HikariDataSource(config(spec, source)),
              null,
              projectDir.toAbsolutePath().normalize()),
          null);
    } catch (RuntimeException e) {
      closeQuietly(spec.resources());
      return new Opened(null, ConnectFailure.of(spec, e));
    }
  }

  /**
   * A BigQuery target: its settings read from the profile, the engine loaded with Google's client
   * library, and a dry run to prove that it signs in and reaches the project.
   */
  private static Opened openEngine(Target target, Path projectDir) {
    BigQuerySettings settings;
    ClientEngine engine;
    try {
      settings = BigQueryTarget.settings(new TargetFields(target, projectDir));
      engine = EngineLoader.open("bigquery", "BigQueryEngine", settings);
    } catch (IllegalArgumentException e) {
      return new Opened(null, ConnectFailure.invalid(target.type(), target.name(), e.getMessage()));
    }
    ConnectionSpec spec = BigQueryTarget.spec(settings, engine);
    try {
      engine.check();
    } catch (SQLException | RuntimeException e) {
      engine.close();
      return new Opened(null, ConnectFailure.of(spec, e));
    }
    return new Opened(new Warehouse(spec, null, engine, projectDir), null);
  }

  /** A warehouse over an engine made elsewhere (tests: an engine pointed at a local endpoint). */
  static Warehouse withEngine(ConnectionSpec spec, ClientEngine engine, Path projectDir) {
    return new Warehouse(spec, null, engine, projectDir);
  }

  /**
   * Proves the connection reaches the database. Trino's driver connects lazily (a connection is
   * only settings until a query runs), so there a first query is what tells a wrong host or
   * password.
   */
  private static void check(Connection probe, ConnectionSpec spec) throws SQLException {
    if (spec.kind().equals("trino")) {
      try (java.sql.Statement s = probe.createStatement()) {
        s.setQueryTimeout((int) Math.max(1, spec.connectTimeoutMs() / 1000));
        s.execute("select 1");
      }
    } else {
      probe.isValid(1);
    }
  }

  static ConnectionSpec spec(TargetFields f) {
    String type = f.target().type().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "duckdb" -> DuckDbTarget.spec(f);
      case "postgres" -> PostgresTarget.spec(f);
      case "sqlite" -> SqliteTarget.spec(f);
      case "mysql", "mariadb" -> MySqlTarget.spec(f, type);
      case "jdbc" -> JdbcTarget.spec(f);
      case "trino" -> TrinoTarget.spec(f);
      case "redshift" -> RedshiftTarget.spec(f);
      case "snowflake" -> SnowflakeTarget.spec(f);
      case "databricks" -> DatabricksTarget.spec(f);
      default ->
          throw new IllegalArgumentException(
              "dbtls does not connect to "
                  + type
                  + " yet (it connects to duckdb, postgres, bigquery, snowflake, databricks, redshift, trino, mysql,"
                  + " mariadb and sqlite); use a 'type: jdbc' target with 'url', 'driver' and"
                  + " 'driver_path'");
    };
  }

  private static HikariConfig config(ConnectionSpec spec, DriverSource source) {
    HikariConfig c = new HikariConfig();
    c.setPoolName(
        "dbtls-" + spec.kind() + "-" + spec.targetName().replaceAll("[^A-Za-z0-9_-]", "_"));
    c.setDataSource(source);
    c.setMaximumPoolSize(spec.maxPoolSize());
    c.setMinimumIdle(spec.minIdle());
    c.setConnectionTimeout(spec.connectTimeoutMs() + 1000);
    c.setInitializationFailTimeout(-1);
    // Hikari sets its read-only default on each new connection; DuckDB refuses a change
    c.setReadOnly(spec.readOnly() == ConnectionSpec.ReadOnly.DATABASE);
    if (spec.minIdle() > 0) {
      c.setIdleTimeout(0);
      c.setMaxLifetime(0);
    } else {
      // idle connections go soon: an open DuckDB file blocks a `dbt run` in another process
      c.setIdleTimeout(10_000);
    }
    return c;
  }

  /** A connection from the pool; closing it gives it back. */
  public Connection connection() throws SQLException {
    if (pool == null) {
      throw new SQLException(noJdbc(), "0A000");
    }
    return SessionReset.wrap(pool.getConnection(), spec, pool::evictConnection);
  }

  /**
   * A connection from the pool made ready to read as previews read: read-only where the driver can,
   * and (PostgreSQL) inside a transaction so that a fetch size streams. The caller ends the
   * transaction it opened and closes the connection, which gives it back.
   */
  public Connection readingConnection() throws SQLException {
    Connection c = connection();
    try {
      Preview.prepare(c, spec, false);
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * One dedicated connection outside the pool, opened as the profile says (init statements
   * included) but NOT made read-only: for a benchmark's sandbox, whose writes stay inside one
   * transaction that is always rolled back. The caller closes it. A DuckDB file stays read-only
   * (the file itself is opened so); a sandbox there copies the data instead.
   */
  public Connection sandboxConnection() throws SQLException {
    if (pool == null) {
      throw new SQLException(noJdbc(), "0A000");
    }
    Connection c = new DriverSource(spec).getConnection();
    try {
      if (spec.readOnly() == ConnectionSpec.ReadOnly.CONNECTION) {
        c.setReadOnly(false);
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  ConnectionSpec spec() {
    return spec;
  }

  /** The engine of a client-library target (BigQuery); null when it is reached through JDBC. */
  public ClientEngine engine() {
    return engine;
  }

  private String noJdbc() {
    return "dbtls reaches "
        + spec.kind()
        + " through its client library, not JDBC, and this runs only on a JDBC connection";
  }

  PreviewCursors cursors() {
    return cursors;
  }

  /** The profile's target name. */
  public String targetName() {
    return spec.targetName();
  }

  /** duckdb, postgres, sqlite, mysql, mariadb or jdbc. */
  public String kind() {
    return spec.kind();
  }

  /** The adapter type whose SQL the database speaks (for the generic target: from its URL). */
  public String sqlType() {
    return spec.sqlType();
  }

  /** host:port or the database file: where the target is, without credentials. */
  public String where() {
    return spec.where();
  }

  /** Closes open cursors and the pool; never throws. */
  @Override
  public void close() {
    cursors.close();
    try {
      if (pool != null) {
        pool.close();
      }
    } catch (RuntimeException e) {
      // closing is best effort
    }
    closeQuietly(spec.resources());
  }

  @Override
  public String toString() {
    return spec.toString();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // nothing to do
      }
    }
  }
}
