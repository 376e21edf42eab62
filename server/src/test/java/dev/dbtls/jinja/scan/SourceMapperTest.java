package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the source map against Python's Jinja2: each template is rendered once plain
 * and once instrumented, by one python3 process for the whole table. The recovered output must
 * equal the plain output byte for byte, and every segment must point at the piece that made it.
 */
class SourceMapperTest {

  /** Templates rendered with {@code VARS}: whitespace control, loops, macros, set blocks... */
  static final String[] TABLE = {
    "select 1",
    "",
    "select * from {{ table }} where x = {{ n }}\n",
    "a {{- table }} b\n",
    "a {{ table -}}   \n  b",
    "{% if flag %}yes{% else %}no{% endif %}!",
    "{% if not flag %}yes{% elif n > 2 %}mid{% else %}no{% endif %}!",
    "select\n{% for c in cols %}  {{ c }}{% if not loop.last %},{% endif %}\n{% endfor %}from t",
    "select\n{%- for c in cols %}\n  {{ c }}{{ ',' if not loop.last }}\n{%- endfor %}\nfrom t",
    "{% for c in cols -%}\n   {{ c }}   \n{%- endfor %}",
    "x   {%- if flag -%}   \n  {%- if flag -%}  y  {%- endif -%}  \n {%- endif %} z",
    "{%- set a = 1 -%}\n\n{{- a -}}\n\n{%- set b = 2 %}{{ b }}",
    "{% set sql %}select {{ n }} as x{% endset %}[{{ sql }}]",
    "{% macro m(x, y='d') -%}\n  <{{ x }}|{{ y }}>\n{%- endmacro %}{{ m(1) }} and {{ m(2, y='e') }}",
    "{% macro w() %}({{ caller() }}){% endmacro %}{% call w() %}inner {{ n }}{% endcall %}.",
    "{% filter upper %}abc {{ table }}{% endfilter %}-",
    "{% raw %}{{ not rendered }}{% endraw %} {{ n }}",
    "{# a comment #}\nselect {# inline -#}   1",
    "  {#- trim both -#}  \n x",
    "{% for i in range(3) %}{% for j in range(2) %}{{ i }}{{ j }} {% endfor %}\n{% endfor %}",
    "{% for c in [] %}x{% else %}empty{% endfor %}",
    "a\n{%- if flag %}\n b\n{%- endif %}\nc\n",
    "{{ cols | join(', ') }} {{ {'a': [1, 2]}['a'] | length }}\n\n",
    "line1\r\nline2 {{ 'é €' }}\r\n",
  };

  static final String VARS =
      "{\"table\": \"analytics.orders\", \"n\": 3, \"flag\": true, \"cols\": [\"id\", \"name\", \"ts\"]}";

  static List<String> plain;
  static List<String> instrumentedOutput;

  @BeforeAll
  static void render() throws Exception {
    List<String> jobs = new ArrayList<>();
    for (String t : TABLE) {
      jobs.add(t);
      jobs.add(SourceMapper.instrument(JinjaScanner.scan(t)));
    }
    List<String> outs = Jinja2.render(jobs, VARS);
    plain = new ArrayList<>();
    instrumentedOutput = new ArrayList<>();
    for (int i = 0; i < outs.size(); i += 2) {
      plain.add(outs.get(i));
      instrumentedOutput.add(outs.get(i + 1));
    }
  }

  @Test
  void corpusModelsMapBackExactly() throws Exception {
    List<String> names =
        List.of(
            "stg_orders.sql",
            "customers.sql",
            "orders_incremental.sql",
            "union_sources.sql",
            "orders_snapshot.sql");
    List<String> jobs = new ArrayList<>();
    for (String n : names) {
      String text = Corpus.read(n);
      jobs.add(text);
      jobs.add(SourceMapper.instrument(JinjaScanner.scan(text)));
    }
    List<String> outs = Jinja2.render(jobs, VARS);
    for (int i = 0; i < names.size(); i++) {
      String template = jobs.get(2 * i);
      String want = outs.get(2 * i);
      assertTrue(!want.startsWith("ERROR"), names.get(i) + ": " + want);
      SourceMap m = SourceMapper.recover(JinjaScanner.scan(template), outs.get(2 * i + 1));
      assertEquals(want, m.output(), names.get(i));
      for (SourceMap.Segment s : m.segments()) {
        for (int o = s.outputStart(); s.kind() == PieceKind.TEXT && o < s.outputEnd(); o++) {
          assertEquals(m.output().charAt(o), template.charAt(m.templateOffsetFor(o)));
        }
      }
    }
    // the source() output in the loop of union_sources maps to that one expression, twice
    String union = jobs.get(6);
    SourceMap m = SourceMapper.recover(JinjaScanner.scan(union), outs.get(7));
    List<String> rendered = new ArrayList<>();
    for (TextRange r : m.outputRangesFor(union.indexOf("{{ source("))) {
      rendered.add(r.of(m.output()));
    }
    assertEquals(List.of("\"raw\".\"shop_orders_eu\"", "\"raw\".\"shop_orders_us\""), rendered);
  }

