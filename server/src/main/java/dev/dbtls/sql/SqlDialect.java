package dev.dbtls.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;

/**
 * What checking SQL needs to know of an adapter's SQL: JSqlParser's dialect (null = its default
 * grammar) and the lexical rules our token checks follow. Only adapters whose SQL we measured
 * JSqlParser on (the valid-*.sql corpora in the tests) are checked; others get no SQL diagnostics.
 *
 * @param backslashEscapes {@code \'} escapes a quote inside strings
 * @param dollarQuotes {@code $$...$$} and {@code $tag$...$tag$} strings
 * @param hashComments {@code #} starts a line comment
 * @param nestedComments block comments nest
 * @param squareBracketQuotes {@code [name]} is a quoted identifier
 * @param trailingCommas a comma may end a select list or argument list
 */
public record SqlDialect(
    String adapterType,
    Dialect parserDialect,
    boolean backslashEscapes,
    boolean dollarQuotes,
    boolean hashComments,
    boolean nestedComments,
    boolean squareBracketQuotes,
    boolean trailingCommas) {

  private static final Map<String, SqlDialect> KNOWN =
      Map.ofEntries(
          known(new SqlDialect("duckdb", null, false, true, false, true, false, true)),
          known(
              new SqlDialect(
                  "postgres", Dialect.POSTGRESQL, false, true, false, true, false, false)),
          // Redshift still reads backslash escapes in strings
          known(
              new SqlDialect(
                  "redshift", Dialect.POSTGRESQL, true, true, false, false, false, false)),
          known(new SqlDialect("mysql", Dialect.MYSQL, true, false, true, false, false, false)),
          known(new SqlDialect("mariadb", Dialect.MARIADB, true, false, true, false, false, false)),
          known(new SqlDialect("sqlite", null, false, false, false, false, true, false)),
          known(
              new SqlDialect(
                  "snowflake", Dialect.SNOWFLAKE, true, true, false, false, false, true)),
          known(
              new SqlDialect("bigquery", Dialect.BIGQUERY, true, false, true, false, false, true)),
          known(
              new SqlDialect(
                  "databricks", Dialect.DATABRICKS, true, false, false, true, false, true)),
          known(new SqlDialect("spark", Dialect.DATABRICKS, true, false, false, true, false, true)),
          // standard SQL strings and comments; JSqlParser has no Trino grammar, ANSI is closest
          known(
              new SqlDialect("trino", Dialect.ANSI_SQL, false, false, false, false, false, false)));

  private static Map.Entry<String, SqlDialect> known(SqlDialect d) {
    return Map.entry(d.adapterType(), d);
  }

  /**
   * Whether strings take backslash escapes is unsure (Redshift documents both behaviours across
   * versions): token checks then keep only what both readings find.
   */
  public boolean backslashUnsure() {
    return adapterType.equals("redshift");
  }

  /** The same dialect with backslash escapes on or off. */
  public SqlDialect withBackslashEscapes(boolean on) {
    return new SqlDialect(
        adapterType,
        parserDialect,
        on,
        dollarQuotes,
        hashComments,
        nestedComments,
        squareBracketQuotes,
        trailingCommas);
  }

  /**
   * Snowflake's and DuckDB's {@code * exclude name} (no brackets) and {@code * rename (a as b)},
   * which JSqlParser does not read ({@link StarClauses}).
   */
  public boolean starClauses() {
    return adapterType.equals("snowflake") || adapterType.equals("duckdb");
  }

  /** Snowflake's {@code //} line comments. */
  public boolean slashComments() {
    return adapterType.equals("snowflake");
  }

  /** MySQL's {@code --} starts a comment only when a space or control character follows. */
  public boolean dashCommentNeedsSpace() {
    return adapterType.equals("mysql") || adapterType.equals("mariadb");
  }

  /** The dialect of an adapter type, or empty when we do not check that adapter's SQL. */
  public static Optional<SqlDialect> of(String adapterType) {
    return adapterType == null
        ? Optional.empty()
        : Optional.ofNullable(KNOWN.get(adapterType.trim().toLowerCase(Locale.ROOT)));
  }
}
