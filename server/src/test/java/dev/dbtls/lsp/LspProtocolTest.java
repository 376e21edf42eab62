package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server in its own JVM, driven over stdio as an editor drives it. */
class LspProtocolTest {
  @TempDir Path dir;

  private static Map<String, Object> initializeParams(long pid, Path folder) {
    return Map.of(
        "processId",
        pid,
        "rootUri",
        folder.toUri().toString(),
        "capabilities",
        Map.of(),
        "workspaceFolders",
        List.of(Map.of("uri", folder.toUri().toString(), "name", "ws")));
  }

  private static Map<String, Object> doc(String uri) {
    return Map.of("uri", uri);
  }

  @Test
  void editorSession() throws Exception {
    Path project = ShopProject.write(dir);
    String a = project.resolve("models/a.sql").toUri().toString();
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      JsonObject init = lsp.request("initialize", ShopProject.initialize(dir)).getAsJsonObject();
      JsonObject sync = init.getAsJsonObject("capabilities").getAsJsonObject("textDocumentSync");
      assertEquals(2, sync.get("change").getAsInt(), "incremental sync");
      assertTrue(sync.get("openClose").getAsBoolean());
      lsp.notify("initialized", Map.of());
      JsonObject log =
          lsp.await(
              "window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));
      assertTrue(log.get("message").getAsString().contains("2 nodes"), log.toString());

      // a request before any didOpen answers from the disk
      JsonObject compiledA = object(lsp, lsp.request("dbt/compile", doc(a)));
      assertEquals("model.shop.a", compiledA.get("nodeId").getAsString());
      assertEquals("select 1 as id", compiledA.get("sql").getAsString().strip());

      // the unsaved buffer is the truth: on disk b.sql refs a, in the editor it refs missing
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  b,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select * from {{ ref('missing') }}\n")));
      JsonArray diagnostics = lsp.awaitDiagnostics(b, d -> d.size() > 0);
      JsonObject unknown = diagnostics.get(0).getAsJsonObject();
      assertEquals("ref-unknown", unknown.get("code").getAsString());
      assertEquals("dbtls", unknown.get("source").getAsString());
      assertEquals(1, unknown.get("severity").getAsInt(), "error");
      assertEquals(range(0, 17, 0, 31), unknown.get("range"));

      // an incremental edit fixes the ref: diagnostics of b.sql are cleared
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument", Map.of("uri", b, "version", 2),
              "contentChanges",
                  List.of(
                      Map.of(
                          "range",
                          Map.of(
                              "start",
                              Map.of("line", 0, "character", 22),
                              "end",
                              Map.of("line", 0, "character", 29)),
                          "text",
                          "a"))));
      lsp.awaitDiagnostics(b, JsonArray::isEmpty);

      JsonObject compiledB = object(lsp, lsp.request("dbt/compile", doc(b)));
      assertEquals("model.shop.b", compiledB.get("nodeId").getAsString());
      assertFalse(compiledB.get("failed").getAsBoolean());
      String sql = compiledB.get("sql").getAsString();
      assertTrue(
          sql.startsWith("select * from ") && sql.contains("\"a\"") && !sql.contains("ref("), sql);
      assertEquals(0, compiledB.getAsJsonArray("problems").size());
      JsonObject first = compiledB.getAsJsonArray("sourceMap").get(0).getAsJsonObject();
      assertEquals("text", first.get("kind").getAsString());
      assertEquals(0, first.get("sqlStart").getAsInt());

