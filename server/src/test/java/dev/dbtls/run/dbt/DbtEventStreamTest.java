package dev.dbtls.run.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * dbt's {@code --log-format json} lines mapped onto the native runner's progress, on logs of real
 * dbt Core 1.8.2 runs a public repository committed ({@code resources/dbt-logs/README.md} says
 * which) and on dbt v2 lines written after dbt v2's own JSON compatibility layer.
 */
class DbtEventStreamTest {
  /** The project the recorded build ran on, as far as its seeds, models and snapshot go. */
  static final ProjectSnapshot JAFFLE =
      Fixture.of(
              """
              -- file: dbt_project.yml
              name: jaffle_shop
              profile: shop
              -- file: seeds/raw_customers.csv
              id,first_name,last_name
              -- file: seeds/raw_orders.csv
              id,user_id,order_date,status
              -- file: seeds/raw_payments.csv
              id,order_id,payment_method,amount
              -- file: models/staging/stg_customers.sql
              select id as customer_id, first_name from {{ ref('raw_customers') }}
              -- file: models/staging/stg_orders.sql
              select id as order_id, user_id as customer_id, status from {{ ref('raw_orders') }}
              -- file: models/staging/stg_payments.sql
              select id as payment_id, order_id, amount from {{ ref('raw_payments') }}
              -- file: models/customers.sql
              {{ config(materialized='table') }}
              select * from {{ ref('stg_customers') }}
              -- file: models/orders.sql
              {{ config(materialized='table') }}
              select * from {{ ref('stg_orders') }}
              -- file: snapshots/orders_snapshot.sql
              {% snapshot orders_snapshot %}
              {{ config(target_schema='snapshots', unique_key='id', strategy='check',
                        check_cols='all') }}
              select * from {{ ref('raw_orders') }}
              {% endsnapshot %}
              """)
          .snapshot();

  /** What a listener was told, in order. */
  static final class Told implements DataTests.Listener {
    final List<String> events = new ArrayList<>();
    final List<NodeResult> finished = new ArrayList<>();
    final List<Integer> totals = new ArrayList<>();

    @Override
    public synchronized void started(int index, int total, Node n) {
      events.add("start " + index + " " + n.uniqueId());
      totals.add(total);
    }

    @Override
    public synchronized void finished(int index, int total, NodeResult r) {
      events.add("end " + index + " " + r.uniqueId() + " " + r.status());
      finished.add(r);
      totals.add(total);
    }

    NodeResult of(String uniqueId) {
      return finished.stream().filter(r -> r.uniqueId().equals(uniqueId)).findFirst().orElseThrow();
    }
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = DbtEventStreamTest.class.getResourceAsStream("/dbt-logs/" + resource)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  /** What dbt prints on stdout by default: no debug events. */
  static List<String> stdout(List<String> lines) {
    return lines.stream().filter(l -> !l.contains("\"level\": \"debug\"")).toList();
  }

  private static final Function<String, Node> NODES = id -> JAFFLE.manifest().nodes().get(id);

