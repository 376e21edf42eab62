package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.run.CommandRun;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dbt's unit tests on the native runner, on a DuckDB file and on the local PostgreSQL: fixtures as
 * dict rows, inline CSV, a CSV fixture file and SQL, a source input, a seed giving its own rows, an
 * incremental model with {@code is_incremental} overridden and its {@code this}, vars and env vars
 * overridden; a failing one with dbt's diff (in its message, {@code run_results.json} and the
 * result's expected and actual text); {@code dbt build} running a model's unit tests first and
 * skipping the model when one fails; {@code dbt run} leaving them out.
 */
class UnitTestCommandTest {
  @TempDir Path dir;

  private String pgSchema;

  @AfterEach
  void dropSchema() throws Exception {
    if (pgSchema != null) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + pgSchema + " cascade"));
    }
  }

  private static final String PASSING =
      """
      unit_tests:
        - name: totals_per_customer
          model: customer_totals
          given:
            - input: ref('stg_orders')
              rows:
                - {order_id: 1, customer_id: 7, amount: 10.5, status: placed}
                - {order_id: 2, customer_id: 7, amount: 4, status: placed}
                - {order_id: 3, customer_id: 8, amount: 99, status: returned}
                - {order_id: 4, customer_id: 9, amount: 1}
          expect:
            rows:
              - {customer_id: 7, total: 14.5}
        - name: totals_from_csv
          model: customer_totals
          given:
            - input: ref('stg_orders')
              format: csv
              rows: |
                order_id,customer_id,amount,status
                1,7,2.5,placed
                2,8,3,placed
          expect:
            format: csv
            fixture: expected_totals
        - name: totals_from_sql
          model: customer_totals
          given:
            - input: ref('stg_orders')
              format: sql
              rows: select 1 as order_id, 7 as customer_id, 3.5 as amount, 'placed' as status
          expect:
            rows:
              - {customer_id: 7, orders: 1}
        - name: names_from_a_source
          model: people
          given:
            - input: source('raw', 'people')
              rows:
                - {id: 1, name: ana}
                - {id: 2, name: bo}
          expect:
            rows:
              - {id: 1, name: ANA}
              - {id: 2, name: BO}
        - name: only_new_orders
          model: orders_inc
          overrides:
            macros:
              is_incremental: true
          given:
            - input: ref('stg_orders')
              rows:
                - {order_id: 1}
                - {order_id: 2}
                - {order_id: 3}
            - input: this
              rows:
                - {order_id: 1}
          expect:
            rows:
              - {order_id: 2}
              - {order_id: 3}
        - name: a_seed_gives_its_own_rows
          model: stg_orders
          given:
            - input: ref('raw_orders')
          expect:
            rows:
              - {order_id: 1, amount: 10.5}
              - {order_id: 2, amount: 3}
        - name: tiers_with_overrides
          model: tiers
          overrides:
            vars:
              big: 5
            env_vars:
              REGION: us
          given:
            - input: ref('stg_orders')
              rows:
                - {order_id: 1, amount: 4}
                - {order_id: 2, amount: 6}
          expect:
            rows:
              - {order_id: 1, tier: small, region: us}
              - {order_id: 2, tier: big, region: us}
      """;

  private static final String FAILING =
      """
        - name: totals_wrong
          model: customer_totals
          given:
            - input: ref('stg_orders')
              rows:
                - {order_id: 1, customer_id: 7, amount: 10, status: placed}
                - {order_id: 2, customer_id: 8, amount: 5, status: placed}
          expect:
            rows:
              - {customer_id: 7, total: 10}
              - {customer_id: 8, total: 6}
      """;

  private Path project(String engine, boolean withFailing) throws Exception {
    Path p = dir.resolve("shop");
    for (String d : List.of("models", "seeds", "tests/fixtures")) {
      Files.createDirectories(p.resolve(d));
    }
    Files.writeString(
        p.resolve("dbt_project.yml"),
        "name: shop\nprofile: shop\nmodels:\n  shop:\n    +materialized: view\n");
    String schema;
    String profile;
    if (engine.equals("postgres")) {
      Databases.requireServer(5432);
      pgSchema = Databases.unique("dbtls_unit");
      schema = pgSchema;
      profile =
          "      type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n"
              + "      password: ''\n      dbname: test\n      schema: "
              + pgSchema
              + "\n      threads: 2\n";
    } else {
      schema = "main";
      profile =
          "      type: duckdb\n      path: shop.duckdb\n      schema: main\n      threads: 2\n";
    }
    Files.writeString(
        p.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + profile);
    Files.writeString(
        p.resolve("seeds/raw_orders.csv"),
        "id,customer_id,amount,status\n1,7,10.50,placed\n2,8,3.00,returned\n");
    Files.writeString(p.resolve("seeds/raw_people.csv"), "id,name\n1,ana\n");
    Files.writeString(
        p.resolve("models/stg_orders.sql"),
        "select id as order_id, customer_id, cast(amount as decimal(10,2)) as amount, status"
            + " from {{ ref('raw_orders') }}\n");
    Files.writeString(
        p.resolve("models/customer_totals.sql"),
        """
        {{ config(materialized='table') }}
        select customer_id, sum(amount) as total, count(*) as orders
        from {{ ref('stg_orders') }}
        where status = 'placed'
        group by customer_id
        """);
    Files.writeString(
        p.resolve("models/after_totals.sql"), "select * from {{ ref('customer_totals') }}\n");
    Files.writeString(
        p.resolve("models/people.sql"),
        "select id, upper(name) as name from {{ source('raw', 'people') }}\n");
    Files.writeString(
        p.resolve("models/orders_inc.sql"),
        """
        {{ config(materialized='incremental') }}
        select order_id from {{ ref('stg_orders') }}
        {% if is_incremental() %}
        where order_id > (select max(order_id) from {{ this }})
        {% endif %}
        """);
    Files.writeString(
        p.resolve("models/tiers.sql"),
        """
        select order_id,
          case when amount >= {{ var('big', 100) }} then 'big' else 'small' end as tier,
          '{{ env_var('REGION', 'eu') }}' as region
        from {{ ref('stg_orders') }}
        """);
    Files.writeString(
        p.resolve("tests/fixtures/expected_totals.csv"), "customer_id,total\n7,2.5\n8,3\n");
    Files.writeString(
        p.resolve("models/schema.yml"),
        "sources:\n  - name: raw\n    schema: "
            + schema
            + "\n    tables:\n      - name: people\n        identifier: raw_people\n"
            + PASSING
            + (withFailing ? FAILING : ""));
    return p;
  }

  private CliRun dbtls(Path p, String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(command, "--project-dir", p.toString(), "--profiles-dir", p.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode results(Path p) throws Exception {
    return new ObjectMapper().readTree(p.resolve("target/run_results.json").toFile());
  }

  private static Map<String, JsonNode> byId(JsonNode results) {
    Map<String, JsonNode> out = new HashMap<>();
    results.path("results").forEach(r -> out.put(r.path("unique_id").asText(), r));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void unitTestsPassAndAFailingOneShowsDbtsDiff(String engine) throws Exception {
    Path p = project(engine, true);
    assertEquals(0, dbtls(p, "seed").exit());
    CliRun run = dbtls(p, "run");
    assertEquals(0, run.exit(), run.out() + run.err());
    // dbt run builds the models and leaves their unit tests out
    assertTrue(run.out().contains("TOTAL=6"), run.out());
    assertFalse(run.out().contains("unit_test"), run.out());

    CliRun test = dbtls(p, "test", "-s", "test_type:unit");
    assertEquals(1, test.exit(), test.out() + test.err());
    String out = test.out();
    assertTrue(out.contains("PASS customer_totals::totals_per_customer"), out);
    assertTrue(out.contains("FAIL 2 customer_totals::totals_wrong"), out);
    assertTrue(out.contains("Failure in unit_test totals_wrong (models/schema.yml)"), out);
    assertTrue(out.contains("actual differs from expected:"), out);
    assertTrue(out.contains("Done. PASS=7 WARN=0 ERROR=1 SKIP=0"), out);

    Map<String, JsonNode> r = byId(results(p));
    for (String name :
        List.of(
            "customer_totals.totals_per_customer",
            "customer_totals.totals_from_csv",
            "customer_totals.totals_from_sql",
            "people.names_from_a_source",
            "orders_inc.only_new_orders",
            "stg_orders.a_seed_gives_its_own_rows",
            "tiers.tiers_with_overrides")) {
      JsonNode one = r.get("unit_test.shop." + name);
      assertNotNull(one, r.keySet().toString());
      assertEquals("pass", one.path("status").asText(), one.toString());
    }
    JsonNode wrong = r.get("unit_test.shop.customer_totals.totals_wrong");
    assertEquals("fail", wrong.path("status").asText(), wrong.toString());
    String message = wrong.path("message").asText();
    // dbt's shape: the header row, the row only the model gave (+++) and the one it missed (---)
    assertTrue(message.startsWith("actual differs from expected:\n\n@@"), message);
    assertTrue(message.lines().anyMatch(l -> l.matches("\\+\\+\\+,8 *,5")), message);
    assertTrue(message.lines().anyMatch(l -> l.matches("---,8 *,6")), message);
    assertTrue(message.lines().anyMatch(l -> l.matches(" *,7 *,10")), message);
    assertEquals(2, wrong.path("failures").asInt(), wrong.toString());
    assertTrue(
        wrong.path("compiled_code").asText().contains("actual_or_expected"), wrong.toString());

    // the result carries both sides for a client's diff view
    ProjectSnapshot s =
        ProjectSnapshot.load(
            p,
            new ProjectInputs.Options(p, null, null, Map.of(), System.getenv()),
            List.of(),
            FileSource.DISK,
            true);
    List<String> chosen =
        new Selector(s.manifest()).select(List.of("totals_wrong"), List.of()).stream().toList();
    try (Warehouses w = new Warehouses()) {
      CommandRun again =
          CommandRun.test(
              s,
              DataTests.among(s, chosen, List.of()),
              w,
              new DataTests.Options(1, false, 60, null),
              null,
              Map.of());
      NodeResult failed = again.results().get(0);
      assertEquals(NodeResult.Status.FAIL, failed.status());
      assertEquals("customer_id,total\n7,10\n8,6\n", failed.diff().expected());
      assertEquals("customer_id,total\n7,10\n8,5\n", failed.diff().actual());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void buildRunsAModelsUnitTestsFirstAndSkipsItWhenOneFails(String engine) throws Exception {
    Path p = project(engine, true);
    CliRun build = dbtls(p, "build", "-s", "+customer_totals+");
    assertEquals(1, build.exit(), build.out() + build.err());
    String out = build.out();
    Map<String, JsonNode> r = byId(results(p));
    assertEquals(
        "fail", r.get("unit_test.shop.customer_totals.totals_wrong").path("status").asText());
    assertEquals(
        "pass",
        r.get("unit_test.shop.customer_totals.totals_per_customer").path("status").asText());
    // the model and what reads it are skipped; its parents were built (the unit tests read them)
    assertEquals("skipped", r.get("model.shop.customer_totals").path("status").asText(), out);
    assertEquals("skipped", r.get("model.shop.after_totals").path("status").asText(), out);
    assertEquals("success", r.get("model.shop.stg_orders").path("status").asText(), out);
    // unit tests of models outside the selection do not run
    assertFalse(r.containsKey("unit_test.shop.people.names_from_a_source"), r.keySet().toString());
    try (Connection c = connect(engine, p)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select table_name from information_schema.tables where table_schema = '"
                      + (engine.equals("postgres") ? pgSchema : "main")
                      + "'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertTrue(tables.contains("stg_orders"), tables.toString());
      assertFalse(tables.contains("customer_totals"), tables.toString());
    }

    // without the failing one, the build passes and the unit tests ran before their model
    Path q = dir.resolve("again");
    Files.move(p, q);
    Files.writeString(
        q.resolve("models/schema.yml"),
        Files.readString(q.resolve("models/schema.yml")).replace(FAILING, ""));
    CliRun ok = dbtls(q, "build", "-s", "+customer_totals");
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    List<String> order = new ArrayList<>();
    results(q).path("results").forEach(x -> order.add(x.path("unique_id").asText()));
    assertTrue(order.contains("model.shop.customer_totals"), order.toString());
  }

  @Test
  void lsListsUnitTestsByResourceTypeAndTestType() throws Exception {
    Path p = project("duckdb", false);
    CliRun byType = dbtls(p, "ls", "--resource-type", "unit_test");
    assertEquals(0, byType.exit(), byType.out() + byType.err());
    List<String> lines = byType.out().lines().toList();
    assertEquals(7, lines.size(), byType.out());
    assertTrue(lines.contains("unit_test:shop.totals_per_customer"), byType.out());
    CliRun unit = dbtls(p, "ls", "-s", "test_type:unit", "--output", "json");
    assertEquals(0, unit.exit(), unit.out() + unit.err());
    JsonNode first = new ObjectMapper().readTree(unit.out().lines().findFirst().orElseThrow());
    assertEquals("unit_test", first.path("resource_type").asText(), unit.out());
    assertEquals(7, unit.out().lines().count(), unit.out());
    // a model's name selects its unit tests too, as dbt's fqn selector does
    CliRun model = dbtls(p, "ls", "-s", "tiers");
    assertTrue(model.out().contains("unit_test:shop.tiers_with_overrides"), model.out());
    assertTrue(model.out().contains("shop.tiers"), model.out());
  }

  @Test
  void aUnitTestWhoseInputWasNeverBuiltSaysSoAsDbtDoes() throws Exception {
    Path p = project("duckdb", false);
    CliRun test = dbtls(p, "test", "-s", "totals_per_customer");
    assertEquals(1, test.exit(), test.out() + test.err());
    assertTrue(
        test.out()
            .contains("Not able to get columns for unit test 'customer_totals' from relation"),
        test.out());
    assertTrue(test.out().contains("because the relation doesn't exist"), test.out());
  }

  private Connection connect(String engine, Path p) throws Exception {
    return engine.equals("postgres")
        ? DriverManager.getConnection(Databases.PG_URL, "postgres", "")
        : DriverManager.getConnection("jdbc:duckdb:" + p.resolve("shop.duckdb"));
  }
}
