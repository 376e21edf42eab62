package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.ide.DocumentHighlights.Highlight;
import dev.dbtls.ide.DocumentHighlights.Kind;
import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentHighlightsTest {

  private static List<Highlight> highlights(String extraWithCursor) {
    NavFixture f = NavFixture.with(extraWithCursor);
    return DocumentHighlights.find(f.snapshot(), f.file(), f.text(), f.offset());
  }

  private static Highlight h(int line, int col, int endCol, Kind kind) {
    return new Highlight(new Span(line, col, line, endCol), kind);
  }

  @Test
  void refsToTheSameModel() {
    assertEquals(
        List.of(h(0, 22, 31, Kind.READ), h(1, 21, 30, Kind.READ)),
        highlights(
            """
        -- file: models/x.sql
        select * from {{ ref('cust$0omers') }}
        join {{ ref('shop', 'customers') }} using (id) join {{ ref('stg_customers') }}
        """));
    // versions are told apart
    assertEquals(
        List.of(h(0, 22, 32, Kind.READ)),
        highlights(
            """
        -- file: models/x.sql
        select * from {{ ref('dim_or$0ders', v=1) }}, {{ ref('dim_orders') }}
        """));
  }

  @Test
  void unknownRefsMatchBySpelling() {
    assertEquals(
        List.of(h(0, 22, 26, Kind.TEXT), h(0, 41, 45, Kind.TEXT)),
        highlights(
            """
        -- file: models/x.sql
        select * from {{ ref('no$0pe') }}, {{ ref('nope') }}, {{ ref('nop') }}
        """));
  }

  @Test
  void sourcesOfTheSameTable() {
    assertEquals(
        List.of(h(0, 32, 38, Kind.READ), h(1, 24, 30, Kind.READ)),
        highlights(
            """
        -- file: models/x.sql
        select * from {{ source('raw', 'ord$0ers') }}
        union {{ source('raw', 'orders') }} {{ source('raw', 'customers') }}
        """));
  }

  @Test
  void aMacroItsDefinitionAndCalls() {
    assertEquals(
        List.of(h(0, 9, 14, Kind.WRITE), h(1, 3, 8, Kind.READ), h(1, 23, 28, Kind.READ)),
        highlights(
            """
            -- file: macros/m.sql
            {% macro twic$0e(x) %}{{ x }} * 2{% endmacro %}
            {{ twice(1) }} {{ shop.twice(2) }} {{ cents_to_dollars(3) }}
            """));
    // a builtin: by spelling
    assertEquals(
        List.of(h(0, 6, 20, Kind.TEXT), h(0, 39, 53, Kind.TEXT)),
        highlights(
            """
        -- file: models/x.sql
        {% if is_incre$0mental() %}{% endif %}{{ is_incremental() }}
        """));
  }

  @Test
  void aDispatchAndItsImplementations() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    String text = f.fixture().text("macros/dispatched.sql");
    List<Highlight> hs =
        DocumentHighlights.find(
            f.snapshot(), "macros/dispatched.sql", text, text.indexOf("'my_hash'") + 2);
    assertEquals(
        List.of(h(0, 52, 59, Kind.READ), h(1, 9, 24, Kind.WRITE), h(2, 9, 25, Kind.WRITE)), hs);
  }

  @Test
  void varsAndDocs() {
    assertEquals(
        List.of(h(0, 15, 25, Kind.READ), h(0, 40, 50, Kind.READ)),
        highlights(
            """
        -- file: models/x.sql
        select {{ var('start_d$0ate') }}, {{ var('start_date', 1) }}, {{ var('other') }}
        """));
    assertEquals(
        List.of(h(0, 8, 20, Kind.WRITE), h(2, 8, 20, Kind.READ)),
        highlights(
            """
        -- file: models/more_docs.md
        {% docs order_st$0atus %}x{% enddocs %}
        {% docs other %}
        {{ doc('order_status') }}
        {% enddocs %}
        """));
  }

  @Test
  void yamlEntriesAndRefs() {
    assertEquals(
        List.of(h(2, 10, 19, Kind.WRITE), h(5, 22, 31, Kind.READ)),
        highlights(
            """
        -- file: models/x.yml
        version: 2
        models:
          - name: custo$0mers
        exposures:
          - name: e
            depends_on: [ref('customers')]
        """));
    assertEquals(
        List.of(h(4, 8, 19, Kind.READ), h(5, 38, 49, Kind.READ)),
        highlights(
            """
        -- file: macros/t.sql
        {% test is_positive(model, column_name) %}select 1{% endtest %}
        -- file: models/x.yml
        version: 2
        models:
          - name: customers
            tests:
              - is_pos$0itive
            columns: [{name: id, tests: [shop.is_positive, unique]}]
        """));
  }

  @Test
  void ctesDefinitionAndUses() {
    assertEquals(
        List.of(
            h(0, 5, 6, Kind.WRITE),
            h(1, 13, 14, Kind.READ),
            h(1, 28, 29, Kind.READ),
            h(1, 70, 71, Kind.READ)),
        highlights(
            """
        -- file: models/x.sql
        with a as (select 1 as id),
        b as (select a.id, x.a from a join {{ ref('customers') }} c on c.id = a.id)
        select * from b
        """
                .replace("with a as", "with $0a as")));
  }

  @Test
  void nothingUnderTheCursorOrBrokenText() {
    assertTrue(highlights("-- file: models/x.sql\nsel$0ect 1\n").isEmpty());
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    for (String t :
        new String[] {
          "{{ ref('cust",
          "with a as (select * from a",
          "{% macro m(",
          "- name: ",
          "{{ var(",
          "{{ adapter.dispatch('"
        }) {
      for (int i = 0; i <= t.length() + 1; i++) {
        for (String path : new String[] {"models/a.sql", "models/a.yml", "models/a.py"}) {
          f.analysis().highlights(new Analysis.Cursor(path, t, i));
        }
      }
    }
  }
}
