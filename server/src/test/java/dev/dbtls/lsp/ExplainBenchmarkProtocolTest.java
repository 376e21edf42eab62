package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt/explain, dbt/benchmark and the recommendations over stdio with the real server, on a real
 * DuckDB file: a plan traced to the source, a finding stored as a recommendation, a benchmark job
 * with $/progress and dbt/benchmarkFinished, one cancelled, the history, a sandboxed index.
 */
class ExplainBenchmarkProtocolTest {
  @TempDir Path dir;

  private Path project() throws Exception {
    Path p = dev.dbtls.cli.CliTestAccess.duckdbProject(dir.resolve("pv"));
    Files.writeString(
        p.resolve("models/sources.yml"),
        "version: 2\nsources:\n  - name: raw\n"
            + "    schema: main\n    tables:\n      - name: orders\n      - name: people\n");
    Files.writeString(
        p.resolve("models/person.sql"),
        "select id, email from {{ source('raw', 'people') }} where email = 'p4242@example.com'\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + p.resolve("pv.duckdb"));
        Statement st = c.createStatement()) {
      st.execute(
          "create table people as select i as id, 'p' || ((i * 7919) % 300000)"
              + " || '@example.com' as email from range(300000) t(i)");
    }
    return p;
  }

  private static JsonObject object(JsonElement e) {
    assertNotNull(e);
    assertTrue(e.isJsonObject(), e.toString());
    return e.getAsJsonObject();
  }

  private static List<JsonObject> nodes(JsonObject n) {
    List<JsonObject> out = new ArrayList<>(List.of(n));
    if (n.has("children")) {
      n.getAsJsonArray("children").forEach(c -> out.addAll(nodes(c.getAsJsonObject())));
    }
    return out;
  }

