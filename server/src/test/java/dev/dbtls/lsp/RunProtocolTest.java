package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbt/run} over stdio with the real server on the embedded DuckDB of a project nothing was
 * built for: {@code test} of a model's file runs that model's data tests, each node's start and end
 * arrives as {@code dbt/runProgress}, the answer holds dbt's counts, statuses, messages and where
 * each test is declared, and run_results.json is written; a command it does not run yet says so.
 */
class RunProtocolTest {
  @TempDir Path dir;

  private static JsonObject object(JsonElement e) {
    assertNotNull(e);
    assertTrue(e.isJsonObject(), String.valueOf(e));
    return e.getAsJsonObject();
  }

  @Test
  void aModelsTestsRunWithTheirProgressAndTheirResults() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            + "      path: shop.duckdb\n      threads: 2\n");
    Files.writeString(
        project.resolve("models/orders.sql"),
        "select * from (values (10, 'placed'), (11, 'shipped'), (11, 'lost')) t(order_id, status)\n");
    Files.writeString(
        project.resolve("models/schema.yml"),
        """
        models:
          - name: orders
            columns:
              - name: order_id
                data_tests: [unique, not_null]
        """);
    String uri = project.resolve("models/orders.sql").toUri().toString();
    List<JsonObject> progress = new CopyOnWriteArrayList<>();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.onNotification(
          n -> {
            if (n.get("method").getAsString().equals("dbt/runProgress")) {
              progress.add(n.getAsJsonObject("params"));
            }
          });
      lsp.open(project, Map.of("profilesDir", project.toString()));

      JsonObject run = object(lsp.request("dbt/run", Map.of("uri", uri, "command", "test")));
      assertTrue(!run.has("error") || run.get("error").isJsonNull(), run.toString());
      assertEquals(1, run.get("pass").getAsInt(), run.toString());
      assertEquals(1, run.get("errors").getAsInt(), run.toString());
      List<String> ended = new ArrayList<>();
      for (JsonElement e : run.getAsJsonArray("results")) {
        JsonObject r = e.getAsJsonObject();
        ended.add(r.get("name").getAsString() + " " + r.get("status").getAsString());
        assertTrue(
            r.get("uri").getAsString().endsWith("/models/schema.yml"),
            "declared in the YAML: " + r);
        assertTrue(r.has("range"), r.toString());
        if (r.get("status").getAsString().equals("fail")) {
          assertEquals(1, r.get("failures").getAsLong());
          assertEquals("Got 1 result, configured to fail if != 0", r.get("message").getAsString());
          // and the rows it found, read after it failed: dbt's unique test groups the duplicates
          JsonObject rows = r.getAsJsonObject("failingRows");
          assertEquals(
              "[\"unique_field\",\"n_records\"]", rows.get("columns").toString(), r.toString());
          assertEquals("[[11,2]]", rows.get("rows").toString(), r.toString());
          assertEquals(false, rows.get("more").getAsBoolean());
        } else {
          assertTrue(!r.has("failingRows") || r.get("failingRows").isJsonNull(), r.toString());
        }
      }
      assertEquals(List.of("not_null_orders_order_id pass", "unique_orders_order_id fail"), ended);
      String runId = run.get("runId").getAsString();
      assertTrue(
          run.get("runResults").getAsString().endsWith("/target/run_results.json"), run.toString());
      assertTrue(Files.isRegularFile(project.resolve("target/run_results.json")));

      // the run is history: listed, readable with its nodes, and each test's last end is known
      // before any Testing UI has run it (dbt/tests) and on the lineage graph
      JsonObject runs = object(lsp.request("dbt/runs", Map.of("uri", uri)));
      JsonObject newest = runs.getAsJsonArray("runs").get(0).getAsJsonObject();
      assertEquals(runId, newest.get("runId").getAsString(), runs.toString());
      assertEquals(1, newest.get("errors").getAsInt(), runs.toString());
      assertEquals("dev", newest.get("target").getAsString(), runs.toString());
      JsonObject one = object(lsp.request("dbt/runs", Map.of("uri", uri, "runId", runId)));
      JsonArray stored =
          one.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("nodes");
      assertEquals(2, stored.size(), one.toString());
      assertEquals(
          "unique_orders_order_id", stored.get(1).getAsJsonObject().get("name").getAsString());
      assertEquals("fail", stored.get(1).getAsJsonObject().get("status").getAsString());
      assertTrue(
          stored.get(1).getAsJsonObject().get("uri").getAsString().endsWith("/models/schema.yml"));
      JsonObject tests = object(lsp.request("dbt/tests", Map.of("uri", uri)));
      List<String> listed = new ArrayList<>();
      for (JsonElement e : tests.getAsJsonArray("tests")) {
        JsonObject t = e.getAsJsonObject();
        assertEquals("model.shop.orders", t.get("attachedTo").getAsString(), t.toString());
        assertEquals("orders", t.get("attachedName").getAsString(), t.toString());
        listed.add(
            t.get("name").getAsString()
                + " "
                + t.getAsJsonObject("lastRun").get("status").getAsString());
      }
      assertEquals(List.of("not_null_orders_order_id pass", "unique_orders_order_id fail"), listed);
      JsonObject lineage =
          object(lsp.request("dbt/lineage", Map.of("uri", uri, "includeTests", true)));
      boolean painted = false;
      for (JsonElement e : lineage.getAsJsonArray("nodes")) {
        JsonObject n = e.getAsJsonObject();
        if (n.get("name").getAsString().equals("unique_orders_order_id")) {
          assertEquals(
              "fail", n.getAsJsonObject("lastRun").get("status").getAsString(), n.toString());
          painted = true;
        }
      }
      assertTrue(painted, lineage.toString());

      // every node's start and end came as dbt/runProgress before the answer
      List<String> seen =
          progress.stream()
              .filter(p -> p.get("runId").getAsString().equals(runId))
              .map(p -> p.get("name").getAsString() + " " + p.get("status").getAsString())
              .sorted()
              .toList();
      assertEquals(
          List.of(
              "not_null_orders_order_id pass",
              "not_null_orders_order_id running",
              "unique_orders_order_id fail",
              "unique_orders_order_id running"),
          seen);

      // the failing test is a problem at its YAML entry until a run of it passes
      String yaml = project.resolve("models/schema.yml").toUri().toString();
      com.google.gson.JsonArray shown =
          lsp.awaitDiagnostics(yaml, d -> d.toString().contains("test-failed"));
      JsonObject failed = null;
      for (JsonElement d : shown) {
        if (d.getAsJsonObject().get("code").getAsString().equals("test-failed")) {
          failed = d.getAsJsonObject();
        }
      }
      assertNotNull(failed, shown.toString());
      assertEquals(1, failed.get("severity").getAsInt(), failed.toString());
      assertEquals(
          "dbt test unique_orders_order_id failed in the last run: Got 1 result, configured to fail"
              + " if != 0",
          failed.get("message").getAsString());
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  uri,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select * from (values (10, 'placed'), (11, 'shipped')) t(order_id, status)\n")));
      JsonObject again = object(lsp.request("dbt/run", Map.of("uri", uri, "command", "test")));
      assertEquals(2, again.get("pass").getAsInt(), again.toString());
      lsp.awaitDiagnostics(yaml, d -> !d.toString().contains("test-failed"));

      JsonObject unknown = object(lsp.request("dbt/run", Map.of("uri", uri, "command", "docs")));
      assertEquals(
          "run-command-unsupported", unknown.getAsJsonObject("error").get("code").getAsString());
    }
  }

  /**
   * A model's unit test runs with its tests; a failing one's node carries the expected and actual
   * rows for the client's diff, and is a problem at its YAML entry.
   */
  @Test
  void aFailingUnitTestCarriesItsExpectedAndActualRows() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            + "      path: shop.duckdb\n      threads: 1\n");
    Files.writeString(
        project.resolve("models/orders.sql"),
        "select * from (values (10, 'placed'), (11, 'shipped')) t(order_id, status)\n");
    Files.writeString(
        project.resolve("models/schema.yml"),
        """
        unit_tests:
          - name: statuses
            model: orders
            given: []
            expect:
              rows:
                - {order_id: 10, status: placed}
                - {order_id: 11, status: lost}
        """);
    String uri = project.resolve("models/orders.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.open(project, Map.of("profilesDir", project.toString()));
      JsonObject run = object(lsp.request("dbt/run", Map.of("uri", uri, "command", "test")));
      JsonObject r = run.getAsJsonArray("results").get(0).getAsJsonObject();
      assertEquals(
          "unit_test.shop.orders.statuses", r.get("uniqueId").getAsString(), run.toString());
      assertEquals("unit_test", r.get("resourceType").getAsString());
      assertEquals("fail", r.get("status").getAsString(), r.toString());
      assertEquals("order_id,status\n10,placed\n11,lost\n", r.get("expected").getAsString());
      assertEquals("order_id,status\n10,placed\n11,shipped\n", r.get("actual").getAsString());
      assertTrue(r.get("uri").getAsString().endsWith("/models/schema.yml"), r.toString());
      String yaml = project.resolve("models/schema.yml").toUri().toString();
      com.google.gson.JsonArray shown =
          lsp.awaitDiagnostics(yaml, d -> d.toString().contains("test-failed"));
      assertTrue(shown.toString().contains("dbt unit test statuses failed"), shown.toString());
    }
  }

  /**
   * {@code dbt/run build} of a model's file builds it (and runs its tests) into the DuckDB file
   * with each node's progress; a preview afterwards reads the built table, not the model's query; a
   * protected target answers {@code target-protected} until the user's yes comes with the request.
   */
  @Test
  void buildWritesTheModelAndAPreviewThenReadsIt() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            + "      path: shop.duckdb\n      threads: 2\n"
            + "    prod:\n      type: duckdb\n      path: prod.duckdb\n"
            + "    mem:\n      type: duckdb\n      path: ':memory:'\n");
    Files.writeString(
        project.resolve("models/orders.sql"),
        "{{ config(materialized='table') }}\n"
            + "select * from (values (10, 'placed'), (11, 'shipped')) t(order_id, status)\n");
    Files.writeString(
        project.resolve("models/schema.yml"),
        """
        models:
          - name: orders
            columns:
              - name: order_id
                data_tests: [unique]
        """);
    String uri = project.resolve("models/orders.sql").toUri().toString();
    List<JsonObject> progress = new CopyOnWriteArrayList<>();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.onNotification(
          n -> {
            if (n.get("method").getAsString().equals("dbt/runProgress")) {
              progress.add(n.getAsJsonObject("params"));
            }
          });
      lsp.open(project, Map.of("profilesDir", project.toString()));
      // a preview first: the project's read-only connection to the (missing) file is open
      object(lsp.request("dbt/preview", Map.of("uri", uri)));

      JsonObject build =
          object(
              lsp.request("dbt/run", Map.of("uri", uri, "command", "build", "runId", "client-1")));
      assertEquals("client-1", build.get("runId").getAsString());
      assertTrue(!build.has("error") || build.get("error").isJsonNull(), build.toString());
      assertEquals(2, build.get("pass").getAsInt(), build.toString());
      JsonObject model = build.getAsJsonArray("results").get(0).getAsJsonObject();
      assertEquals("orders", model.get("name").getAsString(), build.toString());
      assertEquals("success", model.get("status").getAsString());
      assertEquals("model", model.get("resourceType").getAsString());
      assertEquals("CREATE TABLE", model.get("message").getAsString());
      assertTrue(model.get("relation").getAsString().endsWith("\"orders\""), model.toString());
      assertTrue(model.get("uri").getAsString().endsWith("/models/orders.sql"), model.toString());
      assertTrue(Files.isRegularFile(project.resolve("shop.duckdb")));
      String runId = build.get("runId").getAsString();
      assertEquals(
          List.of("orders running", "orders success"),
          progress.stream()
              .filter(p -> p.get("runId").getAsString().equals(runId))
              .filter(p -> p.get("name").getAsString().equals("orders"))
              .map(p -> p.get("name").getAsString() + " " + p.get("status").getAsString())
              .toList());

      // the preview now reads the file the build wrote
      JsonObject rows =
          object(
              lsp.request(
                  "dbt/preview",
                  Map.of("uri", uri, "sql", "select count(*) as n from main.orders")));
      assertEquals(
          2,
          rows.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt(),
          rows.toString());

      // dbt's --store-failures and --empty over LSP: the test's (no) failing rows kept
      JsonObject stored =
          object(
              lsp.request(
                  "dbt/run",
                  Map.of("uri", uri, "command", "build", "storeFailures", true, "empty", true)));
      assertEquals(2, stored.get("pass").getAsInt(), stored.toString());
      JsonObject audit =
          object(
              lsp.request(
                  "dbt/preview",
                  Map.of(
                      "uri",
                      uri,
                      "sql",
                      "select count(*) as n from main_dbt_test__audit.unique_orders_order_id")));
      assertEquals(
          0,
          audit.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt(),
          audit.toString());

      // a build whose test fails: its rows, read from the store_failures table it filled
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  uri,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "{{ config(materialized='table') }}\n"
                      + "select * from (values (10, 'a'), (11, 'b'), (11, 'c')) t(order_id, status)\n")));
      JsonObject failing =
          object(
              lsp.request(
                  "dbt/run", Map.of("uri", uri, "command", "build", "storeFailures", true)));
      assertEquals(1, failing.get("errors").getAsInt(), failing.toString());
      JsonObject test = failing.getAsJsonArray("results").get(1).getAsJsonObject();
      assertEquals("fail", test.get("status").getAsString(), test.toString());
      assertEquals(
          "[[11,2]]", test.getAsJsonObject("failingRows").get("rows").toString(), test.toString());

      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of(
              "settings",
              Map.of("dbtls", Map.of("profilesDir", project.toString(), "target", "prod"))));
      JsonObject refused =
          object(
              lsp.request(
                  "dbt/run", Map.of("uri", uri, "command", "run", "select", List.of("orders"))));
      JsonObject error = refused.getAsJsonObject("error");
      assertNotNull(error, refused.toString());
      assertEquals("target-protected", error.get("code").getAsString());
      assertTrue(
          error.get("message").getAsString().contains("target 'prod' is protected"),
          error.toString());
      assertTrue(!Files.exists(project.resolve("prod.duckdb")));
      JsonObject allowed =
          object(
              lsp.request(
                  "dbt/run",
                  Map.of(
                      "uri",
                      uri,
                      "command",
                      "run",
                      "select",
                      List.of("orders"),
                      "allowProtectedTarget",
                      true)));
      assertEquals(1, allowed.get("pass").getAsInt(), allowed.toString());
      assertTrue(Files.isRegularFile(project.resolve("prod.duckdb")));

      // a DuckDB target in memory keeps nothing a build writes: refused, saying why
      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of(
              "settings",
              Map.of("dbtls", Map.of("profilesDir", project.toString(), "target", "mem"))));
      JsonObject memory =
          object(
              lsp.request(
                  "dbt/run", Map.of("uri", uri, "command", "build", "select", List.of("orders"))));
      assertEquals(
          "target-in-memory",
          memory.getAsJsonObject("error").get("code").getAsString(),
          memory.toString());
    }
  }
}
