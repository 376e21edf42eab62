package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dbtls seed}, {@code run} and {@code build} on the native runner, on the embedded DuckDB
 * file and on the local PostgreSQL: after each run the test reads the database itself (its catalog
 * and rows) and compares with the end state dbt reaches — a seed with its column types, views and
 * tables swapped in, an incremental model run twice (delete+insert and merge on the second, a full
 * refresh), each {@code on_schema_change}, a snapshot across two changes of its source and a hard
 * delete, hooks, an error skipping its children, a failing test stopping what is downstream.
 */
class BuildCommandTest {
  @TempDir Path dir;

  private String pgSchema;

  @AfterEach
  void dropSchema() throws Exception {
    if (pgSchema != null) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + pgSchema + " cascade"));
    }
  }

  /** A shop on {@code engine}: seeds, a view, a table, incremental models, a snapshot, tests. */
  private Path project(String engine) throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("models"));
    Files.createDirectories(p.resolve("seeds"));
    Files.createDirectories(p.resolve("snapshots"));
    Files.createDirectories(p.resolve("tests"));
    Files.writeString(
        p.resolve("dbt_project.yml"),
        """
        name: shop
        profile: shop
        models:
          shop:
            +materialized: view
        on-run-start: []
        """);
    String profile;
    if (engine.equals("postgres")) {
      Databases.requireServer(5432);
      pgSchema = Databases.unique("build");
      profile =
          "      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
              + "      password: ''\n      dbname: test\n      schema: "
              + pgSchema
              + "\n      threads: 2\n";
    } else {
      profile =
          "      type: duckdb\n      path: shop.duckdb\n      schema: main\n      threads: 2\n";
    }
    Files.writeString(
        p.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + profile);
    Files.writeString(
        p.resolve("seeds/raw_customers.csv"),
        "id,name,signed_up,score\n1,ana,2024-01-05,1.5\n2,bo,2024-02-11,2\n3,cy,,3.25\n");
    Files.writeString(
        p.resolve("seeds/seeds.yml"),
        """
        seeds:
          - name: raw_customers
            config:
              column_types:
                name: varchar(20)
        """);
    Files.writeString(
        p.resolve("models/stg_customers.sql"),
        "select id as customer_id, name, signed_up from {{ ref('raw_customers') }}\n");
    Files.writeString(
        p.resolve("models/customers.sql"),
        """
        {{ config(materialized='table',
                  post_hook="insert into {{ this }} (customer_id, name) values (99, 'hook')") }}
        select customer_id, upper(name) as name from {{ ref('stg_customers') }}
        """);
    // batch 1: orders 1-3; batch 2: order 3 changes status and 4 arrives
    Files.writeString(
        p.resolve("models/orders.sql"),
        """
        {{ config(materialized='incremental', unique_key='order_id') }}
        {% if var('batch', 1) == 1 %}
        select * from (values (1, 'placed'), (2, 'placed'), (3, 'placed')) t(order_id, status)
        {% else %}
        select * from (values (3, 'shipped'), (4, 'placed')) t(order_id, status)
        {% endif %}
        {% if is_incremental() %} where order_id >= (select max(order_id) from {{ this }}) {% endif %}
        """);
    Files.writeString(
        p.resolve("models/orders_merged.sql"),
        """
        {{ config(materialized='incremental', unique_key=['order_id'],
                  incremental_strategy='merge') }}
        select * from {{ ref('orders') }}
        """);
    Files.writeString(
        p.resolve("models/events.sql"),
        """
        {{ config(materialized='incremental') }}
        select {{ var('batch', 1) }} as batch
        """);
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: customers
            columns:
              - name: customer_id
                data_tests: [unique, not_null]
        """);
    Files.writeString(
        p.resolve("snapshots/customers_snapshot.sql"),
        """
        {% snapshot customers_snapshot %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at',
                  hard_deletes='new_record') }}
        select * from {{ ref('customer_changes') }}
        {% endsnapshot %}
        """);
    // the snapshot's source: batch 1, then 2 (bo renamed, cy gone), then 3 (cy back)
    Files.writeString(
        p.resolve("models/customer_changes.sql"),
        """
        {{ config(materialized='table') }}
        {% set b = var('batch', 1) %}
        select * from (values
          (1, 'ana', cast('2024-01-01 00:00:00' as timestamp)),
          (2, '{{ 'bo' if b == 1 else 'bob' }}', cast('2024-01-0{{ 1 if b == 1 else 2 }} 00:00:00' as timestamp))
          {% if b != 2 %}, (3, 'cy', cast('2024-01-01 00:00:00' as timestamp)){% endif %}
        ) t(id, name, updated_at)
        """);
    return p;
  }

  private CliRun dbtls(Path p, String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(command, "--project-dir", p.toString(), "--profiles-dir", p.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Connection connect(String engine, Path p) throws Exception {
    return engine.equals("postgres")
        ? DriverManager.getConnection(Databases.PG_URL, "postgres", "")
        : DriverManager.getConnection("jdbc:duckdb:" + p.resolve("shop.duckdb"));
  }

  private String schema(String engine) {
    return engine.equals("postgres") ? pgSchema : "main";
  }

  /** The rows of a query, each as "a|b|c", in the query's order. */
  private static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  /** Each relation of the schema and its kind ("BASE TABLE", "VIEW"). */
  private Map<String, String> relations(Connection c, String engine) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String r :
        rows(
            c,
            "select table_name, table_type from information_schema.tables where table_schema = '"
                + schema(engine)
                + "'")) {
      String[] parts = r.split("\\|");
      out.put(parts[0], parts[1]);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void buildReachesDbtsEndStateAndASecondRunIsIncremental(String engine) throws Exception {
    Path p = project(engine);
    CliRun first = dbtls(p, "build");
    assertEquals(0, first.exit(), first.out() + first.err());
    String out = first.out();
    assertTrue(
        out.lines()
            .anyMatch(
                l ->
                    l.matches(
                        ".*\\d+ of 10 OK loaded seed file \\w+\\.raw_customers \\.+ \\[INSERT 3 in .*")),
        out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches(".*OK created sql view model \\w+\\.stg_customers .*")),
        out);
    assertTrue(out.contains("Done. PASS=10 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=10"), out);
    try (Connection c = connect(engine, p)) {
      String s = schema(engine);
      Map<String, String> kinds = relations(c, engine);
      assertEquals("VIEW", kinds.get("stg_customers"), kinds.toString());
      assertEquals("BASE TABLE", kinds.get("customers"), kinds.toString());
      assertEquals("BASE TABLE", kinds.get("orders"), kinds.toString());
      assertEquals("BASE TABLE", kinds.get("customers_snapshot"), kinds.toString());
      // nothing of the swaps is left behind
      assertTrue(kinds.keySet().stream().noneMatch(k -> k.contains("__dbt")), kinds.toString());
      // the seed's types: column_types for name, inferred for the rest; the empty cell is null
      Map<String, String> types = new TreeMap<>();
      for (String r :
          rows(
              c,
              "select column_name, data_type from information_schema.columns where table_schema"
                  + " = '"
                  + s
                  + "' and table_name = 'raw_customers'")) {
        types.put(r.split("\\|")[0], r.split("\\|")[1].toLowerCase());
      }
      assertTrue(types.get("id").contains("int"), types.toString());
      assertTrue(types.get("name").contains("char"), types.toString());
      assertTrue(types.get("signed_up").contains("date"), types.toString());
      assertTrue(
          types.get("score").contains("numeric")
              || types.get("score").contains("decimal")
              || types.get("score").contains("double")
              || types.get("score").contains("float"),
          types.toString());
      assertEquals(
          List.of("1|2024-01-05", "2|2024-02-11", "3|null"),
          rows(c, "select id, signed_up from " + s + ".raw_customers order by id"));
      // the table and its post-hook
      assertEquals(
          List.of("1|ANA", "2|BO", "3|CY", "99|hook"),
          rows(c, "select customer_id, name from " + s + ".customers order by customer_id"));
      assertEquals(
          List.of("1|placed", "2|placed", "3|placed"),
          rows(c, "select order_id, status from " + s + ".orders order by order_id"));
    }

    CliRun second = dbtls(p, "run", "--vars", "{batch: 2}", "-s", "orders+", "events");
    assertEquals(0, second.exit(), second.out() + second.err());
    try (Connection c = connect(engine, p)) {
      String s = schema(engine);
      // delete+insert on order_id: order 3 replaced, 4 added, 1 and 2 kept
      assertEquals(
          List.of("1|placed", "2|placed", "3|shipped", "4|placed"),
          rows(c, "select order_id, status from " + s + ".orders order by order_id"));
      // merge on a key list: the same end state
      assertEquals(
          List.of("1|placed", "2|placed", "3|shipped", "4|placed"),
          rows(c, "select order_id, status from " + s + ".orders_merged order by order_id"));
      // append without a unique key
      assertEquals(List.of("1", "2"), rows(c, "select batch from " + s + ".events order by 1"));
    }

    CliRun refresh = dbtls(p, "run", "--vars", "{batch: 2}", "-s", "events", "--full-refresh");
    assertEquals(0, refresh.exit(), refresh.out() + refresh.err());
    try (Connection c = connect(engine, p)) {
      assertEquals(List.of("2"), rows(c, "select batch from " + schema(engine) + ".events"));
    }

    JsonNode results = new ObjectMapper().readTree(p.resolve("target/run_results.json").toFile());
    JsonNode only = results.path("results").get(0);
    assertEquals("success", only.path("status").asText(), only.toString());
    assertEquals("model.shop.events", only.path("unique_id").asText());
    assertTrue(only.path("relation_name").asText().contains("events"), only.toString());
    assertTrue(results.path("args").path("full_refresh").asBoolean(), results.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void snapshotKeepsHistoryAcrossTwoChangesAndAHardDelete(String engine) throws Exception {
    Path p = project(engine);
    for (int batch = 1; batch <= 3; batch++) {
      String vars = "{batch: " + batch + "}";
      CliRun source = dbtls(p, "run", "--vars", vars, "-s", "customer_changes");
      assertEquals(0, source.exit(), source.out() + source.err());
      CliRun snap = dbtls(p, "build", "--vars", vars, "-s", "customers_snapshot");
      assertEquals(0, snap.exit(), snap.out() + snap.err());
      assertTrue(snap.out().contains("OK snapshotted "), snap.out());
    }
    try (Connection c = connect(engine, p)) {
      List<String> history =
          rows(
              c,
              "select id, name, dbt_valid_to is null, dbt_is_deleted from "
                  + schema(engine)
                  + ".customers_snapshot order by id, dbt_valid_from, dbt_updated_at,"
                  + " dbt_is_deleted");
      assertEquals(
          List.of(
                  // ana never changed: one open row
                  "1|ana|true|False",
                  // bo renamed in batch 2: the old row closed, the new one open
                  "2|bo|false|False",
                  "2|bob|true|False",
                  // cy deleted in batch 2 (closed, a deletion record), back in batch 3
                  "3|cy|false|False",
                  "3|cy|false|True",
                  "3|cy|true|False")
              .stream()
              .sorted()
              .toList(),
          history.stream().sorted().toList());
      // one open row per key
      assertEquals(
          List.of("1|1", "2|1", "3|1"),
          rows(
              c,
              "select id, count(*) from "
                  + schema(engine)
                  + ".customers_snapshot where dbt_valid_to is null group by id order by id"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ignore", "append_new_columns", "sync_all_columns", "fail"})
  void onSchemaChangeReconcilesAsConfigured(String mode) throws Exception {
    Path p = project("duckdb");
    Files.writeString(
        p.resolve("models/wide.sql"),
        "{{ config(materialized='incremental', on_schema_change='"
            + mode
            + "') }}\n"
            + "{% if var('batch', 1) == 1 %}select 1 as id, 'a' as dropped\n"
            + "{% else %}select 2 as id, 'b' as added{% endif %}\n");
    assertEquals(0, dbtls(p, "run", "-s", "wide").exit());
    CliRun second = dbtls(p, "run", "-s", "wide", "--vars", "{batch: 2}");
    try (Connection c = connect("duckdb", p)) {
      List<String> columns =
          rows(
              c,
              "select column_name from information_schema.columns where table_name = 'wide'"
                  + " order by ordinal_position");
      switch (mode) {
        case "ignore" -> {
          // dbt inserts the target's columns it finds in the new rows: 'dropped' is missing
          // there, so the insert fails as in dbt
          assertEquals(1, second.exit(), second.out());
          assertEquals(List.of("id", "dropped"), columns);
        }
        case "append_new_columns" -> {
          assertEquals(0, second.exit(), second.out() + second.err());
          assertEquals(List.of("id", "dropped", "added"), columns);
          assertEquals(
              List.of("1|a|null", "2|null|b"),
              rows(c, "select id, dropped, added from main.wide order by id"));
        }
        case "sync_all_columns" -> {
          assertEquals(0, second.exit(), second.out() + second.err());
          assertEquals(List.of("id", "added"), columns);
          assertEquals(
              List.of("1|null", "2|b"), rows(c, "select id, added from main.wide order by id"));
        }
        default -> {
          assertEquals(1, second.exit(), second.out());
          assertTrue(
              second
                  .out()
                  .contains(
                      "The source and target schemas on this incremental model are"
                          + " out of sync"),
              second.out());
          assertEquals(List.of("id", "dropped"), columns);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void anErrorSkipsItsChildrenAndAFailingTestStopsWhatIsDownstream(String engine) throws Exception {
    Path p = project(engine);
    Files.writeString(
        p.resolve("models/broken.sql"), "select no_such_column from {{ ref('raw_customers') }}\n");
    Files.writeString(p.resolve("models/after_broken.sql"), "select * from {{ ref('broken') }}\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: stg_customers
            columns:
              - name: signed_up
                data_tests: [not_null]
        """);
    CliRun run = dbtls(p, "build", "-s", "raw_customers+", "--exclude", "orders_merged");
    assertEquals(1, run.exit(), run.out() + run.err());
    String out = run.out();
    assertTrue(out.contains("ERROR creating sql view model "), out);
    assertTrue(out.contains("Failure in model broken (models/broken.sql)"), out);
    assertTrue(out.contains("Database Error in model broken: "), out);
    assertTrue(out.toLowerCase().contains("no_such_column"), out);
    assertTrue(out.contains("FAIL 1 not_null_stg_customers_signed_up"), out);
    // customers (below the failing test) and after_broken (below the error) are skipped
    assertTrue(
        out.lines().anyMatch(l -> l.matches(".*SKIP relation \\w+\\.customers \\.+ \\[SKIP]")),
        out);
    assertTrue(out.lines().anyMatch(l -> l.matches(".*SKIP relation \\w+\\.after_broken .*")), out);
    try (Connection c = connect(engine, p)) {
      Map<String, String> kinds = relations(c, engine);
      assertTrue(!kinds.containsKey("broken") && !kinds.containsKey("customers"), kinds.toString());
      assertEquals("VIEW", kinds.get("stg_customers"), kinds.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod"})
  void aProtectedTargetIsWrittenOnlyWhenAllowed(String name) throws Exception {
    Path p = project("duckdb");
    Files.writeString(
        p.resolve("profiles.yml"),
        "shop:\n  target: "
            + name
            + "\n  outputs:\n    "
            + name
            + ":\n      type: duckdb\n      path: shop.duckdb\n");
    CliRun refused = dbtls(p, "seed");
    assertEquals(2, refused.exit(), refused.out());
    assertTrue(
        refused
            .err()
            .contains(
                "target 'prod' is protected: dbtls seed writes to it only with"
                    + " --allow-protected-target"),
        refused.err());
    assertTrue(!Files.exists(p.resolve("shop.duckdb")));
    CliRun allowed = dbtls(p, "seed", "--allow-protected-target");
    assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
  }

  /**
   * A project's own materialization and incremental strategy win over dbtls' (as in dbt), and
   * {@code run_query} in a model runs on the build's connection: its agate table's columns and rows
   * are the real ones.
   */
  @org.junit.jupiter.api.Test
  void aProjectsMaterializationAndStrategyWinAndRunQueryReadsTheDatabase() throws Exception {
    Path p = project("duckdb");
    Files.createDirectories(p.resolve("macros"));
    Files.writeString(
        p.resolve("macros/materializations.sql"),
        """
        {% materialization table, default %}
          {%- set target_relation = this.incorporate(type='table') -%}
          {{ drop_relation_if_exists(load_relation(this)) }}
          {% call statement('main') -%}
            create table {{ target_relation }} as select 'ours' as made_by, * from ({{ sql }}) t
          {%- endcall %}
          {% do adapter.commit() %}
          {{ return({'relations': [target_relation]}) }}
        {% endmaterialization %}

        {% macro get_incremental_replace_all_sql(arg_dict) %}
          delete from {{ arg_dict['target_relation'] }};
          insert into {{ arg_dict['target_relation'] }} select * from {{ arg_dict['temp_relation'] }}
        {% endmacro %}
        """);
    Files.writeString(
        p.resolve("models/counted.sql"),
        """
        {{ config(materialized='table') }}
        {% set r = run_query('select count(*) as n, max(name) as last from ' ~ ref('raw_customers')) %}
        select {{ r.columns[0].values()[0] }} as customers, '{{ r.rows[0]['last'] }}' as last_name
        """);
    Files.writeString(
        p.resolve("models/replaced.sql"),
        """
        {{ config(materialized='incremental', incremental_strategy='replace_all') }}
        select {{ var('batch', 1) }} as batch
        """);
    CliRun first = dbtls(p, "build", "-s", "+counted", "replaced");
    assertEquals(0, first.exit(), first.out() + first.err());
    CliRun second = dbtls(p, "run", "-s", "replaced", "--vars", "{batch: 2}");
    assertEquals(0, second.exit(), second.out() + second.err());
    try (Connection c = connect("duckdb", p)) {
      assertEquals(
          List.of("ours|3|cy"), rows(c, "select made_by, customers, last_name from main.counted"));
      assertEquals(List.of("2"), rows(c, "select batch from main.replaced"));
    }
    CliRun unknown = dbtls(p, "run", "-s", "replaced");
    assertEquals(0, unknown.exit(), unknown.out());
    Files.writeString(
        p.resolve("models/replaced.sql"),
        "{{ config(materialized='incremental', incremental_strategy='no_such') }}\nselect 1 as batch\n");
    CliRun refused = dbtls(p, "run", "-s", "replaced");
    assertEquals(1, refused.exit(), refused.out());
    assertTrue(
        refused
            .out()
            .contains(
                "The incremental strategy 'no_such' is not known: there is no macro"
                    + " get_incremental_no_such_sql"),
        refused.out());
  }

  /**
   * A cancel stops the running statement in PostgreSQL and rolls its transaction back: no
   * half-built relation is left, the rest is skipped, and the node says it was cancelled.
   */
  @org.junit.jupiter.api.Test
  void aCancelledRunLeavesNoHalfBuiltRelation() throws Exception {
    Path p = project("postgres");
    Files.writeString(
        p.resolve("models/slow.sql"),
        "{{ config(materialized='table') }}\nselect 1 as id from (select pg_sleep(30)) as s -- dbtls-cancel-marker\n");
    Files.writeString(p.resolve("models/after_slow.sql"), "select * from {{ ref('slow') }}\n");
    dev.dbtls.index.compile.ProjectSnapshot s =
        dev.dbtls.index.compile.ProjectSnapshot.load(
            p,
            dev.dbtls.testing.Fixture.profilesIn(p),
            List.of(),
            dev.dbtls.project.FileSource.DISK);
    List<dev.dbtls.index.Node> nodes =
        dev.dbtls.run.Builds.among(
            s,
            "run",
            new dev.dbtls.index.Selector(s.manifest()).select(List.of("slow+"), List.of()),
            List.of());
    dev.dbtls.warehouse.QueryCancel cancel = new dev.dbtls.warehouse.QueryCancel();
    dev.dbtls.warehouse.BuildTarget.Opened opened =
        dev.dbtls.warehouse.BuildTarget.open(s.inputs().target(), p);
    assertTrue(opened.ok(), String.valueOf(opened.error()));
    java.util.concurrent.CompletableFuture<List<dev.dbtls.run.NodeResult>> run;
    try (dev.dbtls.warehouse.BuildTarget t = opened.target()) {
      run =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  dev.dbtls.run.Builds.run(
                      s,
                      nodes,
                      t,
                      new dev.dbtls.run.Builds.Options(2, false, false, "run", cancel),
                      null));
      Databases.awaitRunning(Databases.PG_URL, "postgres", "dbtls-cancel-marker");
      cancel.cancel();
      List<dev.dbtls.run.NodeResult> results = run.get(30, java.util.concurrent.TimeUnit.SECONDS);
      Map<String, String> statuses = new TreeMap<>();
      results.forEach(r -> statuses.put(r.name(), r.status().word() + ": " + r.message()));
      assertTrue(statuses.get("slow").startsWith("error: cancelled"), statuses.toString());
      assertTrue(statuses.get("after_slow").startsWith("skipped: "), statuses.toString());
    }
    try (Connection c = connect("postgres", p)) {
      Map<String, String> kinds = relations(c, "postgres");
      assertTrue(kinds.keySet().stream().noneMatch(k -> k.startsWith("slow")), kinds.toString());
      assertEquals(
          List.of("0"),
          rows(
              c,
              "select count(*) from pg_stat_activity where query like '%dbtls-cancel-marker%'"
                  + " and state = 'active' and pid <> pg_backend_pid()"));
    }
  }

  /**
   * on-run-start runs before the first node and on-run-end after the last, rendered in dbt's hook
   * context (target, results, schemas); a failing on-run-start skips every node.
   */
  @org.junit.jupiter.api.Test
  void runHooksRunBeforeAndAfterTheNodes() throws Exception {
    Path p = project("duckdb");
    Files.writeString(
        p.resolve("dbt_project.yml"),
        """
        name: shop
        profile: shop
        on-run-start:
          - "create table if not exists {{ target.schema }}.audit (event varchar)"
          - "insert into {{ target.schema }}.audit values ('start on {{ target.name }}')"
        on-run-end: "insert into {{ target.schema }}.audit values ('{{ results | length }} results in {{ schemas | join(',') }}')"
        """);
    CliRun run = dbtls(p, "seed");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("1 of 2 OK hook: shop-on-run-start-0"), run.out());
    assertTrue(run.out().contains("1 of 1 OK hook: shop-on-run-end-0"), run.out());
    try (Connection c = connect("duckdb", p)) {
      assertEquals(
          List.of("start on dev", "3 results in main"), rows(c, "select event from main.audit"));
    }
    Files.writeString(
        p.resolve("dbt_project.yml"),
        "name: shop\nprofile: shop\non-run-start: \"select * from no_such_table\"\n");
    CliRun failed = dbtls(p, "seed");
    assertEquals(1, failed.exit(), failed.out());
    assertTrue(failed.out().contains("Failure in hook shop-on-run-start-0"), failed.out());
    assertTrue(failed.out().contains("SKIP relation main.raw_customers"), failed.out());
  }

  /**
   * dbt 1.12's on_error: a failing model configured {@code continue} lets a child that reads
   * another relation run; a child of both it and a {@code skip_children} failure is still skipped
   * (skip_children wins); the run still fails.
   */
  @org.junit.jupiter.api.Test
  void onErrorContinueRunsTheChildrenOfAFailedModel() throws Exception {
    Path p = project("duckdb");
    Files.writeString(
        p.resolve("models/flaky.sql"),
        "{{ config(on_error='continue') }}\nselect no_such_column from {{ ref('raw_customers') }}\n");
    Files.writeString(
        p.resolve("models/strict.sql"), "select no_such_column from {{ ref('raw_customers') }}\n");
    Files.writeString(
        p.resolve("models/fallback.sql"),
        "-- depends_on: {{ ref('flaky') }}\nselect count(*) as n from {{ ref('raw_customers') }}\n");
    Files.writeString(
        p.resolve("models/both.sql"),
        "-- depends_on: {{ ref('flaky') }}\n-- depends_on: {{ ref('strict') }}\nselect 1 as x\n");
    CliRun run = dbtls(p, "build", "-s", "raw_customers", "flaky+", "strict");
    assertEquals(1, run.exit(), run.out() + run.err());
    String out = run.out();
    assertTrue(out.contains("Failure in model flaky"), out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches(".*OK created sql view model main\\.fallback .*")),
        out);
    assertTrue(out.lines().anyMatch(l -> l.matches(".*SKIP relation main\\.both .*")), out);
    try (Connection c = connect("duckdb", p)) {
      assertEquals(List.of("3"), rows(c, "select n from main.fallback"));
    }
    // the command line's run is in the run history too, with each node's end
    try (dev.dbtls.store.Store store = dev.dbtls.store.Store.open()) {
      dev.dbtls.store.RunHistory.Run kept = store.runs().list(p.toString(), 1).value().get(0);
      assertEquals("build", kept.command());
      assertEquals(2, kept.errors(), kept.toString());
      assertEquals(
          "error",
          store
              .runs()
              .last(p.toString(), "dev", List.of("model.shop.flaky"))
              .value()
              .get("model.shop.flaky")
              .status());
    }
  }

  /**
   * A model that reads a table through an ephemeral model waits for that table: the ephemeral is
   * compiled into it, so its parents are the model's (a generated project found the gap).
   */
  @org.junit.jupiter.api.Test
  void aModelWaitsForWhatItsEphemeralParentReads() throws Exception {
    Path p = project("duckdb");
    Files.writeString(
        p.resolve("models/base.sql"),
        "{{ config(materialized='table') }}\nselect 1 as id from range(300000)\n");
    Files.writeString(
        p.resolve("models/between.sql"),
        "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('base') }}\n");
    Files.writeString(
        p.resolve("models/top.sql"),
        "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('between') }}\n");
    CliRun run = dbtls(p, "run", "-s", "base", "top", "--threads", "4");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect("duckdb", p)) {
      assertEquals(List.of("300000"), rows(c, "select n from main.top"));
    }
  }

  /**
   * store_failures keeps a failing test's rows in the audit schema, as dbt names it; the message
   * says where; --store-failures does it for every test of the run.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void storeFailuresKeepsTheFailingRows(String engine) throws Exception {
    Path p = project(engine);
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: stg_customers
            columns:
              - name: signed_up
                data_tests:
                  - not_null:
                      config:
                        store_failures: true
              - name: customer_id
                data_tests: [unique]
        """);
    CliRun run = dbtls(p, "build", "-s", "+stg_customers");
    assertEquals(1, run.exit(), run.out() + run.err());
    String audit = schema(engine) + "_dbt_test__audit";
    assertTrue(
        run.out().contains("See test failures:") && run.out().contains(audit + "\""), run.out());
    try (Connection c = connect(engine, p)) {
      assertEquals(
          List.of("3|cy|null"),
          rows(
              c,
              "select customer_id, name, signed_up from "
                  + audit
                  + ".not_null_stg_customers_signed_up"));
      assertEquals(
          List.of(),
          rows(
              c,
              "select table_name from information_schema.tables where table_schema = '"
                  + audit
                  + "' and table_name = 'unique_stg_customers_customer_id'"));
    }
    CliRun all = dbtls(p, "build", "-s", "stg_customers", "--store-failures");
    assertEquals(1, all.exit(), all.out());
    try (Connection c = connect(engine, p)) {
      assertEquals(
          List.of("0"),
          rows(c, "select count(*) from " + audit + ".unique_stg_customers_customer_id"));
    }
    if (engine.equals("postgres")) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + audit + " cascade"));
    }
  }

  /**
   * A model contract: the query's columns checked against the YAML's before building (a type
   * mismatch is dbt's error with its table, nothing built); a kept contract's table has the
   * declared constraints, enforced by the database.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void anEnforcedContractIsCheckedAndItsConstraintsCreated(String engine) throws Exception {
    Path p = project(engine);
    Files.writeString(
        p.resolve("models/contracted.sql"),
        "{{ config(materialized='table') }}\nselect 1 as id, 'ana' as name\n");
    String yaml =
        """
        models:
          - name: contracted
            config:
              contract: {enforced: true}
            columns:
              - name: id
                data_type: ID_TYPE
                constraints:
                  - type: not_null
                  - type: primary_key
              - name: name
                data_type: varchar(20)
                constraints:
                  - type: check
                    expression: "name <> ''"
        """;
    Files.writeString(p.resolve("models/schema.yml"), yaml.replace("ID_TYPE", "text"));
    CliRun broken = dbtls(p, "run", "-s", "contracted");
    assertEquals(1, broken.exit(), broken.out());
    assertTrue(
        broken.out().contains("This model has an enforced contract that failed."), broken.out());
    assertTrue(
        broken
            .out()
            .lines()
            .anyMatch(l -> l.matches("\\| id \\| INT\\w* \\| TEXT \\| data type mismatch \\|")),
        broken.out());
    Files.writeString(p.resolve("models/schema.yml"), yaml.replace("ID_TYPE", "integer"));
    CliRun kept = dbtls(p, "run", "-s", "contracted");
    assertEquals(0, kept.exit(), kept.out() + kept.err());
    try (Connection c = connect(engine, p)) {
      String table = schema(engine) + ".contracted";
      assertEquals(List.of("1|ana"), rows(c, "select id, name from " + table));
      for (String bad :
          List.of(
              "insert into " + table + " values (1, 'bo')",
              "insert into " + table + " values (null, 'cy')",
              "insert into " + table + " values (2, '')")) {
        try (Statement st = c.createStatement()) {
          st.execute(bad);
          throw new AssertionError("the contract's constraint let this in: " + bad);
        } catch (java.sql.SQLException expected) {
          // primary key, not null, check: refused by the database
        }
      }
    }
  }

  /**
   * A model's own constraints (dbt 1.5+: a primary key over two columns, a named unique, a foreign
   * key whose {@code to} is a ref, rendered to its relation) and a column's foreign key with {@code
   * to}/{@code to_columns} are created with the contracted table; the database refuses rows that
   * break them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void aModelsOwnConstraintsAndForeignKeysToARefAreCreated(String engine) throws Exception {
    Path p = project(engine);
    Files.writeString(
        p.resolve("models/accounts.sql"),
        "{{ config(materialized='table') }}\nselect 1 as id union all select 2\n");
    Files.writeString(
        p.resolve("models/entries.sql"),
        "{{ config(materialized='table') }}\nselect 1 as account_id, 1 as line, 'a' as code\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: accounts
            config:
              contract: {enforced: true}
            columns:
              - name: id
                data_type: integer
                constraints:
                  - type: primary_key
          - name: entries
            config:
              contract: {enforced: true}
            constraints:
              - type: primary_key
                columns: [account_id, line]
              - type: unique
                name: entries_code_unique
                columns: [code]
            columns:
              - name: account_id
                data_type: integer
                constraints:
                  - type: foreign_key
                    to: ref('accounts')
                    to_columns: [id]
              - name: line
                data_type: integer
              - name: code
                data_type: varchar(10)
        """);
    CliRun run = dbtls(p, "run", "-s", "accounts", "entries");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect(engine, p)) {
      String table = schema(engine) + ".entries";
      assertEquals(List.of("1|1|a"), rows(c, "select account_id, line, code from " + table));
      for (String bad :
          List.of(
              "insert into " + table + " values (1, 1, 'b')",
              "insert into " + table + " values (2, 2, 'a')",
              "insert into " + table + " values (9, 3, 'c')")) {
        try (Statement st = c.createStatement()) {
          st.execute(bad);
          throw new AssertionError("the model's constraint let this in: " + bad);
        } catch (java.sql.SQLException expected) {
          // the two-column primary key, the named unique, the foreign key to accounts
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("insert into " + table + " values (2, 5, 'z')"); // a row that keeps them all
      }
    }
  }

  /**
   * --empty: refs and sources read no rows, so the models build with their columns and no data
   * (seeds still load theirs, as in dbt).
   */
  @org.junit.jupiter.api.Test
  void emptyBuildsTheColumnsWithoutTheRows() throws Exception {
    Path p = project("duckdb");
    assertEquals(0, dbtls(p, "seed").exit());
    CliRun run = dbtls(p, "run", "-s", "stg_customers", "customer_changes", "--empty");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = connect("duckdb", p)) {
      assertEquals(List.of("3"), rows(c, "select count(*) from main.raw_customers"));
      assertEquals(List.of("0"), rows(c, "select count(*) from main.stg_customers"));
      assertEquals(
          List.of("customer_id", "name", "signed_up"),
          rows(
              c,
              "select column_name from information_schema.columns where table_name ="
                  + " 'stg_customers' order by ordinal_position"));
      // a model that reads no ref keeps its own rows
      assertEquals(List.of("3"), rows(c, "select count(*) from main.customer_changes"));
    }
  }
}