  @Test
  void explainBenchmarkAndRecommendationsOverStdio() throws Exception {
    Path project = project();
    String uri = project.resolve("models/doubled.sql").toUri().toString();
    String person = project.resolve("models/person.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request(
          "initialize",
          Map.of(
              "processId",
              ProcessHandle.current().pid(),
              "rootUri",
              dir.toUri().toString(),
              "capabilities",
              Map.of("window", Map.of("workDoneProgress", true)),
              "workspaceFolders",
              List.of(Map.of("uri", dir.toUri().toString(), "name", "ws"))));
      lsp.notify("initialized", Map.of());
      // the buffer, unsaved, has a CTE: the plan's scan traces back to the source() call
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
                  "with o as (\n  select * from {{ source('raw', 'orders') }}\n)\n"
                      + "select id, amount * 2 as doubled from o where id > 10\n")));
      JsonObject plan = object(lsp.request("dbt/explain", Map.of("uri", uri)));
      assertFalse(plan.has("error"), plan.toString());
      assertEquals("model.pv.doubled", plan.get("nodeId").getAsString());
      assertFalse(plan.get("analyzed").getAsBoolean());
      JsonObject scan =
          nodes(plan.getAsJsonObject("plan")).stream()
              .filter(n -> n.has("relation") && n.get("relation").getAsString().equals("orders"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(plan.toString()));
      JsonObject source = scan.getAsJsonObject("source");
      assertEquals("source", source.get("kind").getAsString(), scan.toString());
      assertEquals(uri, source.get("uri").getAsString());
      assertEquals(
          1, source.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
      assertEquals(
          100, plan.getAsJsonObject("tableRows").get("main.orders").getAsInt(), plan.toString());

      JsonObject analyzed = object(lsp.request("dbt/explain", Map.of("uri", uri, "analyze", true)));
      assertTrue(analyzed.get("analyzed").getAsBoolean(), analyzed.toString());
      double shares =
          nodes(analyzed.getAsJsonObject("plan")).stream()
              .filter(n -> n.has("timeShare"))
              .mapToDouble(n -> n.get("timeShare").getAsDouble())
              .sum();
      assertEquals(1.0, shares, 0.02, analyzed.toString());

      // a selective filter on 300,000 rows: a finding with an index, stored as a recommendation
      JsonObject found = object(lsp.request("dbt/explain", Map.of("uri", person)));
      JsonArray findings = found.getAsJsonArray("findings");
      assertEquals(1, findings.size(), found.toString());
      JsonObject finding = findings.get(0).getAsJsonObject();
      assertEquals("seq-scan-selective-filter", finding.get("kind").getAsString());
      assertEquals("pending", finding.get("status").getAsString());
      long recommendation = finding.get("recommendationId").getAsLong();
      assertEquals(
          "create index dbtls_people_email_idx on main.people (email)",
          finding.getAsJsonObject("index").get("createSql").getAsString());
      JsonObject listed = object(lsp.request("dbt/recommendations", Map.of("uri", person)));
      assertEquals(
          recommendation,
          listed.getAsJsonArray("recommendations").get(0).getAsJsonObject().get("id").getAsLong());
      JsonObject notAllowed =
          object(
              lsp.request(
                  "dbt/applyRecommendation",
                  Map.of("uri", person, "id", recommendation, "action", "apply", "confirm", true)));
      assertEquals(
          "apply-not-allowed", notAllowed.getAsJsonObject("error").get("code").getAsString());

      // the buffer against the saved file: a job, progress, the finished notification, stored
      JsonObject started =
          object(
              lsp.request(
                  "dbt/benchmark",
                  Map.of("uri", uri, "compare", "saved", "warmups", 1, "runs", 5)));
      assertFalse(started.has("error"), started.toString());
      String id = started.get("id").getAsString();
      String token = started.get("progressToken").getAsString();
      assertEquals(
          List.of("saved file", "buffer"),
          List.of(
              started.getAsJsonArray("variants").get(0).getAsString(),
              started.getAsJsonArray("variants").get(1).getAsString()));
      JsonObject begin =
          lsp.await(
              "$/progress",
              p ->
                  p.get("token").getAsString().equals(token)
                      && p.getAsJsonObject("value").get("kind").getAsString().equals("begin"));
      assertTrue(begin.getAsJsonObject("value").get("cancellable").getAsBoolean());
      JsonObject finished =
          lsp.await("dbt/benchmarkFinished", p -> p.get("id").getAsString().equals(id), 60);
      assertEquals("ok", finished.get("state").getAsString(), finished.toString());
      JsonObject report = finished.getAsJsonObject("report");
      assertEquals(2, report.getAsJsonArray("variants").size());
      JsonObject buffer = report.getAsJsonArray("variants").get(1).getAsJsonObject();
      assertEquals(5, buffer.getAsJsonArray("runsMs").size());
      assertEquals(5, buffer.getAsJsonObject("stats").get("runs").getAsInt());
      assertEquals(90, buffer.get("rows").getAsLong());
      assertEquals(
          100, report.getAsJsonArray("variants").get(0).getAsJsonObject().get("rows").getAsLong());
      JsonObject comparison = report.getAsJsonArray("comparisons").get(0).getAsJsonObject();
      assertEquals("buffer", comparison.get("variant").getAsString());
      assertTrue(
          List.of("faster", "slower", "no significant difference")
              .contains(comparison.get("verdict").getAsString()),
          comparison.toString());
      long storedId = report.get("storedId").getAsLong();
      JsonObject status = object(lsp.request("dbt/benchmarkStatus", Map.of("id", id)));
      assertEquals("ok", status.get("state").getAsString());
      JsonObject history = object(lsp.request("dbt/benchmarks", Map.of("uri", uri)));
      assertEquals(
          storedId,
          history.getAsJsonArray("benchmarks").get(0).getAsJsonObject().get("storedId").getAsLong(),
          history.toString());
      assertEquals(
          "model doubled: buffer vs saved file",
          history.getAsJsonArray("benchmarks").get(0).getAsJsonObject().get("label").getAsString());

      // a long one, cancelled through $/progress like an editor's cancel button
      JsonObject slow =
          object(
              lsp.request(
                  "dbt/benchmark",
                  Map.of(
                      "uri",
                      uri,
                      "sql",
                      "select count(*) from range(100000000000) a, range(1000) b",
                      "warmups",
                      0,
                      "runs",
                      3)));
      String slowId = slow.get("id").getAsString();
      // time must pass: the benchmark must be running its query when it is cancelled
      Thread.sleep(500);
      lsp.notify(
          "window/workDoneProgress/cancel",
          Map.of("token", slow.get("progressToken").getAsString()));
      JsonObject cancelled =
          lsp.await("dbt/benchmarkFinished", p -> p.get("id").getAsString().equals(slowId), 60);
      assertEquals("cancelled", cancelled.get("state").getAsString(), cancelled.toString());

      // the recommendation in a sandbox: in-memory copies, the file untouched, status benchmarked
      JsonObject sandboxed =
          object(
              lsp.request(
                  "dbt/benchmark",
                  Map.of(
                      "uri",
                      person,
                      "compare",
                      "recommendation",
                      "recommendationId",
                      recommendation,
                      "warmups",
                      1,
                      "runs",
                      5)));
      assertFalse(sandboxed.has("error"), sandboxed.toString());
      String sandboxId = sandboxed.get("id").getAsString();
      JsonObject done =
          lsp.await("dbt/benchmarkFinished", p -> p.get("id").getAsString().equals(sandboxId), 120);
      assertEquals("ok", done.get("state").getAsString(), done.toString());
      assertTrue(
          done.getAsJsonObject("report")
              .get("sandbox")
              .getAsString()
              .startsWith("sandbox: in-memory copy"),
          done.toString());
      JsonObject after = object(lsp.request("dbt/recommendations", Map.of("uri", person)));
      assertEquals(
          "benchmarked",
          after
              .getAsJsonArray("recommendations")
              .get(0)
              .getAsJsonObject()
              .get("status")
              .getAsString());
      JsonObject dismissed =
          object(
              lsp.request(
                  "dbt/setRecommendationStatus",
                  Map.of("uri", person, "id", recommendation, "status", "dismissed")));
      assertEquals(
          "dismissed",
          dismissed
              .getAsJsonArray("recommendations")
              .get(0)
              .getAsJsonObject()
              .get("status")
              .getAsString());
      JsonObject unknown =
          object(
              lsp.request(
                  "dbt/setRecommendationStatus",
                  Map.of("uri", person, "id", recommendation, "status", "archived")));
      assertEquals(
          "no status given, or one this server does not know", unknown.get("error").getAsString());
      assertEquals(
          "dismissed",
          unknown
              .getAsJsonArray("recommendations")
              .get(0)
              .getAsJsonObject()
              .get("status")
              .getAsString());

      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("pv.duckdb"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from duckdb_indexes()")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no index was left in the file");
    }
  }
}
