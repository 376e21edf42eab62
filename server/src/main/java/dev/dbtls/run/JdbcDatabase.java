package dev.dbtls.run;

import dev.dbtls.jinja.Database;
import dev.dbtls.sql.SqlDialect;
import dev.dbtls.sql.SqlLexer;
import dev.dbtls.sql.SqlToken;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A build thread's connection as the materializations see it ({@link Database}): statements run one
 * at a time (a text of several is split where the SQL has its semicolons), relations and columns
 * are read from the driver's metadata, everything in one transaction per node until a commit. Each
 * statement is told to {@code running} first, so that a cancel can stop it in the database.
 */
final class JdbcDatabase implements Database {
  /** The most rows a fetched result keeps (introspective queries, not data). */
  static final int MAX_ROWS = 100_000;

  private final Connection connection;
  private final SqlDialect dialect;
  private final String adapterType;
  private final Consumer<Statement> running;
  private final java.util.function.UnaryOperator<String> scrub;

  private final java.util.concurrent.atomic.LongAdder nanos;

  JdbcDatabase(
      Connection connection,
      String adapterType,
      Consumer<Statement> running,
      java.util.function.UnaryOperator<String> scrub) {
    this(connection, adapterType, running, scrub, new java.util.concurrent.atomic.LongAdder());
  }

  /** With {@code nanos}: the time of every call to the database is added there. */
  JdbcDatabase(
      Connection connection,
      String adapterType,
      Consumer<Statement> running,
      java.util.function.UnaryOperator<String> scrub,
      java.util.concurrent.atomic.LongAdder nanos) {
    this.nanos = nanos;
    this.connection = connection;
    this.adapterType = adapterType;
    this.dialect = SqlDialect.of(adapterType).orElse(SqlDialect.of("postgres").orElseThrow());
    this.running = running == null ? s -> {} : running;
    this.scrub = scrub == null ? m -> m : scrub;
  }

  @Override
  public Result execute(String sql, boolean fetch) {
    long t0 = System.nanoTime();
    try {
      return executeAll(sql, fetch);
    } finally {
      nanos.add(System.nanoTime() - t0);
    }
  }

  private Result executeAll(String sql, boolean fetch) {
    List<String> statements = split(sql);
    Result last = new Result(List.of(), List.of(), -1, "");
    for (String one : statements) {
      last = executeOne(one, fetch);
    }
    return last;
  }

  private Result executeOne(String sql, boolean fetch) {
    try (Statement s = connection.createStatement()) {
      running.accept(s);
      boolean rows = s.execute(sql);
      String code = verb(sql);
      if (rows) {
        try (ResultSet rs = s.getResultSet()) {
          return fetch ? read(rs, code) : new Result(List.of(), List.of(), -1, code);
        }
      }
      return new Result(List.of(), List.of(), s.getUpdateCount(), code);
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      running.accept(null);
    }
  }

