package dev.dbtls.warehouse;

import dev.dbtls.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Function calls whose effects reach beyond the session that runs them, found anywhere in a
 * statement (CTEs, subqueries, lateral joins, set operations: every word followed by a parenthesis,
 * quoted names and schema-qualified ones too): signalling other sessions, replication, statistics
 * resets, configuration reloads, WAL, backups, large objects, advisory locks, sequences,
 * notifications, remote databases, SQL run from strings — and reading files, unless {@link
 * FileAccess} allows the file. A read-only transaction stops writes; it does not stop these, so a
 * preview refuses them before they run.
 */
final class SideEffects {
  private SideEffects() {}

  /** PostgreSQL names by prefix; each says what it does beyond the session. */
  private static final String[][] POSTGRES_PREFIXES = {
    {"pg_terminate_backend", "ends another session"},
    {"pg_cancel_backend", "cancels another session's query"},
    {"pg_reload_conf", "reloads the server's configuration"},
    {"pg_rotate_logfile", "rotates the server's log"},
    {"pg_switch_", "switches the write-ahead log"},
    {"pg_create_restore_point", "writes to the write-ahead log"},
    {"pg_create_", "creates a replication slot"},
    {"pg_drop_", "drops a replication slot"},
    {"pg_copy_", "copies a replication slot"},
    {"pg_replication_", "changes replication state"},
    {"pg_logical_", "changes replication state"},
    {"pg_stat_reset", "resets the database's statistics"},
    {"pg_stat_statements_reset", "resets the database's statistics"},
    {"pg_advisory", "takes or frees an advisory lock"},
    {"pg_try_advisory", "takes an advisory lock"},
    {"lo_", "reads or writes large objects (and files on the server)"},
    {"lowrite", "writes a large object"},
    {"pg_read_", "reads a file on the server"},
    {"pg_ls_", "lists files on the server"},
    {"pg_stat_file", "reads a file's metadata on the server"},
    {"pg_file_", "writes files on the server"},
    {"pg_logdir_ls", "lists files on the server"},
    {"dblink", "runs SQL on another database"},
    {"pg_backup_", "starts or stops a backup"},
    {"pg_start_backup", "starts a backup"},
    {"pg_stop_backup", "stops a backup"},
    {"pg_promote", "promotes a standby"},
    {"pg_wal_replay_", "pauses or resumes replay"},
    {"pg_import_system_collations", "creates collations"},
    {"pg_log_backend_memory_contexts", "writes to the server's log"},
    {"pg_notify", "notifies other sessions"},
    {"set_config", "changes a setting"},
    {"setval", "changes a sequence"},
    {"nextval", "advances a sequence (not undone by a rollback)"},
    {"query_to_xml", "runs SQL given as a string"},
    {"cursor_to_xml", "runs SQL given as a string"},
    {"table_to_xml", "reads a table by name"},
    {"database_to_xml", "reads a whole database"},
    {"schema_to_xml", "reads a whole schema"},
    {"pg_sequence_last_value", "reads a sequence"}
  };

  private static final Set<String> DUCKDB_FILE_READERS =
      Set.of(
          "read_csv",
          "read_csv_auto",
          "read_parquet",
          "parquet_scan",
          "read_json",
          "read_json_auto",
          "read_json_objects",
          "read_json_objects_auto",
          "read_ndjson",
          "read_ndjson_auto",
          "read_ndjson_objects",
          "read_text",
          "read_blob",
          "glob",
          "sniff_csv",
          "parquet_metadata",
          "parquet_schema",
          "parquet_file_metadata",
          "parquet_kv_metadata",
          "iceberg_scan",
          "iceberg_metadata",
          "iceberg_snapshots",
          "delta_scan",
          "read_xlsx",
          "st_read",
          "st_read_meta",
          "read_ipc",
          "arrow_scan");
  private static final Set<String> DUCKDB_OTHERS =
      Set.of(
          "sqlite_scan",
          "sqlite_attach",
          "postgres_scan",
          "postgres_attach",
          "postgres_query",
          "postgres_execute",
          "mysql_scan",
          "mysql_query",
          "mysql_execute",
          "duckdb_secrets",
          "getenv",
          "load_aws_credentials");
  private static final Set<String> MYSQL_FUNCTIONS =
      Set.of(
          "load_file",
          "get_lock",
          "release_lock",
          "is_used_lock",
          "master_pos_wait",
          "source_pos_wait",
          "sys_exec",
          "sys_eval");
  private static final Set<String> SQLITE_FUNCTIONS =
      Set.of("load_extension", "readfile", "writefile", "fts3_tokenizer", "edit");

  /** Databricks' table functions that read files by path. */
  private static final Set<String> DATABRICKS_FILE_READERS =
      Set.of("read_files", "cloud_files", "read_kafka", "read_kinesis", "read_pubsub");

  /** Databricks functions that act outside the query. */
  private static final Set<String> DATABRICKS_OTHERS =
      Set.of("http_request", "ai_query", "reflect", "java_method", "try_reflect");

  /** Spark's file formats, read by path as {@code parquet.`/path`}. */
  private static final Set<String> SPARK_FORMATS =
      Set.of("parquet", "delta", "csv", "json", "orc", "text", "avro", "binaryfile");

