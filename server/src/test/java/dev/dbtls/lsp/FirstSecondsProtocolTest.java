package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.warehouse.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor that asks the moment it has opened a file, as VS Code does when a user starts typing in
 * a fresh window: over stdio against the real server, with no waiting for "loaded", on the sample
 * project and on a generated 2,000-model project. Every first answer must be the full one; a
 * request cancelled while it waits is answered RequestCancelled; an edit sent just before a request
 * is in its text; slow previews never hold up completion.
 */
class FirstSecondsProtocolTest {
  private static final Path REPO =
      Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  private static Map<String, Object> init(Path folder) {
    return Map.of(
        "processId",
        ProcessHandle.current().pid(),
        "capabilities",
        Map.of(),
        "workspaceFolders",
        List.of(Map.of("uri", folder.toUri().toString(), "name", "ws")));
  }

  private static Map<String, Object> at(String uri, int line, int character) {
    return Map.of(
        "textDocument",
        Map.of("uri", uri),
        "position",
        Map.of("line", line, "character", character));
  }

  private static void open(LspClient lsp, String uri, String text) throws Exception {
    lsp.notify(
        "textDocument/didOpen",
        Map.of(
            "textDocument", Map.of("uri", uri, "languageId", "sql", "version", 1, "text", text)));
  }

  private static List<String> labels(JsonElement completion) {
    List<String> out = new ArrayList<>();
    completion
        .getAsJsonObject()
        .getAsJsonArray("items")
        .forEach(i -> out.add(i.getAsJsonObject().get("label").getAsString()));
    return out;
  }

