package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.testing.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers the VS Code ERD and column-lineage views draw in their tests, asked of the real
 * server over stdio: checked here, and with {@code -Ddbtls.updateRecorded=true} written to
 * protocol-ext/recorded/ (the temporary folder's URIs replaced by {@code file:///work/<project>/}),
 * where both clients' view tests read them.
 */
class ViewAnswersProtocolTest {
  private static final Path REPO = Path.of(System.getProperty("dbtls.repoRoot", "..")).normalize();

  @TempDir Path dir;

  @Test
  void theErdAndColumnLineageOfJaffleShop() throws Exception {
    Path project = copy(REPO.resolve("test-projects/jaffle_shop"), dir.resolve("jaffle_shop"));
    // a foreign_key constraint beside the relationships test: both sources of an edge appear
    Path marts = project.resolve("models/marts/_marts.yml");
    String yml = Files.readString(marts);
    String notNull =
        "      - name: customer_id\n        description: \"{{ doc('customer_id') }}\"\n"
            + "        data_type: integer\n        constraints:\n          - type: not_null\n";
    assertTrue(yml.contains(notNull), "jaffle_shop's orders.customer_id is as this test expects");
    Files.writeString(
        marts,
        yml.replace(
            notNull,
            notNull
                + "          - {type: foreign_key, to: \"ref('stg_customers')\","
                + " to_columns: [customer_id]}\n"));
    String orders = uri(project, "models/marts/orders.sql");
    try (LspClient lsp = start(project)) {
      JsonObject family =
          object(
              lsp.request(
                  "dbt/erd", Map.of("uri", orders, "select", List.of("+orders+"), "maxNodes", 40)));
      assertTrue(
          edges(family).contains("model.jaffle_shop.orders.customer_id -> foreign_key_constraint"),
          edges(family).toString());
      assertFalse(family.get("truncated").getAsBoolean());
      record("erd-jaffle-orders-family", family, project);

      JsonObject noUri = object(lsp.request("dbt/erd", Map.of("select", List.of("orders"))));
      assertTrue(noUri.getAsJsonArray("entities").size() > 0, noUri.toString());
      record("erd-jaffle-orders-no-uri", noUri, project);

      JsonObject none =
          object(
              lsp.request(
                  "dbt/erd", Map.of("uri", orders, "select", List.of("+nope+"), "maxNodes", 40)));
      assertEquals(0, none.getAsJsonArray("entities").size(), none.toString());
      record("erd-jaffle-nothing-selected", none, project);

      JsonObject cut =
          object(
              lsp.request(
                  "dbt/erd", Map.of("uri", orders, "select", List.of("+orders+"), "maxNodes", 3)));
      assertTrue(cut.get("truncated").getAsBoolean(), cut.toString());
      long selected =
          cut.getAsJsonArray("entities").asList().stream()
              .filter(e -> e.getAsJsonObject().get("selected").getAsBoolean())
              .count();
      assertEquals(3, selected, cut.toString());
      record("erd-jaffle-truncated", cut, project);

      JsonObject lifetime =
          object(
              lsp.request(
                  "dbt/columnLineage",
                  Map.of(
                      "uri",
                      uri(project, "models/marts/customers_v2.sql"),
                      "column",
                      "lifetime_value")));
      assertEquals("lifetime_value", lifetime.get("column").getAsString());
      assertTrue(lifetime.getAsJsonArray("edges").size() > 0, lifetime.toString());
      record("column-lineage-jaffle-lifetime-value", lifetime, project);

      JsonObject customerId =
          object(
              lsp.request(
                  "dbt/columnLineage",
                  Map.of(
                      "uri",
                      uri(project, "models/staging/stg_orders.sql"),
                      "column",
                      "customer_id")));
      assertTrue(customerId.getAsJsonArray("edges").size() > 0, customerId.toString());
      record("column-lineage-jaffle-stg-orders-customer-id", customerId, project);

      // the plan of customers.v2 on the DuckDB file, its unbuilt parents inlined
      String customers = uri(project, "models/marts/customers_v2.sql");
      for (boolean analyze : List.of(true, false)) {
        JsonObject plan =
            object(lsp.request("dbt/explain", Map.of("uri", customers, "analyze", analyze)));
        assertTrue(plan.get("error") == null || plan.get("error").isJsonNull(), plan.toString());
        assertEquals(analyze, plan.get("analyzed").getAsBoolean());
        assertTrue(plan.getAsJsonArray("inlined").size() > 0, plan.toString());
        record(
            analyze ? "explain-jaffle-customers-analyzed" : "explain-jaffle-customers",
            plan,
            project);
      }
      stop(lsp);
    }
  }

  @Test
  void theColumnLineageOfVscodeShop() throws Exception {
    Path project = copy(REPO.resolve("test-projects/vscode_shop"), dir.resolve("vscode_shop"));
    try (LspClient lsp = start(project)) {
      JsonObject amount =
          object(
              lsp.request(
                  "dbt/columnLineage",
                  Map.of(
                      "uri", uri(project, "models/staging/stg_orders.sql"), "column", "amount")));
      assertTrue(amount.getAsJsonArray("edges").size() > 0, amount.toString());
      record("column-lineage-shop-stg-orders-amount", amount, project);

      JsonObject nope =
          object(
              lsp.request(
                  "dbt/columnLineage",
                  Map.of("uri", uri(project, "models/marts/customers.sql"), "column", "nope")));
      assertTrue(nope.has("message") && !nope.get("message").isJsonNull(), nope.toString());
      record("column-lineage-shop-no-column", nope, project);
      stop(lsp);
    }
  }

  @Test
  void theErdWithTheWarehouseKeysAndWithTheWarehouseDown() throws Exception {
    Path project =
        keysShop(dir.resolve("keys_shop"), "      type: duckdb\n      path: wh.duckdb\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("wh.duckdb"));
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "create table customers (id integer primary key, name varchar)",
              "create table products (id integer primary key)",
              "create table orders (id integer primary key,"
                  + " customer_id integer references customers (id), ordered_at timestamp)",
              "create table order_items (order_id integer references orders (id),"
                  + " product_id integer references products (id), quantity integer,"
                  + " primary key (order_id, product_id))",
              "create table shipments (order_id integer, product_id integer, shipped_at timestamp,"
                  + " foreign key (order_id, product_id) references order_items (order_id,"
                  + " product_id))")) {
        s.execute(sql);
      }
    }
    try (LspClient lsp = start(project)) {
      JsonObject keys =
          object(
              lsp.request(
                  "dbt/erd",
                  Map.of(
                      "uri",
                      uri(project, "models/orders.sql"),
                      "select",
                      List.of("+orders+"),
                      "maxNodes",
                      40)));
      assertTrue(keys.get("message") == null || keys.get("message").isJsonNull(), keys.toString());
      List<String> edges = edges(keys);
      assertTrue(
          edges.contains("model.shop.shipments.product_id -> warehouse_foreign_key"),
          edges.toString());
      assertTrue(
          edges.contains("model.shop.orders.customer_id -> relationships_test"), edges.toString());
      record("erd-shop-warehouse-keys", keys, project);
      stop(lsp);
    }

    Path down =
        keysShop(
            dir.resolve("keys_shop_down"),
            "      type: postgres\n      host: 127.0.0.1\n      port: 1\n      user: postgres\n"
                + "      password: ''\n      dbname: test\n      schema: nowhere\n"
                + "      connect_timeout: 2\n");
    try (LspClient lsp = start(down)) {
      JsonObject erd =
          object(
              lsp.request(
                  "dbt/erd",
                  Map.of("uri", uri(down, "models/orders.sql"), "select", List.of("orders"))));
      assertTrue(
          erd.get("message").getAsString().startsWith("warehouse foreign keys not read:"),
          erd.toString());
      record("erd-shop-warehouse-down", erd, down);
      stop(lsp);
    }
  }

  /**
   * A build of the shop into a DuckDB file, as the Run tab draws it: models built, tests passed, a
   * singular test failing, and what is downstream of it skipped.
   */
  @Test
  void aBuildWithAFailingTestAndWhatItSkipped() throws Exception {
    Path project =
        keysShop(dir.resolve("build_shop"), "      type: duckdb\n      path: shop.duckdb\n");
    Files.createDirectories(project.resolve("tests"));
    Files.writeString(
        project.resolve("tests/no_ann.sql"),
        "-- fails on purpose: Ann is a customer\nselect * from {{ ref('customers') }} where name = 'Ann'\n");
    try (LspClient lsp = start(project)) {
      JsonObject run =
          object(
              lsp.request(
                  "dbt/run",
                  Map.of(
                      "uri",
                      uri(project, "models/orders.sql"),
                      "command",
                      "build",
                      "select",
                      List.of("*"),
                      "threads",
                      1,
                      "runId",
                      "build-shop")));
      assertTrue(run.get("error") == null || run.get("error").isJsonNull(), run.toString());
      List<String> statuses = new ArrayList<>();
      run.getAsJsonArray("results")
          .forEach(
              e ->
                  statuses.add(
                      e.getAsJsonObject().get("name").getAsString()
                          + " "
                          + e.getAsJsonObject().get("status").getAsString()));
      assertTrue(statuses.contains("customers success"), statuses.toString());
      assertTrue(statuses.contains("no_ann fail"), statuses.toString());
      assertTrue(statuses.contains("orders skipped"), statuses.toString());
      // seconds differ from run to run: the recording keeps them as measured here
      record("run-shop-build", run, project);
      stop(lsp);
    }
  }

  /** Five models on a warehouse that declares their keys; the YAML declares two of them. */
  private static Path keysShop(Path dir, String output) throws IOException {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n" + output + "      schema: main\n");
    Map<String, String> models =
        Map.of(
            "customers", "select 1 as id, 'Ann' as name",
            "products", "select 1 as id",
            "orders",
                "select 1 as id, c.id as customer_id, current_timestamp as ordered_at"
                    + " from {{ ref('customers') }} c",
            "order_items",
                "select o.id as order_id, p.id as product_id, 2 as quantity"
                    + " from {{ ref('orders') }} o cross join {{ ref('products') }} p",
            "shipments",
                "select order_id, product_id, current_timestamp as shipped_at"
                    + " from {{ ref('order_items') }}");
    for (var m : models.entrySet()) {
      Files.writeString(dir.resolve("models/" + m.getKey() + ".sql"), m.getValue() + "\n");
    }
    Files.writeString(
        dir.resolve("models/schema.yml"),
        """
        version: 2
        models:
          - name: orders
            columns:
              - name: customer_id
                data_tests:
                  - relationships:
                      to: ref('customers')
                      field: id
          - name: order_items
            columns:
              - name: product_id
                constraints:
                  - type: foreign_key
                    to: ref('products')
                    to_columns: [id]
        """);
    return dir;
  }

  /**
   * The server on {@code project}, once its columns job has read every model (it says so in its
   * log): the answers then do not depend on how fast the machine is.
   */
  private static LspClient start(Path project) throws Exception {
    LspClient lsp = LspClient.start(project.getParent());
    lsp.request("initialize", ShopProject.initialize(project));
    lsp.notify("initialized", Map.of());
    Eventually.await(
        Duration.ofSeconds(60),
        () -> lsp.stderr().contains(": columns of "),
        () -> "the columns were never inferred; server stderr:\n" + lsp.stderr());
    return lsp;
  }

  private static void stop(LspClient lsp) throws Exception {
    lsp.request("shutdown", null);
    lsp.notify("exit", null);
    assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  /** Each relationship as {@code from.column -> source} for each of its sources. */
  private static List<String> edges(JsonObject erd) {
    List<String> out = new ArrayList<>();
    erd.getAsJsonArray("relationships")
        .forEach(
            e -> {
              JsonObject r = e.getAsJsonObject();
              r.getAsJsonArray("sources")
                  .forEach(
                      s ->
                          out.add(
                              r.get("fromNode").getAsString()
                                  + "."
                                  + r.get("fromColumn").getAsString()
                                  + " -> "
                                  + s.getAsString()));
            });
    return out;
  }

  private static JsonObject object(JsonElement e) {
    assertTrue(e != null && e.isJsonObject(), String.valueOf(e));
    return e.getAsJsonObject();
  }

  private static String uri(Path project, String file) {
    return project.resolve(file).toUri().toString();
  }

  /** Writes {@code answer} to protocol-ext/recorded/{@code name}.json when updating. */
  private static void record(String name, JsonObject answer, Path project) throws IOException {
    if (!Boolean.getBoolean("dbtls.updateRecorded")) {
      return;
    }
    String json =
        new GsonBuilder()
            .setPrettyPrinting()
            .create()
            .toJson(answer)
            .replace(project.toUri().toString(), "file:///work/" + project.getFileName() + "/");
    Path out = REPO.resolve("protocol-ext/recorded/" + name + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path rel = from.relativize(p);
        String name = p.getFileName().toString();
        if (rel.startsWith("target") || rel.startsWith("logs") || name.contains(".duckdb")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(to.resolve(rel.toString()));
        } else {
          Files.copy(p, to.resolve(rel.toString()));
        }
      }
    }
    return to;
  }
}
