package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LSP's lifecycle and params rules, over stdio against the real server: nothing is served before
 * {@code initialize} or after {@code shutdown}, params that are missing or do not fit answer {@code
 * InvalidParams} with a short message (never a Java stack), and edits that do not fit the document
 * are refused and logged instead of applied somewhere else.
 */
class ProtocolRulesTest {
  @TempDir Path dir;

  /** The standard requests the server serves, each with what it needs. */
  private static final List<String> METHODS =
      List.of(
          "textDocument/hover",
          "textDocument/completion",
          "textDocument/definition",
          "textDocument/references",
          "textDocument/documentHighlight",
          "textDocument/documentSymbol",
          "textDocument/foldingRange",
          "textDocument/codeAction",
          "textDocument/codeLens",
          "textDocument/rename",
          "textDocument/prepareRename",
          "textDocument/semanticTokens/full",
          "textDocument/documentLink",
          "workspace/symbol",
          "completionItem/resolve");

  private static Map<String, Object> at(String uri, int line, int character) {
    return Map.of(
        "textDocument",
        Map.of("uri", uri),
        "position",
        Map.of("line", line, "character", character));
  }

  private static JsonObject error(JsonObject response) {
    assertTrue(response.has("error"), "expected an error: " + response);
    return response.getAsJsonObject("error");
  }

  private static void assertShort(JsonObject error) {
    String message = error.get("message").getAsString();
    assertFalse(
        error.has("data") && error.get("data").toString().contains("\tat "), error.toString());
    assertFalse(
        message.contains("Exception") || message.contains("java.") || message.contains("\n"),
        message);
  }

  @Test
  void nothingIsServedBeforeInitialize() throws Exception {
    Path p = ShopProject.write(dir);
    String b = p.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      JsonObject hover = error(lsp.requestThen("textDocument/hover", at(b, 0, 25), id -> {}));
      assertEquals(-32002, hover.get("code").getAsInt());
      JsonObject preview =
          error(lsp.requestThen("dbt/preview", Map.of("uri", b, "sql", "select 42"), id -> {}));
      assertEquals(-32002, preview.get("code").getAsInt());
      // a didOpen before initialize is dropped, not applied
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  b,
                  "languageId",
                  "sql",
                  "version",
                  1,
                  "text",
                  "select * from {{ ref('zzz') }}\n")));
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      JsonObject compiled = lsp.request("dbt/compile", Map.of("uri", b)).getAsJsonObject();
      assertTrue(compiled.get("sql").getAsString().contains("\"a\""), compiled.toString());
    }
  }

  @Test
  void missingOrUnfitParamsAnswerInvalidParamsAndTheServerGoesOn() throws Exception {
    Path p = ShopProject.write(dir);
    String b = p.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      for (String method : METHODS) {
        for (Object params : new Object[] {null, Map.of()}) {
          JsonObject e = error(lsp.requestThen(method, params, id -> {}));
          assertEquals(-32602, e.get("code").getAsInt(), method + " " + params + ": " + e);
          assertShort(e);
        }
      }
      JsonObject wrongType =
          error(
              lsp.requestThen(
                  "textDocument/hover",
                  Map.of("textDocument", Map.of("uri", b), "position", "here"),
                  id -> {}));
      assertEquals(-32602, wrongType.get("code").getAsInt(), wrongType.toString());
      assertShort(wrongType);
      JsonObject negative = error(lsp.requestThen("textDocument/hover", at(b, -1, 3), id -> {}));
      assertEquals(-32602, negative.get("code").getAsInt(), negative.toString());
      // and a good request right after is served
      JsonObject hover = lsp.request("textDocument/hover", at(b, 0, 25)).getAsJsonObject();
      assertTrue(hover.toString().contains("a"), hover.toString());
    }
  }

  @Test
  void editsThatDoNotFitTheDocumentAreRefusedAndLogged() throws Exception {
    Path p = ShopProject.write(dir);
    String b = p.resolve("models/b.sql").toUri().toString();
    String text = "select * from {{ ref('a') }}\n";
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument", Map.of("uri", b, "languageId", "sql", "version", 1, "text", text)));
      java.util.Map<String, Object> nullText = new java.util.HashMap<>();
      nullText.put("text", null);
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument", Map.of("uri", b, "version", 2), "contentChanges", List.of(nullText)));
      JsonObject log =
          lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("version 2"));
      assertTrue(log.get("message").getAsString().contains("without text"), log.toString());
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", b, "version", 3),
              "contentChanges",
              List.of(
                  Map.of(
                      "range",
                      Map.of(
                          "start",
                          Map.of("line", 7, "character", 0),
                          "end",
                          Map.of("line", 7, "character", 0)),
                      "text",
                      "x"))));
      log =
          lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("version 3"));
      assertTrue(log.get("message").getAsString().contains("not in the document"), log.toString());
      // the buffer is what the editor opened: neither "null" nor "x" went in
      JsonObject compiled = lsp.request("dbt/compile", Map.of("uri", b)).getAsJsonObject();
      assertEquals(
          "select * from \"shop\".\"main\".\"a\"", compiled.get("sql").getAsString().strip());
    }
  }

  @Test
  void afterShutdownOnlyExitIsAccepted() throws Exception {
    Path p = ShopProject.write(dir);
    String b = p.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      lsp.request("shutdown", null);
      JsonObject e = error(lsp.requestThen("textDocument/hover", at(b, 0, 25), id -> {}));
      assertEquals(-32600, e.get("code").getAsInt(), e.toString());
      JsonObject again = error(lsp.requestThen("dbt/compile", Map.of("uri", b), id -> {}));
      assertEquals(-32600, again.get("code").getAsInt(), again.toString());
      lsp.notify("exit", null);
      assertTrue(lsp.process().waitFor(20, TimeUnit.SECONDS), "the server did not exit");
      assertEquals(0, lsp.process().exitValue());
      assertFalse(lsp.stderr().contains("RejectedExecutionException"), lsp.stderr());
    }
  }

  @Test
  void aMessageAnnouncedOver64MbIsAnsweredAndTheServerGoesOn() throws Exception {
    Path p = ShopProject.write(dir);
    String b = p.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      for (long announced : List.of(2147483647L, 1L << 30)) {
        // the header promises gigabytes, 20 bytes follow, then a request as usual
        lsp.sendBytes(
            ("Content-Length: " + announced + "\r\n\r\n{\"jsonrpc\":\"2.0\",\"id")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        JsonObject compiled = lsp.request("dbt/compile", Map.of("uri", b)).getAsJsonObject();
        assertTrue(compiled.get("sql").getAsString().contains("\"a\""), compiled.toString());
        JsonObject refused = lsp.orphans.poll();
        assertTrue(
            refused != null && refused.getAsJsonObject("error").get("code").getAsInt() == -32700,
            "a ParseError answers the message: " + refused);
        assertTrue(refused.get("id").isJsonNull(), refused.toString());
      }
      assertTrue(lsp.process().isAlive(), lsp.stderr());
    }
  }
}