  @Test
  void theSampleProjectAnswersInFullFromTheFirstRequest() throws Exception {
    Path project = REPO.resolve("test-projects/jaffle_shop");
    String uri = project.resolve("models/marts/orders.sql").toUri().toString();
    String text =
        Files.readString(project.resolve("models/marts/orders.sql"))
            + "\nunion all select * from {{ ref('') }}\n";
    int last = (int) text.lines().count() - 1;
    int refLine = text.lines().toList().indexOf("    select * from {{ ref('stg_orders') }}");
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", init(project));
      lsp.notify("initialized", Map.of());
      open(lsp, uri, text);
      // all at once, before anything says the project is loaded
      List<String> completion = labels(lsp.request("textDocument/completion", at(uri, last, 32)));
      JsonElement hover = lsp.request("textDocument/hover", at(uri, refLine, 29));
      JsonElement definition = lsp.request("textDocument/definition", at(uri, refLine, 29));
      JsonArray symbols =
          lsp.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", uri)))
              .getAsJsonArray();
      JsonArray folding =
          lsp.request("textDocument/foldingRange", Map.of("textDocument", Map.of("uri", uri)))
              .getAsJsonArray();
      JsonArray tokens =
          lsp.request(
                  "textDocument/semanticTokens/full", Map.of("textDocument", Map.of("uri", uri)))
              .getAsJsonObject()
              .getAsJsonArray("data");

      assertTrue(
          completion.containsAll(
              List.of("stg_orders", "stg_customers", "stg_payments", "customers")),
          completion.toString());
      assertTrue(hover.toString().contains("stg_orders"), hover.toString());
      assertTrue(
          definition.toString().contains("models/staging/stg_orders.sql"), definition.toString());
      assertTrue(
          symbols.toString().contains("\"orders\"") && symbols.toString().contains("\"payments\""),
          symbols.toString());
      assertFalse(folding.isEmpty());
      assertFalse(tokens.isEmpty());
    }
  }

  @Test
  void aTwoThousandModelProjectAnswersInFullCancelsWhileWaitingAndKeepsTheClientsOrder()
      throws Exception {
    Path project = dir.resolve("big");
    Process gen =
        new ProcessBuilder(
                "python3",
                REPO.resolve("test-projects/generate.py").toString(),
                "--models",
                "2000",
                project.toString())
            .redirectErrorStream(true)
            .start();
    gen.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertEquals(0, gen.waitFor());
    Path model;
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      model =
          files
              .filter(f -> f.toString().endsWith(".sql"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains("ref('");
                    } catch (java.io.IOException e) {
                      return false;
                    }
                  })
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    String read = Files.readString(model);
    String text = read.endsWith("\n") ? read : read + "\n";
    List<String> lines = text.lines().toList();
    int line = 0;
    while (!lines.get(line).contains("ref('")) {
      line++;
    }
    int col = lines.get(line).indexOf("ref('") + 5;
    String refName = lines.get(line).substring(col, lines.get(line).indexOf('\'', col));
    String uri = model.toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", init(project));
      lsp.notify("initialized", Map.of());
      open(lsp, uri, text);
      // cancelled while it waits for the first load: RequestCancelled, not an empty list
      JsonObject cancelled =
          lsp.requestThen(
              "textDocument/completion",
              at(uri, line, col),
              id -> {
                try {
                  lsp.notify("$/cancelRequest", Map.of("id", id));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertEquals(
          -32800, cancelled.getAsJsonObject("error").get("code").getAsInt(), cancelled.toString());
      // a new last line typed while the project may still load, then completion on it at once
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", uri, "version", 2),
              "contentChanges",
              List.of(
                  Map.of(
                      "range",
                      Map.of(
                          "start",
                          Map.of("line", lines.size(), "character", 0),
                          "end",
                          Map.of("line", lines.size(), "character", 0)),
                      "text",
                      "-- {{ ref('" + refName))));
      JsonElement completion =
          lsp.request("textDocument/completion", at(uri, lines.size(), 11 + refName.length()));
      List<String> labels = labels(completion);
      assertEquals(refName, labels.get(0), labels.toString());
      JsonObject all = lsp.request("textDocument/completion", at(uri, line, col)).getAsJsonObject();
      // 2,000 models and more: the first 200 go, and the list says there are more
      assertEquals(200, labels(all).size());
      assertTrue(all.get("isIncomplete").getAsBoolean(), all.get("isIncomplete").toString());
      assertTrue(
          lsp.request("textDocument/hover", at(uri, line, col + 1)).toString().contains(refName));
      assertTrue(
          lsp.request("textDocument/definition", at(uri, line, col + 1))
              .toString()
              .contains(refName + ".sql"));
    }
  }

  @Test
  void slowPreviewsNeverHoldUpCompletion() throws Exception {
    Databases.requireServer(5432);
    Path project = dir.resolve("pg");
    Files.createDirectories(project.resolve("models"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        project.resolve("profiles.yml"),
        """
        shop:
          target: dev
          outputs:
            dev:
              type: postgres
              host: 127.0.0.1
              port: 5432
              user: postgres
              dbname: test
              schema: public
        """);
    Files.writeString(project.resolve("models/a.sql"), "select 1 as id\n");
    Files.writeString(project.resolve("models/b.sql"), "select * from {{ ref('a') }}\n");
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", init(project));
      lsp.notify("initialized", Map.of());
      open(lsp, b, "select * from {{ ref('') }}\n");
      lsp.request("textDocument/completion", at(b, 0, 22)); // the project is loaded
      List<Integer> ids = new ArrayList<>();
      List<CompletableFuture<JsonObject>> previews = new ArrayList<>();
      String slept = dev.dbtls.warehouse.Databases.unique("slept");
      for (int i = 0; i < 6; i++) {
        int id = lsp.nextId();
        ids.add(id);
        previews.add(lsp.expect(id));
        lsp.sendRaw(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"dbt/preview\",\"params\":{\"uri\":\""
                + b
                + "\",\"sql\":\"select pg_sleep(20) as "
                + slept
                + "\"}}");
      }
      // the previews are running in the database
      dev.dbtls.warehouse.Databases.awaitRunning(
          dev.dbtls.warehouse.Databases.PG_URL, "postgres", slept);
      List<String> labels = labels(lsp.request("textDocument/completion", at(b, 0, 22)));
      JsonElement hover = lsp.request("textDocument/hover", at(b, 0, 22));
      assertTrue(
          previews.stream().noneMatch(CompletableFuture::isDone),
          "a preview ended early: " + previews);
      assertTrue(labels.contains("a"), labels.toString());
      assertTrue(hover.isJsonNull() || hover.isJsonObject());
      for (int id : ids) {
        lsp.notify("$/cancelRequest", Map.of("id", id));
      }
      for (CompletableFuture<JsonObject> p : previews) {
        JsonObject answer =
            p.get(15, TimeUnit.SECONDS); // cancelled in the database, not after 20 s
        assertTrue(answer.has("error") || answer.toString().contains("cancel"), answer.toString());
      }
    }
  }
}
