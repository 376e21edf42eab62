package dev.dbtls.intellij.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command of template.json as LSP4IJ would — macros expanded, split by LSP4IJ's rules, the
 * jar at the template's {@code $USER_HOME$/.dbtls/dbtls.jar} being server/target/dbtls.jar — and
 * talks LSP to that real process over its stdio with the template's initializationOptions and
 * settings, as a user-defined server's client does: the standard features answer, the settings are
 * all accepted, and the code lenses carry the commands docs/protocol.md lists.
 */
class TemplateCommandTest {
  private static final long WAIT = 120; // seconds: a guard against a hung server, not a measurement
  private static final Pattern LENS_ROW =
      Pattern.compile("(?m)^\\| `(dbtls\\.[A-Za-z]+)` \\| `uri`, `uniqueId` \\|");

  @TempDir Path tmp;

  @Test
  void theTemplatesCommandStartsTheServerAndEveryStandardFeatureAnswers() throws Exception {
    Path jar = Repository.serverJar();
    assertTrue(
        Files.isRegularFile(jar),
        jar + " is missing: mvn -pl protocol-ext,server -am package -DskipTests");
    // $USER_HOME$ in a folder whose name has a space: the command must quote the jar's path
    Path home = Files.createDirectories(tmp.resolve("user home"));
    Files.createDirectories(home.resolve(".dbtls"));
    Files.createSymbolicLink(home.resolve(".dbtls/dbtls.jar"), jar);
    String commandLine =
        TemplateFilesTest.read("template.json").get("programArgs").get("default").asText();
    List<String> command =
        Lsp4ijCommandLine.split(
            Lsp4ijCommandLine.expand(commandLine, Map.of("USER_HOME", home.toString())));
    assertEquals("java", command.get(0));
    assertEquals(
        List.of("-jar", home.resolve(".dbtls/dbtls.jar").toString(), "lsp"),
        command.subList(command.size() - 3, command.size()));

    Path shop =
        copy(Repository.root().resolve("test-projects/jaffle_shop_lite"), tmp.resolve("shop"));
    Path stderr = tmp.resolve("server.stderr");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    pb.environment().put("DBTLS_STORE", tmp.resolve("store.db").toString());
    Process process = pb.start();
    try {
      session(process, shop);
      assertTrue(process.waitFor(WAIT, TimeUnit.SECONDS), "the server did not exit after exit");
      assertEquals(0, process.exitValue(), "exit code after shutdown and exit");
    } catch (AssertionError | Exception e) {
      throw new AssertionError(e.getMessage() + "\n--- server stderr ---\n" + tail(stderr), e);
    } finally {
      process.destroyForcibly();
      Files.delete(home.resolve(".dbtls/dbtls.jar")); // the link, not the jar: @TempDir would warn
    }
  }

