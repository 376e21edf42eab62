package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SemanticTokensTest {

  /** Each token as {@code line:char text type[+modifiers]}. */
  private static String tokens(String path, String text) {
    String[] lines = text.split("\n", -1);
    return SemanticTokens.find(path, text).stream()
        .map(
            t -> {
              String mods = "";
              for (int i = 0; i < SemanticTokens.MODIFIERS.size(); i++) {
                if ((t.modifiers() & (1 << i)) != 0) {
                  mods += "+" + SemanticTokens.MODIFIERS.get(i);
                }
              }
              return t.line()
                  + ":"
                  + t.startChar()
                  + " "
                  + lines[t.line()].substring(t.startChar(), t.startChar() + t.length())
                  + " "
                  + SemanticTokens.TYPES.get(t.type())
                  + mods;
            })
        .collect(Collectors.joining("\n"));
  }

  @Test
  void dbtCallsKwargsStringsAndDelimiters() {
    assertEquals(
        """
        0:0 {{ macro
        0:3 config function+defaultLibrary
        0:10 materialized parameter
        0:22 = operator
        0:23 'table' string
        0:32 }} macro
        1:14 {{ macro
        1:17 ref function+defaultLibrary
        1:21 'orders' string
        1:31 }} macro
        1:40 {{- macro
        1:44 my_pkg variable
        1:51 cents function
        1:57 amount variable
        1:65 2 number
        1:68 -}} macro""",
        tokens(
            "models/m.sql",
            """
        {{ config(materialized='table') }}
        select * from {{ ref('orders') }} where {{- my_pkg.cents(amount, 2) -}}
        """
                .stripTrailing()));
  }

  @Test
  void everyNameOfDbtsContextIsTheDefaultLibrary() {
    // one set of dbt's context names (DbtBuiltins), called or not
    assertEquals(
        """
        0:0 {{ macro
        0:3 selected_resources variable+defaultLibrary
        0:22 }} macro
        0:25 {{ macro
        0:28 caller function+defaultLibrary
        0:37 }} macro""",
        tokens("models/m.sql", "{{ selected_resources }} {{ caller() }}"));
  }

  @Test
  void statementsDefinitionsAndFilters() {
    assertEquals(
        """
        0:0 {% macro
        0:3 macro keyword
        0:9 m function+declaration
        0:11 col parameter+declaration
        0:16 n parameter+declaration
        0:17 = operator
        0:18 1 number
        0:21 %} macro
        1:0 {% macro
        1:3 for keyword
        1:7 c variable+declaration
        1:9 in keyword
        1:12 cols variable
        1:17 | operator
        1:19 list function+defaultLibrary
        1:24 if keyword
        1:27 not keyword
        1:31 this variable+defaultLibrary
        1:36 name property
        1:41 %} macro
        2:0 {% macro
        2:3 set keyword
        2:7 x variable+declaration
        2:9 = operator
        2:11 adapter variable+defaultLibrary
        2:19 dispatch function
        2:28 'h' string
        2:35 %} macro""",
        tokens(
            "macros/m.sql",
            """
        {% macro m(col, n=1) %}
        {% for c in cols | list if not this.name %}
        {% set x = adapter.dispatch('h')() %}
        """
                .stripTrailing()));
  }

  @Test
  void materializationAdapterIsAParameter() {
    assertEquals(
        """
        0:0 {% macro
        0:3 materialization keyword
        0:19 table function+declaration
        0:26 adapter parameter
        0:33 = operator
        0:34 'duckdb' string
        0:43 %} macro""",
        tokens("macros/m.sql", "{% materialization table, adapter='duckdb' %}"));
  }

  @Test
  void multiLineCommentsAndStringsAreSplitPerLine() {
    assertEquals(
        """
        0:0 {# one comment
        1:0 two #} comment
        2:0 {{ macro
        2:3 "a string
        3:0 b" string
        3:3 }} macro""",
        tokens("models/m.md", "{# one\ntwo #}\n{{ \"a\nb\" }}"));
  }

  @Test
  void tokensAreOrderedAndNeverOverlap() {
    String text =
        """
        {% macro a(x) %}{{ x | upper }}{% if x is defined %}{# c #}{% endif %}{% endmacro %}
        {{ ref('a' }} {% set y %}{{ 1 }}{% endset %} {{ "unterminated
        """;
    List<SemanticToken> t = SemanticTokens.find("models/m.sql", text);
    assertTrue(t.size() > 20);
    for (int i = 1; i < t.size(); i++) {
      SemanticToken a = t.get(i - 1);
      SemanticToken b = t.get(i);
      assertTrue(a.line() < b.line() || a.startChar() + a.length() <= b.startChar(), a + " " + b);
      assertTrue(b.length() > 0);
    }
  }

  @Test
  void encodesRelativeToThePreviousToken() {
    List<SemanticToken> t = SemanticTokens.find("models/m.sql", "{{ x }}\n  {{ ref('a') }}");
    assertEquals(
        List.of(
            0,
            0,
            2,
            SemanticTokens.DELIMITER,
            0,
            0,
            3,
            1,
            SemanticTokens.VARIABLE,
            0,
            0,
            2,
            2,
            SemanticTokens.DELIMITER,
            0,
            1,
            2,
            2,
            SemanticTokens.DELIMITER,
            0,
            0,
            3,
            3,
            SemanticTokens.FUNCTION,
            SemanticTokens.DEFAULT_LIBRARY,
            0,
            4,
            3,
            SemanticTokens.STRING,
            0,
            0,
            5,
            2,
            SemanticTokens.DELIMITER,
            0),
        SemanticTokens.encode(t));
  }

  @Test
  void onlySqlAndMarkdown() {
    assertEquals(List.of(), SemanticTokens.find("models/s.yml", "x: \"{{ ref('a') }}\""));
    assertEquals(List.of(), Analysis.semanticTokens(new Analysis.Cursor("models/m.sql", null, 0)));
    for (String text : new String[] {"", "{{", "{%", "{#", "{% macro", "{{ ref('", "{% if x %"}) {
      SemanticTokens.find("models/m.sql", text);
    }
    assertEquals(10, SemanticTokens.TYPES.size());
  }
}
