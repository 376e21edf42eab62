package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeLensesTest {

  private static List<CodeLens> lenses(String extra) {
    NavFixture f = NavFixture.with(extra);
    return CodeLenses.find(f.snapshot(), f.file(), f.text());
  }

  private static List<CodeLens> set(int line, String path, String uniqueId) {
    Span at = new Span(line, 0, line, 0);
    Map<String, String> arg = Map.of("displayPath", path, "uniqueId", uniqueId);
    List<CodeLens> out =
        new java.util.ArrayList<>(
            List.of(
                new CodeLens(at, "▶ Preview", "dbtls.preview", arg),
                new CodeLens(at, "Explain", "dbtls.explain", arg),
                new CodeLens(at, "Benchmark", "dbtls.benchmark", arg),
                new CodeLens(at, "Compiled SQL", "dbtls.showCompiledSql", arg),
                new CodeLens(at, "Lineage", "dbtls.lineage", arg)));
    if (!uniqueId.startsWith("analysis.")) {
      // what is built also gets dbt build and dbt test
      out.add(new CodeLens(at, "Build", "dbtls.buildModel", arg));
      out.add(new CodeLens(at, "Test", "dbtls.testModel", arg));
    }
    return out;
  }

  @Test
  void modelsGetOneSetOnTheFirstLine() {
    assertEquals(
        set(0, "models/x.sql", "model.shop.x"),
        lenses(
            """
        -- file: models/x.sql
        $0{{ config(materialized='table') }}
        select 1 as id
        """));
    assertEquals(
        set(0, "analyses/a.sql", "analysis.shop.a"),
        lenses(
            """
        -- file: analyses/a.sql
        $0select 1
        """));
  }

  @Test
  void snapshotsGetOneSetPerBlockOnItsLine() {
    List<CodeLens> expected =
        new java.util.ArrayList<>(set(1, "snapshots/s.sql", "snapshot.shop.first"));
    expected.addAll(set(6, "snapshots/s.sql", "snapshot.shop.second"));
    assertEquals(
        expected,
        lenses(
            """
        -- file: snapshots/s.sql
        $0-- two snapshots
        {% snapshot first %}
        {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='s') }}
        select 1 as id
        {% endsnapshot %}

        {% snapshot second %}
        {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='s') }}
        select 2 as id
        {% endsnapshot %}
        """));
  }

  @Test
  void noneForMacrosTestsYamlOrUnknownFiles() {
    assertEquals(
        List.of(),
        lenses(
            """
        -- file: macros/m.sql
        $0{% macro m() %}1{% endmacro %}
        """));
    assertEquals(
        List.of(),
        lenses(
            """
        -- file: tests/t.sql
        $0select 1 where false
        """));
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    assertEquals(List.of(), CodeLenses.find(f.snapshot(), "models/schema.yml", ""));
    assertEquals(List.of(), CodeLenses.find(f.snapshot(), "models/new_unsaved.sql", "select 1"));
    assertEquals(
        List.of(),
        Analysis.of(null).codeLenses(Analysis.Cursor.document("models/x.sql", "select 1")));
  }
}
