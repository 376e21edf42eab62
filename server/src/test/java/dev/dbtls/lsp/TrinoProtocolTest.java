package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.TrinoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt/preview and dbt/explain (analyzed) over stdio with the real server on the test Trino server:
 * jaffle_shop_lite's trino target, its seeds loaded into a schema of the memory catalog. The
 * analyzed plan is what the plan views of both clients draw: with {@code
 * -Ddbtls.updateRecorded=true} it is written to protocol-ext/recorded/explain-trino-analyzed.json
 * for their view tests.
 */
class TrinoProtocolTest {
  private static final Path REPO = Path.of(System.getProperty("dbtls.repoRoot", "..")).normalize();

  @TempDir Path dir;

  private static JsonObject object(JsonElement e) {
    assertNotNull(e);
    assertTrue(e.isJsonObject(), String.valueOf(e));
    return e.getAsJsonObject();
  }

  private static List<JsonObject> steps(JsonObject n) {
    List<JsonObject> out = new ArrayList<>(List.of(n));
    if (n.has("children")) {
      n.getAsJsonArray("children").forEach(c -> out.addAll(steps(c.getAsJsonObject())));
    }
    return out;
  }

  private Path project(String schema) throws Exception {
    Path from = REPO.resolve("test-projects/jaffle_shop_lite");
    Path to = dir.resolve("jaffle_shop_lite");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = from.relativize(f).toString();
        if (rel.startsWith("target") || rel.endsWith(".db")) {
          continue;
        }
        Files.createDirectories(to.resolve(rel).getParent());
        Files.copy(f, to.resolve(rel));
      }
    }
    String profiles = Files.readString(to.resolve("profiles.yml"));
    Files.writeString(
        to.resolve("profiles.yml"),
        profiles
            .replace("target: sqlite", "target: trino")
            .replace("schema: dbtls_jaffle_lite\n", "schema: " + schema + "\n")
            .replace("port: 18080", "port: " + TrinoServer.port()));
    return to;
  }

  @Test
  void previewAndAnalyzedPlanOnTrino() throws Exception {
    TrinoServer.require();
    String schema = Databases.unique("dbtls_lsp");
    Path project = project(schema);
    TrinoServer.exec(
        List.of(
            "create schema memory." + schema,
            "create table memory."
                + schema
                + ".lite_stores as select * from (values"
                + " (1, 'Amsterdam Centrum', 'NL', date '2021-03-01'),"
                + " (2, 'Amsterdam Oost', 'NL', date '2022-05-14'),"
                + " (3, 'Utrecht', 'nl', date '2022-09-01'))"
                + " t(store_id, store_name, country_code, opened_on)",
            "create table memory."
                + schema
                + ".lite_sales as select"
                + " cast(n as integer) as sale_id, cast(1 + n % 3 as integer) as store_id,"
                + " format_datetime(timestamp '2023-05-20 09:00:00' + n * interval '37' minute,"
                + " 'yyyy-MM-dd HH:mm:ss') as sold_at, 'veggie' as basket,"
                + " cast(500 + n * 7 % 3000 as integer) as total_cents,"
                + " if(n % 4 = 0, 'web', 'till') as channel from unnest(sequence(1, 10000)) t(n)"));
    String uri = project.resolve("models/marts/store_daily_sales.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request(
          "initialize",
          Map.of(
              "processId",
              ProcessHandle.current().pid(),
              "rootUri",
              project.toUri().toString(),
              "capabilities",
              Map.of(),
              "workspaceFolders",
              List.of(Map.of("uri", project.toUri().toString(), "name", "lite"))));
      lsp.notify("initialized", Map.of());
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
                  Files.readString(project.resolve("models/marts/store_daily_sales.sql")))));
      JsonObject preview = object(lsp.request("dbt/preview", Map.of("uri", uri, "pageRows", 20)));
      assertFalse(preview.has("error") && !preview.get("error").isJsonNull(), preview.toString());
      assertEquals(20, preview.getAsJsonArray("rows").size(), preview.toString());

      JsonObject plan = object(lsp.request("dbt/explain", Map.of("uri", uri, "analyze", true)));
      assertFalse(plan.has("error") && !plan.get("error").isJsonNull(), plan.toString());
      assertTrue(plan.get("analyzed").getAsBoolean());
      List<JsonObject> steps = steps(plan.getAsJsonObject("plan"));
      List<String> stages =
          steps.stream()
              .filter(s -> s.has("properties") && s.getAsJsonObject("properties").has("Stage"))
              .map(s -> s.getAsJsonObject("properties").get("Stage").getAsString())
              .toList();
      assertTrue(stages.size() >= 3, "stages: " + stages);
      // each scan traces back to the model: the staging models are unbuilt, inlined upstream
      List<JsonObject> scans = steps.stream().filter(s -> s.has("relation")).toList();
      assertEquals(2, scans.size(), scans.toString());
      for (JsonObject scan : scans) {
        assertTrue(scan.has("source"), scan.toString());
        assertEquals("upstream", scan.getAsJsonObject("source").get("kind").getAsString());
      }
      double shares =
          steps.stream()
              .filter(s -> s.has("timeShare"))
              .mapToDouble(s -> s.get("timeShare").getAsDouble())
              .sum();
      assertEquals(1.0, shares, 0.02);
      assertTrue(steps.stream().anyMatch(s -> s.has("heat")), "the server marks the heat");
      if (Boolean.getBoolean("dbtls.updateRecorded")) {
        Path out = REPO.resolve("protocol-ext/recorded/explain-trino-analyzed.json");
        Files.createDirectories(out.getParent());
        String json =
            new GsonBuilder()
                .setPrettyPrinting()
                .create()
                .toJson(plan)
                .replace(project.toUri().toString(), "file:///work/jaffle_shop_lite/")
                .replace(schema, "dbtls_jaffle_lite");
        Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
      }
    } finally {
      TrinoServer.exec(List.of("drop schema if exists memory." + schema + " cascade"));
    }
  }
}
