package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** dbt's block extractor: what it extracts, ignores and refuses (dbt_common's _jinja_blocks). */
class TopLevelBlocksTest {

  private static TopLevelBlocks.Result macros(String text) {
    return TopLevelBlocks.extract(text, TopLevelBlocks.MACRO_BLOCKS);
  }

  private static List<String> names(TopLevelBlocks.Result r) {
    return r.blocks().stream().map(b -> b.type() + ":" + b.name()).toList();
  }

  private static List<String> errors(TopLevelBlocks.Result r) {
    return r.errors().stream().map(ScanError::message).toList();
  }

  @Test
  void textBetweenBlocksIsNotJinja() {
    String text =
        """
        {% ####### helpers ####### %}
        {{ this is not jinja
        {% macro a() %}{{ 1 }}{% endmacro %}
        {% enddocs %} {% endmacro %} {%- set x = 'ignored' -%}
        {%- materialization view, adapter='duckdb' -%}x{%- endmaterialization -%}
        {% test is_even(model, column_name) %}select 1{% endtest %}
        """;
    TopLevelBlocks.Result r = macros(text.replace("{{ this is not jinja\n", "{# a #}\n"));
    assertEquals(List.of("macro:a", "materialization:view", "test:is_even"), names(r));
    assertEquals(List.of(), errors(r));
    assertEquals(
        text.replace("{{ this is not jinja\n", "{# a #}\n").length(), r.blocksOnly().length());
    assertEquals(r.blocksOnly().lines().count(), text.lines().count());
    assertTrue(r.blocksOnly().startsWith("                             \n"), r.blocksOnly());
    assertTrue(r.blocksOnly().contains("{% macro a() %}{{ 1 }}{% endmacro %}"));
    assertTrue(!r.blocksOnly().contains("enddocs") && !r.blocksOnly().contains("set x"));
  }

  @Test
  void docsFilesKeepOnlyDocsBlocks() {
    TopLevelBlocks.Result r =
        TopLevelBlocks.extract(
            """
        # Title {% not a tag %}
        {% docs orders %}Orders {{ doc('x') }}{% enddocs %}
        {% enddocs %}
        {% docs customers %}One row per customer{% enddocs %}
        """,
            TopLevelBlocks.DOCS_BLOCKS);
    assertEquals(List.of("docs:orders", "docs:customers"), names(r));
    // but '{{' starts an expression anywhere, as in dbt: it runs to the next '}}'
    assertEquals(
        List.of("docs:b"),
        names(
            TopLevelBlocks.extract(
                "{{ x {% docs a %}{{ y }}{% enddocs %}{% docs b %}{% enddocs %}",
                TopLevelBlocks.DOCS_BLOCKS)));
  }

  @Test
  void stringsAndCommentsHideDelimiters() {
    TopLevelBlocks.Result r =
        macros(
            """
        {# {% macro commented() %} #}
        {% macro m(a='%}', b="{% endmacro %}") %}{{ '}}' }}{% endmacro %}
        """);
    assertEquals(List.of("macro:m"), names(r));
    assertEquals(List.of(), errors(r));
  }

  @Test
  void refusesWhatDbtRefuses() {
    assertEquals(
        List.of("Got an unexpected control flow end tag, got endif but never saw a preceeding if"),
        errors(macros("{% macro a() %}{% endmacro %}\n{% endif %}")));
    assertEquals(
        List.of("Got an unexpected control flow end tag, got endfor but expected endif next"),
        errors(macros("{% if x %}{% endfor %}")));
    assertEquals(
        List.of(
            "Got a block definition inside control flow. All dbt block definitions must be at the top level"),
        errors(macros("{% if x %}{% macro a() %}{% endmacro %}{% endif %}")));
    assertEquals(
        List.of(
            "Got nested tags: macro (started at line 1) did not have a matching "
                + "{% endmacro %} before a subsequent macro was found"),
        errors(macros("{% macro a() %}\n{% macro b() %}{% endmacro %}{% endmacro %}")));
    assertEquals(List.of("unexpected EOF, expected }}, got \"x\""), errors(macros("{{ x")));
  }

  @Test
  void anOpenBlockIsKeptForTheParserToReport() {
    TopLevelBlocks.Result r = macros("-- x\n{% macro a() %}{{ 1 }}");
    assertEquals(List.of("macro:a"), names(r));
    assertEquals(List.of(), errors(r)); // the Jinja parser says what is missing, where
    assertTrue(r.blocksOnly().endsWith("{% macro a() %}{{ 1 }}"));
  }

  @Test
  void aTrimmedTagStartsAtTheWhitespaceBeforeItUnicodeIncluded() {
    // dbt's patterns read \\s* before {%- and {# and }}: the block starts where that whitespace
    // does, no-break and em spaces included (Python's \\s is Unicode)
    String text = "select 1\n \u00a0\u2003\t{%- macro a() -%}{{ 'x' \u00a0}}{%- endmacro %}\n";
    TopLevelBlocks.Result r = macros(text);
    assertEquals(List.of("macro:a"), names(r));
    assertEquals(8, r.blocks().get(0).start()); // from the line break on
    assertEquals(text.length() - 1, r.blocks().get(0).end());
    // a quote inside a tag, and a lone quote outside any tag, change nothing
    TopLevelBlocks.Result quoted =
        macros("it's {% macro b(x='%}') %}{{ \"}}\" }}{% endmacro %} don't");
    assertEquals(List.of("macro:b"), names(quoted));
    assertEquals(List.of(), errors(quoted));
  }
}
