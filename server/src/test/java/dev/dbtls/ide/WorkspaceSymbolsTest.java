package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceSymbolsTest {
  private static final NavFixture F = NavFixture.of(NavFixture.PROJECT);

  private static List<String> names(String query, int limit) {
    return WorkspaceSymbols.find(F.snapshot(), query, limit).stream()
        .map(s -> s.kind() + " " + s.name())
        .toList();
  }

  @Test
  void exactThenPrefixThenWordStartThenSubsequence() {
    assertEquals(
        List.of(
            "MODEL customers",
            "COLUMN customers.id",
            "SOURCE_TABLE raw.customers",
            "MODEL stg_customers"),
        names("customers", 10));
    assertEquals(List.of("MODEL stg_orders", "MODEL stg_customers"), names("stg", 10));
    // word starts in order, then a plain subsequence
    assertEquals(List.of("MODEL stg_orders", "MODEL customers"), names("so", 2));
    assertEquals(List.of("MACRO cents_to_dollars", "COLUMN customers.id"), names("CTD", 10));
    assertEquals(List.of("MODEL stg_orders"), names(" stg  orders ", 1));
  }

  @Test
  void testsComeAfterOtherSymbolsOfTheSameRank() {
    NavFixture f =
        NavFixture.with(
            """
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            columns:
              - name: status
                data_tests: [not_null]
        -- file: tests/assert_status.sql
        select 1 from {{ ref('stg_orders') }} where false
        """);
    // docs blocks rank with tests
    assertEquals(
        List.of(
            "COLUMN stg_orders.status",
            "DOCS order_status",
            "TEST assert_status",
            "TEST not_null_stg_orders_status"),
        WorkspaceSymbols.find(f.snapshot(), "status", 10).stream()
            .map(s -> s.kind() + " " + s.name())
            .toList());
  }

  @Test
  void kindsContainersAndLocations() {
    List<WorkspaceSymbol> s = WorkspaceSymbols.find(F.snapshot(), "orders", 20);
    assertTrue(
        s.contains(
            new WorkspaceSymbol(
                "raw.orders",
                OutlineKind.SOURCE_TABLE,
                "shop",
                new Location("models/sources.yml", new Span(8, 14, 8, 20)))),
        s.toString());
    assertTrue(
        s.contains(
            new WorkspaceSymbol(
                "dim_orders.v2",
                OutlineKind.MODEL,
                "shop",
                new Location("models/dim_orders_v2.sql", new Span(0, 0, 0, 0)))),
        s.toString());
    assertEquals(
        new WorkspaceSymbol(
            "customers.id",
            OutlineKind.COLUMN,
            "customers",
            new Location("models/schema.yml", new Span(9, 8, 12, 2))),
        WorkspaceSymbols.find(F.snapshot(), "customers.id", 1).get(0));
    assertEquals(
        new WorkspaceSymbol(
            "star",
            OutlineKind.MACRO,
            "util",
            new Location("dbt_packages/util/macros/star.sql", new Span(0, 9, 0, 13))),
        WorkspaceSymbols.find(F.snapshot(), "star", 1).get(0));
    assertEquals(
        new WorkspaceSymbol(
            "order_status",
            OutlineKind.DOCS,
            "shop",
            new Location("models/docs.md", new Span(0, 8, 0, 20))),
        WorkspaceSymbols.find(F.snapshot(), "order_status", 1).get(0));
  }

  @Test
  void ranks() {
    assertEquals(WorkspaceSymbols.EXACT, WorkspaceSymbols.rank("orders", "orders"));
    assertEquals(WorkspaceSymbols.PREFIX, WorkspaceSymbols.rank("orders_daily", "orders"));
    assertEquals(WorkspaceSymbols.PREFIX, WorkspaceSymbols.rank("raw.orders", "orders"));
    assertEquals(WorkspaceSymbols.WORD_START, WorkspaceSymbols.rank("stg_orders_v2", "orders"));
    assertEquals(
        WorkspaceSymbols.WORD_START,
        WorkspaceSymbols.rank("stgorderscount", "count") < 0 ? -1 : WorkspaceSymbols.WORD_START);
    assertEquals(WorkspaceSymbols.WORD_STARTS, WorkspaceSymbols.rank("stg_orders", "stgor"));
    assertEquals(WorkspaceSymbols.WORD_STARTS, WorkspaceSymbols.rank("fct_daily_revenue", "fdr"));
    assertEquals(WorkspaceSymbols.SUBSTRING, WorkspaceSymbols.rank("stg_borders", "order"));
    assertEquals(WorkspaceSymbols.SUBSEQUENCE, WorkspaceSymbols.rank("stg_orders", "tgrs"));
    assertEquals(-1, WorkspaceSymbols.rank("stg_orders", "zz"));
  }

  @Test
  void emptyQueryAndLimits() {
    assertEquals(3, WorkspaceSymbols.find(F.snapshot(), "", 3).size());
    assertEquals(List.of(), WorkspaceSymbols.find(F.snapshot(), "x", 0));
    List<WorkspaceSymbol> all = WorkspaceSymbols.find(F.snapshot(), "", Integer.MAX_VALUE);
    assertTrue(all.size() > 10, all.toString());
    assertEquals(all, WorkspaceSymbols.find(F.snapshot(), "", 10_000));
    assertEquals(List.of(), Analysis.of(null).workspaceSymbols("x", 10));
    assertEquals(List.of(), WorkspaceSymbols.find(F.snapshot(), "qqqqqq", 10));
  }

  @Test
  void aNewSnapshotWithTheSameNamesAndPlacesReusesTheIndex() {
    NavFixture first = NavFixture.of(NavFixture.PROJECT);
    NavFixture again =
        NavFixture.of(NavFixture.PROJECT.replace("select 2 as id", "select 3 as id"));
    Analysis before = Analysis.of(first.snapshot());
    Analysis after = Analysis.next(before, again.snapshot());
    assertSame(
        before.workspaceSymbols("customers", 1).get(0),
        after.workspaceSymbols("customers", 1).get(0));
    NavFixture more =
        NavFixture.with(
            """
        -- file: models/brand_new.sql
        select 1
        """);
    Analysis changed = Analysis.next(after, more.snapshot());
    assertEquals(
        List.of("MODEL brand_new"),
        changed.workspaceSymbols("brand_new", 5).stream()
            .map(x -> x.kind() + " " + x.name())
            .toList());
    assertEquals(List.of(), after.workspaceSymbols("brand_new", 5));
  }

  @Test
  void indexIsBuiltOncePerAnalysis() {
    Analysis analysis = F.analysis();
    List<WorkspaceSymbol> a = analysis.workspaceSymbols("cust", 50);
    List<WorkspaceSymbol> b = analysis.workspaceSymbols("cust", 50);
    assertEquals(a, b);
    assertSame(a.get(0), b.get(0));
  }
}