  /** Snowflake's system functions that only read (everything else under system$ is refused). */
  private static final Set<String> SNOWFLAKE_READERS =
      Set.of(
          "system$clustering_information",
          "system$clustering_depth",
          "system$clustering_ratio",
          "system$typeof",
          "system$explain_plan_json",
          "system$explain_json_to_text",
          "system$get_tag",
          "system$get_tag_allowed_values",
          "system$stream_has_data",
          "system$pipe_status",
          "system$last_change_commit_time",
          "system$current_user_task_name",
          "system$get_predecessor_return_value",
          "system$is_listing_purchased",
          "system$allowlist",
          "system$whitelist");

  /** Why {@code tokens} (one statement, in {@code sqlType}) must not run, or null. */
  static String refusal(List<SqlToken> tokens, String sqlType, FileAccess files) {
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      boolean call =
          i + 1 < tokens.size()
              && tokens.get(i + 1).isPunct('(')
              && (t.kind() == SqlToken.Kind.WORD || isQuotedName(t));
      if (call) {
        String name = name(t);
        String why = why(name, sqlType, firstStringArgument(tokens, i + 2), files);
        if (why != null) {
          return name + "(...) " + why;
        }
      } else if ((sqlType.equals("databricks") || sqlType.equals("spark"))
          && t.kind() == SqlToken.Kind.WORD
          && SPARK_FORMATS.contains(t.text().toLowerCase(Locale.ROOT))
          && i + 2 < tokens.size()
          && tokens.get(i + 1).isPunct('.')
          && tokens.get(i + 2).text().startsWith("`")
          && !files.any()) {
        return "reading the files "
            + tokens.get(i + 2).text()
            + " by path is not allowed (set dbtls.warehouse.allowFileReads to read them)";
      } else if (sqlType.equals("snowflake")
          && t.text().startsWith("@")
          && i > 0
          && (tokens.get(i - 1).is("from") || tokens.get(i - 1).is("join"))
          && !files.any()) {
        return "reading the stage "
            + t.text()
            + " reads files in cloud storage (set dbtls.warehouse.allowFileReads to allow it)";
      } else if (isString(t)
          && i > 0
          && (tokens.get(i - 1).is("from") || tokens.get(i - 1).is("join"))
          && sqlType.equals("duckdb")
          && !files.allows(unquote(t.text()))) {
        return "reading the file "
            + t.text()
            + " is not allowed (the project's own files are; set "
            + "dbtls.warehouse.allowFileReads to read others)";
      }
    }
    return null;
  }

  private static String why(String name, String sqlType, String path, FileAccess files) {
    switch (sqlType) {
      case "postgres", "redshift" -> {
        for (String[] p : POSTGRES_PREFIXES) {
          if (name.startsWith(p[0])) {
            boolean readsFiles =
                name.startsWith("pg_read_")
                    || name.startsWith("pg_ls_")
                    || name.equals("pg_stat_file")
                    || name.equals("pg_logdir_ls");
            return readsFiles && files.any() ? null : p[1];
          }
        }
        return null;
      }
      case "duckdb" -> {
        if (DUCKDB_FILE_READERS.contains(name)) {
          return files.allows(path)
              ? null
              : "reads a file, and "
                  + (path == null
                      ? "its path is not a plain string"
                      : path + " is not a file of the project")
                  + " (set dbtls.warehouse.allowFileReads to read others)";
        }
        return DUCKDB_OTHERS.contains(name)
            ? "reaches outside the database (files, other databases, secrets)"
            : null;
      }
      case "mysql", "mariadb" -> {
        return MYSQL_FUNCTIONS.contains(name)
            ? (name.equals("load_file") && files.any()
                ? null
                : "reads server files or takes a lock beyond the session")
            : null;
      }
      case "sqlite" -> {
        return SQLITE_FUNCTIONS.contains(name) ? "reaches outside the database" : null;
      }
      case "databricks", "spark" -> {
        if (DATABRICKS_FILE_READERS.contains(name)) {
          return files.any()
              ? null
              : "reads files (set dbtls.warehouse.allowFileReads to allow it)";
        }
        return DATABRICKS_OTHERS.contains(name)
            ? "reaches outside the query (HTTP calls, model serving, Java methods)"
            : null;
      }
      case "snowflake" -> {
        if (name.startsWith("system$") && !SNOWFLAKE_READERS.contains(name)) {
          return "is a Snowflake system function dbtls does not know to be read-only (it may"
              + " cancel queries, end sessions, change pipes, tasks or settings)";
        }
        return null;
      }
      case "trino" -> {
        // table functions that hand a string of SQL to the connector's own database, unchecked
        return name.equals("query") || name.equals("raw_query")
            ? "passes SQL given as a string to the connector's database, which dbtls cannot check"
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isQuotedName(SqlToken t) {
    return t.kind() == SqlToken.Kind.QUOTED
        && (t.text().startsWith("\"") || t.text().startsWith("`"));
  }

  private static boolean isString(SqlToken t) {
    return t.kind() == SqlToken.Kind.QUOTED && t.text().startsWith("'");
  }

  private static String name(SqlToken t) {
    String n =
        t.kind() == SqlToken.Kind.QUOTED
            ? t.text().substring(1, Math.max(1, t.text().length() - 1))
            : t.text();
    return n.toLowerCase(Locale.ROOT);
  }

  /** The call's first argument when it is a string literal alone, else null. */
  private static String firstStringArgument(List<SqlToken> tokens, int from) {
    if (from + 1 < tokens.size()
        && isString(tokens.get(from))
        && (tokens.get(from + 1).isPunct(',') || tokens.get(from + 1).isPunct(')'))) {
      return unquote(tokens.get(from).text());
    }
    return null;
  }

  private static String unquote(String s) {
    return s.length() >= 2 ? s.substring(1, s.length() - 1).replace("''", "'") : "";
  }
}
