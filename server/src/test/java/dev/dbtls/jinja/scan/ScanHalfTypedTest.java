package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each construct gives while it is being typed, and input built to be hostile. */
class ScanHalfTypedTest {

  private static StaticFacts facts(String text) {
    return StaticExtractor.extract(JinjaScanner.scan(text));
  }

  @Test
  void halfTypedMacroDefinition() {
    Fixture f = Fixture.of("{% macro «grant»(a, b=«'x»");
    ScannedTemplate t = f.scan();
    assertEquals(1, t.pieces().size());
    assertEquals("macro", t.pieces().get(0).tag());
    assertTrue(t.blocks().isEmpty()); // an unclosed tag opens no block
    assertEquals(List.of(), facts(f.text()).macros());

    Fixture body = Fixture.of("{% macro «grant»(a, b=«'x'») %}\n  select {{ a }}\n");
    StaticFacts m = StaticExtractor.extract(body.scan());
    assertEquals("grant", m.macros().get(0).name());
    assertEquals(body.range(0), m.macros().get(0).nameRange());
    assertEquals(body.range(1), m.macros().get(0).params().get(1).defaultRange());
    assertEquals(body.text().length(), m.macros().get(0).whole().end());
    assertEquals(1, body.scan().errors().size()); // missing endmacro, at the opening tag
    assertEquals(new TextRange(0, body.text().indexOf('\n')), body.scan().errors().get(0).range());
  }

  @Test
  void halfTypedConfigSourceVarAndDispatch() {
    StaticFacts f = facts("{{ config(materialized='table', tags=['a', ");
    assertTrue(f.configs().get(0).dynamic());
    assertEquals("table", f.configs().get(0).literalValues().get("materialized"));

    f = facts("{{ source('shop', 'ord");
    assertEquals("shop", f.sources().get(0).sourceName());
    assertEquals("ord", f.sources().get(0).tableName());

    f = facts("{{ var('sta");
    assertEquals("sta", f.vars().get(0).name());

    f = facts("{{ env_var(");
    assertNull(f.envVars().get(0).name());

    f = facts("{{ adapter.dispatch('conc");
    assertEquals("conc", f.dispatches().get(0).macroName());

    f = facts("{{ doc('ord");
    assertEquals("ord", f.docRefs().get(0).name());

    f = facts("{{ dbt_utils.sta");
    assertEquals(List.of(), f.macroCalls());
    f = facts("{{ dbt_utils.star(");
    assertEquals("star", f.macroCalls().get(0).name());
  }

  @Test
  void halfTypedBlocks() {
    ScannedTemplate t = JinjaScanner.scan("{% docs orders %}\nSome text");
    assertEquals("docs", t.blocks().get(0).tag());
    assertFalse(t.blocks().get(0).closed());
    StaticFacts f = StaticExtractor.extract(t);
    assertEquals("\nSome text", f.docs().get(0).content().of(t.text()));

    t = JinjaScanner.scan("{% for x in xs %}{{ x }}{% endfo");
    assertEquals(2, t.errors().size()); // the unclosed tag, and the for still missing its end

    t = JinjaScanner.scan("{% if a %}{% else");
    assertEquals(List.of("if", "else"), t.pieces().stream().map(Piece::tag).toList());
  }

  @Test
  void hostileInputNeverThrows() {
    int n = 20_000;
    String[] inputs = {
      "{{ " + "(".repeat(n) + "]".repeat(n) + " }}",
      "{% if x %}".repeat(n) + "{% endfor %}".repeat(n),
      "{{ " + "f(".repeat(n) + ")".repeat(n) + " }}",
      "{{ config(a=" + "[".repeat(n) + "]".repeat(n) + ") }}",
      "{{ ' }}\n".repeat(n),
      "{{".repeat(n),
      "{%".repeat(n),
      "{#".repeat(n),
      "{% raw %}".repeat(n),
      "{{ '\\".repeat(n),
      "\uE000\uF800{{ x }}".repeat(n),
      "}}%}#}".repeat(n),
    };
    for (String s : inputs) {
      ScannedTemplate t = JinjaScanner.scan(s);
      StaticExtractor.extract(t);
      t.problems("x.sql");
      SourceMapper.recover(t, SourceMapper.instrument(t));
    }
  }
}
