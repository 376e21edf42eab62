package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor that never waits: 2,000 requests on one open model with incremental edits and
 * cancellations between them, all sent before any answer is read. Every request is answered, and
 * the newest text's diagnostics still arrive afterwards (they once stopped for good after such a
 * storm, while the same sequence with at most 64 requests in flight passed).
 */
class EditStormProtocolTest {
  private static final long SEED = 20261123L;
  private static final int REQUESTS = 2000;
  private static final int EDITS = 550;
  private static final int CANCELS = 400;
  private static final String UNKNOWN = "select * from {{ ref('zz_unknown') }}";

  @TempDir Path dir;

  @Test
  void theNewestTextsDiagnosticsArriveAfterAStorm() throws Exception {
    Path project =
        copy(
            Path.of(System.getProperty("dbtls.repoRoot", ".."))
                .resolve("test-projects/vscode_shop"),
            dir.resolve("vscode_shop"));
    Path customers = project.resolve("models/marts/customers.sql");
    String uri = customers.toUri().toString();
    StringBuilder text = new StringBuilder(Files.readString(customers));
    Random random = new Random(SEED);
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      lsp.await(
          "window/logMessage", m -> m.get("message").getAsString().contains("loaded vscode_shop"));
      int version = 1;
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
                  version,
                  "text",
                  text.toString())));

      long started = System.nanoTime();
      List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      int edits = 0;
      int cancels = 0;
      for (int n = 0; n < REQUESTS; n++) {
        // edits and cancellations spread evenly between the requests
        while (edits * REQUESTS < EDITS * n) {
          edit(lsp, uri, ++version, text, random);
          edits++;
        }
        while (cancels * REQUESTS < CANCELS * n && !ids.isEmpty()) {
          lsp.notify("$/cancelRequest", Map.of("id", ids.get(random.nextInt(ids.size()))));
          cancels++;
        }
        int id = lsp.nextId();
        ids.add(id);
        answers.add(lsp.expect(id));
        lsp.sendRaw(request(id, uri, text.toString(), random));
      }
      for (CompletableFuture<JsonObject> answer : answers) {
        try {
          answer.get(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              "a request of the storm was never answered; server stderr:\n" + lsp.stderr());
        }
      }
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      System.err.printf(
          "edit storm: %d requests answered in %d ms (%d/s)%n",
          REQUESTS, millis, REQUESTS * 1000L / millis);

      // the newest text: a line that refs a model nobody defines
      int line = lineCount(text) - 1;
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", uri, "version", ++version),
              "contentChanges",
              List.of(Map.of("range", range(line, 0, line, 0), "text", UNKNOWN + "\n"))));
      JsonArray shown = lsp.awaitDiagnostics(uri, d -> d.toString().contains("zz_unknown"));
      assertTrue(shown.size() > 0, shown.toString());
    }
  }

  /** A request of the kinds an editor sends while typing, at a random place of {@code text}. */
  private static String request(int id, String uri, String text, Random random) {
    String[] lines = text.split("\n", -1);
    int line = random.nextInt(lines.length);
    Map<String, Object> at =
        Map.of(
            "textDocument",
            Map.of("uri", uri),
            "position",
            Map.of("line", line, "character", random.nextInt(lines[line].length() + 1)));
    String method =
        switch (random.nextInt(6)) {
          case 0 -> "textDocument/completion";
          case 1 -> "textDocument/hover";
          case 2 -> "textDocument/definition";
          case 3 -> "textDocument/documentSymbol";
          case 4 -> "textDocument/documentHighlight";
          default -> "dbt/compile";
        };
    Object params =
        method.equals("textDocument/documentSymbol")
            ? Map.of("textDocument", Map.of("uri", uri))
            : method.equals("dbt/compile") ? Map.of("uri", uri) : at;
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", new Gson().toJsonTree(params));
    return message.toString();
  }

  /**
   * Types a short word at a random place of a plain SQL line, or deletes a letter there, as the
   * editor sends it: the Jinja stays whole, so the last edit's diagnostics are known.
   */
  private static void edit(
      LspClient lsp, String uri, int version, StringBuilder text, Random random) throws Exception {
    String[] lines = text.toString().split("\n", -1);
    int line;
    do {
      line = random.nextInt(lines.length);
    } while (lines[line].contains("{"));
    int column = random.nextInt(lines[line].length() + 1);
    int offset = 0;
    for (int l = 0; l < line; l++) {
      offset += lines[l].length() + 1;
    }
    offset += column;
    boolean delete =
        column > 0 && Character.isLetter(lines[line].charAt(column - 1)) && random.nextBoolean();
    String typed = delete ? "" : List.of("a", " ", "x1", "c.", "o").get(random.nextInt(5));
    int start = delete ? column - 1 : column;
    text.replace(delete ? offset - 1 : offset, offset, typed);
    lsp.notify(
        "textDocument/didChange",
        Map.of(
            "textDocument",
            Map.of("uri", uri, "version", version),
            "contentChanges",
            List.of(Map.of("range", range(line, start, line, column), "text", typed))));
  }

  private static Map<String, Object> range(
      int startLine, int startColumn, int endLine, int endColumn) {
    return Map.of(
        "start",
        Map.of("line", startLine, "character", startColumn),
        "end",
        Map.of("line", endLine, "character", endColumn));
  }

  private static int lineCount(CharSequence text) {
    return text.toString().split("\n", -1).length;
  }

  private static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path f : all.filter(f -> !f.toString().contains("/target")).toList()) {
        Path into = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(into);
        } else {
          Files.copy(f, into);
        }
      }
    }
    return to;
  }
}
