package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * The connection a materialization runs on, when a render executes (a build), not only compiles:
 * {@code statement}, {@code run_query}, {@code load_result} and the adapter's relation methods go
 * through it. The run layer implements it over a writable connection; this layer does no IO of its
 * own. A failing statement throws {@link Failure} with the database's message, which ends the
 * render as dbt's database error ends a node.
 */
public interface Database {
  /**
   * A statement's outcome: columns (and their types, as the database names them) and rows when
   * fetched, rows affected, the driver's word.
   */
  record Result(
      List<String> columns,
      List<String> columnTypes,
      List<List<Object>> rows,
      long rowsAffected,
      String code) {
    public Result {
      columns = columns == null ? List.of() : columns;
      columnTypes = columnTypes == null ? List.of() : columnTypes;
      rows = rows == null ? List.of() : rows;
      code = code == null ? "" : code;
    }

    public Result(List<String> columns, List<List<Object>> rows, long rowsAffected, String code) {
      this(columns, List.of(), rows, rowsAffected, code);
    }
  }

  /** The database refused a statement: its message, as dbt's database error shows it. */
  final class Failure extends RuntimeException {
    public Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** Runs one statement; with {@code fetch}, its rows. */
  Result execute(String sql, boolean fetch);

  /** Inserts rows through a prepared statement with one parameter per column (seeds). */
  long insert(String insertSql, int columns, List<List<Object>> rows);

  /** The relation's kind ({@code table} or {@code view}) when it exists, else null. */
  String relationType(String database, String schema, String identifier);

  /** The relation's columns as name and type, in order; empty when it does not exist. */
  List<Map.Entry<String, String>> columns(String database, String schema, String identifier);

  /** Whether the schema exists. */
  boolean schemaExists(String database, String schema);

  /** Commits the open transaction. */
  void commit();
}