      assertTrue(lsp.request("shutdown", null).isJsonNull());
      lsp.notify("exit", null);
      assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertEquals(0, lsp.process().exitValue(), lsp.stderr());
    }
  }

  @Test
  void positionRequestsAnswerFromTheBuffer() throws Exception {
    Path project = ShopProject.write(dir);
    Files.writeString(
        project.resolve("models/_models.yml"),
        "models:\n  - name: a\n    description: The first model\n");
    String a = project.resolve("models/a.sql").toUri().toString();
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      JsonObject caps =
          lsp.request("initialize", ShopProject.initialize(dir))
              .getAsJsonObject()
              .getAsJsonObject("capabilities");
      assertTrue(caps.get("hoverProvider").getAsBoolean());
      assertTrue(caps.get("definitionProvider").getAsBoolean());
      assertTrue(caps.get("referencesProvider").getAsBoolean());
      assertTrue(
          caps.getAsJsonObject("completionProvider")
              .getAsJsonArray("triggerCharacters")
              .toString()
              .contains("'"));
      lsp.notify("initialized", Map.of());
      lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));

      // half-typed, unsaved: completion inside ref(' offers the models
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  b,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select * from {{ ref('")));
      JsonObject list =
          lsp.request(
                  "textDocument/completion",
                  Map.of("textDocument", doc(b), "position", position(0, 22)))
              .getAsJsonObject();
      List<String> labels = new java.util.ArrayList<>();
      list.getAsJsonArray("items")
          .forEach(i -> labels.add(i.getAsJsonObject().get("label").getAsString()));
      assertTrue(labels.contains("a"), labels.toString());

      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", b, "version", 2),
              "contentChanges",
              List.of(Map.of("text", "select * from {{ ref('a') }}\n"))));
      Map<String, Object> onA = Map.of("textDocument", doc(b), "position", position(0, 23));
      JsonObject hover = lsp.request("textDocument/hover", onA).getAsJsonObject();
      assertTrue(
          hover.getAsJsonObject("contents").get("value").getAsString().contains("The first model"),
          hover.toString());
      JsonArray definition = lsp.request("textDocument/definition", onA).getAsJsonArray();
      assertEquals(a, definition.get(0).getAsJsonObject().get("uri").getAsString());
      JsonArray references =
          lsp.request(
                  "textDocument/references",
                  Map.of(
                      "textDocument",
                      doc(b),
                      "position",
                      position(0, 23),
                      "context",
                      Map.of("includeDeclaration", false)))
              .getAsJsonArray();
      assertTrue(references.toString().contains(b), references.toString());

      assertTrue(lsp.request("shutdown", null).isJsonNull());
      lsp.notify("exit", null);
      assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void noArgumentsStartsTheServerAndTheVscodeStdioFlagIsAccepted() throws Exception {
    for (String[] args : List.of(new String[0], new String[] {"lsp", "--stdio"})) {
      try (LspClient lsp = LspClient.start(dir, args)) {
        assertSession(lsp);
      }
    }
  }

  @Test
  void portModeServesOneEditorOnLoopback() throws Exception {
    try (LspClient lsp = LspClient.startOnPort(dir)) {
      assertSession(lsp);
    }
  }

  /** initialize, shutdown, exit: the server answers and ends with status 0. */
  private void assertSession(LspClient lsp) throws Exception {
    JsonObject init = object(lsp, lsp.request("initialize", ShopProject.initialize(dir)));
    assertEquals("dbtls", init.getAsJsonObject("serverInfo").get("name").getAsString());
    lsp.notify("initialized", Map.of());
    assertTrue(lsp.request("shutdown", null).isJsonNull());
    lsp.notify("exit", null);
    assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertEquals(0, lsp.process().exitValue(), lsp.stderr());
  }

  @Test
  void filesChangedOutsideTheEditorAreReadAgain() throws Exception {
    Path project = ShopProject.write(dir);
    Path b = project.resolve("models/b.sql");
    Path c = project.resolve("models/c.sql");
    try (LspClient lsp = LspClient.start(dir)) {
      Map<String, Object> init = new java.util.HashMap<>(ShopProject.initialize(dir));
      init.put(
          "capabilities",
          Map.of(
              "workspace", Map.of("didChangeWatchedFiles", Map.of("dynamicRegistration", true))));
      lsp.request("initialize", init);
      lsp.notify("initialized", Map.of());
      JsonObject registration =
          lsp.await("client/registerCapability", p -> true)
              .getAsJsonArray("registrations")
              .get(0)
              .getAsJsonObject();
      assertEquals("workspace/didChangeWatchedFiles", registration.get("method").getAsString());
      // the first build is done once compile answers
      object(lsp, lsp.request("dbt/compile", doc(b.toUri().toString())));

      Files.writeString(b, "select * from {{ ref('gone') }}\n");
      Files.writeString(c, "select * from {{ ref('nope') }}\n");
      lsp.notify(
          "workspace/didChangeWatchedFiles",
          Map.of(
              "changes",
              List.of(
                  Map.of("uri", b.toUri().toString(), "type", 2),
                  Map.of("uri", c.toUri().toString(), "type", 1))));
      lsp.awaitDiagnostics(
          b.toUri().toString(),
          d ->
              d.size() == 1
                  && d.get(0).getAsJsonObject().get("code").getAsString().equals("ref-unknown"));
      lsp.awaitDiagnostics(c.toUri().toString(), d -> d.size() == 1);

      Files.delete(c);
      lsp.notify(
          "workspace/didChangeWatchedFiles",
          Map.of("changes", List.of(Map.of("uri", c.toUri().toString(), "type", 3))));
      lsp.awaitDiagnostics(c.toUri().toString(), JsonArray::isEmpty);

      // a folder deleted at once (git checkout of another branch): reported as the folder only
      Path d = project.resolve("models/more/d.sql");
      Files.createDirectories(d.getParent());
      Files.writeString(d, "select * from {{ ref('nope') }}\n");
      lsp.notify(
          "workspace/didChangeWatchedFiles",
          Map.of("changes", List.of(Map.of("uri", d.toUri().toString(), "type", 1))));
      lsp.awaitDiagnostics(d.toUri().toString(), x -> x.size() == 1);
      Files.delete(d);
      Files.delete(d.getParent());
      lsp.notify(
          "workspace/didChangeWatchedFiles",
          Map.of("changes", List.of(Map.of("uri", d.getParent().toUri().toString(), "type", 3))));
      lsp.awaitDiagnostics(d.toUri().toString(), JsonArray::isEmpty);

      // the whole project deleted: everything shown for it is cleared
      Files.delete(project.resolve("dbt_project.yml"));
      lsp.notify(
          "workspace/didChangeWatchedFiles",
          Map.of(
              "changes",
              List.of(
                  Map.of(
                      "uri", project.resolve("dbt_project.yml").toUri().toString(), "type", 3))));
      lsp.awaitDiagnostics(b.toUri().toString(), JsonArray::isEmpty);
    }
  }

  @Test
  void aFileOfNoProjectAnswersNull() throws Exception {
    Path project = ShopProject.write(dir);
    Path loose = dir.resolve("loose.sql");
    Files.writeString(loose, "select 1");
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(project));
      lsp.notify("initialized", Map.of());
      assertTrue(lsp.request("dbt/compile", doc(loose.toUri().toString())).isJsonNull());
    }
  }

  @Test
  void serverExitsWhenTheEditorDies() throws Exception {
    Process editor = new ProcessBuilder("sleep", "600").start();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", initializeParams(editor.pid(), dir));
      editor.destroy();
      assertTrue(
          lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS),
          "server still running after its editor died");
      assertTrue(lsp.stderr().contains("editor process " + editor.pid() + " ended"), lsp.stderr());
    } finally {
      editor.destroyForcibly();
    }
  }

  @Test
  void settingsProgressAndSeverities() throws Exception {
    Path project = ShopProject.write(dir);
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      // pulled settings: ref-unknown shown as a warning
      lsp.answer(
          "workspace/configuration",
          List.of(Map.of("diagnostics", Map.of("severity", Map.of("ref-unknown", "warning")))));
      Map<String, Object> params = new java.util.HashMap<>(ShopProject.initialize(dir));
      params.put(
          "capabilities",
          Map.of(
              "window",
              Map.of("workDoneProgress", true),
              "workspace",
              Map.of("configuration", true)));
      params.put(
          "initializationOptions", Map.of("dbtls", Map.of("colour", "blue", "target", "dev")));
      lsp.request("initialize", params);
      lsp.notify("initialized", Map.of());

      // a bad setting is named, the others apply
      JsonObject warning = lsp.await("window/showMessage", m -> true);
      assertEquals(
          "dbtls settings: dbtls.colour: unknown setting", warning.get("message").getAsString());
      // indexing shows progress from begin to end
      JsonObject begin =
          lsp.await(
              "$/progress",
              p -> p.getAsJsonObject("value").get("kind").getAsString().equals("begin"));
      assertEquals(
          "dbtls: indexing shop", begin.getAsJsonObject("value").get("title").getAsString());
      JsonObject end =
          lsp.await(
              "$/progress",
              p -> p.getAsJsonObject("value").get("kind").getAsString().equals("end"));
      assertEquals(begin.get("token"), end.get("token"));
      assertTrue(
          end.getAsJsonObject("value").get("message").getAsString().contains("2 nodes"),
          end.toString());

      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  b,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select * from {{ ref('missing') }}\n")));
      lsp.awaitDiagnostics(
          b, d -> d.size() == 1 && d.get(0).getAsJsonObject().get("severity").getAsInt() == 2);

      // pushed settings: turned off, the diagnostic goes away without a rebuild
      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of(
              "settings",
              Map.of(
                  "dbtls",
                  Map.of("diagnostics", Map.of("severity", Map.of("ref-unknown", "off"))))));
      lsp.awaitDiagnostics(b, JsonArray::isEmpty);

      // vars from settings reach the templates: the project is loaded again with them
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", b, "version", 2),
              "contentChanges",
              List.of(Map.of("text", "select {{ var('region') }} as r\n"))));
      lsp.awaitDiagnostics(
          b,
          d ->
              d.size() == 1
                  && d.get(0).getAsJsonObject().get("code").getAsString().equals("var-undefined"));
      lsp.notify(
          "workspace/didChangeConfiguration",
          Map.of("settings", Map.of("dbtls", Map.of("vars", Map.of("region", "eu")))));
      lsp.awaitDiagnostics(b, JsonArray::isEmpty);
      JsonObject compiled = object(lsp, lsp.request("dbt/compile", doc(b)));
      assertEquals("select eu as r", compiled.get("sql").getAsString().strip());
    }
  }

  @Test
  void aCancelledRequestAnswersRequestCancelled() throws Exception {
    Path project = ShopProject.write(dir);
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      Map<String, Object> params = new java.util.HashMap<>(ShopProject.initialize(dir));
      // edits wait a minute before the rebuild: dbt/compile, which waits for it, is still pending
      params.put("initializationOptions", Map.of("dbtls", Map.of("rebuildDelayMs", 60000)));
      lsp.request("initialize", params);
      lsp.notify("initialized", Map.of());
      lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri", b, "languageId", "jinja-sql", "version", 1, "text", "select 2 as id\n")));
      JsonObject response =
          lsp.requestThen(
              "dbt/compile",
              doc(b),
              id -> {
                try {
                  lsp.notify("$/cancelRequest", Map.of("id", id));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertEquals(
          -32800, response.getAsJsonObject("error").get("code").getAsInt(), response.toString());
      // the server goes on answering
      assertTrue(
          lsp.request(
                  "textDocument/hover",
                  Map.of("textDocument", doc(b), "position", Map.of("line", 0, "character", 1)))
              .isJsonNull());
    }
  }

  @Test
  void renameAModelAndHighlightItsRefs() throws Exception {
    Path project = ShopProject.write(dir);
    String a = project.resolve("models/a.sql").toUri().toString();
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      Map<String, Object> params = new java.util.HashMap<>(ShopProject.initialize(dir));
      params.put(
          "capabilities",
          Map.of(
              "workspace",
              Map.of(
                  "workspaceEdit",
                  Map.of(
                      "documentChanges",
                      true,
                      "resourceOperations",
                      List.of("create", "rename", "delete")))));
      JsonObject caps =
          lsp.request("initialize", params).getAsJsonObject().getAsJsonObject("capabilities");
      assertTrue(caps.getAsJsonObject("renameProvider").get("prepareProvider").getAsBoolean());
      assertTrue(caps.get("documentHighlightProvider").getAsBoolean());
      lsp.notify("initialized", Map.of());
      lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));
      Map<String, Object> onRef =
          Map.of("textDocument", doc(b), "position", Map.of("line", 0, "character", 23));

      JsonObject prepared = object(lsp, lsp.request("textDocument/prepareRename", onRef));
      assertEquals("a", prepared.get("placeholder").getAsString());
      assertEquals(range(0, 22, 0, 23), prepared.get("range"));

      JsonArray highlights = lsp.request("textDocument/documentHighlight", onRef).getAsJsonArray();
      assertEquals(1, highlights.size());

      Map<String, Object> renameParams = new java.util.HashMap<>(onRef);
      renameParams.put("newName", "base");
      JsonArray changes =
          object(lsp, lsp.request("textDocument/rename", renameParams))
              .getAsJsonArray("documentChanges");
      JsonObject edit = changes.get(0).getAsJsonObject();
      assertEquals(b, edit.getAsJsonObject("textDocument").get("uri").getAsString());
      JsonObject textEdit = edit.getAsJsonArray("edits").get(0).getAsJsonObject();
      assertEquals("base", textEdit.get("newText").getAsString());
      assertEquals(range(0, 22, 0, 23), textEdit.get("range"));
      JsonObject fileRename = changes.get(changes.size() - 1).getAsJsonObject();
      assertEquals("rename", fileRename.get("kind").getAsString());
      assertEquals(a, fileRename.get("oldUri").getAsString());
      assertEquals(
          project.resolve("models/base.sql").toUri().toString(),
          fileRename.get("newUri").getAsString());

      // a name that is taken: the editor shows why not
      renameParams.put("newName", "b");
      JsonObject refused = lsp.requestThen("textDocument/rename", renameParams, id -> {});
      assertTrue(
          refused.getAsJsonObject("error").get("message").getAsString().contains("b"),
          refused.toString());
      // nothing to rename on a SQL keyword
      JsonObject nothing =
          lsp.requestThen(
              "textDocument/prepareRename",
              Map.of("textDocument", doc(b), "position", Map.of("line", 0, "character", 2)),
              id -> {});
      assertTrue(nothing.has("error"), nothing.toString());
    }
  }

  @Test
  void aQuickFixForTheDiagnosticTheEditorShows() throws Exception {
    Path project = ShopProject.write(dir);
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      JsonObject caps =
          lsp.request("initialize", ShopProject.initialize(dir))
              .getAsJsonObject()
              .getAsJsonObject("capabilities");
      assertTrue(
          caps.getAsJsonObject("codeActionProvider")
              .getAsJsonArray("codeActionKinds")
              .toString()
              .contains("quickfix"));
      lsp.notify("initialized", Map.of());
      lsp.notify(
          "textDocument/didOpen",
          Map.of(
              "textDocument",
              Map.of(
                  "uri",
                  b,
                  "languageId",
                  "jinja-sql",
                  "version",
                  1,
                  "text",
                  "select * from {{ ref('aa') }}\n")));
      JsonObject diagnostic = lsp.awaitDiagnostics(b, d -> d.size() == 1).get(0).getAsJsonObject();
      assertEquals("ref-unknown", diagnostic.get("code").getAsString());
      JsonArray actions =
          lsp.request(
                  "textDocument/codeAction",
                  Map.of(
                      "textDocument",
                      doc(b),
                      "range",
                      diagnostic.get("range"),
                      "context",
                      Map.of("diagnostics", List.of(diagnostic))))
              .getAsJsonArray();
      JsonObject fix = actions.get(0).getAsJsonObject();
      assertEquals("Change to 'a'", fix.get("title").getAsString());
      assertEquals("quickfix", fix.get("kind").getAsString());
      assertEquals(diagnostic, fix.getAsJsonArray("diagnostics").get(0));
      JsonObject edit =
          fix.getAsJsonObject("edit")
              .getAsJsonObject("changes")
              .getAsJsonArray(b)
              .get(0)
              .getAsJsonObject();
      assertEquals("a", edit.get("newText").getAsString());
      assertEquals(range(0, 22, 0, 24), edit.get("range"));
    }
  }

  @Test
  void outlineLinksLensesTokensAndTheCatalogSearch() throws Exception {
    Path project = ShopProject.write(dir);
    Path c = project.resolve("models/c.sql");
    Files.writeString(c, "with base as (\n  select * from {{ ref('a') }}\n)\nselect * from base\n");
    String uri = c.toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      JsonObject caps =
          lsp.request("initialize", ShopProject.initialize(dir))
              .getAsJsonObject()
              .getAsJsonObject("capabilities");
      JsonArray legend =
          caps.getAsJsonObject("semanticTokensProvider")
              .getAsJsonObject("legend")
              .getAsJsonArray("tokenTypes");
      assertTrue(legend.toString().contains("\"function\""), legend.toString());
      lsp.notify("initialized", Map.of());
      lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));
      Map<String, Object> docParams = Map.of("textDocument", doc(uri));

      JsonObject cte =
          lsp.request("textDocument/documentSymbol", docParams)
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject();
      assertEquals("base", cte.get("name").getAsString());
      assertEquals(range(0, 5, 0, 9), cte.get("selectionRange"));

      JsonArray folds = lsp.request("textDocument/foldingRange", docParams).getAsJsonArray();
      assertEquals(0, folds.get(0).getAsJsonObject().get("startLine").getAsInt());

      JsonArray data =
          lsp.request("textDocument/semanticTokens/full", docParams)
              .getAsJsonObject()
              .getAsJsonArray("data");
      assertTrue(data.size() > 0 && data.size() % 5 == 0, data.toString());

      JsonObject link =
          lsp.request("textDocument/documentLink", docParams)
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject();
      assertEquals(
          project.resolve("models/a.sql").toUri().toString(), link.get("target").getAsString());
      assertEquals(range(1, 24, 1, 25), link.get("range"));

      JsonArray lenses = lsp.request("textDocument/codeLens", docParams).getAsJsonArray();
      List<String> titles = new java.util.ArrayList<>();
      lenses.forEach(
          l ->
              titles.add(
                  l.getAsJsonObject().getAsJsonObject("command").get("title").getAsString()));
      assertEquals(
          List.of("▶ Preview", "Explain", "Benchmark", "Compiled SQL", "Lineage", "Build", "Test"),
          titles);
      JsonObject argument =
          lenses
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("command")
              .getAsJsonArray("arguments")
              .get(0)
              .getAsJsonObject();
      assertEquals("model.shop.c", argument.get("uniqueId").getAsString());
      assertEquals(uri, argument.get("uri").getAsString());

      JsonObject found =
          lsp.request("workspace/symbol", Map.of("query", "c"))
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject();
      assertEquals("c", found.get("name").getAsString());
      assertEquals(uri, found.getAsJsonObject("location").get("uri").getAsString());
    }
  }

  @Test
  void completionDocumentationComesOnResolve() throws Exception {
    Path project = ShopProject.write(dir);
    Files.writeString(
        project.resolve("models/schema.yml"),
        "version: 2\nmodels:\n  - name: a\n    description: The first model.\n");
    String b = project.resolve("models/b.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      Map<String, Object> params = new java.util.HashMap<>(ShopProject.initialize(dir));
      params.put(
          "capabilities",
          Map.of(
              "textDocument",
              Map.of(
                  "completion",
                  Map.of(
                      "completionItem",
                      Map.of("resolveSupport", Map.of("properties", List.of("documentation"))),
                      "completionList",
                      Map.of("itemDefaults", List.of("editRange"))))));
      JsonObject caps =
          lsp.request("initialize", params).getAsJsonObject().getAsJsonObject("capabilities");
      assertTrue(caps.getAsJsonObject("completionProvider").get("resolveProvider").getAsBoolean());
      lsp.notify("initialized", Map.of());
      lsp.await("window/logMessage", m -> m.get("message").getAsString().contains("loaded shop"));
      JsonObject list =
          lsp.request(
                  "textDocument/completion",
                  Map.of("textDocument", doc(b), "position", Map.of("line", 0, "character", 22)))
              .getAsJsonObject();
      // the range every item replaces is said once
      assertEquals(range(0, 22, 0, 22), list.getAsJsonObject("itemDefaults").get("editRange"));
      JsonArray items = list.getAsJsonArray("items");
      JsonObject a = null;
      for (JsonElement i : items) {
        if (i.getAsJsonObject().get("label").getAsString().equals("a")) {
          a = i.getAsJsonObject();
        }
      }
      assertTrue(
          a != null && !a.has("documentation") && a.has("data") && !a.has("textEdit"),
          String.valueOf(a));
      JsonObject resolved = lsp.request("completionItem/resolve", a).getAsJsonObject();
      assertTrue(
          resolved
              .getAsJsonObject("documentation")
              .get("value")
              .getAsString()
              .contains("The first model."),
          resolved.toString());
    }
  }

  @Test
  void previewPagesAndCancelsOnARealDuckDbFile() throws Exception {
    Path project = dev.dbtls.cli.CliTestAccess.duckdbProject(dir.resolve("pv"));
    String uri = project.resolve("models/doubled.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      // the unsaved buffer is what runs
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
                  "select id, note from {{ source('raw', 'orders') }} where id <= 30 order by id\n")));
      JsonObject first =
          object(lsp, lsp.request("dbt/preview", Map.of("uri", uri, "pageRows", 20)));
      assertFalse(first.has("error"), first.toString()); // nulls are left out of the JSON
      assertEquals("model.pv.doubled", first.get("nodeId").getAsString());
      assertEquals(List.of("id", "note"), names(first.getAsJsonArray("columns")));
      assertEquals(20, first.getAsJsonArray("rows").size());
      assertEquals(
          "note, 1", first.getAsJsonArray("rows").get(0).getAsJsonArray().get(1).getAsString());
      assertTrue(first.get("hasMore").getAsBoolean());

      JsonObject page =
          object(
              lsp,
              lsp.request(
                  "dbt/previewPage",
                  Map.of("cursor", first.get("cursor").getAsString(), "pageRows", 20)));
      assertEquals(10, page.getAsJsonArray("rows").size());
      assertEquals(21, page.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt());
      assertFalse(page.get("hasMore").getAsBoolean());

      // a write is refused, with the reason
      JsonObject write =
          object(lsp, lsp.request("dbt/preview", Map.of("uri", uri, "sql", "delete from orders")));
      assertEquals(
          "warehouse-not-a-query", write.getAsJsonObject("error").get("code").getAsString());

      // a long query, cancelled: RequestCancelled, and the next preview works
      JsonObject cancelled =
          lsp.requestThen(
              "dbt/preview",
              Map.of(
                  "uri", uri, "sql", "select count(*) from range(100000000000) a, range(1000) b"),
              id -> {
                try {
                  Thread.sleep(300);
                  lsp.notify("$/cancelRequest", Map.of("id", id));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertEquals(
          -32800, cancelled.getAsJsonObject("error").get("code").getAsInt(), cancelled.toString());
      JsonObject after =
          object(
              lsp,
              lsp.request(
                  "dbt/preview",
                  Map.of(
                      "uri",
                      uri,
                      "sql",
                      "select count(*) as n from {{ source('raw', 'orders') }}")));
      assertEquals(
          100,
          after.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt(),
          after.toString());

      // every preview is in the query history, written after the answer
      String marker = "select 'history " + System.nanoTime() + "' as h";
      object(lsp, lsp.request("dbt/preview", Map.of("uri", uri, "sql", marker)));
      try (dev.dbtls.store.Store store =
          dev.dbtls.store.Store.open(
              Path.of(System.getProperty("dbtls.store", dir.resolve("store.db").toString())))) {
        var seen =
            new java.util.concurrent.atomic.AtomicReference<List<dev.dbtls.store.HistoryEntry>>();
        dev.dbtls.testing.Eventually.within(
            java.time.Duration.ofSeconds(10),
            () -> {
              seen.set(store.history().search(null, marker, 0, 1).orElse(List.of()));
              return !seen.get().isEmpty();
            });
        List<dev.dbtls.store.HistoryEntry> found = seen.get();
        assertEquals(1, found.size(), "the preview was recorded");
        assertEquals(dev.dbtls.store.HistoryEntry.Status.OK, found.get(0).status());
        assertEquals(1L, found.get(0).rowCount());
      }
      // and the clients see it with dbt/history
      JsonObject history =
          object(lsp, lsp.request("dbt/history", Map.of("query", marker, "uri", uri)));
      JsonObject entry = history.getAsJsonArray("entries").get(0).getAsJsonObject();
      assertEquals(marker, entry.get("sql").getAsString());
      assertEquals("ok", entry.get("status").getAsString());

      // the database explorer: the raw table is the source's, the model is not built
      JsonObject catalog = object(lsp, lsp.request("dbt/catalog", Map.of("uri", uri)));
      JsonObject orders = catalog.getAsJsonArray("relations").get(0).getAsJsonObject();
      assertEquals("orders", orders.get("name").getAsString());
      assertEquals("source.pv.raw.orders", orders.get("nodeId").getAsString());
      assertEquals(3, orders.getAsJsonArray("columns").size());
      assertEquals(
          "model.pv.doubled",
          catalog.getAsJsonArray("notBuilt").get(0).getAsJsonObject().get("nodeId").getAsString());
      // the columns it read feed completion (there is no catalog.json here)
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", uri, "version", 2),
              "contentChanges",
              List.of(Map.of("text", "select  from {{ source('raw', 'orders') }}\n"))));
      JsonArray items =
          lsp.request(
                  "textDocument/completion",
                  Map.of("textDocument", doc(uri), "position", Map.of("line", 0, "character", 7)))
              .getAsJsonObject()
              .getAsJsonArray("items");
      List<String> labels = new java.util.ArrayList<>();
      items.forEach(i -> labels.add(i.getAsJsonObject().get("label").getAsString()));
      assertTrue(labels.containsAll(List.of("id", "amount", "note")), labels.toString());
      lsp.notify(
          "textDocument/didChange",
          Map.of(
              "textDocument",
              Map.of("uri", uri, "version", 3),
              "contentChanges",
              List.of(
                  Map.of(
                      "text",
                      "select id, note from {{ source('raw', 'orders') }} where id <= 30 order by id\n"))));

      // the whole result to a file, and a saved query
      Path csv = dir.resolve("out.csv");
      JsonObject exported =
          object(lsp, lsp.request("dbt/export", Map.of("uri", uri, "path", csv.toString())));
      assertEquals(
          30, exported.get("rows").getAsInt(), exported.toString()); // the buffer's where id <= 30
      assertEquals(31, Files.readAllLines(csv).size());
      JsonObject saved =
          object(
              lsp,
              lsp.request(
                  "dbt/saveQuery",
                  Map.of(
                      "name",
                      "big orders " + System.nanoTime(),
                      "sql",
                      "select * from {{ source('raw', 'orders') }} where amount > 100",
                      "folder",
                      "checks",
                      "tags",
                      List.of("qa"))));
      JsonObject q = saved.getAsJsonArray("queries").get(0).getAsJsonObject();
      assertTrue(q.get("id").getAsLong() > 0);
      assertTrue(saved.getAsJsonArray("folders").toString().contains("checks"));
      JsonObject listed = object(lsp, lsp.request("dbt/savedQueries", Map.of("tag", "qa")));
      assertTrue(listed.getAsJsonArray("queries").size() >= 1);
      object(lsp, lsp.request("dbt/deleteQuery", Map.of("id", q.get("id").getAsLong())));

      // a column profile, by the warehouse
      JsonObject profile = object(lsp, lsp.request("dbt/profile", Map.of("uri", uri)));
      assertEquals(30, profile.get("rows").getAsInt(), profile.toString());
      JsonObject id = profile.getAsJsonArray("columns").get(0).getAsJsonObject();
      assertEquals("id", id.get("name").getAsString());
      assertEquals(30, id.get("distinct").getAsInt());
      assertEquals(1, id.get("min").getAsInt());
      assertEquals(30, id.get("max").getAsInt());
    }
  }

  @Test
  void theWarehouseSchemaReadOnceServesCompletionInTheNextSession() throws Exception {
    Path project = dev.dbtls.cli.CliTestAccess.duckdbProject(dir.resolve("schema"));
    String uri = project.resolve("models/doubled.sql").toUri().toString();
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
      lsp.notify("initialized", Map.of());
      object(lsp, lsp.request("dbt/catalog", Map.of("uri", uri)));
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
      assertTrue(lsp.process().waitFor(LspClient.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    try (LspClient lsp = LspClient.start(dir)) {
      lsp.request("initialize", ShopProject.initialize(dir));
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
                  "select  from {{ source('raw', 'orders') }}\n")));
      var seen = new java.util.concurrent.atomic.AtomicReference<List<String>>(List.of());
      dev.dbtls.testing.Eventually.within(
          java.time.Duration.ofSeconds(LspClient.TIMEOUT_SECONDS),
          () -> {
            JsonArray items =
                lsp.request(
                        "textDocument/completion",
                        Map.of(
                            "textDocument",
                            doc(uri),
                            "position",
                            Map.of("line", 0, "character", 7)))
                    .getAsJsonObject()
                    .getAsJsonArray("items");
            List<String> now = new java.util.ArrayList<>();
            items.forEach(i -> now.add(i.getAsJsonObject().get("label").getAsString()));
            seen.set(now);
            return now.contains("note");
          });
      List<String> labels = seen.get();
      assertTrue(labels.containsAll(List.of("id", "amount", "note")), labels.toString());
    }
  }

  private static List<String> names(JsonArray columns) {
    List<String> out = new java.util.ArrayList<>();
    columns.forEach(c -> out.add(c.getAsJsonObject().get("name").getAsString()));
    return out;
  }

  private static JsonObject object(LspClient lsp, JsonElement e) {
    assertTrue(
        e.isJsonObject(),
        () -> "expected an object, got " + e + "; server stderr:\n" + lsp.stderr());
    return e.getAsJsonObject();
  }

  private static JsonElement range(int l1, int c1, int l2, int c2) {
    JsonObject r = new JsonObject();
    r.add("start", position(l1, c1));
    r.add("end", position(l2, c2));
    return r;
  }

  private static JsonObject position(int line, int character) {
    JsonObject p = new JsonObject();
    p.addProperty("line", line);
    p.addProperty("character", character);
    return p;
  }
}
