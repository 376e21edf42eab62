package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.run.dbt.StandInDbt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbt/run} over stdio with {@code dbtls.run.executor: dbt}: the server runs the user's dbt —
 * here a stand-in replaying a real dbt Core 1.8.2 run ({@link StandInDbt}, not dbt) — and the
 * client sees the same {@code dbt/runProgress} and answer as with the native runner, with {@code
 * executor} naming the dbt; with no dbt where the settings say, the answer says where it looked.
 */
@DisabledOnOs(OS.WINDOWS)
class DbtRunProtocolTest {
  @TempDir Path dir;

  @Test
  void theUsersDbtRunsWithTheRunnersProgress() throws Exception {
    Path project = dir.resolve("jaffle_shop");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: jaffle_shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.writeString(
        project.resolve("models/orders.sql"),
        "{{ config(materialized='table') }}\nselect 1 as order_id\n");
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            project,
            StandInDbt.stdout("core-1.8.2-run-failed.jsonl"),
            StandInDbt.FAILED_ORDERS_RUN_RESULTS,
            "",
            1);
    String uri = project.resolve("models/orders.sql").toUri().toString();
    List<JsonObject> progress = new CopyOnWriteArrayList<>();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.onNotification(
          n -> {
            if (n.get("method").getAsString().equals("dbt/runProgress")) {
              progress.add(n.getAsJsonObject("params"));
            }
          });
      lsp.open(
          project,
          Map.of(
              "profilesDir",
              project.toString(),
              "run",
              Map.of("executor", "dbt"),
              "dbt",
              Map.of("path", dbt.toString())));

      JsonObject run =
          lsp.request("dbt/run", Map.of("uri", uri, "command", "run")).getAsJsonObject();
      assertEquals("dbt 1.8.2", run.get("executor").getAsString(), run.toString());
      assertTrue(!run.has("error") || run.get("error").isJsonNull(), run.toString());
      assertEquals(1, run.get("errors").getAsInt());
      JsonObject orders = run.getAsJsonArray("results").get(0).getAsJsonObject();
      assertEquals("orders", orders.get("name").getAsString());
      assertEquals("error", orders.get("status").getAsString());
      assertTrue(orders.get("message").getAsString().contains("syntax error at or near \"final\""));
      assertTrue(orders.get("uri").getAsString().endsWith("/models/orders.sql"), orders.toString());
      assertEquals("model", orders.get("resourceType").getAsString());
      assertTrue(run.get("runResults").getAsString().endsWith("/target/run_results.json"));

      String runId = run.get("runId").getAsString();
      List<String> seen =
          progress.stream()
              .filter(p -> p.get("runId").getAsString().equals(runId))
              .map(p -> p.get("name").getAsString() + " " + p.get("status").getAsString())
              .toList();
      assertEquals(List.of("orders running", "orders error"), seen);

      List<String> args = Files.readAllLines(dir.resolve("bin/args.txt"));
      assertEquals(List.of("run", "--log-format", "json"), args.subList(0, 3));
      assertTrue(args.containsAll(List.of("--select", "path:models/orders.sql")), args.toString());
      assertTrue(args.containsAll(List.of("--profiles-dir", project.toString())), args.toString());

      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of(
              "settings",
              Map.of(
                  "dbtls",
                  Map.of(
                      "profilesDir",
                      project.toString(),
                      "run",
                      Map.of("executor", "dbt"),
                      "dbt",
                      Map.of("path", dir.resolve("none/dbt").toString())))));
      JsonElement missing = null;
      for (int i = 0; i < 50; i++) {
        JsonObject again =
            lsp.request("dbt/run", Map.of("uri", uri, "command", "test")).getAsJsonObject();
        if (again.has("error") && !again.get("error").isJsonNull()) {
          missing = again.get("error");
          break;
        }
        Thread.sleep(100);
      }
      assertEquals("dbt-not-found", missing.getAsJsonObject().get("code").getAsString());
      assertTrue(
          missing
              .getAsJsonObject()
              .get("message")
              .getAsString()
              .contains(dir.resolve("none/dbt").toString()));
    }
  }
}
