package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.jinja.scan.StaticFacts.ConfigArg;
import dev.dbtls.jinja.scan.StaticFacts.ConfigCall;
import dev.dbtls.jinja.scan.StaticFacts.DispatchCall;
import dev.dbtls.jinja.scan.StaticFacts.DocsBlock;
import dev.dbtls.jinja.scan.StaticFacts.MacroCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroDef;
import dev.dbtls.jinja.scan.StaticFacts.MacroKind;
import dev.dbtls.jinja.scan.StaticFacts.Param;
import dev.dbtls.jinja.scan.StaticFacts.RefCall;
import dev.dbtls.jinja.scan.StaticFacts.SourceCall;
import dev.dbtls.jinja.scan.StaticFacts.VarCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Static facts; in fixtures the first « » is the whole call, the next ones its name arguments. */
class StaticExtractorTest {

  private static StaticFacts facts(String text) {
    return StaticExtractor.extract(JinjaScanner.scan(text));
  }

  private static RefCall onlyRef(Fixture f) {
    List<RefCall> refs = StaticExtractor.extract(f.scan()).refs();
    assertEquals(1, refs.size(), f.text());
    return refs.get(0);
  }

  @Test
  void refForms() {
    Fixture f = Fixture.of("select * from {{ «ref('«orders»')» }}");
    RefCall r = onlyRef(f);
    assertEquals(f.range(0), r.call());
    assertEquals("orders", r.name());
    assertEquals(f.range(1), r.nameRange());
    assertNull(r.packageName());
    assertNull(r.version());
    assertFalse(r.dynamic());

    f = Fixture.of("{{ «ref(\"«pkg»\", \"«orders»\")» }}");
    r = onlyRef(f);
    assertEquals("pkg", r.packageName());
    assertEquals(f.range(1), r.packageRange());
    assertEquals("orders", r.name());
    assertEquals(f.range(2), r.nameRange());

    r = onlyRef(Fixture.of("{{ ref('m', v=2) }}"));
    assertEquals("2", r.version());
    r = onlyRef(Fixture.of("{{ ref('m', version='v3') }}"));
    assertEquals("v3", r.version());
    assertFalse(r.dynamic());
  }

  @Test
  void dynamicRefsAreFlaggedNotGuessed() {
    for (String t :
        new String[] {
          "{{ ref(model_name) }}",
          "{{ ref('a' ~ suffix) }}",
          "{{ ref('m', v=var('v')) }}",
          "{{ ref('a', 'b', 'c') }}"
        }) {
      StaticFacts f = facts(t);
      assertTrue(f.refs().get(0).dynamic(), t);
      assertTrue(f.needsRender(), t);
    }
  }

  @Test
  void halfTypedRefs() {
    Fixture f = Fixture.of("select * from {{ «ref('«ord»»");
    RefCall r = onlyRef(f);
    assertEquals("ord", r.name());
    assertEquals(f.range(1), r.nameRange());
    assertEquals(f.range(0), r.call());

    f = Fixture.of("{{ «ref(«»»");
    r = onlyRef(f);
    assertNull(r.name());
    assertEquals(f.range(1), r.nameRange());

    f = Fixture.of("{{ ref('«a»', '«» }}\nselect 1");
    r = onlyRef(f);
    assertEquals("a", r.packageName());
    assertEquals("", r.name());
    assertEquals(f.range(1), r.nameRange());
  }

  @Test
  void sources() {
    Fixture f = Fixture.of("from {{ «source('«shop»', \"«raw_orders»\")» }}");
    SourceCall s = StaticExtractor.extract(f.scan()).sources().get(0);
    assertEquals(f.range(0), s.call());
    assertEquals("shop", s.sourceName());
    assertEquals(f.range(1), s.sourceRange());
    assertEquals("raw_orders", s.tableName());
    assertEquals(f.range(2), s.tableRange());
    assertFalse(s.dynamic());
    assertTrue(facts("{{ source('shop', t) }}").sources().get(0).dynamic());
    Fixture half = Fixture.of("{{ source('«sh»");
    assertEquals(
        half.range(0), StaticExtractor.extract(half.scan()).sources().get(0).sourceRange());
  }