  @Test
  void aRealBuildOfDbtCore18BecomesTheRunnersProgress() throws IOException {
    Told told = new Told();
    List<String> printed = new ArrayList<>();
    DbtEventStream stream = new DbtEventStream(NODES, told, 0, printed::add);
    stdout(lines("core-1.8.2-build.jsonl")).forEach(stream::line);

    assertEquals(20, told.finished.size(), told.events.toString());
    assertTrue(told.totals.stream().allMatch(t -> t == 20), told.totals.toString());
    // a node starts before it ends, with dbt's index; known nodes are told as they start
    assertEquals("start 1 seed.jaffle_shop.raw_customers", told.events.get(0));
    assertEquals("end 1 seed.jaffle_shop.raw_customers SUCCESS", told.events.get(1));
    assertTrue(told.events.contains("start 6 snapshot.jaffle_shop.orders_snapshot"));
    assertTrue(told.events.contains("start 16 model.jaffle_shop.customers"));

    NodeResult seed = told.of("seed.jaffle_shop.raw_customers");
    assertEquals("INSERT 100", seed.message());
    assertEquals("\"postgres\".\"public\".\"raw_customers\"", seed.relationName());
    // node_started_at to node_finished_at (dbt's execution_time, 1.056 s, leaves out its
    // bookkeeping)
    assertEquals(1.073, seed.seconds(), 0.001);
    assertEquals("Thread-1 (worker)", seed.thread());
    assertEquals("CREATE VIEW", told.of("model.jaffle_shop.stg_customers").message());
    assertEquals("SELECT 100", told.of("model.jaffle_shop.customers").message());
    assertEquals(
        NodeResult.Status.SUCCESS, told.of("snapshot.jaffle_shop.orders_snapshot").status());
    assertEquals("INSERT 0 0", told.of("snapshot.jaffle_shop.orders_snapshot").message());

    Map<NodeResult.Status, Long> counts =
        told.finished.stream()
            .collect(Collectors.groupingBy(NodeResult::status, Collectors.counting()));
    assertEquals(
        Map.of(
            NodeResult.Status.SUCCESS, 8L, NodeResult.Status.PASS, 11L, NodeResult.Status.FAIL, 1L),
        counts);
    // the failing test: its count from LogTestResult, its message from the summary's
    // RunResultError (which ends the run, after the test's own line)
    NodeResult fail =
        stream.results().stream()
            .filter(r -> r.status() == NodeResult.Status.FAIL)
            .findFirst()
            .orElseThrow();
    assertEquals(
        "test.jaffle_shop.accepted_values_customers_first_name__Jane.21e890a312", fail.uniqueId());
    assertEquals("accepted_values_customers_first_name__Jane", fail.name());
    assertEquals(78, fail.failures());
    assertEquals("Got 78 results, configured to fail if != 0", fail.message());

    // dbt's lines, as it prints them in text
    assertTrue(printed.contains("Running with dbt=1.8.2"));
    assertTrue(
        printed.contains(
            "1 of 20 START seed file public.raw_customers ................................... [RUN]"));
    assertTrue(printed.contains("Done. PASS=19 WARN=0 ERROR=1 SKIP=0 TOTAL=20"));
    assertTrue(stream.errors().contains("  Got 78 results, configured to fail if != 0"));
    assertEquals("bafba111-8366-4a41-b03b-2b9243c64d42", stream.invocationId());
  }

  @Test
  void underDebugEachNodeIsStillToldOnce() throws IOException {
    Told told = new Told();
    DbtEventStream stream = new DbtEventStream(NODES, told, 0, line -> {});
    lines("core-1.8.2-build.jsonl").forEach(stream::line);
    assertEquals(20, told.finished.size());
    assertEquals(20, told.finished.stream().map(NodeResult::uniqueId).distinct().count());
    assertEquals(
        told.events.stream().filter(e -> e.startsWith("start")).count(),
        told.events.stream().filter(e -> e.startsWith("start")).distinct().count());
  }

  @Test
  void aModelThatFailsCarriesTheDatabasesError() throws IOException {
    Told told = new Told();
    DbtEventStream stream = new DbtEventStream(NODES, told, 0, line -> {});
    stdout(lines("core-1.8.2-run-failed.jsonl")).forEach(stream::line);
    assertEquals(
        List.of("start 1 model.jaffle_shop.orders", "end 1 model.jaffle_shop.orders ERROR"),
        told.events);
    NodeResult r = stream.results().get(0);
    assertEquals(NodeResult.Status.ERROR, r.status());
    assertTrue(
        r.message().startsWith("Database Error in model orders (models/orders.sql)\n"),
        r.message());
    assertTrue(r.message().contains("syntax error at or near \"final\""));
    assertTrue(stream.errors().get(0).contains("syntax error at or near \"final\""));
  }

  @Test
  void nodeFinishedAloneGivesTheRunResult() throws IOException {
    // with --debug only NodeFinished may be read first; its run_result holds the message
    List<String> finished =
        lines("core-1.8.2-run-failed.jsonl").stream()
            .filter(l -> l.contains("\"name\": \"NodeFinished\""))
            .toList();
    Told told = new Told();
    DbtEventStream stream = new DbtEventStream(NODES, told, 1, line -> {});
    finished.forEach(stream::line);
    NodeResult r = stream.results().get(0);
    assertEquals(NodeResult.Status.ERROR, r.status());
    assertTrue(r.message().startsWith("Database Error in model orders"));
    assertEquals("Thread-1 (worker)", r.thread());
    assertEquals(0.575, r.seconds(), 0.01);
  }

