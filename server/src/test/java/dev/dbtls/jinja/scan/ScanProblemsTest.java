package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors: each fixture marks every expected error range with « », in order. */
class ScanProblemsTest {

  private static void assertErrors(String marked, String... messageParts) {
    Fixture f = Fixture.of(marked);
    List<ScanError> errors = f.scan().errors();
    assertEquals(
        f.ranges(), errors.stream().map(ScanError::range).toList(), marked + " -> " + errors);
    for (int i = 0; i < messageParts.length; i++) {
      String m = errors.get(i).message();
      assertEquals(true, m.contains(messageParts[i]), m + " should mention " + messageParts[i]);
    }
  }

  @Test
  void unclosedDelimiters() {
    assertErrors("select «{{» ref('a')", "unclosed `{{`");
    assertErrors("select «{{»", "unclosed `{{`");
    assertErrors("select «{%» if x", "unclosed `{%`");
    assertErrors("«{#» select", "unclosed comment");
    assertErrors("«{{» x\nselect «{{» y", "unclosed `{{`", "unclosed `{{`");
    assertErrors(
        "«{{» x «{% if y %}»«{% endfor %}»",
        "unclosed", "missing `{% endif %}`", "mismatched end tag `endfor`");
  }

  @Test
  void unterminatedStrings() {
    assertErrors("{{ ref«(»«'abc)» }}\nselect 1", "unclosed `(`", "unterminated string");
    assertErrors("«{{» ref(«'»\nselect {{ x }}", "unclosed `{{`", "unterminated string");
    assertErrors("«{%» set x = «\"abc»", "unclosed `{%`", "unterminated string");
    assertErrors("{% set x = «'abc» -%}\n'", "unterminated string");
  }

  @Test
  void unbalancedBrackets() {
    assertErrors("{{ foo«(»1, 2 }}", "unclosed `(`");
    assertErrors("{{ x«)» }}", "unmatched `)`");
    assertErrors("{{ foo(«[»1, 2) }}", "unclosed `[`");
    assertErrors("{% set x = [1, «(»2] %}", "unclosed `(`");
  }

  @Test
  void blockStructure() {
    assertErrors("«{% if x %}» a", "missing `{% endif %}`");
    assertErrors("{% if x %}«{% endfor %}»{% endif %}", "mismatched end tag `endfor`");
    assertErrors("{% if x %}«{% for y in z %}»{% endif %}", "missing `{% endfor %}`");
    assertErrors("«{% endif %}»", "without an open");
    assertErrors("«{% endfoo %}»", "unknown end tag `endfoo`");
    assertErrors("«{% else %}»", "outside any block");
    assertErrors("{% macro m() %}«{% else %}»{% endmacro %}", "inside `{% macro %}`");
    assertErrors("{% if a %}{% else %}«{% elif b %}»{% endif %}", "after `{% else %}`");
    assertErrors("«{% raw %}» {{ x }}", "missing `{% endraw %}`");
    assertErrors("«{% set x %}» y", "missing `{% endset %}`");
    assertErrors("«{% %}»", "tag name expected");
    assertErrors("«{% docs d %}»", "missing `{% enddocs %}`");
  }

  @Test
  void otherCharacters() {
    assertErrors("{{ a «$» b }}", "unexpected character");
    assertErrors("{{ a «!» b }}", "unexpected character");
  }

  @Test
  void validJinjaGivesNoErrors() {
    String[] valid = {
      "{{ \"a }} b\" }}",
      "{%- set x = {'a': {'b': 1}} -%}{{ x['a']['b'] }}",
      "{{ x if y else z }}{{ -1 }}{{ a-b }}{{ a -}}",
      "{% set x %}{% if a %}b{% endif %}{% endset %}",
      "{% macro m(a, b='x,)') %}{% call(row) n() %}{{ row }}{% endcall %}{% endmacro %}",
      "{{ '{{' }}{{ '{% raw %}' }}",
      "{% for k, v in d.items() if v is not none %}{{ loop.index }}{% else %}{% endfor %}",
      "{# {{ {% unclosed in a comment #}",
      "{% raw %}{% if %}{{ {% endraw %}",
      "{{ 'it\\'s' ~ \"say \\\"hi\\\"\" }}",
      "{% set s = 'multi\nline' %}",
      "{{ [1, (2, 3), {'k': [4]}] | length }}",
      "{%+ if a +%}b{%- endif -%}",
      "{% with a = 1 %}{{ a }}{% endwith %}{% filter upper %}x{% endfilter %}",
      "{% do adapter.dispatch('m', 'pkg')(a, b=c) %}",
      "a { b } {x} %} #} }}",
      "{{ x is divisibleby(3) }}{{ not x }}{{ 2 ** 3 // 2 % 1 }}",
    };
    for (String v : valid) {
      assertEquals(List.of(), JinjaScanner.scan(v).errors(), v);
    }
  }

  @Test
  void problemsCarryCodePathAndZeroBasedLines() {
    List<Problem> problems = JinjaScanner.scan("select 1\nfrom {{ ref('a'\n").problems("m.sql");
    assertEquals(1, problems.size());
    Problem p = problems.get(0);
    assertEquals(ProblemCode.JINJA_SYNTAX, p.code());
    assertEquals("m.sql", p.file());
    assertEquals(1, p.line());
    assertEquals(5, p.column());
    assertEquals(7, p.endColumn());
    assertEquals(List.of(), JinjaScanner.scan("select 1").problems("m.sql"));
  }
}
