package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Severity;
import dev.dbtls.project.Span;
import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strict spec's deprecations in the editor: a diagnostic on the open file, and its quick fix
 * found again in the buffer.
 */
class StrictSpecFixesTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      source-paths: ["models"$0]
      -- file: models/a.sql
      select 1 as id
      """;

  @Test
  void anOpenFilesDeprecationIsAWarningWithAQuickFix() {
    NavFixture f = NavFixture.of(PROJECT);
    Path file = Fixture.ROOT.resolve("dbt_project.yml");
    List<Problem> problems =
        f.analysis().diagnostics(List.of(file)).getOrDefault(file, List.of()).stream()
            .filter(p -> p.code().isDeprecation())
            .toList();
    assertEquals(1, problems.size(), problems.toString());
    Problem p = problems.get(0);
    assertEquals("project-config-source-paths", p.code().id());
    assertEquals(Severity.WARNING, p.severity());
    assertTrue(p.message().startsWith("ConfigSourcePathDeprecation: "), p.message());
    assertEquals(new Span(2, 0, 2, 12), new Span(p.line(), p.column(), p.endLine(), p.endColumn()));

    Span cursor = new LineIndex(f.text()).span(f.offset(), f.offset());
    List<CodeAction> actions = f.analysis().codeActions(f.cursor(), cursor, problems);
    assertEquals(1, actions.size());
    CodeAction a = actions.get(0);
    assertEquals("Rename `source-paths` to `model-paths`", a.title());
    assertEquals(CodeAction.QUICKFIX, a.kind());
    assertEquals(List.of(p), a.fixes());
    assertEquals(
        "name: shop\nprofile: shop\nmodel-paths: [\"models\"]\n",
        TextEdit.apply(f.text(), a.edits()));
  }

  @Test
  void closedFilesAndFixedBuffersHaveNone() {
    NavFixture f = NavFixture.of(PROJECT);
    assertTrue(
        f.analysis().diagnostics(List.of()).values().stream()
            .flatMap(List::stream)
            .noneMatch(p -> p.code().isDeprecation()));
    // the editor's diagnostic is stale: the buffer no longer has the deprecation, so no fix
    Problem stale =
        Problem.at(
            "dbt_project.yml",
            2,
            0,
            dev.dbtls.project.ProblemCode.PROJECT_CONFIG_SOURCE_PATHS,
            "x");
    String fixedText = "name: shop\nprofile: shop\nmodel-paths: [\"models\"]\n";
    assertEquals(
        List.of(),
        f.analysis()
            .codeActions(
                new Analysis.Cursor("dbt_project.yml", fixedText, 0),
                new Span(2, 0, 2, 0),
                List.of(stale)));
  }

  @Test
  void aSourcesFreshnessMovedUnderConfigIsStillShown() {
    NavFixture f =
        NavFixture.of(
            """
            -- file: models/sources.yml
            version: 2
            sources:
              - name: raw
                config:
                  loaded_at_field: _loaded_at
                  freshness:
                    warn_after: {count: 12, period: hour}
                tables:
                  - name: orders
            -- file: models/x.sql
            select * from {{ sou$0rce('raw', 'orders') }}
            """);
    String hover = f.analysis().hover(f.cursor()).orElseThrow().markdown();
    assertTrue(hover.contains("loaded_at_field: `_loaded_at`"), hover);
    assertTrue(hover.contains("freshness: warn after 12 hour"), hover);
  }

  @Test
  void severalFixableDeprecationsGetAFixAllToo() {
    NavFixture f =
        NavFixture.of(
            """
            -- file: dbt_project.yml
            name: shop
            profile: shop
            source-paths: ["models"$0]
            data-paths: ["seeds"]
            models:
              shop:
                materialized: view
            """);
    Path file = Fixture.ROOT.resolve("dbt_project.yml");
    List<Problem> problems =
        f.analysis().diagnostics(List.of(file)).get(file).stream()
            .filter(p -> p.code().isDeprecation() && p.line() == 2)
            .toList();
    Span cursor = new LineIndex(f.text()).span(f.offset(), f.offset());
    List<CodeAction> actions = f.analysis().codeActions(f.cursor(), cursor, problems);
    assertEquals(
        List.of(
            "Rename `source-paths` to `model-paths`", "Fix all 3 dbt v2 deprecations in this file"),
        actions.stream().map(CodeAction::title).toList());
    assertEquals(
        """
        name: shop
        profile: shop
        model-paths: ["models"]
        seed-paths: ["seeds"]
        models:
          shop:
            +materialized: view
        """,
        TextEdit.apply(f.text(), actions.get(1).edits()));
  }
}
