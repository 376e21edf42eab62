package dev.dbtls.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sql-syntax: valid SQL of every checked dialect is never marked (neither by the two checks
 * together nor by the token checks alone), broken SQL is marked at the right token, and the problem
 * lands on the template's line and column.
 */
class SqlSyntaxTest {

  @ParameterizedTest
  @CsvSource({
    "duckdb, duckdb",
    "postgres, postgres",
    "redshift, redshift",
    "redshift, postgres",
    "mysql, mysql",
    "mariadb, mysql",
    "snowflake, snowflake",
    "bigquery, bigquery",
    "databricks, databricks",
    "spark, databricks",
    "sqlite, sqlite"
  })
  void validStatementsAreNeverMarked(String dialect, String corpus) throws IOException {
    SqlDialect d = SqlDialect.of(dialect).orElseThrow();
    List<String> statements = corpus("valid-" + corpus + ".sql");
    assertTrue(statements.size() >= 15, dialect + ": " + statements.size());
    for (String sql : statements) {
      assertEquals(List.of(), SqlDefects.find(sql, d), dialect + ": " + sql);
      assertEquals(List.of(), SqlSyntax.check(sql, d), dialect + ": " + sql);
    }
  }

  @Test
  void theCorporaHoldEnoughStatements() throws IOException {
    int n = 0;
    for (String d :
        new String[] {
          "duckdb", "postgres", "mysql", "snowflake", "bigquery", "databricks", "sqlite", "redshift"
        }) {
      n += corpus("valid-" + d + ".sql").size();
    }
    assertTrue(n >= 150, "valid statements: " + n);
  }

