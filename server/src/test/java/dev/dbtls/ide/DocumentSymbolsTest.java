package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSymbolsTest {

  /** One line per symbol: indent, kind, name, detail, range and name range. */
  static String render(List<DocumentSymbol> symbols) {
    StringBuilder b = new StringBuilder();
    render(symbols, "", b);
    return b.toString();
  }

  private static void render(List<DocumentSymbol> symbols, String indent, StringBuilder b) {
    for (DocumentSymbol s : symbols) {
      b.append(indent)
          .append(s.kind())
          .append(' ')
          .append(s.name())
          .append(s.detail() == null ? "" : " {" + s.detail() + "}")
          .append(' ')
          .append(span(s.range()))
          .append(' ')
          .append(span(s.selectionRange()))
          .append('\n');
      render(s.children(), indent + "  ", b);
    }
  }

  private static String span(Span s) {
    return s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn();
  }

  private static String outline(String path, String text) {
    return render(DocumentSymbols.find(path, text));
  }

  @Test
  void ctesWithNameAndWholeRange() {
    assertEquals(
        """
        CONFIG config {materialized='table'} 0:3-0:31 0:3-0:9
        CTE orders 1:5-4:1 1:5-1:11
        CTE paid 5:0-7:1 5:0-5:6
        """,
        outline(
            "models/m.sql",
            """
        {{ config(materialized='table') }}
        with orders as (
          select * from {{ ref('stg_orders') }} -- with x as (
          where note = 'a ) b'
        ),
        "paid" (id) as materialized (
          select id from orders
        )
        select * from paid
        """));
  }

  @Test
  void nestedCtesAreChildren() {
    assertEquals(
        """
        CTE a 0:5-2:1 0:5-0:6
          CTE b 1:7-1:22 1:7-1:8
        """,
        outline(
            "models/m.sql",
            """
        with a as (
          with b as (select 1) select * from b
        ) select * from a
        """));
  }

  @Test
  void macrosWithNestedSetsCallsAndBlocks() {
    assertEquals(
        """
        MACRO cents {(col, scale=2)} 0:0-8:14 0:9-0:14
          VARIABLE x 1:2-1:17 1:9-1:10
          BLOCK for c in cols 2:2-4:14 2:5-2:18
            VARIABLE y 3:4-3:19 3:11-3:12
          CALL statement('main', fetch_result=True) {call} 6:2-7:15 6:10-6:19
        GENERIC_TEST positive {(model, column_name)} 9:0-11:13 9:8-9:16
        MATERIALIZATION mat {adapter=duckdb} 12:0-12:67 12:19-12:22
        VARIABLE block_var 13:0-15:12 13:7-13:16
        """,
        outline(
            "macros/m.sql",
            """
        {% macro cents(col, scale=2) %}
          {% set x = 1 %}
          {% for c in cols %}
            {% set y = c %}
          {% endfor %}
          {% if x %} nothing here {% endif %}
          {% call statement('main', fetch_result=True) %}
          {% endcall %}
        {% endmacro %}
        {% test positive(model, column_name) %}
        select 1
        {% endtest %}
        {% materialization mat, adapter='duckdb' %}{% endmaterialization %}
        {% set block_var %}
        a
        {% endset %}
        """));
  }

  @Test
  void snapshotsAndDocs() {
    assertEquals(
        """
        SNAPSHOT snap {snapshot} 0:0-3:17 0:12-0:16
          CONFIG config {unique_key='id'} 1:3-1:26 1:3-1:9
        """,
        outline(
            "snapshots/s.sql",
            """
        {% snapshot snap %}
        {{ config(unique_key='id') }}
        select 1
        {% endsnapshot %}
        """));
    assertEquals(
        """
        DOCS order_status {docs} 0:0-2:13 0:8-0:20
        """,
        outline(
            "models/docs.md",
            """
        {% docs order_status %}
        with a as (x)
        {% enddocs %}
        """));
  }

  @Test
  void halfTypedTextKeepsWhatIsThere() {
    assertEquals(
        """
        MACRO m {()} 0:0-4:0 0:9-0:10
          CTE a 1:5-1:20 1:5-1:6
          CTE b 2:0-3:9 2:0-2:1
        """,
        outline(
            "macros/m.sql",
            """
        {% macro m() %}
        with a as (select 1),
        b as (select {{ ref('x' }}
        c as (sel
        """));
  }

  @Test
  void anUnclosedCteEndsWithItsBlock() {
    assertEquals(
        """
        MACRO m {()} 0:0-2:14 0:9-0:10
          CTE a 1:5-2:14 1:5-1:6
        MACRO n {()} 3:0-3:29 3:9-3:10
        """,
        outline(
            "macros/m.sql",
            """
        {% macro m() %}
        with a as (select
        {% endmacro %}
        {% macro n() %}{% endmacro %}
        """));
  }

  @Test
  void brokenInputNeverThrows() {
    for (String text :
        new String[] {
          "",
          "{%",
          "{% macro",
          "with",
          "with a as",
          "with a as (",
          "{{ config(",
          "{% set %}",
          "{% call %}{% endcall %}",
          "{% for %}{% set x = 1 %}",
          "with \"a",
          "/* with a as (",
          "{% macro m( %}"
        }) {
      DocumentSymbols.find("models/x.sql", text);
      DocumentSymbols.find("models/x.yml", text);
    }
    assertEquals(List.of(), Analysis.documentSymbols(new Analysis.Cursor(null, null, 0)));
    // hostile nesting is flattened below a fixed depth instead of overflowing the stack
    String deep = "{% for x in y %}".repeat(20_000) + "{% set z = 1 %}";
    List<DocumentSymbol> outline = DocumentSymbols.find("models/x.sql", deep);
    int depth = 0;
    for (List<DocumentSymbol> level = outline; !level.isEmpty(); level = level.get(0).children()) {
      depth++;
    }
    assertEquals(DocumentSymbols.MAX_DEPTH + 1, depth);
  }

  @Test
  void propertyYaml() {
    assertEquals(
        """
        MODEL customers {model} 2:4-7:0 2:10-2:19
          COLUMN id {integer} 4:8-6:6 4:14-4:16
          COLUMN name 6:8-7:0 6:15-6:19
        SOURCE raw {source} 8:4-12:0 8:10-8:13
          SOURCE_TABLE orders {table} 10:8-11:6 10:14-10:20
          SOURCE_TABLE people {persons} 11:8-11:43 11:15-11:21
        MACRO cents {macro} 13:4-14:0 13:10-13:15
        EXPOSURE dash {dashboard} 15:4-17:0 15:10-15:14
        TEST totals {unit test of customers} 18:4-22:0 18:10-18:16
        """,
        outline(
            "models/schema.yml",
            """
        version: 2
        models:
          - name: customers
            columns:
              - name: id
                data_type: integer
              - name: "name"
        sources:
          - name: raw
            tables:
              - name: orders
              - {name: people, identifier: persons}
        macros:
          - name: cents
        exposures:
          - name: dash
            type: dashboard
        unit_tests:
          - name: totals
            model: customers
            given: []
            expect: {rows: []}
        """));
    assertEquals(
        """
        MODEL dim {model} 1:4-9:0 1:10-1:13
          COLUMN id 3:8-4:4 3:14-3:16
          MODEL v1 {version} 5:8-6:6 5:11-5:12
          MODEL v2 {version} 6:8-9:0 6:11-6:12
            COLUMN extra 8:12-9:0 8:18-8:23
        """,
        outline(
            "models/dims.yml",
            """
        models:
          - name: dim
            columns:
              - name: id
            versions:
              - v: 1
              - v: 2
                columns:
                  - name: extra
        """));
    assertEquals(
        "", outline("dbt_project.yml", "name: x\nmodels:\n  x:\n    +materialized: view\n"));
  }
}
