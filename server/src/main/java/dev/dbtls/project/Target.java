package dev.dbtls.project;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The chosen output of a profile: adapter type, database and schema as dbt derives them, and every
 * other field as written (credentials included, for the warehouse layer only: they never reach
 * templates, logs or clients).
 */
public record Target(
    String name,
    String profileName,
    String type,
    String database,
    String schema,
    int threads,
    Map<String, Object> fields) {

  /** No field values: a target's fields hold credentials, and a toString ends up in logs. */
  @Override
  public String toString() {
    return "Target["
        + profileName
        + "."
        + name
        + ", type="
        + type
        + ", database="
        + database
        + ", schema="
        + schema
        + ", fields="
        + new java.util.TreeSet<>(fields.keySet())
        + "]";
  }

  /** A stand-in when no profile can be found: compiling still works, on DuckDB's conventions. */
  public static Target fallback(String projectName) {
    return new Target("default", projectName, "duckdb", projectName, "main", 1, Map.of());
  }

  public static Target of(String name, String profileName, Map<String, Object> fields) {
    String type = str(fields.get("type"), "duckdb").toLowerCase(Locale.ROOT);
    String database;
    String schema;
    switch (type) {
      case "duckdb" -> {
        database = str(fields.get("database"), duckdbDatabase(str(fields.get("path"), ":memory:")));
        schema = str(fields.get("schema"), "main");
      }
      case "postgres", "redshift" -> {
        database = str(fields.get("dbname"), str(fields.get("database"), null));
        schema = str(fields.get("schema"), "public");
      }
      case "bigquery" -> {
        database = str(fields.get("project"), str(fields.get("database"), null));
        schema = str(fields.get("dataset"), str(fields.get("schema"), null));
      }
      case "databricks", "spark" -> {
        database = str(fields.get("catalog"), str(fields.get("database"), null));
        schema = str(fields.get("schema"), null);
      }
      case "trino" -> {
        database = str(fields.get("database"), str(fields.get("catalog"), null));
        schema = str(fields.get("schema"), null);
      }
      case "sqlite" -> {
        database = str(fields.get("database"), "main");
        schema = str(fields.get("schema"), "main");
      }
      case "mysql", "mariadb", "clickhouse" -> {
        schema = str(fields.get("schema"), str(fields.get("database"), "default"));
        database = null;
      }
      default -> {
        database = str(fields.get("database"), str(fields.get("dbname"), null));
        schema = str(fields.get("schema"), null);
      }
    }
    Object t = fields.get("threads");
    int threads = t instanceof Number n ? n.intValue() : 1;
    return new Target(
        name, profileName, type, database, schema, threads, Map.copyOf(withoutNulls(fields)));
  }

  /**
   * dbt-duckdb names the database after the file of {@code path}: {@code data/shop.duckdb} → shop.
   */
  static String duckdbDatabase(String path) {
    if (path == null || path.isBlank() || path.startsWith(":memory:")) {
      return "memory";
    }
    String file = path.replace('\\', '/');
    file = file.substring(file.lastIndexOf('/') + 1);
    if (file.contains("?")) {
      file = file.substring(0, file.indexOf('?'));
    }
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  public Adapter adapter() {
    return Adapter.of(type);
  }

  /**
   * The {@code target} object templates see: connection fields without any credential, whatever its
   * key, alias, nesting or place inside a URL ({@link Secrets}).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toJinja() {
    Map<String, Object> out = (Map<String, Object>) Secrets.redact(fields);
    out.put("name", name);
    out.put("target_name", name);
    out.put("profile_name", profileName);
    out.put("type", type);
    out.put("schema", schema);
    out.put("database", database);
    out.put("threads", threads);
    return out;
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static String str(Object v, String fallback) {
    return v == null ? fallback : String.valueOf(v);
  }
}
