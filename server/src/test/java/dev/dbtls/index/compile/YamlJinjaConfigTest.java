package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jinja in dbt_project.yml and property YAML is rendered as dbt renders it at load: config trees,
 * {@code config:} blocks and sources, in their documented contexts; hooks stay as written.
 */
class YamlJinjaConfigTest {
  static final String PROFILES =
      """
      -- file: profiles.yml
      shop:
        target: dev
        outputs:
          dev:
            type: duckdb
            path: shop.duckdb
          pg:
            type: postgres
            host: localhost
            user: me
            dbname: analytics
            schema: public
      """;

  static ProjectSnapshot load(String spec, String target, Map<String, Object> cliVars) {
    return Fixture.of(spec + PROFILES).snapshot(target, cliVars, Map.of("RAW_DB", "lake"));
  }

  static List<Problem> errors(Manifest m) {
    return m.problems().stream().filter(Problem::isError).toList();
  }

  private static final String PER_ADAPTER =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      models:
        shop:
          postgres:
            +enabled: "{{ target.type == 'postgres' }}"
          duckdb:
            +enabled: "{{ target.type == 'duckdb' }}"
      -- file: models/postgres/day_bucket.sql
      select date_trunc('day', now()) as d
      -- file: models/duckdb/day_bucket.sql
      select current_date as d
      -- file: models/report.sql
      select * from {{ ref('day_bucket') }}
      """;

  @Test
  void onlyTheVariantOfTheTargetsAdapterIsEnabled() {
    ProjectSnapshot duck = load(PER_ADAPTER, null, Map.of());
    assertEquals(List.of(), errors(duck.manifest()));
    Node enabled = duck.manifest().nodes().get("model.shop.day_bucket");
    assertEquals("models/duckdb/day_bucket.sql", enabled.originalFilePath());
    assertEquals(
        List.of("model.shop.day_bucket"),
        duck.manifest().nodes().get("model.shop.report").dependsOn());
    assertTrue(new NodeCompiler(duck).compile(enabled).sql().contains("current_date"));

    ProjectSnapshot pg = load(PER_ADAPTER, "pg", Map.of());
    assertEquals(List.of(), errors(pg.manifest()));
    assertEquals(
        "models/postgres/day_bucket.sql",
        pg.manifest().nodes().get("model.shop.day_bucket").originalFilePath());
  }

  @Test
  void anInstalledPackageKeepsOnlyTheVariantOfTheTargetsAdapter() {
    String spec =
        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: dbt_packages/dates/dbt_project.yml
        name: dates
        models:
          dates:
            +materialized: table
            duckdb:
              +enabled: "{{ target.type == 'duckdb' }}"
            postgres:
              +enabled: "{{ target.type == 'postgres' }}"
        -- file: dbt_packages/dates/models/duckdb/calendar.sql
        select range as d from range(date '2024-01-01', date '2025-01-01', interval 1 day)
        -- file: dbt_packages/dates/models/postgres/calendar.sql
        select generate_series('2024-01-01'::date, '2024-12-31'::date, interval '1 day') as d
        -- file: models/days.sql
        select * from {{ ref('calendar') }}
        """;
    for (String target : new String[] {null, "pg"}) {
      Manifest m = load(spec, target, Map.of()).manifest();
      assertEquals(List.of(), errors(m), String.valueOf(target));
      assertEquals(
          target == null ? "models/duckdb/calendar.sql" : "models/postgres/calendar.sql",
          m.nodes().get("model.dates.calendar").originalFilePath());
      assertEquals("table", m.nodes().get("model.dates.calendar").materialized());
    }
  }

  /**
   * dbt's base context is there too: a schema named by the run's year (as a public project does).
   */
  @Test
  void runStartedAtAndModulesInProjectConfigs() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "events_{{ var('year', run_started_at.strftime('%Y')) }}"
            +tags: ["{{ (run_started_at - modules.datetime.timedelta(days=2)).strftime('%Y') | length }}"]
        -- file: models/orders.sql
        select 1 as id
        """,
            null, Map.of());
    assertEquals(List.of(), errors(s.manifest()));
    Node n = s.manifest().nodes().get("model.shop.orders");
    assertEquals(
        "events_" + java.time.Year.now(java.time.ZoneOffset.UTC), n.config().get("schema"));
    assertEquals(List.of("4"), n.tags());
    assertEquals(
        "events_2020",
        load(
                """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "events_{{ var('year', run_started_at.strftime('%Y')) }}"
        -- file: models/orders.sql
        select 1 as id
        """,
                null, Map.of("year", 2020))
            .manifest()
            .nodes()
            .get("model.shop.orders")
            .config()
            .get("schema"));
  }

  @Test
  void renderedTextFalseDisablesAndOtherConfigsAreRenderedToo() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "{{ 'marts' if target.name == 'prod' else 'dev_marts' }}"
            +tags: ["{{ target.type }}", nightly]
            prod_only:
              +enabled: "{% if target.name == 'prod' %}true{% else %}false{% endif %}"
            +post-hook: "grant select on {{ this }} to reporter"
        -- file: models/prod_only/audit.sql
        select 1 as id
        -- file: models/orders.sql
        select 1 as id
        """,
            null, Map.of());
    Manifest m = s.manifest();
    assertEquals(List.of(), errors(m));
    assertFalse(m.nodes().containsKey("model.shop.audit"));
    assertTrue(m.disabled().containsKey("model.shop.audit"));
    Node orders = m.nodes().get("model.shop.orders");
    assertEquals(new RelationName("shop", "main_dev_marts", "orders"), orders.relation());
    assertEquals(List.of("duckdb", "nightly"), orders.tags());
    assertEquals(
        List.of("grant select on {{ this }} to reporter"),
        orders.config().get("post-hook"),
        "hooks are rendered when they run, never at load");
  }

  @Test
  void dbtProjectYmlSeesOnlyCommandLineVars() {
    String spec =
        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          use_legacy: false
        models:
          shop:
            legacy:
              +enabled: "{{ var('use_legacy', true) }}"
        -- file: models/legacy/old_orders.sql
        select 1 as id
        """;
    assertTrue(
        load(spec, null, Map.of()).manifest().nodes().containsKey("model.shop.old_orders"),
        "dbt_project.yml's own vars are not in its context: the default applies");
    assertTrue(
        load(spec, null, Map.of("use_legacy", false))
            .manifest()
            .disabled()
            .containsKey("model.shop.old_orders"));
  }

  @Test
  void propertyYamlConfigsSeeProjectVarsAndTarget() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          enable_returns: false
        -- file: models/returns.sql
        select 1 as id
        -- file: models/orders.sql
        select 1 as id
        -- file: models/schema.yml
        version: 2
        models:
          - name: returns
            description: "{{ this is never rendered at load }}"
            config:
              enabled: "{{ var('enable_returns') }}"
          - name: orders
            config:
              materialized: "{{ 'table' if target.type == 'postgres' else 'view' }}"
              alias: "orders_{{ target.name }}"
        """,
            "pg",
            Map.of());
    Manifest m = s.manifest();
    assertEquals(List.of(), errors(m));
    assertTrue(m.disabled().containsKey("model.shop.returns"));
    Node orders = m.nodes().get("model.shop.orders");
    assertEquals("table", orders.materialized());
    assertEquals(new RelationName("analytics", "public", "orders_pg"), orders.relation());
  }

  @Test
  void sourcesRenderDatabaseSchemaIdentifierAndLoadedAtField() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        sources:
          shop:
            crm:
              +enabled: "{{ target.name != 'dev' }}"
        -- file: models/staging/stg_orders.sql
        select * from {{ source('shop', 'orders') }}
        -- file: models/staging/sources.yml
        version: 2
        sources:
          - name: shop
            database: "{{ env_var('RAW_DB') }}"
            schema: "{{ target.schema }}_raw"
            loaded_at_field: "{{ 'loaded_at' if target.type == 'duckdb' else '_etl_loaded_at' }}"
            tables:
              - name: orders
                identifier: "{{ var('orders_table', 'raw_orders') }}"
        -- file: models/crm/sources.yml
        version: 2
        sources:
          - name: crm
            tables:
              - name: accounts
        """,
            null,
            Map.of());
    Manifest m = s.manifest();
    assertEquals(List.of(), errors(m));
    Node orders = m.nodes().get("source.shop.shop.orders");
    assertEquals(new RelationName("lake", "main_raw", "raw_orders"), orders.relation());
    assertEquals("loaded_at", orders.extra().get("loaded_at_field"));
    assertTrue(m.disabled().containsKey("source.shop.crm.accounts"));
    String sql = new NodeCompiler(s).compile(m.nodes().get("model.shop.stg_orders")).sql();
    assertTrue(sql.contains("\"lake\".\"main_raw\".\"raw_orders\""), sql);
  }

  @Test
  void aProjectValueThatCannotRenderIsLocatedAtTheValue() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "{{ var('schema_suffix') }}"
        -- file: models/orders.sql
        select 1 as id
        """,
            null,
            Map.of());
    List<Problem> render =
        s.manifest().problems().stream().filter(x -> x.code() == ProblemCode.JINJA_RENDER).toList();
    assertEquals(1, render.size(), "once, not once per model: " + render);
    assertEquals("dbt_project.yml", render.get(0).file());
    assertEquals(4, render.get(0).line());
    assertTrue(
        render.get(0).message().contains("dbt_project.yml sees only --vars"),
        render.get(0).message());
  }

  @Test
  void aValueThatCannotRenderIsALocatedProblemAndStaysAsWritten() {
    ProjectSnapshot s =
        load(
            """
        -- file: models/orders.sql
        select 1 as id
        -- file: models/schema.yml
        version: 2
        models:
          - name: orders
            config:
              schema: "{{ var('no_such_var') }}"
        """,
            null,
            Map.of());
    Problem p =
        s.manifest().problems().stream()
            .filter(x -> x.code() == ProblemCode.JINJA_RENDER)
            .findFirst()
            .orElseThrow(() -> new AssertionError(s.manifest().problems().toString()));
    assertEquals("models/schema.yml", p.file());
    assertEquals(2, p.line(), "the model's entry (0-based line)");
    assertEquals(
        "{{ var('no_such_var') }}",
        s.manifest().nodes().get("model.shop.orders").config().get("schema"));
    assertTrue(p.message().contains("Required var 'no_such_var' not found"), p.message());
  }

  /**
   * dbt renders dbt_project.yml in its base context: {@code run_started_at} (an aware UTC
   * datetime), {@code invocation_id} and {@code modules} are there, as in a schema built per month.
   */
  @Test
  void projectFileSeesRunStartedAtAndModules() {
    ProjectSnapshot s =
        load(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        models:
          shop:
            +schema: "events_{{ var('year', run_started_at.strftime('%Y')) }}_{{ run_started_at.astimezone(modules.pytz.utc).strftime('%z') }}"
            +alias: "{{ modules.re.sub('[^a-z]+', '_', 'Orders {v2}') }}{{ invocation_id | length }}"
        -- file: models/orders.sql
        select 1 as id
        """,
            null, Map.of());
    assertEquals(List.of(), errors(s.manifest()));
    Map<String, Object> config = s.manifest().nodes().get("model.shop.orders").config();
    assertEquals(
        "events_" + java.time.Year.now(java.time.ZoneOffset.UTC) + "_+0000", config.get("schema"));
    assertEquals(
        "_rders_v_36", config.get("alias")); // as Python: re.sub("[^a-z]+", "_", "Orders {v2}")
  }
}