  @Test
  void configLiterals() {
    StaticFacts f = facts(Corpus.read("stg_orders.sql"));
    ConfigCall c = f.configs().get(0);
    assertFalse(c.dynamic());
    Map<String, Object> want = new LinkedHashMap<>();
    want.put("materialized", "view");
    want.put("tags", List.of("staging", "orders"));
    want.put("enabled", true);
    want.put("meta", Map.of("owner", "data-eng", "sla_hours", 24L));
    assertEquals(want, c.literalValues());

    c = facts(Corpus.read("orders_incremental.sql")).configs().get(0);
    assertFalse(c.dynamic());
    Map<String, Object> v = c.literalValues();
    assertEquals("delete+insert", v.get("incremental_strategy"));
    assertTrue(v.containsKey("cluster_by") && v.get("cluster_by") == null);
    assertEquals(false, v.get("full_refresh"));
    assertEquals(10000L, v.get("batch_size"));
    assertEquals(-0.5, v.get("ratio"));
    assertEquals(
        Map.of("field", "order_date", "data_type", "date", "granularity", "day"),
        v.get("partition_by"));
  }

  @Test
  void configWithAnExpressionIsDynamicButKeepsItsLiterals() {
    Fixture fx = Fixture.of("{{ config(«materialized»=«var('m')», tags=«['a', True]») }}");
    StaticFacts f = StaticExtractor.extract(fx.scan());
    ConfigCall c = f.configs().get(0);
    assertTrue(c.dynamic());
    assertTrue(f.needsRender());
    assertEquals(fx.range(0), c.args().get(0).nameRange());
    assertEquals(fx.range(1), c.args().get(0).valueRange());
    assertFalse(c.args().get(0).literal());
    assertEquals(fx.range(2), c.args().get(1).valueRange());
    assertEquals(Map.of("tags", List.of("a", true)), c.literalValues());
    assertEquals(1, f.vars().size()); // the var call inside is still found
    assertTrue(facts("{{ config(materialized=").configs().get(0).dynamic());
  }

  @Test
  void macroDefinitions() {
    String text = Corpus.read("cents_to_dollars.sql");
    StaticFacts f = facts(text);
    assertEquals(
        List.of(
            "cents_to_dollars",
            "default__cents_to_dollars",
            "duckdb__cents_to_dollars",
            "postgres__cents_to_dollars"),
        f.macros().stream().map(MacroDef::name).toList());
    MacroDef m = f.macros().get(0);
    assertEquals(MacroKind.MACRO, m.kind());
    assertEquals("cents_to_dollars", m.nameRange().of(text));
    assertEquals(
        List.of("column_name", "scale", "label"), m.params().stream().map(Param::name).toList());
    assertEquals("2", m.params().get(1).defaultText());
    assertEquals("'x,)'", m.params().get(2).defaultText());
    assertNull(m.params().get(0).defaultText());
    assertEquals("Converts a column of cents to dollars, rounded to `scale` digits.", m.doc());
    assertTrue(m.body().of(text).strip().startsWith("{#-"));
    assertTrue(m.body().of(text).strip().endsWith("}}"));
    assertTrue(m.whole().of(text).startsWith("{% macro cents_to_dollars"));
    assertTrue(m.whole().of(text).endsWith("{%- endmacro %}"));
    assertEquals(
        "{% macro cents_to_dollars(column_name, scale=2, label='x,)') -%}", m.openTag().of(text));
    assertNull(f.macros().get(1).doc());
    assertFalse(f.needsRender());
  }

