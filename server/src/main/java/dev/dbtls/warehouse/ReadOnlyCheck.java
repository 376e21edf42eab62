package dev.dbtls.warehouse;

import dev.dbtls.sql.SqlDialect;
import dev.dbtls.sql.SqlLexer;
import dev.dbtls.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;

/**
 * Whether SQL only reads, decided by parsing it (JSqlParser in the adapter's dialect). A query
 * (select, with ... select, values) is wrapped in a row limit; show, describe and explain run as
 * they are. SQL the parser does not know (DuckDB's {@code from t}, dialect functions) counts as a
 * query only when it starts like one, because it then runs inside {@code select * from (...)},
 * where the database itself refuses anything but a query.
 */
public final class ReadOnlyCheck {
  /** What a statement is. */
  public enum Kind {
    /** Wrapped with a row limit. */
    QUERY,
    /** show / describe / explain: run as written. */
    COMMAND,
    /** Writes, or cannot be shown to only read. */
    WRITE,
    MULTIPLE,
    EMPTY,
    /**
     * Reads only, but calls a function whose effects reach beyond the session ({@link
     * SideEffects}).
     */
    SIDE_EFFECT
  }

  /** {@code sql} is the statement without trailing semicolons and comments. */
  public record Verdict(Kind kind, String sql, String what) {}

