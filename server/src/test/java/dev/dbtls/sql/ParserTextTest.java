package dev.dbtls.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rewrite keeps every offset, and touches only what JSqlParser would stop on. */
class ParserTextTest {
  private static String of(String adapter, String sql) {
    String out = ParserText.of(sql, SqlDialect.of(adapter).orElseThrow());
    assertEquals(sql.length(), out.length());
    return out;
  }

  @Test
  void namesBecomeStandInsOfTheSameLengthAndTurnBack() {
    assertEquals(
        "select verif_, numbe_, da_, x as number, x::arra_ from t",
        of("snowflake", "select verify, number, day, x as number, x::array from t"));
    assertEquals("verify", ReservedNames.restored("verif_"));
    assertEquals("NUMBER", ReservedNames.restored("NUMBE_"));
    assertEquals("array(int)", ReservedNames.restoredType("arra_(in_)"));
    assertEquals("my_col_", ReservedNames.restored("my_col_"));
  }

  @Test
  void keywordsWhereTheyAreKeywordsStay() {
    String sql =
        "select dateadd(day, 1, d), cast(a as number(38, 0)), b::double precision, "
            + "double '1.5', extract(year from d) from t sample (10) window w as (order by a)";
    assertEquals(sql, of("snowflake", sql));
  }

  @Test
  void blankLinesCollapseButALineCommentKeepsItsEnd() {
    assertEquals(
        "select a -- note\n      from t", of("duckdb", "select a -- note\n\n\n    from t"));
    assertEquals("select\n    a from t", of("duckdb", "select\n\n\n\n a from t"));
    // inside a string too (no lexing for it): what a string holds decides no column
    assertEquals("select 'x\n  ' from t", of("duckdb", "select 'x\n\n\n' from t"));
    assertEquals("select a from t", of("duckdb", "select a from t"));
  }

  @Test
  void trailingCommasOnlyWhereTheDialectHasThem() {
    assertEquals("select a,b  from t", of("snowflake", "select a,b, from t"));
    assertEquals("select a,b, from t", of("postgres", "select a,b, from t"));
    assertEquals("select a,b  -- gone\n  from t", of("snowflake", "select a,b, -- gone\n  from t"));
    assertEquals("select f(a, b) from t", of("snowflake", "select f(a, b) from t"));
  }

  @Test
  void starClausesTheParserDoesNotReadAreBlankedAndKept() {
    String sql = "select src.* exclude id rename (a as b, \"C\" as d), x from t src";
    ParserText.Read read = ParserText.read(sql, SqlDialect.of("snowflake").orElseThrow());
    String clauses = " exclude id rename (a as b, \"C\" as d)";
    assertEquals("select src.*" + " ".repeat(clauses.length()) + ", x from t src", read.text());
    StarClauses c = read.starAt(sql.indexOf('*'));
    assertEquals(List.of("id"), c.excluded().stream().map(StarClauses.Name::text).toList());
    assertEquals(
        List.of("a>b", "\"C\">d"),
        c.renamed().stream().map(r -> r.from().text() + ">" + r.to().text()).toList());
    StarClauses.Name d = c.renamed().get(1).to();
    assertEquals("d", sql.substring(d.start(), d.end()));
    // bracketed exclude/replace stay for the parser; line breaks stay where they were
    assertEquals(
        "select * exclude (x) replace (1 as y)\n" + " ".repeat(13) + " -- c\n  from t",
        of("duckdb", "select * exclude (x) replace (1 as y)\nrename a as b -- c\n  from t"));
  }

  @Test
  void starClausesOnlyWhereTheyAreWholeAndTheDialectHasThem() {
    for (String sql :
        new String[] {
          "select * rename (a as",
          "select * rename a from t",
          "select * exclude from t",
          "select price * exclude from t",
          "select *, rename from t",
          "select * rename (a as b,) from t"
        }) {
      ParserText.Read read = ParserText.read(sql, SqlDialect.of("snowflake").orElseThrow());
      assertEquals(sql.replace(",)", " )"), read.text(), sql);
      assertEquals(List.of(), read.stars(), sql);
    }
    String sql = "select * rename (a as b) from t";
    assertEquals(sql, of("postgres", sql));
    assertEquals(sql, of("bigquery", sql));
  }

