package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dialects' function lists, and completion of functions in SQL text of a target's dialect. */
class SqlFunctionsTest {

  private static String project(String adapter) {
    return """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: profiles.yml
        shop:
          target: dev
          outputs:
            dev:
              type: %s
        """
        .formatted(adapter);
  }

  private static List<CompletionItem> complete(String adapter, String body) {
    NavFixture f = NavFixture.of(project(adapter) + "-- file: models/report.sql\n" + body + "\n");
    return f.analysis().completion(f.cursor());
  }

  private static List<String> functions(List<CompletionItem> items) {
    return items.stream()
        .filter(i -> i.kind() == CompletionKind.FUNCTION)
        .map(CompletionItem::label)
        .toList();
  }

  private static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream()
        .filter(i -> i.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + functions(items)));
  }

  // ---------------------------------------------------------------- resource files

  @Test
  void everyResourceFileParses() throws IOException {
    for (String dialect : SqlFunctions.DIALECTS.keySet()) {
      String text;
      try (InputStream in =
          SqlFunctions.class.getResourceAsStream(SqlFunctions.RESOURCES + dialect + ".tsv")) {
        assertTrue(in != null, dialect + ".tsv is missing");
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Set<String> names = new HashSet<>();
      int n = 0;
      for (String line : text.split("\n", -1)) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = dialect + ".tsv: " + line;
        String[] f = line.split("\t", -1);
        assertEquals(3, f.length, where);
        assertTrue(f[0].matches("[a-z_][a-z0-9_]*"), where);
        assertTrue(f[1].contains(f[0]), where);
        assertFalse(f[2].isBlank(), where);
        assertEquals(f[2].strip(), f[2], where);
        assertTrue(names.add(f[0]), "twice in " + where);
        n++;
      }
      assertEquals(n, SqlFunctions.read(dialect).size(), dialect);
      assertTrue(n >= 40, dialect + " has " + n);
    }
  }

  @Test
  void malformedLinesAreSkipped() {
    assertNull(SqlFunctions.parse("# comment", "SQL"));
    assertNull(SqlFunctions.parse("", "SQL"));
    assertNull(SqlFunctions.parse("abs\tabs(x)", "SQL"));
    assertNull(SqlFunctions.parse("abs\tabs(x)\tAbsolute.\textra", "SQL"));
    assertNull(SqlFunctions.parse("abs\t\tAbsolute.", "SQL"));
    assertEquals(
        new SqlFunctions.SqlFunction("abs", "ABS(x)", "Absolute.", "SQL"),
        SqlFunctions.parse("ABS\tABS(x)\tAbsolute.", "SQL"));
  }

  // ---------------------------------------------------------------- per adapter

  @Test
  void anAdapterGetsTheCommonFunctionsAndItsOwnAndItsOwnWin() {
    assertEquals(
        "date_trunc(date, part)",
        SqlFunctions.find("bigquery", "DATE_TRUNC").orElseThrow().signature());
    assertEquals("BigQuery", SqlFunctions.find("bigquery", "date_trunc").orElseThrow().dialect());
    assertEquals("SQL", SqlFunctions.find("bigquery", "coalesce").orElseThrow().dialect());
    assertEquals("log([base,] x)", SqlFunctions.find("postgres", "log").orElseThrow().signature());
    assertEquals("log(base, x)", SqlFunctions.find("duckdb", "log").orElseThrow().signature());
    assertTrue(SqlFunctions.find("postgres", "list_aggregate").isEmpty());
    assertTrue(SqlFunctions.find("duckdb", "list_aggregate").isPresent());

    List<SqlFunctions.SqlFunction> pg = SqlFunctions.forAdapter("postgres");
    assertEquals(pg.stream().map(SqlFunctions.SqlFunction::name).distinct().count(), pg.size());
    assertEquals(1, pg.stream().filter(f -> f.name().equals("log")).count());
    assertEquals(
        pg.stream().map(SqlFunctions.SqlFunction::name).sorted().toList(),
        pg.stream().map(SqlFunctions.SqlFunction::name).toList());
  }

  @Test
  void adaptersSharingADialectAndUnknownAdapters() {
    assertEquals(SqlFunctions.forAdapter("mysql"), SqlFunctions.forAdapter("mariadb"));
    assertEquals(SqlFunctions.forAdapter("databricks"), SqlFunctions.forAdapter("SPARK"));
    assertEquals(SqlFunctions.forAdapter("trino"), SqlFunctions.forAdapter("athena"));
    List<SqlFunctions.SqlFunction> common = SqlFunctions.forAdapter("oracle");
    assertEquals(SqlFunctions.read("common").size(), common.size());
    assertEquals(common, SqlFunctions.forAdapter(null));
    assertEquals(Optional.empty(), SqlFunctions.find("duckdb", null));
    assertEquals(Optional.empty(), SqlFunctions.find("duckdb", "no_such_function"));
  }

  // ---------------------------------------------------------------- completion

  @Test
  void completionOffersTheTargetDialectsFunctions() {
    List<CompletionItem> duck = complete("duckdb", "select list_ag$0");
    CompletionItem agg = item(duck, "list_aggregate");
    assertEquals("list_aggregate(list, name [, ...])", agg.detail());
    assertEquals(
        "Applies the named aggregate function to the elements of a list.\n\nDuckDB function",
        agg.documentation());
    assertEquals("list_aggregate($1)", agg.insertText());
    assertTrue(agg.snippet());

    List<CompletionItem> pg = complete("postgres", "select list_ag$0");
    assertFalse(functions(pg).contains("list_aggregate"), functions(pg).toString());
    assertEquals(
        "generate_series(start, stop [, step])",
        item(complete("postgres", "select * from generate_se$0"), "generate_series").detail());
    assertEquals(
        "PostgreSQL function",
        item(complete("postgres", "select * from generate_se$0"), "generate_series")
            .documentation()
            .lines()
            .reduce((a, b) -> b)
            .orElseThrow());
  }

  @Test
  void completionOfFunctionsWithoutArgumentsOrBeforeAParenthesis() {
    CompletionItem today = item(complete("postgres", "select current_da$0"), "current_date");
    assertEquals("current_date", today.insertText());
    assertFalse(today.snippet());
    CompletionItem now = item(complete("postgres", "select no$0"), "now");
    assertEquals("now()", now.insertText());
    assertFalse(now.snippet());
    CompletionItem trunc = item(complete("postgres", "select date_tr$0(x)"), "date_trunc");
    assertEquals("date_trunc", trunc.insertText());
    assertFalse(trunc.snippet());
    CompletionItem upper = item(complete("snowflake", "SELECT DATEA$0"), "DATEADD");
    assertEquals("DATEADD($1)", upper.insertText());
  }

  @Test
  void anUnknownAdapterGetsTheCommonFunctions() {
    List<CompletionItem> items = complete("oracle", "select coal$0");
    assertEquals("coalesce(expr, ...)", item(items, "coalesce").detail());
    assertFalse(functions(complete("oracle", "select list_ag$0")).contains("list_aggregate"));
  }
}
