package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The native runner on the local MariaDB and on a SQLite file, as far as their SQL goes: a seed, a
 * view, a table swapped in, incremental models run twice (delete+insert on one or two key columns,
 * append, a full refresh), a failing and a passing data test, a snapshot across a change and a hard
 * delete; {@code merge}, which neither engine has, is refused with a message that says so. After
 * each run the test reads the database's catalog and rows.
 */
class BuildMariaDbSqliteTest {
  @TempDir Path dir;

  private String database;

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      Databases.exec(Databases.MARIADB_URL, "root", List.of("drop database if exists " + database));
    }
  }

  private Path project(String engine) throws Exception {
    Path p = dir.resolve("shop");
    for (String d : List.of("models", "seeds", "snapshots", "tests")) {
      Files.createDirectories(p.resolve(d));
    }
    Files.writeString(
        p.resolve("dbt_project.yml"),
        "name: shop\nprofile: shop\nmodels:\n  shop:\n    +materialized: view\n");
    String profile;
    if (engine.equals("mariadb")) {
      Databases.requireServer(3306);
      database = Databases.unique("dbtls_sel_build");
      Databases.exec(Databases.MARIADB_URL, "root", List.of("create database " + database));
      profile =
          "      type: mariadb\n      server: 127.0.0.1\n      port: 3306\n      username: root\n"
              + "      password: ''\n      schema: "
              + database
              + "\n      threads: 2\n";
    } else {
      profile =
          "      type: sqlite\n      threads: 1\n      database: database\n      schema: main\n"
              + "      schemas_and_paths:\n        main: shop.db\n"
              + "      schema_directory: .\n";
    }
    Files.writeString(
        p.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + profile);
    Files.writeString(
        p.resolve("seeds/raw_customers.csv"),
        "id,name,signed_up\n1,ana,2024-01-05\n2,bo,2024-02-11\n3,cy,\n");
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
        {{ config(materialized='table') }}
        select customer_id, upper(name) as name from {{ ref('stg_customers') }}
        """);
    // batch 1: orders 1-3; batch 2: order 3 changes status and 4 arrives
    Files.writeString(
        p.resolve("models/orders.sql"),
        """
        {{ config(materialized='incremental', unique_key='order_id') }}
        select * from (
        {% if var('batch', 1) == 1 %}
          select 1 as order_id, 'placed' as status union all select 2, 'placed'
          union all select 3, 'placed'
        {% else %}
          select 3 as order_id, 'shipped' as status union all select 4, 'placed'
        {% endif %}
        ) t
        {% if is_incremental() %} where order_id >= (select max(order_id) from {{ this }}) {% endif %}
        """);
    Files.writeString(
        p.resolve("models/order_lines.sql"),
        """
        {{ config(materialized='incremental', unique_key=['order_id', 'line'],
                  incremental_strategy='delete+insert') }}
        {% if var('batch', 1) == 1 %}
        select 1 as order_id, 1 as line, 5 as qty union all select 1, 2, 6
        {% else %}
        select 1 as order_id, 2 as line, 7 as qty union all select 2, 1, 1
        {% endif %}
        """);
    Files.writeString(
        p.resolve("models/events.sql"),
        "{{ config(materialized='incremental') }}\nselect {{ var('batch', 1) }} as batch\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        """
        models:
          - name: customers
            columns:
              - name: customer_id
                data_tests: [unique, not_null]
          - name: events
            columns:
              - name: batch
                data_tests:
                  - accepted_values:
                      values: [2]
                      quote: false
        """);
    Files.writeString(
        p.resolve("tests/no_big_orders.sql"),
        "select * from {{ ref('orders') }} where order_id > 100\n");
    Files.writeString(
        p.resolve("snapshots/customers_snapshot.sql"),
        """
        {% snapshot customers_snapshot %}
        {{ config(unique_key='id', strategy='check', check_cols=['name'],
                  hard_deletes='invalidate') }}
        select * from {{ ref('customer_changes') }}
        {% endsnapshot %}
        """);
    // the snapshot's source: batch 1, then 2 (bo renamed, cy gone)
    Files.writeString(
        p.resolve("models/customer_changes.sql"),
        """
        {{ config(materialized='table') }}
        select 1 as id, 'ana' as name
        union all select 2, '{{ 'bo' if var('batch', 1) == 1 else 'bob' }}'
        {% if var('batch', 1) == 1 %} union all select 3, 'cy'{% endif %}
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
    return engine.equals("mariadb")
        ? DriverManager.getConnection(
            "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root&password=")
        : DriverManager.getConnection("jdbc:sqlite:" + p.resolve("shop.db"));
  }

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

  /** Each relation and its kind: "table" or "view". */
  private Map<String, String> relations(Connection c, String engine) throws Exception {
    Map<String, String> out = new TreeMap<>();
    String sql =
        engine.equals("mariadb")
            ? "select table_name, case when table_type = 'VIEW' then 'view' else 'table' end"
                + " from information_schema.tables where table_schema = '"
                + database
                + "'"
            : "select name, type from sqlite_master where type in ('table', 'view')";
    for (String r : rows(c, sql)) {
      out.put(r.split("\\|")[0], r.split("\\|")[1]);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void buildsTwiceAndReachesDbtsEndState(String engine) throws Exception {
    Path p = project(engine);
    CliRun first = dbtls(p, "build", "--exclude", "customers_snapshot");
    // the first batch of events fails its accepted_values test; everything else passes
    assertEquals(1, first.exit(), first.out() + first.err());
    String out = first.out();
    assertTrue(out.contains("FAIL 1 accepted_values_events_batch__False__2"), out);
    assertTrue(out.contains("PASS unique_customers_customer_id"), out);
    assertTrue(out.contains("PASS no_big_orders"), out);
    assertTrue(out.contains("Done. PASS=10 WARN=0 ERROR=1 SKIP=0"), out);
    try (Connection c = connect(engine, p)) {
      Map<String, String> kinds = relations(c, engine);
      assertEquals("view", kinds.get("stg_customers"), kinds.toString());
      assertEquals("table", kinds.get("customers"), kinds.toString());
      assertEquals("table", kinds.get("raw_customers"), kinds.toString());
      assertEquals("table", kinds.get("orders"), kinds.toString());
      assertTrue(kinds.keySet().stream().noneMatch(k -> k.contains("__dbt")), kinds.toString());
      assertEquals(
          List.of("1|ana|2024-01-05", "2|bo|2024-02-11", "3|cy|null"),
          rows(c, "select id, name, signed_up from raw_customers order by id"));
      assertEquals(
          List.of("1|ANA", "2|BO", "3|CY"),
          rows(c, "select customer_id, name from customers order by customer_id"));
      assertEquals(
          List.of("1|placed", "2|placed", "3|placed"),
          rows(c, "select order_id, status from orders order by order_id"));
    }

    // a rebuild swaps the table and the view in again
    CliRun again = dbtls(p, "run", "-s", "stg_customers", "customers");
    assertEquals(0, again.exit(), again.out() + again.err());

    CliRun second =
        dbtls(p, "run", "--vars", "{batch: 2}", "-s", "orders", "order_lines", "events");
    assertEquals(0, second.exit(), second.out() + second.err());
    try (Connection c = connect(engine, p)) {
      assertEquals(
          List.of("1|placed", "2|placed", "3|shipped", "4|placed"),
          rows(c, "select order_id, status from orders order by order_id"));
      assertEquals(
          List.of("1|1|5", "1|2|7", "2|1|1"),
          rows(c, "select order_id, line, qty from order_lines order by order_id, line"));
      assertEquals(List.of("1", "2"), rows(c, "select batch from events order by batch"));
      Map<String, String> kinds = relations(c, engine);
      assertTrue(kinds.keySet().stream().noneMatch(k -> k.contains("__dbt")), kinds.toString());
    }
    CliRun refresh = dbtls(p, "run", "--vars", "{batch: 2}", "-s", "events", "--full-refresh");
    assertEquals(0, refresh.exit(), refresh.out() + refresh.err());
    try (Connection c = connect(engine, p)) {
      assertEquals(List.of("2"), rows(c, "select batch from events"));
    }
    // dbtls test, read-only, on what was built: the refreshed events now pass
    CliRun tested = dbtls(p, "test", "-s", "events");
    assertEquals(0, tested.exit(), tested.out() + tested.err());
    assertTrue(tested.out().contains("Done. PASS=1 WARN=0 ERROR=0"), tested.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void mergeIsRefusedWithWhatToUseInstead(String engine) throws Exception {
    Path p = project(engine);
    Files.writeString(
        p.resolve("models/merged.sql"),
        "{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\n"
            + "select 1 as id\n");
    assertEquals(0, dbtls(p, "run", "-s", "merged").exit());
    CliRun second = dbtls(p, "run", "-s", "merged");
    assertEquals(1, second.exit(), second.out());
    assertTrue(
        second.out().contains("The incremental strategy 'merge' is not supported on " + engine),
        second.out());
    try (Connection c = connect(engine, p)) {
      assertEquals(List.of("1"), rows(c, "select id from merged"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void snapshotClosesAChangedAndADeletedRow(String engine) throws Exception {
    Path p = project(engine);
    for (int batch = 1; batch <= 2; batch++) {
      String vars = "{batch: " + batch + "}";
      CliRun source = dbtls(p, "run", "--vars", vars, "-s", "customer_changes");
      assertEquals(0, source.exit(), source.out() + source.err());
      CliRun snap = dbtls(p, "snapshot", "--vars", vars);
      assertEquals(0, snap.exit(), "batch " + batch + ": " + snap.out() + snap.err());
    }
    try (Connection c = connect(engine, p)) {
      assertEquals(
          List.of("1|ana|1", "2|bo|0", "2|bob|1", "3|cy|0"),
          rows(
              c,
              "select id, name, case when dbt_valid_to is null then 1 else 0 end from"
                  + " customers_snapshot order by id, dbt_valid_from, name"));
      assertEquals(
          List.of("4"), rows(c, "select count(distinct dbt_scd_id) from customers_snapshot"));
    }
  }
}