  @Test
  void theQuickChecksBeforeLexingFindWhatTheyLookFor() {
    assertTrue(ParserText.mayHaveStarClause("select * EXCLUDE id from t"));
    assertTrue(ParserText.mayHaveStarClause("rename"));
    assertTrue(ParserText.mayHaveStarClause("select *\nRename(a as b)"));
    assertFalse(ParserText.mayHaveStarClause("select excluded, renamed, my_exclude, x1rename"));
    assertTrue(ParserText.mayHaveTrailingComma("select a, from t", false));
    assertTrue(ParserText.mayHaveTrailingComma("select a, -- c\n /* d */ FROM t", false));
    assertTrue(ParserText.mayHaveTrailingComma("select a, // c\n\tfrom\n", false));
    assertTrue(ParserText.mayHaveTrailingComma("f(a,\n)", false));
    assertFalse(ParserText.mayHaveTrailingComma("select a, b from t", false));
    assertFalse(ParserText.mayHaveTrailingComma("select a, fromage from t", false));
    assertFalse(ParserText.mayHaveTrailingComma("select a, /* never closed ) from", false));
    assertFalse(ParserText.mayHaveTrailingComma("select a, b", false));
    assertFalse(ParserText.mayHaveTrailingComma(",", false));
    // nested block comments where the dialect nests them; every dialect's line comments
    assertTrue(ParserText.mayHaveTrailingComma("select a, /* x /* y */ z */ from t", true));
    assertFalse(ParserText.mayHaveTrailingComma("select a, /* x /* y */ z */ from t", false));
    assertTrue(ParserText.mayHaveTrailingComma("select a, /* /* */ from t", false));
    assertTrue(ParserText.mayHaveTrailingComma("select a, # c\nfrom t", false));
  }

  /** The regular expressions the scans replaced (a comment may not end where it could). */
  private static final Pattern STAR_CLAUSE = Pattern.compile("(?i)\\b(?:exclude|rename)\\b");

  /**
   * The star check is the expression it replaced; the comma check says yes wherever the lexer of a
   * dialect with trailing commas finds one (it may say yes more often: then the text is lexed).
   */
  private static void agree(String sql, String what) {
    assertEquals(STAR_CLAUSE.matcher(sql).find(), ParserText.mayHaveStarClause(sql), what);
    for (String adapter : List.of("snowflake", "duckdb", "bigquery", "databricks")) {
      SqlDialect d = SqlDialect.of(adapter).orElseThrow();
      List<SqlToken> t = SqlLexer.lex(sql, d);
      for (int i = 0; i + 1 < t.size(); i++) {
        if (t.get(i).isPunct(',') && (t.get(i + 1).is("from") || t.get(i + 1).isPunct(')'))) {
          assertTrue(
              ParserText.mayHaveTrailingComma(sql, d.nestedComments()), adapter + ": " + what);
        }
      }
    }
  }

  @Test
  void theQuickChecksAgreeWithTheExpressionsTheyReplaced() throws Exception {
    Path root = Path.of("..", "test-projects");
    List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files = all.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(files.size() > 50, "the test projects' SQL files: " + files.size());
    for (Path f : files) {
      agree(Files.readString(f), f.toString());
    }
    // and texts made of the pieces that matter, in every order a fixed seed gives
    String[] pieces = {
      ",",
      " ",
      "\n",
      "\t",
      "--c\n",
      "-- from\n",
      "//x\n",
      "/* y */",
      "/*",
      "*/",
      "from",
      "FROM",
      "fromage",
      ")",
      "(",
      "exclude",
      "Rename",
      "_exclude",
      "renamed",
      "a",
      "1",
      "'",
      "'s, from'",
      "/* a /* b */ c */",
      "#x\n",
      "# from\n",
      "--x",
      "-",
      "-"
    };
    java.util.Random random = new java.util.Random(27);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      agree(b.toString(), b.toString());
    }
  }
}