  @Test
  void materializationTestSnapshotAndDocs() {
    MacroDef mat = facts(Corpus.read("my_table.sql")).macros().get(0);
    assertEquals(MacroKind.MATERIALIZATION, mat.kind());
    assertEquals("my_table", mat.name());
    assertEquals("duckdb", mat.adapter());
    assertEquals(
        "default",
        facts("{% materialization v, default %}{% endmaterialization %}")
            .macros()
            .get(0)
            .adapter());

    MacroDef test = facts(Corpus.read("is_positive.sql")).macros().get(0);
    assertEquals(MacroKind.TEST, test.kind());
    assertEquals("is_positive", test.name());
    assertEquals(
        List.of("model", "column_name", "allow_zero"),
        test.params().stream().map(Param::name).toList());
    assertEquals("false", test.params().get(2).defaultText());
    assertTrue(test.doc().startsWith("Fails for every row"));

    StaticFacts snap = facts(Corpus.read("orders_snapshot.sql"));
    assertEquals("orders_snapshot", snap.snapshots().get(0).name());
    assertEquals(1, snap.configs().size());
    assertEquals(1, snap.sources().size());
    assertFalse(snap.needsRender());

    String md = Corpus.read("docs.md");
    StaticFacts docs = facts(md);
    assertEquals(
        List.of("orders_status", "__overview__"),
        docs.docs().stream().map(DocsBlock::name).toList());
    String content = docs.docs().get(0).content().of(md);
    assertTrue(content.strip().startsWith("One of the following values:"));
    assertTrue(content.strip().endsWith("customer          |"));
    assertEquals("orders_status", docs.docRefs().get(0).name());
  }

  @Test
  void macroCallsAndDispatch() {
    Fixture fx =
        Fixture.of(
            "{{ «cents_to_dollars»('amount') }} {{ «dbt_utils».«star»(ref('a')) }}"
                + " {{ adapter.dispatch('«concat»', '«jaffle»')(a) }} {{ x.upper() }} {{ y | join(',') }}"
                + " {% set cols = [] %}{% do cols.append(1) %}{{ 'a'.join(b) }}{{ x is divisibleby(2) }}"
                + "{% if a and (b or not (c)) %}{% endif %}{% for i in (1, 2) %}{% endfor %}");
    StaticFacts f = StaticExtractor.extract(fx.scan());
    assertEquals(
        List.of("cents_to_dollars", "star"), f.macroCalls().stream().map(MacroCall::name).toList());
    assertEquals(fx.range(0), f.macroCalls().get(0).nameRange());
    assertNull(f.macroCalls().get(0).namespace());
    assertEquals("dbt_utils", f.macroCalls().get(1).namespace());
    assertEquals(fx.range(2), f.macroCalls().get(1).nameRange());
    DispatchCall d = f.dispatches().get(0);
    assertEquals("concat", d.macroName());
    assertEquals(fx.range(3), d.nameRange());
    assertEquals("jaffle", d.namespace());
    assertEquals(fx.range(4), d.namespaceRange());
    assertTrue(f.needsRender());

    StaticFacts kw = facts("{{ adapter.dispatch(macro_name='m', macro_namespace=none)() }}");
    assertEquals("m", kw.dispatches().get(0).macroName());
    assertFalse(kw.dispatches().get(0).dynamic());

    StaticFacts builtins =
        facts(
            "{{ is_incremental() }}{{ dbt.current_timestamp() }}"
                + "{{ log('x') }}{{ run_query('select 1') }}");
    assertTrue(builtins.macroCalls().stream().allMatch(MacroCall::builtin));
    assertFalse(builtins.needsRender());
  }