  /** {@code |} marks where the defect starts. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        "duckdb # |selec * from x # 'selec' is not a SQL keyword; did you mean 'select'?",
        "postgres # |slect a from t # 'slect' is not a SQL keyword; did you mean 'select'?",
        "duckdb # select a,|, b from t # two commas in a row",
        "snowflake # select a,|, b from t # two commas in a row",
        "duckdb # select |(a + b from t # '(' is never closed",
        "postgres # select * from t where a in |(1, 2 # '(' is never closed",
        "mysql # select a) from t # ')' has no matching '('",
        "duckdb # select * from |from t # 'from' cannot follow 'from'",
        "bigquery # select * from t where |where a = 1 # 'where' cannot follow 'where'",
        "postgres # select a, b|, from t # comma before 'from'",
        "mysql # select a|, from t # comma before 'from'",
        "postgres # select * from t |where # nothing after 'where'",
        "duckdb # select * from t where a = 1 |and # nothing after 'and'",
        "duckdb # select * from t order |by # nothing after 'by'",
        "postgres # select a from t where x = |'abc # unterminated string",
        "snowflake # select count(|, a) from t # comma right after '('",
        "sqlite # select a from t join u on |where x # 'where' cannot follow 'on'",
        "redshift # select a from t where x = 'a' |and # nothing after 'and'",
        "postgres # select a from t where |and x = 1 # 'and' cannot follow 'where'",
        "duckdb # select a from t where x = 1 |and order by a # nothing after 'and'",
        "snowflake # select a from t where x = 1 and |or y # 'or' cannot follow 'and'",
        "redshift # select |(a from t # '(' is never closed",
        "databricks # select a from t where |where a = 1 # 'where' cannot follow 'where'",
        "mariadb # select a|, from t # comma before 'from'",
        "spark # select a from t where |(a = 1 # '(' is never closed",
      })
  void brokenStatementsAreMarkedAtTheToken(String dialect, String marked, String message) {
    String sql = marked.replace("|", "");
    int at = marked.indexOf('|') >= 0 ? marked.indexOf('|') : sql.indexOf(')');
    List<SqlDefect> found = SqlSyntax.check(sql, SqlDialect.of(dialect).orElseThrow());
    assertEquals(1, found.size(), sql + " -> " + found);
    assertEquals(message, found.get(0).message());
    assertEquals(at, found.get(0).start(), sql);
  }

  @Test
  void trailingCommasAreFineWhereTheDialectAllowsThem() {
    for (String d : new String[] {"duckdb", "bigquery", "snowflake"}) {
      assertEquals(
          List.of(), SqlSyntax.check("select a, b, from t", SqlDialect.of(d).orElseThrow()));
    }
  }

  @Test
  void aDefectTheParserDoesNotConfirmIsNotReported() {
    // DuckDB's "using sample" is unknown to JSqlParser, but the parser stops there, before the
    // token checks' defect, so the two do not agree: nothing is said.
    SqlDialect duck = SqlDialect.of("duckdb").orElseThrow();
    assertEquals(
        List.of(), SqlSyntax.check("select * from t using sample 10% where a = 1 and", duck));
    // and a statement the parser accepts is never reported, whatever the token checks think
    assertEquals(
        List.of(),
        SqlSyntax.check(
            "select a from t group order by a", SqlDialect.of("postgres").orElseThrow()));
  }

  /**
   * Valid Snowflake SQL JSqlParser does not read on its own (blank-line runs Jinja leaves, names it
   * takes for keywords, trailing commas, {@code * exclude name}, {@code * rename}): the check
   * parses the text column inference reads, so it stops at the real error after them. On the raw
   * SQL the parser stopped earlier, and the two checks did not agree: nothing was said. {@code ^}
   * is a line break.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        "select a,^^^  b from t where |(x = 1 # '(' is never closed",
        "with final as (select 1 as x) select x from final where x = 1 and |or y # 'or' cannot follow 'and'",
        "select a, from t where x = 1 and |and y = 2 # 'and' cannot follow 'and'",
        "select * exclude a from t |where # nothing after 'where'",
        "select src.* rename a as b from t src where |where b = 1 # 'where' cannot follow 'where'",
        "select * exclude (a) rename (b as c, d as e),|, f from t # two commas in a row",
      })
  void snowflakeFormsTheInferenceReadsDoNotHideALaterError(String marked, String message) {
    SqlDialect sf = SqlDialect.of("snowflake").orElseThrow();
    marked = marked.replace('^', '\n');
    String sql = marked.replace("|", "");
    int at = marked.indexOf('|');
    SqlParse.Outcome raw = SqlParse.parse(sql, sf);
    assertTrue(raw.errorOffset() < at, "the raw SQL stops the parser before the error: " + raw);
    List<SqlDefect> found = SqlSyntax.check(sql, sf);
    assertEquals(1, found.size(), sql + " -> " + found);
    assertEquals(message, found.get(0).message());
    assertEquals(at, found.get(0).start(), sql);
  }

  @Test
  void validSnowflakeWithTheseFormsIsNeverMarked() {
    SqlDialect sf = SqlDialect.of("snowflake").orElseThrow();
    String sql =
        """
        with final as (


            select src.* exclude customer_id rename (order_id as id),
                number,
            from orders src


        )
        select * exclude status rename amount as total from final where id > 0
        """;
    assertEquals(List.of(), SqlDefects.find(sql, sf));
    assertEquals(List.of(), SqlSyntax.check(sql, sf));
    // column inference and the check read the same text, and it parses
    assertEquals(SqlParse.Result.PARSED, SqlParse.parse(ParserText.of(sql, sf), sf).result());
    for (String half :
        new String[] {
          "select * rename (a as",
          "select * exclude",
          "select * rename",
          "select * rename (a as b,, c as d) from t",
          "select t.* exclude from t where"
        }) {
      SqlSyntax.check(half, sf); // never throws
    }
  }

  @Test
  void aSnowflakeModelsErrorAfterBlankLinesAndStarClausesIsLocatedInTheTemplate() {
    String profile =
        """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: snowflake
        -- file: models/b.sql
        select 1 as id, 2 as amount, 'x' as status
        """;
    String model =
        """
        -- file: models/a.sql
        with final as (


            select * exclude status rename (amount as total),
            from {{ ref('b') }}


        )
        select * from final where total > 0 and and id = 1
        """;
    assertEquals(
        List.of(), problems(load(profile + model.replace("and and", "and")), "models/a.sql"));
    List<Problem> ps = problems(load(profile + model), "models/a.sql");
    assertEquals(1, ps.size(), ps.toString());
    Problem p = ps.get(0);
    assertEquals("'and' cannot follow 'and'", p.message());
    assertEquals(List.of(8, 40, 8, 43), List.of(p.line(), p.column(), p.endLine(), p.endColumn()));
  }

  @Test
  void uncheckedAdaptersAreSkipped() {
    assertTrue(SqlDialect.of("clickhouse").isEmpty());
    assertTrue(SqlDialect.of("oracle").isEmpty());
    assertTrue(SqlDialect.of(null).isEmpty());
  }

  @Test
  void bracketsAreErrorsOtherDefectsWarnings() {
    SqlDialect duck = SqlDialect.of("duckdb").orElseThrow();
    assertTrue(SqlSyntax.check("select (a from t", duck).get(0).certain());
    assertTrue(!SqlSyntax.check("select a,, b from t", duck).get(0).certain());
  }

  @Test
  void halfTypedAndOddInputNeverThrows() {
    SqlDialect pg = SqlDialect.of("postgres").orElseThrow();
    for (String sql :
        new String[] {
          "",
          " ",
          ";",
          "'",
          "\"",
          "/*",
          "$$",
          "$tag$ x",
          "(",
          ")",
          "[",
          "select",
          ",",
          "e'\\'",
          "--",
          "select $1",
          "\u0000",
          "select 'a' 'b'"
        }) {
      SqlSyntax.check(sql, pg);
      SqlDefects.find(sql, SqlDialect.of("bigquery").orElseThrow());
    }
  }

  // ---------------------------------------------------------------- through the template

  @Test
  void problemIsLocatedInTheTemplate() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/a.sql
        {{ config(materialized='view') }}
        select id,
          {{ 'name' }},, x
        from {{ ref('b') }}
        -- file: models/b.sql
        select 1 as id, 'n' as name, 2 as x
        """);
    List<Problem> ps = problems(s, "models/a.sql");
    assertEquals(1, ps.size(), ps.toString());
    Problem p = ps.get(0);
    assertEquals(ProblemCode.SQL_SYNTAX, p.code());
    assertEquals(Severity.WARNING, p.severity());
    assertEquals("two commas in a row", p.message());
    assertEquals(List.of(2, 15, 2, 16), List.of(p.line(), p.column(), p.endLine(), p.endColumn()));
  }

  @Test
  void aDefectMadeByAnExpressionCoversTheExpression() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/a.sql
        select * from t where {{ 'a = 1 and' }}
        """);
    Problem p = problems(s, "models/a.sql").get(0);
    assertEquals("nothing after 'and'", p.message());
    assertEquals(List.of(0, 22, 0, 39), List.of(p.line(), p.column(), p.endLine(), p.endColumn()));
  }

  @Test
  void unbalancedBracketIsAnError() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/a.sql
        select count(*
        from t
        """);
    Problem p = problems(s, "models/a.sql").get(0);
    assertEquals(Severity.ERROR, p.severity());
    assertEquals(List.of(0, 12, 0, 13), List.of(p.line(), p.column(), p.endLine(), p.endColumn()));
  }

  @Test
  void nodesWithCompileProblemsOrUncheckedAdaptersAreSkipped() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/a.sql
        select a,, b from {{ ref('missing') }} where {{ var('nope') }}
        """);
    assertEquals(List.of(), problems(s, "models/a.sql"));
    ProjectSnapshot oracle =
        load(
            """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: oracle
        -- file: models/a.sql
        select a,, b from t
        """);
    assertEquals(List.of(), problems(oracle, "models/a.sql"));
  }

  @Test
  void theAdapterOfTheTargetChoosesTheDialect() {
    String files =
        """
        -- file: models/a.sql
        select a, b, from t
        """;
    assertEquals(List.of(), problems(load(files), "models/a.sql")); // duckdb allows it
    ProjectSnapshot pg =
        load(
            """
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: postgres
        """
                + files);
    assertEquals("comma before 'from'", problems(pg, "models/a.sql").get(0).message());
  }

  @Test
  void projectDiagnosticsOfAnOpenFileIncludeSqlSyntax() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/a.sql
        select a,, b from t
        -- file: models/b.sql
        select a,, b from t
        """);
    var byFile =
        dev.dbtls.ide.Analysis.strict(s).diagnostics(List.of(Fixture.ROOT.resolve("models/a.sql")));
    assertEquals(
        List.of("models/a.sql:1:10: warning sql-syntax: two commas in a row"),
        byFile.get(Fixture.ROOT.resolve("models/a.sql")).stream().map(Problem::format).toList());
    assertEquals(null, byFile.get(Fixture.ROOT.resolve("models/b.sql"))); // not open
  }

  static ProjectSnapshot load(String spec) {
    Fixture f = Fixture.of(spec);
    return f.snapshot();
  }

  static List<Problem> problems(ProjectSnapshot s, String file) {
    NodeCompiler compiler = new NodeCompiler(s);
    List<Problem> out = new ArrayList<>();
    s.manifest()
        .nodesInFile(file)
        .forEach(n -> out.addAll(SqlSyntax.find(compiler.compile(n), s.inputs().target().type())));
    return out;
  }

  static List<String> corpus(String name) throws IOException {
    try (InputStream in = SqlSyntaxTest.class.getResourceAsStream("/sql/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String s : text.split("\n\\s*\n")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }
  }
}