  private static SourceMap map(int i) {
    return SourceMapper.recover(JinjaScanner.scan(TABLE[i]), instrumentedOutput.get(i));
  }

  @Test
  void recoveredOutputEqualsPlainRenderingByteForByte() {
    for (int i = 0; i < TABLE.length; i++) {
      assertTrue(!plain.get(i).startsWith("ERROR"), TABLE[i] + " -> " + plain.get(i));
      assertEquals(plain.get(i), map(i).output(), "template #" + i + ": " + TABLE[i]);
    }
  }

  @Test
  void textSegmentsPointAtTheSameText() {
    for (int i = 0; i < TABLE.length; i++) {
      SourceMap m = map(i);
      String template = TABLE[i];
      for (SourceMap.Segment s : m.segments()) {
        if (s.kind() == PieceKind.TEXT) {
          for (int o = s.outputStart(); o < s.outputEnd(); o++) {
            char want = m.output().charAt(o);
            char got = template.charAt(m.templateOffsetFor(o));
            assertTrue(
                want == got || want == '\n' && got == '\r',
                "template #" + i + " output " + o + ": " + template);
            // in a loop the same text has several occurrences; this one is among them
            assertTrue(m.outputRangesFor(m.templateOffsetFor(o)).contains(new TextRange(o, o + 1)));
          }
        } else {
          Piece piece = JinjaScanner.scan(template).pieces().get(s.piece());
          assertEquals(piece.start(), s.templateStart());
        }
      }
      // segments are ordered and disjoint and cover only real output
      int last = 0;
      for (SourceMap.Segment s : m.segments()) {
        assertTrue(s.outputStart() >= last && s.outputEnd() > s.outputStart());
        last = s.outputEnd();
      }
    }
  }

  private static int indexOf(String needle, int template) {
    int at = TABLE[template].indexOf(needle);
    assertTrue(at >= 0, needle);
    return at;
  }

  private static List<String> outputsFor(int template, String needle) {
    SourceMap m = map(template);
    List<String> out = new ArrayList<>();
    for (TextRange r : m.outputRangesFor(indexOf(needle, template))) {
      out.add(r.of(m.output()));
    }
    return out;
  }

  @Test
  void expressionInLoopMapsEveryOccurrence() {
    assertEquals(List.of("id", "name", "ts"), outputsFor(7, "{{ c }}"));
    assertEquals(List.of(), outputsFor(7, "{% if not loop.last %}")); // a tag outputs nothing
    assertEquals(List.of(",", ","), outputsFor(7, ",{% endif"));
    assertEquals(
        List.of("00", "01", "10", "11", "20", "21").stream().map(s -> s.substring(0, 1)).toList(),
        outputsFor(19, "{{ i }}"));
  }

  @Test
  void expressionsMapToTheirPiece() {
    SourceMap m = map(2);
    int out = m.output().indexOf("analytics.orders");
    assertEquals(indexOf("{{ table }}", 2), m.templateOffsetFor(out));
    assertEquals(indexOf("{{ table }}", 2), m.templateOffsetFor(out + 5));
    int where = m.output().indexOf("where");
    assertEquals(indexOf("where", 2), m.templateOffsetFor(where));
    assertEquals(List.of("3"), outputsFor(2, "{{ n }}"));
  }

  @Test
  void macroOutputIsAttributedToTheCall() {
    SourceMap m = map(13);
    assertEquals("<1|d> and <2|e>", m.output());
    assertEquals(List.of("<1|d>"), outputsFor(13, "{{ m(1) }}"));
    assertEquals(List.of("<2|e>"), outputsFor(13, "{{ m(2, y='e') }}"));
  }

  @Test
  void setBlockAndCallBodiesGetNoMarkers() {
    String[] noMarkersIn = {"select {{ n }} as x", "inner {{ n }}", "abc {{ table }}"};
    int[] template = {12, 14, 15};
    for (int k = 0; k < template.length; k++) {
      String instrumented = SourceMapper.instrument(JinjaScanner.scan(TABLE[template[k]]));
      assertTrue(instrumented.contains(noMarkersIn[k]), instrumented);
    }
  }

  @Test
  void manyPiecesUseWideMarkers() {
    String template = "x{{ n }}".repeat(4000);
    ScannedTemplate t = JinjaScanner.scan(template);
    String instrumented = SourceMapper.instrument(t);
    String rendered = instrumented.replace("{{ n }}", "3"); // a stand-in renderer for one var
    SourceMap m = SourceMapper.recover(t, rendered);
    assertEquals("x3".repeat(4000), m.output());
    assertEquals(8000, m.segments().size());
    assertEquals(template.length() - 7, m.templateOffsetFor(m.output().length() - 1));
  }
}