  @Test
  void varsEnvVarsAndDocs() {
    Fixture fx =
        Fixture.of(
            "{{ «var('«start»')» }} {{ var(\"«end»\", «'2020'») }}"
                + " {{ env_var('«DBT_USER»') }} {{ env_var('«P»', default=«'x'») }}"
                + " {{ doc('«pkg»', '«d»') }}");
    StaticFacts f = StaticExtractor.extract(fx.scan());
    VarCall v = f.vars().get(0);
    assertEquals(fx.range(0), v.call());
    assertEquals("start", v.name());
    assertEquals(fx.range(1), v.nameRange());
    assertFalse(v.hasDefault());
    assertEquals("end", f.vars().get(1).name());
    assertEquals(fx.range(3), f.vars().get(1).defaultRange());
    assertEquals("DBT_USER", f.envVars().get(0).name());
    assertEquals(fx.range(4), f.envVars().get(0).nameRange());
    assertEquals(fx.range(6), f.envVars().get(1).defaultRange());
    assertEquals("pkg", f.docRefs().get(0).packageName());
    assertEquals(fx.range(8), f.docRefs().get(0).nameRange());
    assertTrue(facts("{{ var(name) }}").vars().get(0).dynamic());

    StaticFacts grants = facts(Corpus.read("grants.sql"));
    assertEquals(List.of("reader_roles"), grants.vars().stream().map(VarCall::name).toList());
    assertEquals("DBT_GRANTS", grants.envVars().get(0).name());
  }

  @Test
  void needsRender() {
    assertFalse(facts("select * from {{ ref('a') }} join {{ source('s', 't') }}").needsRender());
    assertFalse(facts(Corpus.read("customers.sql")).needsRender());
    assertFalse(facts(Corpus.read("orders_incremental.sql")).needsRender());
    assertFalse(facts("{% set x %}{{ ref('a') }}{% endset %}{{ x }}").needsRender());
    assertTrue(facts("{% if target.name == 'prod' %}{{ ref('a') }}{% endif %}").needsRender());
    assertTrue(facts("{% for m in ['a'] %}{{ ref(m) }}{% endfor %}").needsRender());
    assertTrue(facts("{% for m in ms %}{{ ref('a') }}{% endfor %}").needsRender());
    assertTrue(facts(Corpus.read("union_sources.sql")).needsRender());
    assertTrue(facts(Corpus.read("stg_orders.sql")).needsRender()); // calls cents_to_dollars
    assertTrue(facts("{{ my_macro() }}").needsRender());
    assertTrue(facts("{% set r = ref('a') if x else ref('b') %}").needsRender());
    assertFalse(facts("{% set r = ref('a') %}{{ r if r else 'x' }}").needsRender());
    assertFalse(facts("{% macro m() %}{{ ref(x) }}{{ other() }}{% endmacro %}").needsRender());
  }

  @Test
  void corpusCounts() {
    int refs = 0;
    int sources = 0;
    int macros = 0;
    for (String text : Corpus.all().values()) {
      StaticFacts f = facts(text);
      refs += f.refs().size();
      sources += f.sources().size();
      macros += f.macros().size();
    }
    assertEquals(6, refs);
    assertEquals(3, sources);
    assertEquals(9, macros);
  }

  @Test
  void namesSaidInManyFilesAreOneStringAcrossThem() {
    String model =
        "{{ config(materialized='table', tags=['nightly']) }}\n"
            + "select {{ dbt.date_trunc('day', 'x') }} from {{ ref('orders') }}"
            + " join {{ source('raw', 'payments') }}";
    StaticFacts a = facts(model);
    StaticFacts b = facts(new String(model.toCharArray()));
    assertSame(a.refs().get(0).name(), b.refs().get(0).name());
    assertSame(a.sources().get(0).sourceName(), b.sources().get(0).sourceName());
    assertSame(a.sources().get(0).tableName(), b.sources().get(0).tableName());
    MacroCall call = dateTrunc(a);
    assertEquals("dbt", call.namespace());
    assertSame(call.name(), dateTrunc(b).name());
    assertSame(call.namespace(), dateTrunc(b).namespace());
    ConfigArg materialized = a.configs().get(0).args().get(0);
    ConfigArg again = b.configs().get(0).args().get(0);
    assertSame(materialized.name(), again.name());
    assertSame(materialized.value(), again.value());
    List<?> tags = (List<?>) a.configs().get(0).args().get(1).value();
    assertSame(tags.get(0), ((List<?>) b.configs().get(0).args().get(1).value()).get(0));
  }

  private static MacroCall dateTrunc(StaticFacts f) {
    return f.macroCalls().stream()
        .filter(c -> "date_trunc".equals(c.name()))
        .findFirst()
        .orElseThrow();
  }
}
