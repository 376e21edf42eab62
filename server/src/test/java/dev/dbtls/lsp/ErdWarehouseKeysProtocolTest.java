package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbt/erd} with the warehouse's foreign keys, over JSON-RPC against the real server: a
 * project whose models dbt built in a throwaway PostgreSQL schema with a single-column and a
 * composite foreign key; and a project whose warehouse cannot be reached.
 */
class ErdWarehouseKeysProtocolTest {
  @TempDir Path dir;

  private static Path project(Path dir, String output) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + output);
    Files.writeString(dir.resolve("models/customers.sql"), "select 1 as id\n");
    Files.writeString(dir.resolve("models/regions.sql"), "select 'fr' as code, 'FR' as country\n");
    Files.writeString(
        dir.resolve("models/orders.sql"),
        "select 1 as id, 1 as customer_id, 'fr' as region_code,"
            + " 'FR' as region_country from {{ ref('customers') }}\n");
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
        """);
    return dir;
  }

  private static String postgres(String schema, int port) {
    return "      type: postgres\n      host: 127.0.0.1\n      port: "
        + port
        + "\n      user: postgres\n"
        + "      password: ''\n      dbname: test\n      schema: "
        + schema
        + "\n      threads: 1\n"
        + "      connect_timeout: 2\n";
  }

  /** Each relationship as {@code from.column -> to.column [sources] constraint}, sorted. */
  private static List<String> edges(JsonObject erd) {
    List<String> out = new ArrayList<>();
    erd.getAsJsonArray("relationships")
        .forEach(
            e -> {
              JsonObject r = e.getAsJsonObject();
              JsonElement constraint = r.get("constraint");
              out.add(
                  r.get("fromNode").getAsString()
                      + "."
                      + r.get("fromColumn").getAsString()
                      + " -> "
                      + r.get("toNode").getAsString()
                      + "."
                      + r.get("toColumn").getAsString()
                      + " "
                      + r.get("sources")
                      + " "
                      + (constraint == null || constraint.isJsonNull()
                          ? null
                          : constraint.getAsString())
                      + " ("
                      + r.get("source").getAsString()
                      + ")");
            });
    out.sort(null);
    return out;
  }

  private static JsonObject erd(LspClient lsp, Path project) throws Exception {
    JsonElement e =
        lsp.request(
            "dbt/erd",
            Map.of(
                "uri",
                project.resolve("models/orders.sql").toUri().toString(),
                "select",
                List.of("orders")));
    assertTrue(
        e.isJsonObject(),
        () -> "expected an object, got " + e + "; server stderr:\n" + lsp.stderr());
    return e.getAsJsonObject();
  }

  private static void stop(LspClient lsp) throws Exception {
    lsp.request("shutdown", null);
    lsp.notify("exit", null);
    assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void theWarehouseKeysAreEdgesOfTheirOwnAndKeptForTheNextSession() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_erd");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table " + schema + ".customers (id int primary key)",
            "create table "
                + schema
                + ".regions (code text, country text, primary key (code, country))",
            "create table "
                + schema
                + ".orders (id int, customer_id int constraint orders_customer_fk references "
                + schema
                + ".customers, region_code text, region_country text, constraint orders_region_fk"
                + " foreign key (region_code, region_country) references "
                + schema
                + ".regions (code, country))"));
    try {
      Path project = project(dir.resolve("shop"), postgres(schema, 5432));
      List<String> expected =
          List.of(
              "model.shop.orders.customer_id -> model.shop.customers.id [\"relationships_test\",\"warehouse_foreign_key\"]"
                  + " orders_customer_fk (relationships_test)",
              "model.shop.orders.region_code -> model.shop.regions.code [\"warehouse_foreign_key\"] orders_region_fk"
                  + " (warehouse_foreign_key)",
              "model.shop.orders.region_country -> model.shop.regions.country [\"warehouse_foreign_key\"]"
                  + " orders_region_fk (warehouse_foreign_key)");
      try (LspClient lsp = LspClient.start(dir)) {
        lsp.request("initialize", ShopProject.initialize(dir));
        lsp.notify("initialized", Map.of());
        JsonObject erd = erd(lsp, project);
        assertTrue(erd.get("message") == null || erd.get("message").isJsonNull(), erd.toString());
        assertEquals(expected, edges(erd));
        List<String> entities = new ArrayList<>();
        erd.getAsJsonArray("entities")
            .forEach(
                e ->
                    entities.add(
                        e.getAsJsonObject().get("nodeId").getAsString()
                            + ":"
                            + e.getAsJsonObject().get("selected").getAsBoolean()));
        assertEquals(
            List.of(
                "model.shop.orders:true", "model.shop.customers:false", "model.shop.regions:false"),
            entities,
            "the referenced models are entities outside the selection");
        stop(lsp);
      }
      // the keys were kept in the store: the next session draws them without reading the warehouse
      // again
      Databases.exec(
          Databases.PG_URL,
          "postgres",
          List.of("alter table " + schema + ".orders drop constraint" + " orders_region_fk"));
      try (LspClient lsp = LspClient.start(dir)) {
        lsp.request("initialize", ShopProject.initialize(dir));
        lsp.notify("initialized", Map.of());
        assertEquals(expected, edges(erd(lsp, project)));
        // the database explorer reads the keys again with the schema; the diagram follows
        lsp.request(
            "dbt/catalog", Map.of("uri", project.resolve("models/orders.sql").toUri().toString()));
        assertEquals(expected.subList(0, 1), edges(erd(lsp, project)));
        stop(lsp);
      }
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  @Test
  void aWarehouseThatCannotBeReachedLeavesTheTestsEdgesAndSaysWhy() throws Exception {
    Path project = project(dir.resolve("down"), postgres("nowhere", 1));
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      JsonObject erd = erd(lsp, project);
      assertEquals(
          List.of(
              "model.shop.orders.customer_id -> model.shop.customers.id [\"relationships_test\"] null"
                  + " (relationships_test)"),
          edges(erd));
      String message = erd.get("message").getAsString();
      assertTrue(
          message.startsWith("warehouse foreign keys not read: ")
              && message.contains("127.0.0.1:1")
              && !message.contains("\n"),
          message);
      // asked again at once: the same answer, without trying to connect again
      long t0 = System.nanoTime();
      assertEquals(message, erd(lsp, project).get("message").getAsString());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
      stop(lsp);
    }
  }
}
