package dev.dbtls.intellij.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.CatalogRelation;
import dev.dbtls.protocol.CatalogResult;
import dev.dbtls.protocol.ColumnEdgeKind;
import dev.dbtls.protocol.ColumnLineageColumn;
import dev.dbtls.protocol.ColumnLineageEdge;
import dev.dbtls.protocol.ColumnLineageResult;
import dev.dbtls.protocol.ErdEntity;
import dev.dbtls.protocol.ErdRelationship;
import dev.dbtls.protocol.ErdResult;
import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.HistoryResult;
import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import dev.dbtls.protocol.LineageResult;
import dev.dbtls.protocol.PlanFindingKind;
import dev.dbtls.protocol.PlanNode;
import dev.dbtls.protocol.PreviewColumn;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's client code against the real server jar over stdio, on a copy of
 * test-projects/jaffle_shop with a real DuckDB file: initialize, completion in {@code ref('},
 * preview with a second page, explain with time shares and a finding, lineage and its expansion,
 * the column lineage of orders.amount, the ERD of customers and its parents, a benchmark job to its
 * {@code dbt/benchmarkFinished} and one cancelled, the catalog, the history, export, shutdown and
 * exit. With {@code -Ddbtls.updateRecorded=true} it records the answers the view tests are built
 * from.
 */
class RealServerProtocolTest {
  @TempDir Path dir;

  private static Path serverJar() {
    Path jar = Path.of("..", "server", "target", "dbtls.jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build the server first ("
              + "mvn -o -pl protocol-ext,server -am package -Dskip.npm -DskipTests)");
    }
    return jar;
  }

  private static List<PlanNode> steps(PlanNode n) {
    List<PlanNode> out = new ArrayList<>(List.of(n));
    if (n.children() != null) {
      n.children().forEach(c -> out.addAll(steps(c)));
    }
    return out;
  }

  @Test
  void theClientDrivesTheRealServer() throws Exception {
    Path project = ShopWarehouse.write(dir);
    JavaSearch java = JavaFinder.find(JavaFinder.candidates(null, System.getenv()));
    assertTrue(java.found().isPresent(), java.describe());
    ServerLaunch launch =
        new ServerLaunch(
            java.found().get().candidate().executable(),
            serverJar(),
            "1g",
            List.of(),
            dir,
            Map.of("DBTLS_STORE", dir.resolve("store.db").toString()));
    DbtLanguageClient client = new DbtLanguageClient(Map.of("benchmark", Map.of("warmups", 1)));
    String orders = project.resolve("models/marts/orders.sql").toUri().toString();
    String stgOrders = project.resolve("models/staging/stg_orders.sql").toUri().toString();
    String person = project.resolve("models/staging/person_by_email.sql").toUri().toString();
    Process process;
    try (DbtServerConnection server = DbtServerConnection.start(launch, client)) {
      process = server.process();
      InitializeResult init = server.initialize(dir);
      assertNotNull(init.getCapabilities().getCompletionProvider(), "completion is offered");
      DbtCalls calls = server.calls();

      // completion in ref(' of an unsaved buffer lists the project's models and seeds
      String scratch = project.resolve("models/marts/scratch.sql").toUri().toString();
      String text = "select * from {{ ref('";
      server.open(scratch, "jinja-sql", text);
      Either<List<CompletionItem>, CompletionList> completion =
          server.await(
              server
                  .server()
                  .getTextDocumentService()
                  .completion(
                      new CompletionParams(
                          new TextDocumentIdentifier(scratch), new Position(0, text.length()))),
              "completion");
      List<String> labels =
          (completion.isLeft() ? completion.getLeft() : completion.getRight().getItems())
              .stream().map(CompletionItem::getLabel).toList();
      assertTrue(
          labels.containsAll(List.of("stg_orders", "order_payments", "shop_customers")),
          labels.toString());

      // preview: typed columns, a first page, the next page through the cursor
      PreviewResult preview = server.await(calls.preview(orders, null, 500, 40), "dbt/preview");
      assertNull(preview.error(), String.valueOf(preview.error()));
      assertEquals("model.jaffle_shop.orders", preview.nodeId());
      assertEquals("order_id", preview.columns().get(0).name());
      assertTrue(
          preview.columns().stream().map(PreviewColumn::name).toList().contains("value_band"));
      assertEquals(40, preview.rows().size(), "the first page");
      assertTrue(preview.hasMore());
      Recorded.save("preview-orders", preview);
      PreviewPage page = server.await(calls.nextPage(preview.cursor(), 40), "dbt/previewPage");
      assertEquals(40, page.rows().size(), "the second page");
      assertTrue(page.hasMore());
      assertEquals(preview.columns().size(), page.rows().get(0).size());
      Recorded.save("preview-orders-page2", page);
      calls.closePreview(page.cursor());

      // explain analyze: one tree whose time shares add up, steps traced back to the source
      ExplainResult plan = server.await(calls.explain(orders, null, true), "dbt/explain");
      assertNull(plan.error(), String.valueOf(plan.error()));
      assertTrue(plan.analyzed());
      double shares =
          steps(plan.plan()).stream()
              .filter(s -> s.timeShare() != null)
              .mapToDouble(PlanNode::timeShare)
              .sum();
      assertEquals(1.0, shares, 0.02, plan.toString());
      assertTrue(steps(plan.plan()).stream().anyMatch(s -> s.source() != null), plan.toString());
      Recorded.save("explain-orders", plan);
      // a selective filter on 300,000 rows: a finding with its evidence and an index
      ExplainResult found = server.await(calls.explain(person, null, true), "dbt/explain");
      assertEquals(1, found.findings().size(), found.toString());
      assertEquals(PlanFindingKind.SEQ_SCAN_SELECTIVE_FILTER, found.findings().get(0).kind());
      assertFalse(found.findings().get(0).evidence().isEmpty());
      Recorded.save("explain-person-by-email", found);

      // lineage of orders: parents left, children right
      LineageResult lineage = server.await(calls.lineage(orders, 3, 2), "dbt/lineage");
      assertEquals("model.jaffle_shop.orders", lineage.root());
      List<String> ids = lineage.nodes().stream().map(LineageNode::id).toList();
      assertTrue(
          ids.containsAll(List.of("model.jaffle_shop.stg_orders", "seed.jaffle_shop.shop_orders")),
          ids.toString());
      assertTrue(
          lineage
              .edges()
              .contains(
                  new LineageEdge("model.jaffle_shop.stg_orders", "model.jaffle_shop.orders")));
      Recorded.save("lineage-orders", lineage);
      // "+2" on stg_orders: its children, which the first answer left out
      LineageNode stg =
          lineage.nodes().stream()
              .filter(n -> n.name().equals("stg_orders"))
              .findFirst()
              .orElseThrow();
      assertTrue(stg.hiddenDownstream() > 0, stg.toString());
      LineageResult more = server.await(calls.lineageOf(orders, stg.id(), 0, 1), "dbt/lineage");
      assertEquals(stg.id(), more.root());
      long shown = lineage.edges().stream().filter(e -> e.from().equals(stg.id())).count();
      assertEquals(
          shown + stg.hiddenDownstream(),
          more.edges().stream().filter(e -> e.from().equals(stg.id())).count(),
          more.toString());
      Recorded.save("lineage-stg-orders-children", more);

      // column lineage of orders.amount: stg_payments.amount aggregated into the ephemeral
      // order_payments'
      // total_amount, which orders computes its amount from; customers' lifetime_value from it
      ColumnLineageResult amount =
          server.await(calls.columnLineage(orders, null, "amount"), "dbt/columnLineage");
      assertNull(amount.message(), amount.message());
      assertEquals("model.jaffle_shop.orders", amount.nodeId());
      assertEquals("amount", amount.column());
      assertTrue(
          amount
              .edges()
              .contains(
                  new ColumnLineageEdge(
                      "model.jaffle_shop.stg_payments",
                      "amount",
                      "model.jaffle_shop.order_payments",
                      "total_amount",
                      ColumnEdgeKind.AGGREGATED)),
          amount.edges().toString());
      assertTrue(
          amount
              .edges()
              .contains(
                  new ColumnLineageEdge(
                      "model.jaffle_shop.order_payments",
                      "total_amount",
                      "model.jaffle_shop.orders",
                      "amount",
                      ColumnEdgeKind.COMPUTED)),
          amount.edges().toString());
      assertTrue(
          amount.edges().stream()
              .anyMatch(
                  e ->
                      e.fromNode().equals("model.jaffle_shop.orders")
                          && "amount".equals(e.fromColumn())
                          && e.toNode().startsWith("model.jaffle_shop.customers")
                          && "lifetime_value".equals(e.toColumn())),
          amount.edges().toString());
      assertTrue(
          amount.edges().stream().anyMatch(e -> e.kind() == ColumnEdgeKind.FILTER_JOIN),
          amount.edges().toString());
      ColumnLineageColumn root = amount.columns().get(0);
      assertEquals(0, root.depth());
      assertTrue(root.uri().endsWith("models/marts/orders.sql"), root.uri());
      assertTrue(
          amount.columns().stream().anyMatch(c -> c.depth() < 0)
              && amount.columns().stream().anyMatch(c -> c.depth() > 0),
          "columns up and down");
      Recorded.save("column-lineage-orders-amount", amount);

      // the ERD of customers and its parents: orders.customer_id refers to customers.customer_id (a
      // relationships test)
      ErdResult erd = server.await(calls.erd(orders, List.of("+customers")), "dbt/erd");
      assertNull(erd.message(), erd.message());
      List<String> entities = erd.entities().stream().map(ErdEntity::nodeId).toList();
      assertTrue(entities.contains("model.jaffle_shop.orders"), entities.toString());
      ErdRelationship toCustomers =
          erd.relationships().stream()
              .filter(
                  r ->
                      r.fromNode().equals("model.jaffle_shop.orders")
                          && r.toNode().startsWith("model.jaffle_shop.customers"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(erd.relationships().toString()));
      assertEquals("customer_id", toCustomers.fromColumn());
      assertEquals("customer_id", toCustomers.toColumn());
      assertEquals("relationships_test", toCustomers.source());
      ErdEntity ordersEntity =
          erd.entities().stream()
              .filter(e -> e.nodeId().equals("model.jaffle_shop.orders"))
              .findFirst()
              .orElseThrow();
      assertTrue(
          ordersEntity.columns().stream()
              .anyMatch(c -> c.name().equals("amount") && c.type() != null),
          ordersEntity.toString());
      Recorded.save("erd-jaffle-shop", erd);

      // a benchmark of the buffer against the saved file, to its dbt/benchmarkFinished
      server.open(
          stgOrders,
          "jinja-sql",
          Files.readString(project.resolve("models/staging/stg_orders.sql"))
              .replace("select * from renamed", "select * from renamed where status <> 'placed'"));
      BenchmarkJob job =
          server.await(calls.benchmark(stgOrders, "saved", 1, 12, null), "dbt/benchmark");
      assertNull(job.started().error(), String.valueOf(job.started().error()));
      assertEquals(List.of("saved file", "buffer"), job.started().variants());
      BenchmarkStatus finished = job.finished().get(120, TimeUnit.SECONDS);
      assertEquals(dev.dbtls.protocol.BenchmarkState.OK, finished.state(), finished.toString());
      assertEquals(2, finished.report().variants().size());
      assertEquals(12, finished.report().variants().get(1).runsMs().size());
      assertEquals("buffer", finished.report().comparisons().get(0).variant());
      assertEquals(
          dev.dbtls.protocol.BenchmarkState.OK,
          server.await(job.poll(), "dbt/benchmarkStatus").state());
      Recorded.save("benchmark-stg-orders", finished);
      // a slow one, cancelled with the view's Cancel: the job ends cancelled
      BenchmarkJob slow =
          server.await(
              calls.benchmarkSql(
                  orders, "select count(*) from range(100000000000) a, range(1000) b", 0, 3, null),
              "dbt/benchmark");
      assertNull(slow.started().error(), String.valueOf(slow.started().error()));
      server.await(slow.cancel(), "dbt/benchmarkCancel");
      assertEquals(
          dev.dbtls.protocol.BenchmarkState.CANCELLED,
          slow.finished().get(60, TimeUnit.SECONDS).state());

      // the catalog: the seeds as tables with their nodes, the marts not built
      CatalogResult catalog = server.await(calls.catalog(orders), "dbt/catalog");
      assertNull(catalog.error(), String.valueOf(catalog.error()));
      CatalogRelation seed =
          catalog.relations().stream()
              .filter(r -> r.name().equals("shop_orders"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(catalog.toString()));
      assertEquals("seed.jaffle_shop.shop_orders", seed.nodeId());
      assertFalse(seed.columns().isEmpty());
      assertTrue(
          catalog.notBuilt().stream().anyMatch(n -> n.nodeId().equals("model.jaffle_shop.orders")));
      Recorded.save("catalog-jaffle-shop", catalog);

      // ad-hoc queries, one failing, then the history has them with the model's preview
      assertNull(
          server
              .await(
                  calls.preview(
                      orders,
                      "select status, count(*) as orders from {{ ref('stg_orders') }}"
                          + " group by status order by 2 desc",
                      null,
                      40),
                  "dbt/preview")
              .error());
      assertNotNull(
          server
              .await(
                  calls.preview(
                      orders, "select no_such_column from {{ ref('stg_customers') }}", null, 40),
                  "dbt/preview")
              .error());
      // the server writes the history after it answers a preview (off the request's path): the
      // newest entry may land a moment after its answer, so ask until it has (at most 10 s)
      HistoryResult history = server.await(calls.history(null, orders, 50), "dbt/history");
      for (long until = System.nanoTime() + 10_000_000_000L;
          history.error() == null && history.entries().size() < 3 && System.nanoTime() < until; ) {
        Thread.sleep(100);
        history = server.await(calls.history(null, orders, 50), "dbt/history");
      }
      assertNull(history.error());
      assertEquals(3, history.entries().size(), history.toString());
      assertEquals(
          dev.dbtls.protocol.QueryStatus.ERROR, history.entries().get(0).status(), "newest first");
      Recorded.save("history-jaffle-shop", history);

      // export of the whole result to a CSV file
      Path csv = dir.resolve("orders.csv");
      var export = server.await(calls.export(orders, null, csv.toString(), "csv"), "dbt/export");
      assertNull(export.error(), String.valueOf(export.error()));
      try (Stream<String> lines = Files.lines(csv)) {
        assertEquals(export.rows() + 1, lines.count(), "a header and every row");
      }
    }
    assertFalse(process.isAlive(), "shutdown and exit end the server");
    assertEquals(0, process.exitValue());
  }
}