  private static final Set<String> QUERY_WORDS =
      Set.of("select", "with", "from", "values", "table", "pivot", "unpivot", "summarize");
  private static final Set<String> COMMAND_WORDS = Set.of("show", "describe", "desc");
  private static final ExecutorService PARSER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dbtls-preview-parse");
            t.setDaemon(true);
            return t;
          });

  private ReadOnlyCheck() {}

  /** Checks one statement in the dialect of {@code adapterType}, reading no file; never throws. */
  public static Verdict check(String sql, String adapterType) {
    return check(sql, adapterType, FileAccess.NONE);
  }

  /**
   * Checks the statement that will run — wherever its parts came from (a model, its inlined
   * parents, ad-hoc SQL) — in the dialect of {@code adapterType}: one statement, reading only, with
   * no write nested inside it and no call with effects beyond the session; file functions read only
   * what {@code files} allows. Never throws.
   */
  public static Verdict check(String sql, String adapterType, FileAccess files) {
    SqlDialect dialect = SqlDialect.of(adapterType).orElse(SqlDialect.of("postgres").orElseThrow());
    List<SqlToken> tokens = SqlLexer.lex(sql == null ? "" : sql, dialect);
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isPunct(';')) {
        if (last >= 0 && i > 0 && hasSemicolonBetween(tokens, last, i)) {
          return new Verdict(Kind.MULTIPLE, sql, "more than one statement");
        }
        last = i;
      }
    }
    if (last < 0) {
      return new Verdict(Kind.EMPTY, "", "no SQL to run");
    }
    String body = sql.substring(tokens.get(0).start(), tokens.get(last).end());
    Statement parsed = parse(body, dialect);
    Kind kind = parsed != null ? kind(parsed) : byFirstWord(tokens, last);
    String what = parsed != null ? describe(parsed) : first(tokens) + " statement";
    if (kind == Kind.QUERY || kind == Kind.COMMAND) {
      String nested = nestedWrite(tokens);
      if (nested != null) {
        return new Verdict(Kind.WRITE, body, nested);
      }
      String effect =
          SideEffects.refusal(
              tokens,
              adapterType == null ? "" : adapterType.toLowerCase(Locale.ROOT),
              files == null ? FileAccess.NONE : files);
      if (effect != null) {
        return new Verdict(Kind.SIDE_EFFECT, body, effect);
      }
    }
    return new Verdict(kind, body, what);
  }

  /**
   * Statements that write, by their opening words, anywhere inside the query (a data-modifying CTE,
   * say): the first word and what follows it (null: any name), so that a column called {@code load}
   * or {@code comment} in parentheses is not taken for one.
   */
  private static final java.util.Map<String, Set<String>> WRITE_OPENINGS =
      java.util.Map.ofEntries(
          java.util.Map.entry("insert", Set.of("into", "overwrite", "or", "ignore")),
          java.util.Map.entry("delete", Set.of("from")),
          java.util.Map.entry("merge", Set.of("into")),
          java.util.Map.entry("replace", Set.of("into")),
          java.util.Map.entry("upsert", Set.of("into")),
          java.util.Map.entry("update", Set.of()),
          java.util.Map.entry("truncate", Set.of()),
          java.util.Map.entry("create", Set.of()),
          java.util.Map.entry("drop", Set.of()),
          java.util.Map.entry("alter", Set.of()),
          java.util.Map.entry("grant", Set.of()),
          java.util.Map.entry("revoke", Set.of()),
          java.util.Map.entry("copy", Set.of()),
          java.util.Map.entry("attach", Set.of()),
          java.util.Map.entry("detach", Set.of()),
          java.util.Map.entry("install", Set.of()),
          java.util.Map.entry("pragma", Set.of()),
          java.util.Map.entry("notify", Set.of()),
          java.util.Map.entry("listen", Set.of()),
          java.util.Map.entry("execute", Set.of()),
          java.util.Map.entry("prepare", Set.of()),
          java.util.Map.entry("reindex", Set.of()),
          java.util.Map.entry("lock", Set.of("table")),
          java.util.Map.entry("discard", Set.of("all", "plans", "sequences", "temp", "temporary")),
          java.util.Map.entry("export", Set.of("database")),
          java.util.Map.entry("import", Set.of("database")),
          java.util.Map.entry("refresh", Set.of("materialized")),
          java.util.Map.entry("call", Set.of()),
          java.util.Map.entry("set", Set.of()),
          java.util.Map.entry("load", Set.of()),
          java.util.Map.entry("do", Set.of()),
          java.util.Map.entry("reset", Set.of()),
          java.util.Map.entry("analyze", Set.of()),
          java.util.Map.entry("analyse", Set.of()),
          java.util.Map.entry("comment", Set.of("on")),
          java.util.Map.entry("security", Set.of("label")),
          java.util.Map.entry("unlisten", Set.of()),
          java.util.Map.entry("cluster", Set.of()),
          java.util.Map.entry("vacuum", Set.of()));

  /** Statements that may stand alone in parentheses: {@code (checkpoint)}, {@code (commit)}. */
  private static final Set<String> BARE_WRITES =
      Set.of("checkpoint", "begin", "commit", "rollback", "abort", "savepoint");

  /** Words that continue an expression, never a statement's name. */
  private static final Set<String> EXPRESSION_WORDS =
      Set.of(
          "is", "and", "or", "not", "in", "between", "like", "ilike", "as", "over", "from", "then",
          "else", "end", "when", "filter", "within", "collate", "at", "escape", "similar", "desc",
          "asc", "nulls", "limit", "order", "group", "where");

  /** A write statement opening right after a parenthesis ({@code as (delete ...)}), or null. */
  private static String nestedWrite(List<SqlToken> tokens) {
    for (SqlToken t : tokens) {
      // select ... into makes a table; insert/merge/copy ... into are caught below too
      if (t.kind() == SqlToken.Kind.WORD && t.text().equalsIgnoreCase("into")) {
        return "a query that writes into a table or file";
      }
    }
    for (int i = 1; i + 1 < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      SqlToken next = tokens.get(i + 1);
      if (tokens.get(i - 1).isPunct('(')
          && t.kind() == SqlToken.Kind.WORD
          && BARE_WRITES.contains(t.text().toLowerCase(Locale.ROOT))
          && (next.isPunct(')')
              || next.isPunct(';')
              || next.kind() == SqlToken.Kind.WORD
                  && !EXPRESSION_WORDS.contains(next.text().toLowerCase(Locale.ROOT)))) {
        return "a query with " + t.text().toLowerCase(Locale.ROOT) + " inside it";
      }
      if (!tokens.get(i - 1).isPunct('(') || t.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      String word = t.text().toLowerCase(Locale.ROOT);
      Set<String> follows = WRITE_OPENINGS.get(word);
      if (follows == null) {
        continue;
      }
      String after = next.text().toLowerCase(Locale.ROOT);
      boolean opens =
          follows.isEmpty()
              ? (next.kind() == SqlToken.Kind.WORD || next.kind() == SqlToken.Kind.QUOTED)
                  && !EXPRESSION_WORDS.contains(after)
              : next.kind() == SqlToken.Kind.WORD && follows.contains(after);
      if (opens) {
        return "a query with " + word + " inside it";
      }
    }
    return null;
  }

  private static boolean hasSemicolonBetween(List<SqlToken> tokens, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (tokens.get(i).isPunct(';')) {
        return true;
      }
    }
    return false;
  }

  private static Statement parse(String sql, SqlDialect dialect) {
    try {
      CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withTimeOut(1000);
      if (dialect.parserDialect() != null) {
        parser.withDialect(dialect.parserDialect());
      }
      parser.withSquareBracketQuotation(dialect.squareBracketQuotes());
      if (dialect.backslashEscapes()) {
        parser.withBackslashEscapeCharacter(true);
      }
      Statements all = CCJSqlParserUtil.parseStatements(parser, PARSER);
      return all.size() == 1 ? all.get(0) : null;
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  static Kind kind(Statement s) {
    if (s instanceof Select select) {
      return readsOnly(select) ? Kind.QUERY : Kind.WRITE;
    }
    if (s instanceof ShowStatement
        || s instanceof ShowColumnsStatement
        || s instanceof ShowTablesStatement
        || s instanceof ShowIndexStatement
        || s instanceof DescribeStatement) {
      return Kind.COMMAND;
    }
    if (s instanceof ExplainStatement explain) {
      // EXPLAIN ANALYZE runs its statement
      return explain.getStatement() == null || kind(explain.getStatement()) != Kind.WRITE
          ? Kind.COMMAND
          : Kind.WRITE;
    }
    return Kind.WRITE;
  }

  private static boolean readsOnly(Select select) {
    if (select.getWithItemsList() != null) {
      for (WithItem<?> w : select.getWithItemsList()) {
        if (!(w.getStatement() instanceof ParenthesedSelect inner) || !readsOnly(inner)) {
          return false;
        }
      }
    }
    if (select instanceof PlainSelect plain) {
      return plain.getIntoTables() == null
          && plain.getMySqlSelectIntoClause() == null
          && plain.getIntoTempTable() == null;
    }
    if (select instanceof SetOperationList set) {
      return set.getSelects().stream().allMatch(ReadOnlyCheck::readsOnly);
    }
    if (select instanceof ParenthesedSelect p) {
      return p.getSelect() == null || readsOnly(p.getSelect());
    }
    return true;
  }

  private static Kind byFirstWord(List<SqlToken> tokens, int last) {
    String first = first(tokens);
    if (QUERY_WORDS.contains(first)) {
      return Kind.QUERY;
    }
    if (COMMAND_WORDS.contains(first)) {
      return Kind.COMMAND;
    }
    if (first.equals("explain")) {
      for (int i = 1; i <= last; i++) {
        if (tokens.get(i).is("analyze") || tokens.get(i).is("analyse")) {
          return Kind.WRITE;
        }
      }
      return Kind.COMMAND;
    }
    return Kind.WRITE;
  }

  private static String first(List<SqlToken> tokens) {
    for (SqlToken t : tokens) {
      if (t.kind() == SqlToken.Kind.WORD) {
        return t.text().toLowerCase(Locale.ROOT);
      }
      if (!t.isPunct('(')) {
        break;
      }
    }
    return tokens.isEmpty() ? "" : tokens.get(0).text().toLowerCase(Locale.ROOT);
  }

  private static String describe(Statement s) {
    String name =
        s.getClass().getSimpleName().replace("Statement", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return (name.isEmpty() ? "unknown" : name.toLowerCase(Locale.ROOT)) + " statement";
  }
}
