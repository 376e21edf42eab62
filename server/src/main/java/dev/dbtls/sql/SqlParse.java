package dev.dbtls.sql;

import dev.dbtls.project.LineIndex;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

/**
 * JSqlParser on one piece of SQL in a dialect, with a time limit (the parser can take long on huge
 * statements). {@link Outcome#errorOffset()} is where parsing stopped: the offset of the first
 * token it could not take.
 */
public final class SqlParse {
  /** Parsing that takes longer says nothing. */
  public static final long TIMEOUT_MS = 200;

  /**
   * The limit for {@link #statements}, which runs in the background (column inference): long enough
   * that a loaded machine does not turn an ordinary model into an unread one.
   */
  public static final long READ_TIMEOUT_MS = 2000;

  private static final Pattern AT = Pattern.compile("line (\\d+), column (\\d+)");

  /** JSqlParser's time limit runs the parse on an executor; daemon threads never hold the JVM. */
  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dbtls-sql-parse");
            t.setDaemon(true);
            return t;
          });

  private static volatile boolean warm;

  public enum Result {
    PARSED,
    FAILED,
    TIMED_OUT
  }

  /** {@code errorOffset} is -1 unless FAILED (and may be -1 when the parser did not say where). */
  public record Outcome(Result result, int errorOffset) {}

  private SqlParse() {}

  public static Outcome parse(String sql, SqlDialect dialect) {
    Outcome o = parseOnce(sql, dialect);
    if (o.result() == Result.TIMED_OUT && !warm) {
      o = parseOnce(sql, dialect); // the first parse in a JVM loads the parser's classes
    }
    warm = true;
    return o;
  }

  /**
   * What {@link #read} gives: the statements, or null when they could not be read; {@code timedOut}
   * when the parser was stopped by its time limit (which says nothing lasting about the SQL).
   */
  public record Read(
      java.util.List<net.sf.jsqlparser.statement.Statement> statements, boolean timedOut) {}

  /**
   * The statements of {@code sql} as JSqlParser reads them in the dialect, within {@link
   * #READ_TIMEOUT_MS} of this thread's CPU time; none when it does not (a syntax it does not know,
   * the time limit, a parser bug). Never throws.
   */
  public static Read read(String sql, SqlDialect dialect) {
    // as CCJSqlParserUtil.parse does: the cheaper grammar first, the complex one when it fails
    for (boolean complex : new boolean[] {false, true}) {
      CCJSqlParser parser = parser(sql, dialect, READ_TIMEOUT_MS).withAllowComplexParsing(complex);
      // on this thread: the background reads thousands of models, and handing each parse to a
      // parse thread and waiting for it cost more than the parse (thread switches, system time)
      ParseDeadlines.start(parser, READ_TIMEOUT_MS);
      try {
        net.sf.jsqlparser.statement.Statements st = parser.Statements();
        if (parser.interrupted) {
          return new Read(null, true); // stopped by the time limit: what it read is partial
        }
        warm = true;
        return new Read(st == null ? null : java.util.List.copyOf(st), false);
      } catch (ParseException | RuntimeException e) {
        if (parser.interrupted) {
          return new Read(null, true);
        }
      } catch (Error e) {
        return new Read(null, false); // a parser bug, or a stack overflow on deep nesting
      } finally {
        ParseDeadlines.end(parser);
      }
    }
    return new Read(null, false);
  }

  private static CCJSqlParser parser(String sql, SqlDialect dialect) {
    return parser(sql, dialect, TIMEOUT_MS);
  }

  private static CCJSqlParser parser(String sql, SqlDialect dialect, long timeoutMs) {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withTimeOut(timeoutMs);
    if (dialect.parserDialect() != null) {
      parser.withDialect(dialect.parserDialect());
    }
    parser.withSquareBracketQuotation(dialect.squareBracketQuotes());
    if (dialect.backslashEscapes()) {
      parser.withBackslashEscapeCharacter(true);
    }
    return parser;
  }

  private static Outcome parseOnce(String sql, SqlDialect dialect) {
    CCJSqlParser parser = parser(sql, dialect);
    try {
      CCJSqlParserUtil.parseStatements(parser, EXECUTOR);
      return new Outcome(Result.PARSED, -1);
    } catch (JSQLParserException e) {
      if (timedOut(e)) {
        return new Outcome(Result.TIMED_OUT, -1);
      }
      return new Outcome(Result.FAILED, errorOffset(sql, e));
    } catch (RuntimeException | Error e) {
      // a parser bug (or a stack overflow on deep nesting) says nothing about the SQL
      return new Outcome(Result.TIMED_OUT, -1);
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.util.concurrent.TimeoutException
          || String.valueOf(c.getMessage()).contains("Time out")) {
        return true;
      }
    }
    return false;
  }

  private static int errorOffset(String sql, Throwable e) {
    LineIndex lines = new LineIndex(sql);
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ParseException p && p.currentToken != null) {
        Token t = p.currentToken.next != null ? p.currentToken.next : p.currentToken;
        if (t.beginLine > 0) {
          return offset(sql, lines, t.beginLine, t.beginColumn);
        }
      }
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      Matcher m = AT.matcher(String.valueOf(c.getMessage()));
      if (m.find()) {
        return offset(sql, lines, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    }
    return -1;
  }

  /** 1-based line and column (JSqlParser counts a tab as one column) to an offset. */
  private static int offset(String sql, LineIndex lines, int line, int column) {
    if (line - 1 >= lines.lineCount()) {
      return sql.length();
    }
    return Math.min(sql.length(), lines.offset(line - 1, 0) + Math.max(0, column - 1));
  }
}