  private void session(Process process, Path shop) throws Exception {
    JsonObject settings = json("settings.json");
    RecordingClient client = new RecordingClient(settings);
    Launcher<LanguageServer> launcher =
        LSPLauncher.createClientLauncher(
            client, process.getInputStream(), process.getOutputStream());
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();

    InitializeParams init = new InitializeParams();
    init.setProcessId((int) ProcessHandle.current().pid());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(shop.toUri().toString(), "shop")));
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setConfiguration(true);
    ClientCapabilities caps = new ClientCapabilities();
    caps.setWorkspace(ws);
    init.setCapabilities(caps);
    init.setInitializationOptions(json("initializationOptions.json"));
    InitializeResult result = server.initialize(init).get(WAIT, TimeUnit.SECONDS);
    assertEquals("dbtls", result.getServerInfo().getName());
    standardCapabilities(result.getCapabilities());
    server.initialized(new InitializedParams());
    // what LSP4IJ sends once a user-defined server has started: the Configuration tab's JSON
    server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));

    Path model = shop.resolve("models/marts/top_stores.sql");
    String uri = model.toUri().toString();
    String text = Files.readString(model);
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "jinja-sql", 1, text)));
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);

    // code lenses wait for the project's first load: everything below answers from it
    List<? extends CodeLens> lenses =
        server
            .getTextDocumentService()
            .codeLens(new CodeLensParams(doc))
            .get(WAIT, TimeUnit.SECONDS);
    Set<String> commands = new TreeSet<>();
    for (CodeLens l : lenses) {
      commands.add(l.getCommand().getCommand());
      JsonObject arg = (JsonObject) l.getCommand().getArguments().get(0);
      assertEquals(uri, arg.get("uri").getAsString());
      assertEquals("model.jaffle_shop_lite.top_stores", arg.get("uniqueId").getAsString());
    }
    assertEquals(documentedLensCommands(), commands);
    assertEquals(
        List.of(),
        client.shown.stream().filter(m -> m.contains("dbtls settings")).toList(),
        "the template's settings.json and initializationOptions.json are accepted as they are");

    // `from {{ ref('store_daily_sales') }} as daily` is line 6
    Position inRef = new Position(6, 15);
    var definition =
        server
            .getTextDocumentService()
            .definition(new DefinitionParams(doc, inRef))
            .get(WAIT, TimeUnit.SECONDS);
    assertTrue(
        definition.getLeft().get(0).getUri().endsWith("/models/marts/store_daily_sales.sql"),
        "definition");
    assertNotNull(
        server
            .getTextDocumentService()
            .hover(new HoverParams(doc, inRef))
            .get(WAIT, TimeUnit.SECONDS),
        "hover");
    ReferenceParams refs = new ReferenceParams(doc, inRef, new ReferenceContext(true));
    assertFalse(
        server.getTextDocumentService().references(refs).get(WAIT, TimeUnit.SECONDS).isEmpty(),
        "references");
    var completion =
        server
            .getTextDocumentService()
            .completion(new CompletionParams(doc, new Position(6, 13)))
            .get(WAIT, TimeUnit.SECONDS);
    List<CompletionItem> items =
        completion.isLeft() ? completion.getLeft() : completion.getRight().getItems();
    assertTrue(
        items.stream().anyMatch(i -> i.getLabel().equals("stg_stores")),
        "ref(' completes models: " + items.size());
    assertFalse(
        server
            .getTextDocumentService()
            .semanticTokensFull(new SemanticTokensParams(doc))
            .get(WAIT, TimeUnit.SECONDS)
            .getData()
            .isEmpty(),
        "semantic tokens");
    assertFalse(
        server
            .getWorkspaceService()
            .symbol(new WorkspaceSymbolParams("stg"))
            .get(WAIT, TimeUnit.SECONDS)
            .getRight()
            .isEmpty(),
        "workspace symbols");

    // a typo in a ref: diagnosed as the buffer changes, with a quick fix
    var published =
        client.diagnostics(
            p ->
                p.getUri().equals(uri)
                    && p.getDiagnostics().stream().anyMatch(d -> "ref-unknown".equals(code(d))));
    var change =
        new TextDocumentContentChangeEvent(
            text.replace("ref('store_daily_sales')", "ref('store_daily_sale')"));
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));
    PublishDiagnosticsParams broken = published.get(WAIT, TimeUnit.SECONDS);
    Diagnostic typo =
        broken.getDiagnostics().stream()
            .filter(d -> "ref-unknown".equals(code(d)))
            .findFirst()
            .orElseThrow();
    var fixes =
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(doc, typo.getRange(), new CodeActionContext(List.of(typo))))
            .get(WAIT, TimeUnit.SECONDS);
    assertTrue(
        fixes.stream()
            .anyMatch(f -> f.isRight() && f.getRight().getTitle().contains("store_daily_sales")),
        "a quick fix to the model meant: " + fixes);

    // the check above can fail: a misspelt setting is reported to the user
    JsonObject typoSetting = new JsonObject();
    typoSetting.addProperty("dbtls.targte", "prod");
    server
        .getWorkspaceService()
        .didChangeConfiguration(new DidChangeConfigurationParams(typoSetting));
    server
        .getWorkspaceService()
        .symbol(new WorkspaceSymbolParams("stg"))
        .get(WAIT, TimeUnit.SECONDS);
    assertEquals(
        1,
        client.shown.stream().filter(m -> m.contains("dbtls.targte: unknown setting")).count(),
        "shown: " + client.shown);

    server.shutdown().get(WAIT, TimeUnit.SECONDS);
    server.exit();
  }

  /** What a user-defined server gets in IntelliJ: every standard feature the README promises. */
  private static void standardCapabilities(ServerCapabilities c) {
    assertNotNull(c.getTextDocumentSync(), "document sync");
    assertNotNull(c.getCompletionProvider(), "completion");
    assertTrue(c.getHoverProvider().getLeft(), "hover");
    assertTrue(c.getDefinitionProvider().getLeft(), "definition");
    assertTrue(c.getReferencesProvider().getLeft(), "references");
    assertNotNull(c.getRenameProvider(), "rename");
    assertNotNull(c.getCodeLensProvider(), "code lenses");
    assertNotNull(c.getCodeActionProvider(), "quick fixes");
    assertTrue(c.getDocumentSymbolProvider().getLeft(), "document symbols");
    assertTrue(c.getWorkspaceSymbolProvider().getLeft(), "workspace symbols");
    assertFalse(
        c.getSemanticTokensProvider().getLegend().getTokenTypes().isEmpty(), "semantic tokens");
  }

  /** The client commands of docs/protocol.md's "Code lens commands" table. */
  static Set<String> documentedLensCommands() throws IOException {
    Matcher m = LENS_ROW.matcher(Files.readString(Repository.root().resolve("docs/protocol.md")));
    Set<String> out = new TreeSet<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    assertEquals(7, out.size(), "docs/protocol.md's code lens commands: " + out);
    return out;
  }

  private static String code(Diagnostic d) {
    return d.getCode() == null
        ? null
        : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
  }

  private static JsonObject json(String name) throws IOException {
    return JsonParser.parseString(Files.readString(Repository.templateFolder().resolve(name)))
        .getAsJsonObject();
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