  private Result read(ResultSet rs, String code) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(md.getColumnLabel(i));
      types.add(md.getColumnTypeName(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rows.size() < MAX_ROWS && rs.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        row.add(python(rs.getObject(i)));
      }
      rows.add(row);
    }
    return new Result(columns, types, rows, rows.size(), code);
  }

  /** A JDBC value as templates compare it: whole numbers as longs, decimals kept exact. */
  private static Object python(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof java.sql.Array || v instanceof java.sql.Struct || v instanceof java.sql.Blob) {
      return String.valueOf(v);
    }
    return v;
  }

  @Override
  public long insert(String insertSql, int columns, List<List<Object>> rows) {
    long t0 = System.nanoTime();
    try {
      return insertAll(insertSql, columns, rows);
    } finally {
      nanos.add(System.nanoTime() - t0);
    }
  }

  private long insertAll(String insertSql, int columns, List<List<Object>> rows) {
    long total = 0;
    try (PreparedStatement p = connection.prepareStatement(insertSql)) {
      running.accept(p);
      int batch = 0;
      for (List<Object> row : rows) {
        for (int i = 0; i < columns; i++) {
          Object v = i < row.size() ? row.get(i) : null;
          if (v == null) {
            p.setNull(i + 1, java.sql.Types.VARCHAR);
          } else {
            p.setString(i + 1, String.valueOf(v));
          }
        }
        p.addBatch();
        if (++batch == 1000) {
          total += sum(p.executeBatch());
          batch = 0;
        }
      }
      if (batch > 0) {
        total += sum(p.executeBatch());
      }
      return total;
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      running.accept(null);
    }
  }

  private static long sum(int[] counts) {
    long n = 0;
    for (int c : counts) {
      n += c >= 0 ? c : 1; // SUCCESS_NO_INFO: one row
    }
    return n;
  }

  @Override
  public String relationType(String database, String schema, String identifier) {
    long t0 = System.nanoTime();
    try {
      return lookUp(database, schema, identifier);
    } finally {
      nanos.add(System.nanoTime() - t0);
    }
  }

  private String lookUp(String database, String schema, String identifier) {
    try (ResultSet rs = tables(database, schema, identifier)) {
      while (rs.next()) {
        if (matches(rs.getString("TABLE_NAME"), identifier)
            && (schema == null
                || inSchema(rs.getString(mysql() ? "TABLE_CAT" : "TABLE_SCHEM"), schema))) {
          String type = rs.getString("TABLE_TYPE");
          return type != null && type.toUpperCase(Locale.ROOT).contains("VIEW") ? "view" : "table";
        }
      }
      if (listsNoTemporaryTables() && probed(schema, identifier) != null) {
        return "table";
      }
      return null;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private ResultSet tables(String database, String schema, String identifier) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    return mysql()
        ? md.getTables(schema, null, pattern(md, identifier), null)
        : md.getTables(catalog(database), pattern(md, schema), pattern(md, identifier), null);
  }

  @Override
  public List<Map.Entry<String, String>> columns(
      String database, String schema, String identifier) {
    long t0 = System.nanoTime();
    try {
      return columnsOf(database, schema, identifier);
    } finally {
      nanos.add(System.nanoTime() - t0);
    }
  }

  private List<Map.Entry<String, String>> columnsOf(
      String database, String schema, String identifier) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    try {
      DatabaseMetaData md = connection.getMetaData();
      try (ResultSet rs =
          mysql()
              ? md.getColumns(schema, null, pattern(md, identifier), null)
              : md.getColumns(
                  catalog(database), pattern(md, schema), pattern(md, identifier), null)) {
        while (rs.next()) {
          if (matches(rs.getString("TABLE_NAME"), identifier)) {
            out.add(
                new AbstractMap.SimpleImmutableEntry<>(
                    rs.getString("COLUMN_NAME"), type(rs.getString("TYPE_NAME"), rs)));
          }
        }
      }
      if (out.isEmpty() && listsNoTemporaryTables()) {
        List<Map.Entry<String, String>> temporary = probed(schema, identifier);
        return temporary == null ? out : temporary;
      }
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * MySQL's and SQLite's metadata do not list temporary tables (the incremental and snapshot
   * materializations' staging): such a table is found by reading none of its rows.
   */
  private boolean listsNoTemporaryTables() {
    return mysql() || adapterType.equals("sqlite");
  }

  /** The columns of a relation read from a query of no rows; null when there is none. */
  private List<Map.Entry<String, String>> probed(String schema, String identifier) {
    if (identifier == null) {
      return null;
    }
    String q = mysql() ? "`" : "\"";
    String name =
        (schema == null ? "" : q + schema.replace(q, q + q) + q + ".")
            + q
            + identifier.replace(q, q + q)
            + q;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("select * from " + name + " where 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map.Entry<String, String>> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String type = md.getColumnTypeName(i);
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        int size = md.getPrecision(i);
        if (lower.equals("varchar") && size > 0 && size < 65_536) {
          type = type + "(" + size + ")";
        }
        out.add(new AbstractMap.SimpleImmutableEntry<>(md.getColumnLabel(i), type));
      }
      return out;
    } catch (SQLException e) {
      return null; // no such relation
    }
  }

  /** A column's type as a create statement writes it: sizes kept where the type has them. */
  private static String type(String name, ResultSet rs) throws SQLException {
    String t = name == null ? "" : name;
    String lower = t.toLowerCase(Locale.ROOT);
    if ((lower.equals("varchar") || lower.equals("character varying")) && !t.contains("(")) {
      int size = rs.getInt("COLUMN_SIZE");
      return size > 0 && size < 10_485_760 && !rs.wasNull() ? t + "(" + size + ")" : t;
    }
    if (lower.equals("numeric") && !t.contains("(")) {
      int p = rs.getInt("COLUMN_SIZE");
      int s = rs.getInt("DECIMAL_DIGITS");
      return p > 0 && p <= 1000 ? t + "(" + p + "," + s + ")" : t;
    }
    return t;
  }

  @Override
  public boolean schemaExists(String database, String schema) {
    if (mysql()) {
      try (ResultSet rs = connection.getMetaData().getCatalogs()) {
        while (rs.next()) {
          if (matches(rs.getString("TABLE_CAT"), schema)) {
            return true;
          }
        }
        return false;
      } catch (SQLException e) {
        throw failure(e);
      }
    }
    try (ResultSet rs = connection.getMetaData().getSchemas()) {
      while (rs.next()) {
        if (matches(rs.getString("TABLE_SCHEM"), schema)
            && (database == null || matches(rs.getString("TABLE_CATALOG"), database))) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void commit() {
    long t0 = System.nanoTime();
    try {
      connection.commit();
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      nanos.add(System.nanoTime() - t0);
    }
  }

  /** Undoes what a failed node left in its transaction. */
  void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is closed or broken; nothing is left to undo on it
    }
  }

  /** The catalog argument of a metadata call: MySQL's catalogs are its schemas. */
  private String catalog(String database) {
    if (mysql() || database == null) {
      return null;
    }
    return database;
  }

  /** MySQL and MariaDB: a schema is a database, which their drivers' metadata call a catalog. */
  private boolean mysql() {
    return adapterType.equals("mysql") || adapterType.equals("mariadb");
  }

  /** A name as a metadata pattern: the wildcards escaped; any case matched later. */
  private static String pattern(DatabaseMetaData md, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = md.getSearchStringEscape();
    String n = escape == null ? name : name.replace("_", escape + "_").replace("%", escape + "%");
    return md.storesLowerCaseIdentifiers() && !name.equals(name.toLowerCase(Locale.ROOT))
        ? null
        : n;
  }

  /** A driver that names no schema (SQLite's, for the main database) found it in the one asked. */
  private static boolean inSchema(String found, String wanted) {
    return found == null || matches(found, wanted);
  }

  private static boolean matches(String found, String wanted) {
    return found != null && wanted != null && found.equalsIgnoreCase(wanted);
  }

  private static final String PENDING =
      "Attempting to execute an unsuccessful or closed pending query result\nError: ";

  private Database.Failure failure(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // DuckDB's driver puts its own words before the database's: keep the database's
    int at = m.indexOf(PENDING);
    if (at >= 0) {
      m = m.substring(at + PENDING.length());
    }
    return new Database.Failure(scrub.apply(m.strip()));
  }

  /**
   * The statement's kind as a database's status line names it: its first word, and for {@code
   * create}, {@code drop} and {@code alter} also what it makes ({@code CREATE VIEW}, {@code CREATE
   * TABLE}).
   */
  static String verb(String sql) {
    String[] words = sql.strip().toUpperCase(Locale.ROOT).split("[^A-Z_]+", 8);
    if (words.length == 0) {
      return "";
    }
    if (!List.of("CREATE", "DROP", "ALTER").contains(words[0])) {
      return words[0];
    }
    for (int i = 1; i < words.length; i++) {
      if (!List.of("OR", "REPLACE", "TEMPORARY", "TEMP", "UNLOGGED", "").contains(words[i])) {
        return words[0] + " " + words[i];
      }
    }
    return words[0];
  }

  /** The statements of a text, split at the semicolons outside strings and comments. */
  List<String> split(String sql) {
    List<SqlToken> tokens = SqlLexer.lex(sql == null ? "" : sql, dialect);
    List<String> out = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (SqlToken t : tokens) {
      if (t.isPunct(';')) {
        if (first >= 0) {
          out.add(sql.substring(first, last));
        }
        first = -1;
      } else {
        if (first < 0) {
          first = t.start();
        }
        last = t.end();
      }
    }
    if (first >= 0) {
      out.add(sql.substring(first, last));
    }
    return out;
  }
}
