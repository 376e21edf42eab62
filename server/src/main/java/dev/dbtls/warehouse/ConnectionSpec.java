package dev.dbtls.warehouse;

import java.sql.Driver;
import java.util.List;
import java.util.Properties;

/**
 * How to open connections to one target: a driver, its URL and properties (credentials inside,
 * never printed: see {@link #toString()}), statements to run on each new connection, and what the
 * driver offers for read-only work and streaming.
 *
 * @param kind warehouse kind as the profile names it (duckdb, postgres, sqlite, mysql, jdbc)
 * @param sqlType adapter type whose SQL the database speaks (row limit, quoting, parser dialect)
 * @param where host:port/database or the database file, for messages
 * @param secrets values that must never appear in a message (passwords, tokens)
 * @param resources closed with the pool (a driver jar's class loader)
 */
record ConnectionSpec(
    String kind,
    String sqlType,
    String targetName,
    String where,
    String user,
    Driver driver,
    String url,
    Properties properties,
    List<Init> init,
    ReadOnly readOnly,
    boolean streamsInTransaction,
    int maxPoolSize,
    int minIdle,
    long connectTimeoutMs,
    List<String> secrets,
    AutoCloseable resources) {

  /** How a connection is kept from writing. */
  enum ReadOnly {
    /** {@code Connection.setReadOnly} (PostgreSQL, MariaDB/MySQL). */
    CONNECTION,
    /** SQLite's {@code pragma query_only} per connection. */
    SQLITE_QUERY_ONLY,
    /** The database file is opened read-only (DuckDB files). */
    DATABASE,
    /** Nothing beyond refusing statements that are not queries (in-memory DuckDB, generic JDBC). */
    NONE
  }

  /** A statement run on every new connection; one that is not required may fail quietly. */
  record Init(String sql, boolean required) {}

  /** Kind, target and place only: the properties hold credentials. */
  @Override
  public String toString() {
    return kind + " target '" + targetName + "' at " + where;
  }

  /** The message with every secret value replaced. */
  String scrub(String message) {
    String m = message == null ? "" : message;
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        m = m.replace(s, "***");
      }
    }
    return m.replaceAll("(?i)(password|pwd|secret|token)=[^&;\\s)]*", "$1=***");
  }
}
