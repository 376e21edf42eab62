package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbtls.index.Manifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What dbt's parse render decides: {@code config(enabled=...)} with any expression, and refs and
 * configs under a condition, which dbt's static parser gives up on. The render (execute false,
 * --vars and project vars in scope) records only the calls it runs.
 */
class ParseRenderTest {
  private static final String MODELS =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        api: rest
      -- file: models/stg_orders.sql
      select 1 as id
      -- file: models/stg_legacy_orders.sql
      select 1 as id
      -- file: models/both_flags.sql
      {{ config(enabled=(var('a', False) and var('b', False))) }}
      select 1 as id
      -- file: models/graphql_only.sql
      {% set on = var('api', 'rest') == var('override', 'graphql') %}
      {{ config(enabled=on, materialized='table') }}
      select 1 as id
      -- file: models/orders.sql
      {% if var('legacy', false) %}
      select * from {{ ref('stg_legacy_orders') }}
      {% else %}
      select * from {{ ref('stg_orders') }}
      {% endif %}
      -- file: models/looped.sql
      {% for m in var('extra_models', []) %}
      select * from {{ ref(m) }} union all
      {% endfor %}
      select * from {{ ref('stg_orders') }}
      -- file: models/prod_table.sql
      {% if target.name == 'prod' %}{{ config(materialized='table') }}{% endif %}
      select 1 as id
      """;

  @Test
  void configEnabledExpressionsAreEvaluated() {
    Manifest off = YamlJinjaConfigTest.load(MODELS, null, Map.of()).manifest();
    assertEquals(List.of(), YamlJinjaConfigTest.errors(off));
    assertTrue(off.disabled().containsKey("model.shop.both_flags"));
    assertTrue(off.disabled().containsKey("model.shop.graphql_only"));

    Manifest on =
        YamlJinjaConfigTest.load(MODELS, null, Map.of("a", true, "b", true, "override", "rest"))
            .manifest();
    assertTrue(on.nodes().containsKey("model.shop.both_flags"));
    assertEquals("table", on.nodes().get("model.shop.graphql_only").materialized());
  }

  @Test
  void aRefInABranchNotTakenIsNoDependency() {
    Manifest m = YamlJinjaConfigTest.load(MODELS, null, Map.of()).manifest();
    assertEquals(List.of("model.shop.stg_orders"), m.nodes().get("model.shop.orders").dependsOn());
    assertEquals(List.of("model.shop.stg_orders"), m.nodes().get("model.shop.looped").dependsOn());
    assertEquals("view", m.nodes().get("model.shop.prod_table").materialized());

    Manifest legacy =
        YamlJinjaConfigTest.load(
                MODELS, null, Map.of("legacy", true, "extra_models", List.of("stg_legacy_orders")))
            .manifest();
    assertEquals(
        List.of("model.shop.stg_legacy_orders"),
        legacy.nodes().get("model.shop.orders").dependsOn());
    assertEquals(
        List.of("model.shop.stg_legacy_orders", "model.shop.stg_orders"),
        legacy.nodes().get("model.shop.looped").dependsOn());
  }

  @Test
  void aRefToAMissingModelInABranchNotTakenIsNoError() {
    Manifest m =
        YamlJinjaConfigTest.load(
                """
        -- file: models/orders.sql
        select 1 as id
        {% if var('with_returns', false) %}
        union all select * from {{ ref('returns_from_a_package_not_installed') }}
        {% endif %}
        """,
                null, Map.of())
            .manifest();
    assertEquals(List.of(), m.problems());
  }

  /**
   * A project var whose value is Jinja using pytz (as a public project's `last_run` var does), in a
   * file whose sources sit under a branch not taken: the render must succeed for the branch to
   * count, so the undeclared sources are no error (issue 13).
   */
  @Test
  void aVarRenderedWithPytzKeepsTheRenderComplete() {
    Manifest m =
        YamlJinjaConfigTest.load(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          last_run: '{{ run_started_at.astimezone(modules.pytz.timezone("UTC")) }}'
        -- file: models/expected.sql
        {% if var('benchmarks_created', False) == true -%}
        select *, '{{ var('last_run') }}' as last_run from {{ source('benchmarks', 'person_year') }}
        union all
        {%- endif %}
        select null as id, cast('{{ var('last_run') }}' as timestamp) as last_run
        """,
                null, Map.of())
            .manifest();
    assertEquals(List.of(), YamlJinjaConfigTest.errors(m));
    assertEquals(List.of(), m.nodes().get("model.shop.expected").sources());
  }

  /**
   * A render with an error in an expression (a macro of a package version that lacks it) still runs
   * to its end and decides every branch: refs in branches not taken are no dependency and no error,
   * refs outside every condition stay (issue 13: five false errors in a public package whose
   * installed utility package was older than it asked).
   */
  @Test
  void aRenderThatFailedInAnExpressionStillDecidesItsBranches() {
    Manifest m =
        YamlJinjaConfigTest.load(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          using_history: true
        -- file: models/stg_orders.sql
        select 1 as id
        -- file: models/history.sql
        {{ config(enabled=false) }}
        select 1 as id
        -- file: models/orders.sql
        select *, max(id) over (partition by id {{ old_utils.partition_by_source() }}) as m
        from {{ ref('stg_orders') }}
        {% if var('using_history', True) and var('using_audit_log', False) %}
        union all select * from {{ ref('history') }}
        {% endif %}
        {%- if not var('using_history', True) %}
        union all select * from {{ source('raw', 'history') }}
        {% endif %}
        """,
                null, Map.of())
            .manifest();
    assertEquals(
        List.of(),
        YamlJinjaConfigTest.errors(m).stream()
            .filter(p -> p.code() != dev.dbtls.project.ProblemCode.JINJA_RENDER)
            .toList());
    assertEquals(List.of("model.shop.stg_orders"), m.nodes().get("model.shop.orders").dependsOn());

    Manifest audit =
        YamlJinjaConfigTest.load(MODELS_WITH_AUDIT, null, Map.of("using_audit_log", true))
            .manifest();
    assertEquals(
        List.of("model.shop.history", "model.shop.stg_orders"),
        audit.nodes().get("model.shop.orders").dependsOn().stream().sorted().toList());
  }

  private static final String MODELS_WITH_AUDIT =
      """
      -- file: models/stg_orders.sql
      select 1 as id
      -- file: models/history.sql
      select 1 as id
      -- file: models/orders.sql
      select * from {{ ref('stg_orders') }} {{ old_utils.partition_by_source() }}
      {% if var('using_history', True) and var('using_audit_log', False) %}
      union all select * from {{ ref('history') }}
      {% endif %}
      """;

  /**
   * The shapes public packages write their optional parts in (issue 13), in a package whose vars
   * come from its own dbt_project.yml and from the root's package-scoped {@code vars:}: the
   * condition in a macro, {@code if not var()}, {@code {%- if -%}} inside a {@code set} block, a
   * ref passed as a macro argument. Only the refs the render calls are dependencies.
   */
  @Test
  void optionalPartsOfAPackageAsPublicPackagesWriteThem() {
    Manifest m =
        YamlJinjaConfigTest.load(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          tickets:
            using_chat: false
        -- file: dbt_packages/tickets/dbt_project.yml
        name: tickets
        vars:
          using_chat: true
          using_schedules: true
          using_holidays: false
        -- file: dbt_packages/tickets/macros/enabled.sql
        {% macro uses(feature) %}{{ return(var('using_' ~ feature, true)) }}{% endmacro %}
        {% macro union_of(relations) %}
        {%- for r in relations %}select * from {{ r }}{{ ' union all ' if not loop.last }}{% endfor -%}
        {% endmacro %}
        -- file: dbt_packages/tickets/models/stg_ticket.sql
        select 1 as id
        -- file: dbt_packages/tickets/models/stg_chat.sql
        {{ config(enabled=var('using_chat', true)) }}
        select 1 as id
        -- file: dbt_packages/tickets/models/stg_holiday.sql
        {{ config(enabled=var('using_holidays', true)) }}
        select 1 as id
        -- file: dbt_packages/tickets/models/stg_schedule.sql
        select 1 as id
        -- file: dbt_packages/tickets/models/ticket_updates.sql
        {% set extra %}
          {%- if uses('chat') -%} union all select * from {{ ref('stg_chat') }} {%- endif -%}
        {% endset %}
        {% if not var('using_holidays', true) %}
        {% set parts = [ref('stg_ticket'), ref('stg_schedule')] %}
        {% else %}
        {% set parts = [ref('stg_ticket'), ref('stg_holiday')] %}
        {% endif %}
        {{ union_of(parts) }} {{ extra }}
        {% if uses('schedules') and uses('holidays') %}
        union all select * from {{ ref('stg_holiday') }}
        {% endif %}
        """,
                null, Map.of())
            .manifest();
    assertEquals(List.of(), YamlJinjaConfigTest.errors(m));
    assertEquals(
        List.of("model.tickets.stg_schedule", "model.tickets.stg_ticket"),
        m.nodes().get("model.tickets.ticket_updates").dependsOn().stream().sorted().toList());
  }

  @Test
  void aRenderThatFailsKeepsTheRefsTheScannerFound() {
    Manifest m =
        YamlJinjaConfigTest.load(
                """
        -- file: models/stg_orders.sql
        select 1 as id
        -- file: models/orders.sql
        {% if target.name == 'dev' %}{{ exceptions.raise_compiler_error('not in dev') }}{% endif %}
        select * from {{ ref('stg_orders') }}
        """,
                null, Map.of())
            .manifest();
    assertEquals(List.of("model.shop.stg_orders"), m.nodes().get("model.shop.orders").dependsOn());
  }

  /**
   * A keyword argument whose value is a bare operator expression, as real projects write it. Its
   * parsing belongs to the template engine; until the engine reads it, this is skipped.
   */
  @Test
  void bareOperatorExpressionsAsKeywordValues() {
    String spec =
        """
        -- file: models/both_flags.sql
        {{ config(enabled=var('a', False) and var('b', False)) }}
        select 1 as id
        -- file: models/graphql_only.sql
        {{ config(enabled=var('api','rest') == var('override','graphql')) }}
        select 1 as id
        """;
    Map<String, Object> seen = new java.util.HashMap<>();
    new dev.dbtls.jinja.DbtJinja(
            new dev.dbtls.jinja.JinjaSetup(null, null, List.of(), Map.of(), null))
        .render(
            new dev.dbtls.jinja.RenderRequest(
                "",
                "{{ f(x=1 == 1 and 2 == 2) }}",
                "shop",
                Map.of(
                    "f",
                    (dev.dbtls.jinja.JinjaCallable)
                        (a, k) -> {
                          seen.putAll(k);
                          return "";
                        })));
    assumeTrue(
        Boolean.TRUE.equals(seen.get("x")),
        "the engine does not yet parse `kw=a and b` as one keyword argument");
    Manifest on =
        YamlJinjaConfigTest.load(spec, null, Map.of("a", true, "b", true, "override", "rest"))
            .manifest();
    assertTrue(on.nodes().containsKey("model.shop.both_flags"));
    assertTrue(on.nodes().containsKey("model.shop.graphql_only"));
    Manifest off = YamlJinjaConfigTest.load(spec, null, Map.of()).manifest();
    assertFalse(off.nodes().containsKey("model.shop.both_flags"));
    assertFalse(off.nodes().containsKey("model.shop.graphql_only"));
  }

  @Test
  void aDictGivenToConfigIsItsConfig() {
    // config({...}) as one positional dict (seen in a public project): dbt takes the dict's keys
    ProjectSnapshot s =
        YamlJinjaConfigTest.load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +materialized: ephemeral
        -- file: models/daily.sql
        {{ config({"materialized": "table", "tags": ["daily"]}) }}
        select 1 as id
        -- file: models/dynamic.sql
        {{ config({"materialized": "incremental" if var('inc', true) else "view"}) }}
        select 1 as id
        """,
            null,
            java.util.Map.of());
    dev.dbtls.index.Node daily = s.manifest().nodes().get("model.shop.daily");
    org.junit.jupiter.api.Assertions.assertEquals("table", daily.config().get("materialized"));
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("daily"), daily.tags());
    org.junit.jupiter.api.Assertions.assertEquals(
        "incremental", s.manifest().nodes().get("model.shop.dynamic").config().get("materialized"));
  }
}