  @Test
  void dbtV2LinesMapTheSameWay() throws IOException {
    Told told = new Told();
    List<String> printed = new ArrayList<>();
    DbtEventStream stream = new DbtEventStream(id -> null, told, 3, printed::add);
    lines("v2-json-compat.jsonl").forEach(stream::line);
    // dbt v2's start lines carry no index: nodes are numbered as they start, of dbtls' total
    assertEquals(
        List.of(
            "end 1 model.jaffle_shop.stg_customers SUCCESS",
            "end 2 test.jaffle_shop.unique_stg_customers_customer_id.c7614daada FAIL",
            "end 3 model.jaffle_shop.customers SKIPPED"),
        told.events);
    assertTrue(told.totals.stream().allMatch(t -> t == 3));
    NodeResult test = told.finished.get(1);
    assertEquals(2, test.failures());
    assertEquals("unique_stg_customers_customer_id", test.name());
    assertEquals(0.03, test.seconds(), 0.001);
    assertNull(told.finished.get(2).completed());
    assertTrue(printed.contains(" Succeeded [  0.07s] model main.stg_customers (view)"));
    assertTrue(printed.stream().noneMatch(l -> l.startsWith("Began running node")));
  }

  @Test
  void skippingDetailsSkipsANode() {
    // shaped as dbt-core's core_types.proto defines SkippingDetails (Q034); no committed log had
    // one
    String line =
        "{\"data\": {\"index\": 3, \"node_info\": {\"materialized\": \"view\", \"node_name\":"
            + " \"stg_orders\", \"node_status\": \"skipped\", \"resource_type\": \"model\","
            + " \"unique_id\": \"model.jaffle_shop.stg_orders\"}, \"node_name\": \"stg_orders\","
            + " \"resource_type\": \"model\", \"schema\": \"public\", \"total\": 5}, \"info\":"
            + " {\"code\": \"Q034\", \"level\": \"info\", \"msg\": \"3 of 5 SKIP relation"
            + " public.stg_orders ........ [SKIP]\", \"name\": \"SkippingDetails\", \"ts\":"
            + " \"2024-12-17T12:53:56.846272Z\"}}";
    Told told = new Told();
    new DbtEventStream(NODES, told, 0, l -> {}).line(line);
    assertEquals(List.of("end 3 model.jaffle_shop.stg_orders SKIPPED"), told.events);
    assertEquals(5, told.totals.get(0));
  }

  @Test
  void linesThatAreNoEventAreKeptAsDbtWroteThem() {
    List<String> printed = new ArrayList<>();
    DbtEventStream stream = new DbtEventStream(NODES, new Told(), 0, printed::add);
    stream.line("Traceback (most recent call last):");
    stream.line("  File \"/venv/bin/dbt\", line 8, in <module>");
    stream.line("ModuleNotFoundError: No module named 'dbt.adapters.postgres'");
    assertEquals(3, stream.errors().size());
    assertEquals("ModuleNotFoundError: No module named 'dbt.adapters.postgres'", printed.get(2));
  }

  @Test
  void startedButNotEndedIsSkippedWhenTheRunStops() throws IOException {
    List<String> start =
        stdout(lines("core-1.8.2-run-failed.jsonl")).stream()
            .filter(l -> !l.contains("LogModelResult") && !l.contains("RunResultError"))
            .toList();
    Told told = new Told();
    DbtEventStream stream = new DbtEventStream(NODES, told, 0, l -> {});
    start.forEach(stream::line);
    stream.endUnfinished("cancelled");
    NodeResult r = told.of("model.jaffle_shop.orders");
    assertEquals(NodeResult.Status.SKIPPED, r.status());
    assertEquals("cancelled", r.message());
    assertNotNull(r.name());
  }
}
