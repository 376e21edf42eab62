package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every prefix of every file of a fixture project, as if typed character by character: outline,
 * folding, highlighting, links and lenses never throw (the inner methods are called, so a bug
 * shows) and keep their invariants.
 */
class OutlineRobustnessTest {
  private static final String EXTRA =
      """
      -- file: models/ctes.sql
      {{ config(materialized='incremental', unique_key='id') }}
      with orders as (
        select * from {{ ref('stg_orders') }} /* note ( */
        {% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
      ), "paid" as (select 1 as "x(" -- )
      )
      select * from orders join paid using (id)
      -- file: snapshots/snap.sql
      {% snapshot snap %}
      {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='s') }}
      select {# a comment
      over lines #} 1 as id
      {% endsnapshot %}
      -- file: macros/more.sql
      {% macro more(a, b=none) -%}
        {%- set things = [a, b] | select | list %}
        {% for t in things %}{% set x %}{{ t ~ "'" }}{% endset %}{% endfor %}
        {% call statement('q', fetch_result=True) %} select '{{ a }}' {% endcall %}
        {% raw %}{{ not jinja }}{% endraw %}
      {%- endmacro %}
      """;

  @Test
  void halfTypedFilesNeverThrowAndKeepInvariants() {
    NavFixture f = NavFixture.with(EXTRA);
    for (ProjectFile file : f.snapshot().inputs().files()) {
      String path = f.snapshot().inputs().displayPath(file);
      String text = file.text();
      for (int end = 0; end <= text.length(); end++) {
        String typed = text.substring(0, end);
        checkSymbols(DocumentSymbols.find(path, typed));
        for (FoldingRange r : FoldingRanges.find(path, typed)) {
          assertTrue(r.startLine() < r.endLine(), path + " " + r);
        }
        checkTokens(path, typed, SemanticTokens.find(path, typed));
        for (DocumentLink l : DocumentLinks.find(f.snapshot(), path, typed)) {
          assertTrue(l.range().startLine() == l.range().endLine(), l.toString());
        }
        CodeLenses.find(f.snapshot(), path, typed);
      }
    }
  }

  private static void checkSymbols(List<DocumentSymbol> symbols) {
    for (DocumentSymbol s : symbols) {
      assertTrue(inside(s.selectionRange(), s.range()), s.toString());
      for (DocumentSymbol c : s.children()) {
        assertTrue(inside(c.range(), s.range()), c + " in " + s);
      }
      checkSymbols(s.children());
    }
  }

  private static boolean inside(Span in, Span out) {
    return before(out.startLine(), out.startColumn(), in.startLine(), in.startColumn())
        && before(in.endLine(), in.endColumn(), out.endLine(), out.endColumn());
  }

  private static boolean before(int l1, int c1, int l2, int c2) {
    return l1 < l2 || l1 == l2 && c1 <= c2;
  }

  private static void checkTokens(String path, String text, List<SemanticToken> tokens) {
    String[] lines = text.split("\n", -1);
    SemanticToken prev = null;
    for (SemanticToken t : tokens) {
      assertTrue(
          t.length() > 0 && t.startChar() + t.length() <= lines[t.line()].length(), path + " " + t);
      assertTrue(
          prev == null
              || prev.line() < t.line()
              || prev.startChar() + prev.length() <= t.startChar(),
          path + " " + prev + " " + t);
      prev = t;
    }
  }
}
