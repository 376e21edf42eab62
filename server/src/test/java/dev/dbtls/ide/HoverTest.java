package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoverTest {

  private static Optional<HoverInfo> hover(String extra) {
    NavFixture f = NavFixture.with(extra);
    return Analysis.of(f.snapshot()).hover(new Analysis.Cursor(f.file(), f.text(), f.offset()));
  }

  private static String markdown(String extra) {
    return hover(extra).orElseThrow().markdown();
  }

  private static void assertContains(String markdown, String... pieces) {
    for (String p : pieces) {
      assertTrue(markdown.contains(p), () -> "no «" + p + "» in:\n" + markdown);
    }
  }

  @Test
  void refShowsTheModel() {
    NavFixture f = NavFixture.with("""
        -- file: models/x.sql
        select * from {{ ref('cust$0omers') }}
        """);
    HoverInfo h = Analysis.of(f.snapshot()).hover(new Analysis.Cursor(f.file(), f.text(), f.offset())).orElseThrow();
    assertContains(h.markdown(), "**model** `customers`", "One row per customer.",
        "materialized: `table`", "relation: `shop.main.customers`", "owner: data-team",
        "tags: core", "| `id` | integer | The key. |", "`models/customers.sql`");
    assertEquals(f.text().indexOf("ref("), h.start());
    assertEquals(f.text().indexOf(" }}"), h.end());
  }

  @Test
  void refToAVersionAndToAPackageModel() {
    assertContains(markdown("""
        -- file: models/x.sql
        select * from {{ ref('dim_orders', v=1$0) }}
        """), "`dim_orders` v1", "`models/dim_orders_v1.sql`");
    assertContains(markdown("""
        -- file: models/x.sql
        select * from {{ ref('dim_$0orders') }}
        """), "`dim_orders` v2");
    assertContains(markdown("""
        -- file: models/x.sql
        select * from {{ ref('util', 'util_$0model') }}
        """), "`util_model`", "package `util`", "materialized: `view`");
  }

  @Test
  void sourceShowsTheTable() {
    assertContains(markdown("""
        -- file: models/x.sql
        select * from {{ sou$0rce('raw', 'orders') }}
        """), "**source** `raw.orders`", "Raw orders.", "loader: fivetran",
        "loaded_at_field: `_loaded_at`", "freshness: warn after 12 hour", "relation: `",
        "`models/sources.yml`");
  }

  @Test
  void macroCallShowsSignatureAndDescription() {
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ cents_to_$0dollars('amount') }} from t
        """), "cents_to_dollars(col, scale=2)", "Converts cents to dollars.", "package `shop`",
        "`macros/cents.sql`");
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ ut$0il.star(ref('customers')) }} from t
        """), "star(rel)", "package `util`");
  }

  @Test
  void builtinMacroShowsItsSignature() {
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ dbt.date_tr$0unc('day', 'x') }}
        """), "date_trunc(", "dbt builtin macro");
  }

  @Test
  void dispatchListsImplementations() {
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ adapter.dispatch('my_$0hash', 'shop')('id') }} from t
        """), "**dispatch** `my_hash`", "`shop.duckdb__my_hash`", "`shop.default__my_hash`");
    assertTrue(markdown("""
        -- file: models/x.sql
        select {{ adapter.dispatch('my_$0hash', 'shop')('id') }} from t
        """).indexOf("`shop.my_hash`") < 0);
  }

  @Test
  void varShowsValueAndWhereItIsDefined() {
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ var('start_$0date') }}
        """), "**var** `start_date`", "value: `2020-01-01`", "defined in: `dbt_project.yml` line 4");
    assertContains(markdown("""
        -- file: dbt_packages/util/models/other.sql
        select {{ var('util_$0flag') }}
        """), "value: `true`", "defined in: `dbt_packages/util/dbt_project.yml` line 3");
    assertContains(markdown("""
        -- file: models/x.sql
        select {{ var('missing$0', 7) }}
        """), "not set; default: `7`");
  }

  @Test
  void docShowsTheText() {
    assertContains(markdown("""
        -- file: models/x.sql
        {{ doc('order_$0status') }}
        """), "The status of an order.", "`models/docs.md`");
  }

  @Test
  void configKeyExplainsItself() {
    NavFixture f = NavFixture.with("""
        -- file: models/x.sql
        {{ config(materia$0lized='table', unique_key='id') }}
        """);
    HoverInfo h = Analysis.of(f.snapshot()).hover(new Analysis.Cursor(f.file(), f.text(), f.offset())).orElseThrow();
    assertContains(h.markdown(), "**config** `materialized`", "ephemeral");
    assertEquals(f.text().indexOf("materialized"), h.start());
    assertEquals(f.text().indexOf("materialized") + "materialized".length(), h.end());
  }

  @Test
  void fromAYamlModelEntry() {
    NavFixture f = NavFixture.cursorAt("  - name: custo$0mers\n");
    assertContains(Analysis.of(f.snapshot()).hover(new Analysis.Cursor(f.file(), f.text(), f.offset())).orElseThrow().markdown(),
        "**model** `customers`");
  }

  @Test
  void genericTestsInYaml() {
    String yaml = """
        -- file: macros/tests.sql
        {% test is_positive(model, column_name) %}
          {# Fails for negative values. #}
          select 1
        {% endtest %}
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            columns:
              - name: id
                tests:
                  - is_positive
                  - not_null
        """;
    assertContains(markdown(yaml.replace("- is_positive", "- is_pos$0itive")),
        "test_is_positive(model, column_name)", "Fails for negative values.", "`macros/tests.sql`");
    assertContains(markdown(yaml.replace("- not_null", "- not_n$0ull")),
        "not_null(model, column_name)", "dbt builtin generic test");
  }

  @Test
  void disabledModelsSaySo() {
    assertContains(markdown("""
        -- file: models/old.sql
        {{ config(enabled=false) }}
        select 1
        -- file: models/x.sql
        select * from {{ ref('o$0ld') }}
        """), "**model** `old` is disabled", "`models/old.sql`");
  }

  @Test
  void sourceTableEntryInYaml() {
    NavFixture f = NavFixture.cursorAt("      - name: ord$0ers\n");
    assertContains(Analysis.of(f.snapshot()).hover(new Analysis.Cursor(f.file(), f.text(), f.offset())).orElseThrow().markdown(),
        "**source** `raw.orders`", "loader: fivetran");
  }

  @Test
  void nothingAtThisPosition() {
    assertTrue(hover("""
        -- file: models/x.sql
        sel$0ect * from {{ ref('customers') }}
        """).isEmpty());
    assertTrue(hover("""
        -- file: models/x.sql
        select * from {{ ref('nope$0') }}
        """).isEmpty());
    assertTrue(hover("""
        -- file: models/x.sql
        {{ config(not_a_key$0='x') }}
        """).isEmpty());
  }

  @Test
  void halfTypedTextNeverFails() {
    String[] texts = {"{{ ref('cust", "{{ ref(", "{{ source('raw', ", "{{ var(", "{% macro x(",
        "{{ adapter.dispatch(", "{{ util.", "{{ doc('", "{{ config(materialized=", "{{",
        "models:\n  - name: ", "models:\n  - name: x\n    description: '{{ doc(\"a"};
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    for (String t : texts) {
      for (int i = 0; i <= t.length(); i++) {
        Analysis.of(f.snapshot()).hover(new Analysis.Cursor("models/x.sql", t, i));
        Analysis.of(f.snapshot()).hover(new Analysis.Cursor("models/x.yml", t, i));
      }
    }
    assertTrue(Analysis.of(f.snapshot()).hover(new Analysis.Cursor("models/x.sql", "{{ ref('cust", 9)).isEmpty());
  }
}
