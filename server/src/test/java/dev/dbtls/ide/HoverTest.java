package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkHover;
import static dev.dbtls.ide.FeatureChecks.checkNoHover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hover through {@link FeatureChecks}: strict, so a hover that throws fails instead of answering
 * nothing.
 */
class HoverTest {

  @Test
  void refShowsTheModel() {
    String line = "select * from {{ ref('cust$0omers') }}";
    HoverInfo h =
        checkHover(
            "-- file: models/x.sql\n" + line + "\n",
            "**model** `customers`",
            "One row per customer.",
            "materialized: `table`",
            "relation: `shop.main.customers`",
            "owner: data-team",
            "tags: core",
            "| `id` | integer | The key. |",
            "`models/customers.sql`");
    String text = line.replace("$0", "");
    assertEquals(text.indexOf("ref("), h.start());
    assertEquals(text.indexOf(" }}"), h.end());
  }

  @Test
  void refToAVersionAndToAPackageModel() {
    checkHover(
        """
        -- file: models/x.sql
        select * from {{ ref('dim_orders', v=1$0) }}
        """,
        "`dim_orders` v1",
        "`models/dim_orders_v1.sql`");
    checkHover(
        """
        -- file: models/x.sql
        select * from {{ ref('dim_$0orders') }}
        """,
        "`dim_orders` v2");
    checkHover(
        """
        -- file: models/x.sql
        select * from {{ ref('util', 'util_$0model') }}
        """,
        "`util_model`",
        "package `util`",
        "materialized: `view`");
  }

  @Test
  void sourceShowsTheTable() {
    checkHover(
        """
        -- file: models/x.sql
        select * from {{ sou$0rce('raw', 'orders') }}
        """,
        "**source** `raw.orders`",
        "Raw orders.",
        "loader: fivetran",
        "loaded_at_field: `_loaded_at`",
        "freshness: warn after 12 hour",
        "relation: `",
        "`models/sources.yml`");
  }

  @Test
  void macroCallShowsSignatureAndDescription() {
    checkHover(
        """
        -- file: models/x.sql
        select {{ cents_to_$0dollars('amount') }} from t
        """,
        "cents_to_dollars(col, scale=2)",
        "Converts cents to dollars.",
        "package `shop`",
        "`macros/cents.sql`");
    checkHover(
        """
        -- file: models/x.sql
        select {{ ut$0il.star(ref('customers')) }} from t
        """,
        "star(rel)",
        "package `util`");
  }

  @Test
  void builtinMacroShowsItsSignature() {
    checkHover(
        """
        -- file: models/x.sql
        select {{ dbt.date_tr$0unc('day', 'x') }}
        """,
        "date_trunc(",
        "dbt builtin macro");
  }

  @Test
  void dispatchListsImplementations() {
    checkHover(
        """
        -- file: models/x.sql
        select {{ adapter.dispatch('my_$0hash', 'shop')('id') }} from t
        """,
        "**dispatch** `my_hash`",
        "`shop.duckdb__my_hash`",
        "`shop.default__my_hash`");
    assertFalse(
        checkHover(
                """
        -- file: models/x.sql
        select {{ adapter.dispatch('my_$0hash', 'shop')('id') }} from t
        """)
            .markdown()
            .contains("`shop.my_hash`"));
  }

  @Test
  void varShowsValueAndWhereItIsDefined() {
    checkHover(
        """
        -- file: models/x.sql
        select {{ var('start_$0date') }}
        """,
        "**var** `start_date`",
        "value: `2020-01-01`",
        "defined in: `dbt_project.yml` line 4");
    checkHover(
        """
        -- file: dbt_packages/util/models/other.sql
        select {{ var('util_$0flag') }}
        """,
        "value: `true`",
        "defined in: `dbt_packages/util/dbt_project.yml` line 3");
    checkHover(
        """
        -- file: models/x.sql
        select {{ var('missing$0', 7) }}
        """,
        "not set; default: `7`");
  }

  @Test
  void docShowsTheText() {
    checkHover(
        """
        -- file: models/x.sql
        {{ doc('order_$0status') }}
        """,
        "The status of an order.",
        "`models/docs.md`");
  }

  @Test
  void configKeyExplainsItself() {
    String line = "{{ config(materia$0lized='table', unique_key='id') }}";
    HoverInfo h =
        checkHover(
            "-- file: models/x.sql\n" + line + "\n", "**config** `materialized`", "ephemeral");
    assertEquals(line.indexOf("materia"), h.start());
    assertEquals(line.indexOf("materia") + "materialized".length(), h.end());
  }

  @Test
  void fromAYamlModelEntry() {
    checkHover("models:\n  - name: custo$0mers\n", "**model** `customers`");
  }

  @Test
  void genericTestsInYaml() {
    String yaml =
        """
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
    checkHover(
        yaml.replace("- is_positive", "- is_pos$0itive"),
        "test_is_positive(model, column_name)",
        "Fails for negative values.",
        "`macros/tests.sql`");
    checkHover(
        yaml.replace("- not_null", "- not_n$0ull"),
        "not_null(model, column_name)",
        "dbt builtin generic test");
  }

  @Test
  void disabledModelsSaySo() {
    checkHover(
        """
        -- file: models/old.sql
        {{ config(enabled=false) }}
        select 1
        -- file: models/x.sql
        select * from {{ ref('o$0ld') }}
        """,
        "**model** `old` is disabled",
        "`models/old.sql`");
  }

  @Test
  void sourceTableEntryInYaml() {
    checkHover("      - name: ord$0ers\n", "**source** `raw.orders`", "loader: fivetran");
  }

  @Test
  void nothingAtThisPosition() {
    checkNoHover(
        """
        -- file: models/x.sql
        sel$0ect * from {{ ref('customers') }}
        """);
    checkNoHover(
        """
        -- file: models/x.sql
        select * from {{ ref('nope$0') }}
        """);
    checkNoHover(
        """
        -- file: models/x.sql
        {{ config(not_a_key$0='x') }}
        """);
  }

  @Test
  void halfTypedTextNeverFails() {
    String[] texts = {
      "{{ ref('cust",
      "{{ ref(",
      "{{ source('raw', ",
      "{{ var(",
      "{% macro x(",
      "{{ adapter.dispatch(",
      "{{ util.",
      "{{ doc('",
      "{{ config(materialized=",
      "{{",
      "models:\n  - name: ",
      "models:\n  - name: x\n    description: '{{ doc(\"a"
    };
    // strict: a hover that throws fails here instead of answering nothing
    Analysis strict = Analysis.strict(NavFixture.of(NavFixture.PROJECT).snapshot());
    for (String t : texts) {
      for (int i = 0; i <= t.length(); i++) {
        strict.hover(new Analysis.Cursor("models/x.sql", t, i));
        strict.hover(new Analysis.Cursor("models/x.yml", t, i));
      }
    }
    assertTrue(strict.hover(new Analysis.Cursor("models/x.sql", "{{ ref('cust", 9)).isEmpty());
  }
}
