package dev.dbtls.project;

import java.util.Locale;
import java.util.Map;

/**
 * What compiling needs to know about a dbt adapter type: how relations are quoted and which parts
 * they include, and which adapter it inherits macros from ({@code redshift__x} falls back to {@code
 * postgres__x}). Any type name is accepted; unknown ones get dbt's base defaults.
 *
 * <p>The quote and include policies and quote character are each dbt adapter's Relation defaults
 * (dbt-postgres, -redshift, -snowflake, -bigquery, -spark, -databricks, -duckdb, -trino, -sqlite,
 * -mysql); a project's {@code quoting:} overrides the quote policy.
 */
public record Adapter(
    String type,
    char quoteChar,
    boolean quoteDatabase,
    boolean quoteSchema,
    boolean quoteIdentifier,
    boolean includeDatabase,
    String parent) {

  private static final Map<String, Adapter> KNOWN =
      Map.ofEntries(
          known("duckdb", '"', true, true, true, true, null),
          known("postgres", '"', true, true, true, true, null),
          known("redshift", '"', true, true, true, true, "postgres"),
          known("sqlite", '"', false, false, true, false, null),
          known("mysql", '`', false, true, true, false, null),
          known("mariadb", '`', false, true, true, false, "mysql"),
          known("snowflake", '"', false, false, false, true, null),
          known("bigquery", '`', true, true, true, true, null),
          known("spark", '`', false, false, false, false, null),
          known("databricks", '`', true, true, true, true, "spark"),
          known("trino", '"', true, true, true, true, null),
          known("clickhouse", '`', true, true, true, false, null),
          known("sqlserver", '"', true, true, true, true, null),
          known("oracle", '"', false, false, false, false, null));

  private static Map.Entry<String, Adapter> known(
      String type, char q, boolean qd, boolean qs, boolean qi, boolean includeDb, String parent) {
    return Map.entry(type, new Adapter(type, q, qd, qs, qi, includeDb, parent));
  }

  public static Adapter of(String type) {
    String t = type == null ? "duckdb" : type.trim().toLowerCase(Locale.ROOT);
    Adapter a = KNOWN.get(t);
    return a != null ? a : new Adapter(t, '"', true, true, true, true, null);
  }

  /** This adapter's type followed by its ancestors, e.g. [redshift, postgres]. */
  public java.util.List<String> lineage() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Adapter a = this; a != null; a = a.parent == null ? null : of(a.parent)) {
      out.add(a.type);
    }
    return out;
  }

  public String quote(String identifier) {
    String q = String.valueOf(quoteChar);
    return q + identifier.replace(q, q + q) + q;
  }
}
