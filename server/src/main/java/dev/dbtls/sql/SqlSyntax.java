package dev.dbtls.sql;

import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Syntax errors in a node's compiled SQL, located in its template. A defect is reported only when
 * two independent checks agree: our token checks ({@link SqlDefects}) find it, and JSqlParser in
 * the adapter's dialect fails at it (give or take one token) or after it. JSqlParser alone would
 * mark valid SQL it does not know (DuckDB's {@code using sample}, BigQuery's {@code with offset},
 * ...); the token checks alone could be fooled by a dialect's lexical rules. JSqlParser reads the
 * {@link ParserText} column inference reads, so the two agree on what parses, and a blank-line run
 * or a Snowflake form it does not know does not stop it before a real error. The parser runs only
 * when a token check fired, so a clean file costs a lexer pass. Nodes that failed to compile, or
 * whose compile reported anything (introspection skipped, undefined vars: their output is a
 * placeholder), are not checked.
 */
public final class SqlSyntax {
  private SqlSyntax() {}

  /** The defects both checks agree on in {@code sql}, in order. */
  public static List<SqlDefect> check(String sql, SqlDialect dialect) {
    List<SqlDefect> defects = SqlDefects.find(sql, dialect);
    if (defects.isEmpty()) {
      return List.of();
    }
    // the text column inference reads: SQL the warehouse runs that JSqlParser would stop on
    // (blank-line runs, names it takes for keywords, trailing commas, star clauses) is rewritten,
    // at the same offsets, so the parser stops only at a real error
    SqlParse.Outcome parsed = SqlParse.parse(ParserText.of(sql, dialect), dialect);
    if (parsed.result() != SqlParse.Result.FAILED || parsed.errorOffset() < 0) {
      return List.of();
    }
    int limit = oneTokenOn(sql, dialect, parsed.errorOffset());
    return defects.stream().filter(d -> d.start() <= limit).toList();
  }

  /**
   * The start of the token after the one at {@code offset}: JSqlParser names the last token it
   * could take in some errors ({@code a,, b} fails at the first comma), the next in others.
   */
  private static int oneTokenOn(String sql, SqlDialect dialect, int offset) {
    for (SqlToken t : SqlLexer.lex(sql, dialect)) {
      if (t.start() > offset) {
        return t.start();
      }
    }
    return sql.length();
  }

  /**
   * {@code sql-syntax} problems of a compiled node, in its file; none when unsure. Never throws.
   */
  public static List<Problem> problems(CompiledNode compiled, String adapterType) {
    try {
      return find(compiled, adapterType);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  static List<Problem> find(CompiledNode c, String adapterType) {
    Optional<SqlDialect> dialect = SqlDialect.of(adapterType);
    if (dialect.isEmpty() || !checkable(c)) {
      return List.of();
    }
    String template = c.node().file().text();
    LineIndex lines = new LineIndex(template);
    List<Problem> out = new ArrayList<>();
    for (SqlDefect d : check(c.sql(), dialect.get())) {
      int[] range = templateRange(c.sourceMap(), d);
      if (range == null) {
        continue; // in SQL no piece of this file produced (an injected ephemeral model)
      }
      Span s = lines.span(range[0], range[1]);
      out.add(
          new Problem(
              c.node().displayPath(),
              s.startLine(),
              s.startColumn(),
              s.endLine(),
              s.endColumn(),
              d.certain() ? Severity.ERROR : Severity.WARNING,
              ProblemCode.SQL_SYNTAX,
              d.message()));
    }
    return out;
  }

  private static boolean checkable(CompiledNode c) {
    return !c.failed()
        && c.sourceMap() != null
        && c.node().file() != null
        && c.node().type() != ResourceType.SNAPSHOT
        && c.node().type() != ResourceType.SEED
        && c.problems().stream().allMatch(p -> p.code() == ProblemCode.JINJA_LOG);
  }

  /** The template range that produced a defect: exact in plain SQL, the whole tag otherwise. */
  private static int[] templateRange(SourceMap map, SqlDefect d) {
    SourceMap.Segment s = map.segmentAt(d.start());
    if (s == null) {
      return null;
    }
    if (s.kind() != PieceKind.TEXT) {
      return new int[] {s.templateStart(), s.templateEnd()};
    }
    int start = map.templateOffsetFor(d.start());
    int last = d.end() - 1 < s.outputEnd() ? map.templateOffsetFor(d.end() - 1) : start;
    return new int[] {start, Math.max(start + 1, last + 1)};
  }
}
