package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.FileSource;
import dev.dbtls.testing.Eventually;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensWorkspaceCapabilities;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's first seconds, in process and deterministic: the project's files are read through a
 * disk that holds every read until the test opens a gate, so requests certainly arrive before the
 * index exists. They must wait and then answer fully — never an empty answer that only means "not
 * loaded yet" — while syntax-only features answer at once, and edits sent meanwhile are in the text
 * the answers are for.
 */
class FirstLoadInProcessTest {
  private static final String MODEL =
      """
      with orders as (
          select * from {{ ref('stg_orders') }}
      ),
      picked as (
          select * from {{ ref('') }}
      )
      {% if is_incremental() %}
      select * from orders
      {% endif %}
      select * from picked
      """;

  @TempDir Path dir;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final Client client = new Client();
  private LanguageServer server;
  private Path model;

  /** Whether the client says it applies file renames (workspaceEdit.resourceOperations). */
  private boolean renameFiles;

  /** Whether {@link #start} says {@code initialized} after {@code initialize}. */
  private boolean sayInitialized = true;

  /** Whether {@link #start} opens the model (which alone would start the project's load). */
  private boolean openOnStart = true;

  /** Counted down by the first read or listing of the project (before the gate). */
  private final CountDownLatch reading = new CountDownLatch(1);

  @AfterEach
  void stop() {
    gate.countDown();
    if (server != null) {
      server.shutdown();
    }
  }

  @Test
  void requestsBeforeTheIndexWaitForItAndThenAnswerInFull() throws Exception {
    start();
    String uri = model.toUri().toString();
    var completion = completion(uri, 4, 26);
    var hover =
        server
            .getTextDocumentService()
            .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 29)));
    var definition =
        server
            .getTextDocumentService()
            .definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(1, 29)));
    var folding =
        server
            .getTextDocumentService()
            .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri)));
    var tokens =
        server
            .getTextDocumentService()
            .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri)));
    var symbols =
        server
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)));

    // syntax-only features need no project: answered while the project cannot even be read
    assertFalse(folding.get(10, TimeUnit.SECONDS).isEmpty());
    assertFalse(tokens.get(10, TimeUnit.SECONDS).getData().isEmpty());
    assertEquals(
        List.of("orders", "picked"),
        symbols.get(10, TimeUnit.SECONDS).stream().map(s -> s.getRight().getName()).toList());
    assertThrows(
        TimeoutException.class,
        () -> completion.get(200, TimeUnit.MILLISECONDS),
        "completion answered before the project was read");
    assertFalse(hover.isDone(), "hover answered before the project was read");

    gate.countDown();
    var list = completion(uri, 4, 26);
    List<String> labels = labels(completion.get(20, TimeUnit.SECONDS));
    assertTrue(
        labels.containsAll(List.of("stg_orders", "stg_customers", "stg_payments")),
        labels.toString());
    assertEquals(labels, labels(list.get(20, TimeUnit.SECONDS)));
    String markdown = hover.get(20, TimeUnit.SECONDS).getContents().getRight().getValue();
    assertTrue(markdown.contains("stg_orders"), markdown);
    var target = definition.get(20, TimeUnit.SECONDS).getLeft();
    assertEquals(1, target.size());
    assertTrue(target.get(0).getUri().endsWith("models/staging/stg_orders.sql"), target.toString());
  }

  @Test
  void aRequestThatWaitedForTheLoadIsAnsweredBeforeTheLoadsProblemsArePublished() throws Exception {
    start();
    String uri = model.toUri().toString();
    var completion = completion(uri, 4, 26);
    // the client reads the connection on one thread, in the order the server wrote
    completion.thenRun(() -> client.events.add("completion"));
    assertThrows(TimeoutException.class, () -> completion.get(200, TimeUnit.MILLISECONDS));
    client.events.clear(); // what was published on opening, before the load
    gate.countDown();
    assertTrue(labels(completion.get(20, TimeUnit.SECONDS)).contains("stg_orders"));
    Eventually.await(
        Duration.ofSeconds(20),
        () -> client.events.contains("problems " + uri),
        () -> "the load's problems were not published: " + client.events);
    assertEquals(
        "completion",
        client.events.stream().filter(e -> !e.startsWith("progress ")).findFirst().orElse(null),
        client.events.toString());
  }

  @Test
  void anEditSentBeforeARequestIsInTheTextItAnswersFor() throws Exception {
    start();
    String uri = model.toUri().toString();
    // a new line at the end, typed while the project loads, and completion on it at once
    var edit =
        new TextDocumentContentChangeEvent(
            new Range(new Position(10, 0), new Position(10, 0)),
            "union all select * from {{ ref('stg_c");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(edit)));
    var completion = completion(uri, 10, 37);
    gate.countDown();
    List<String> labels = labels(completion.get(20, TimeUnit.SECONDS));
    assertEquals("stg_customers", labels.get(0), labels.toString());
  }

  @Test
  void aRequestCancelledWhileItWaitsIsNotComputedAndLaterOnesAre() throws Exception {
    start();
    String uri = model.toUri().toString();
    var first = completion(uri, 4, 26);
    first.cancel(true); // sends $/cancelRequest
    gate.countDown();
    var second = completion(uri, 4, 26);
    assertTrue(first.isCancelled());
    assertTrue(labels(second.get(20, TimeUnit.SECONDS)).contains("stg_orders"));
  }

  @Test
  void theFirstLoadReportsPercentagesAndAsksForFreshTokensAndLenses() throws Exception {
    start();
    gate.countDown();
    String uri = model.toUri().toString();
    server
        .getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 29)))
        .get(20, TimeUnit.SECONDS);
    Eventually.within(
        Duration.ofSeconds(5), () -> client.refreshedTokens && client.refreshedLenses);
    assertTrue(client.refreshedTokens, "no workspace/semanticTokens/refresh after the first load");
    assertTrue(client.refreshedLenses, "no workspace/codeLens/refresh after the first load");
    List<Integer> percentages =
        client.progress.stream()
            .filter(p -> p.getValue().getLeft() instanceof WorkDoneProgressReport)
            .map(p -> ((WorkDoneProgressReport) p.getValue().getLeft()).getPercentage())
            .toList();
    assertFalse(percentages.isEmpty(), "no percentage reported: " + client.progress);
    for (int i = 1; i < percentages.size(); i++) {
      assertTrue(percentages.get(i) > percentages.get(i - 1), percentages.toString());
    }
  }

  @Test
  void theProjectIsReadFromInitializeOnAndTheClientIsToldOfItOnlyAfterInitialized()
      throws Exception {
    sayInitialized = false;
    openOnStart = false;
    start();
    // the load began on initialize: no file open, no initialized
    assertTrue(reading.await(20, TimeUnit.SECONDS), "the project was not read before initialized");
    openModel();
    gate.countDown();
    String uri = model.toUri().toString();
    var hover =
        server
            .getTextDocumentService()
            .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 29)))
            .get(20, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue().contains("stg_orders"));
    // loaded; the problems come once the answers that waited for the load are out (a second at
    // most): after that, still nothing said to the client
    Thread.sleep(1_500); // Workspace.ANSWERS_FIRST_MILLIS, and then some
    assertEquals(List.of(), List.copyOf(client.tokensAsked));
    assertEquals(List.of(), List.copyOf(client.events));
    server.initialized(new InitializedParams());
    Eventually.await(
        Duration.ofSeconds(20),
        () -> client.events.contains("problems " + uri),
        () -> "the load's problems were not published after initialized: " + client.events);
    Eventually.await(
        Duration.ofSeconds(20),
        () -> client.events.contains("progress WorkDoneProgressEnd"),
        () -> "the load's progress did not end: " + client.events);
    assertEquals(
        "progress WorkDoneProgressBegin", progressEvents().get(0), client.events.toString());
  }

  @Test
  void theLoadDoesNotWaitForTheClientToTakeItsProgressTokenAndItsBarEndsAfterItBegan()
      throws Exception {
    CompletableFuture<Void> taken = new CompletableFuture<>();
    client.tokenTaken = taken;
    start();
    gate.countDown();
    String uri = model.toUri().toString();
    List<String> labels = labels(completion(uri, 4, 26).get(20, TimeUnit.SECONDS));
    assertTrue(labels.contains("stg_orders"), labels.toString());
    Eventually.await(
        Duration.ofSeconds(20),
        () -> client.events.contains("problems " + uri),
        () -> "the load's problems were not published: " + client.events);
    // the load ended while the client still had not taken the token: no bar yet
    assertEquals(1, client.tokensAsked.size(), client.tokensAsked.toString() + client.events);
    assertEquals(List.of(), progressEvents());
    taken.complete(null);
    Eventually.await(
        Duration.ofSeconds(20),
        () -> progressEvents().size() == 2,
        () -> "the bar did not begin and end: " + client.events);
    assertEquals(
        List.of("progress WorkDoneProgressBegin", "progress WorkDoneProgressEnd"),
        progressEvents());
  }

  private List<String> progressEvents() {
    return client.events.stream().filter(e -> e.startsWith("progress ")).toList();
  }

  @Test
  void aRenameRightAfterAnEditIsComputedOnTheEditedTextAndStampedWithItsVersion() throws Exception {
    start();
    gate.countDown();
    String uri = model.toUri().toString();
    server
        .getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 29)))
        .get(20, TimeUnit.SECONDS); // loaded
    // two lines typed at the top, then F2 on the CTE at once: the edits must be for the new text
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 7),
                List.of(
                    new TextDocumentContentChangeEvent(
                        new Range(new Position(0, 0), new Position(0, 0)), "-- one\n-- two\n"))));
    var edit =
        server
            .getTextDocumentService()
            .rename(
                new org.eclipse.lsp4j.RenameParams(
                    new TextDocumentIdentifier(uri), new Position(2, 6), "all_orders"))
            .get(20, TimeUnit.SECONDS);
    var changes =
        edit.getDocumentChanges() != null
            ? edit.getDocumentChanges().stream()
                .filter(c -> c.isLeft())
                .map(c -> c.getLeft())
                .toList()
            : List.<org.eclipse.lsp4j.TextDocumentEdit>of();
    List<org.eclipse.lsp4j.TextEdit> edits;
    Integer version;
    if (!changes.isEmpty()) {
      version = changes.get(0).getTextDocument().getVersion();
      edits = changes.get(0).getEdits().stream().map(e -> e.getLeft()).toList();
    } else {
      version = 7;
      edits = edit.getChanges().get(uri);
    }
    assertEquals(7, version);
    // `orders` is defined on line 2 and used on line 9 of the edited text
    assertEquals(
        List.of(2, 9),
        edits.stream().map(e -> e.getRange().getStart().getLine()).sorted().toList());
  }

  @Test
  void aModelRenameStampsEveryOpenBufferWithTheVersionItsEditsAreFor() throws Exception {
    renameFiles = true;
    start();
    gate.countDown();
    String uri = model.toUri().toString();
    Path orders = dir.resolve("models/marts/orders.sql");
    String ordersText = Files.readString(orders);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(orders.toUri().toString(), "sql", 5, ordersText)));
    var edit =
        server
            .getTextDocumentService()
            .rename(
                new org.eclipse.lsp4j.RenameParams(
                    new TextDocumentIdentifier(uri), new Position(1, 29), "stg_order_rows"))
            .get(20, TimeUnit.SECONDS);
    Map<String, Integer> versions = new java.util.HashMap<>();
    int fileRenames = 0;
    for (var change : edit.getDocumentChanges()) {
      if (change.isLeft()) {
        versions.put(
            change.getLeft().getTextDocument().getUri(),
            change.getLeft().getTextDocument().getVersion());
      } else {
        fileRenames++;
      }
    }
    assertEquals(1, fileRenames, "the model's file is renamed");
    assertEquals(
        1, versions.get(uri)); // the buffers, at the versions whose texts the edits are for
    assertEquals(5, versions.get(orders.toUri().toString()));
    // a file that is not open is edited on disk: no version
    assertTrue(
        versions.entrySet().stream()
            .filter(e -> !e.getKey().equals(uri) && !e.getKey().equals(orders.toUri().toString()))
            .allMatch(e -> e.getValue() == null),
        versions.toString());
  }

  /** Copies the sample project, starts the server on it in this JVM and opens the model. */
  private void start() throws Exception {
    Path sample = Path.of("..", "test-projects", "jaffle_shop").toAbsolutePath().normalize();
    copy(sample, dir);
    model = dir.resolve("models/marts/picked.sql");
    Files.writeString(model, MODEL);

    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedOutputStream toClient = new PipedOutputStream(clientIn);
    DbtLanguageServer dbt = new DbtLanguageServer(status -> {}, new GatedDisk());
    Launcher<Object> serverSide = LspServer.launcher(dbt, serverIn, toClient);
    dbt.connect((LanguageClient) serverSide.getRemoteProxy());
    serverSide.startListening();
    Launcher<LanguageServer> clientSide =
        LSPLauncher.createClientLauncher(client, clientIn, toServer);
    clientSide.startListening();
    server = clientSide.getRemoteProxy();

    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "shop")));
    ClientCapabilities caps = new ClientCapabilities();
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    if (renameFiles) {
      org.eclipse.lsp4j.WorkspaceEditCapabilities edits =
          new org.eclipse.lsp4j.WorkspaceEditCapabilities();
      edits.setDocumentChanges(true);
      edits.setResourceOperations(List.of("create", "rename", "delete"));
      ws.setWorkspaceEdit(edits);
    }
    ws.setSemanticTokens(new SemanticTokensWorkspaceCapabilities(true));
    ws.setCodeLens(new CodeLensWorkspaceCapabilities(true));
    caps.setWorkspace(ws);
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    init.setCapabilities(caps);
    assertNotNull(server.initialize(init).get(20, TimeUnit.SECONDS));
    if (sayInitialized) {
      server.initialized(new InitializedParams());
    }
    if (openOnStart) {
      openModel();
    }
  }

  private void openModel() {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(model.toUri().toString(), "sql", 1, MODEL)));
  }

  /** Completion at a line and character of the document {@code uri}. */
  private CompletableFuture<
          org.eclipse.lsp4j.jsonrpc.messages.Either<
              List<org.eclipse.lsp4j.CompletionItem>, org.eclipse.lsp4j.CompletionList>>
      completion(String uri, int line, int character) {
    return server
        .getTextDocumentService()
        .completion(
            new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character)));
  }

  private static List<String> labels(
      org.eclipse.lsp4j.jsonrpc.messages.Either<
              List<org.eclipse.lsp4j.CompletionItem>, org.eclipse.lsp4j.CompletionList>
          answer) {
    return answer.getRight().getItems().stream()
        .map(org.eclipse.lsp4j.CompletionItem::getLabel)
        .toList();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path rel = from.relativize(p);
        if (rel.startsWith("target") || rel.startsWith("logs")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(to.resolve(rel.toString()));
        } else {
          Files.copy(p, to.resolve(rel.toString()));
        }
      }
    }
  }

  /** The disk, whose reads and listings wait until the test opens the gate. */
  private final class GatedDisk implements FileSource {
    private void await() {
      reading.countDown();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public Optional<String> read(Path file) {
      await();
      return FileSource.DISK.read(file);
    }

    @Override
    public boolean isDirectory(Path d) {
      return FileSource.DISK.isDirectory(d);
    }

    @Override
    public List<Path> list(Path d, Set<String> suffixes) {
      await();
      return FileSource.DISK.list(d, suffixes);
    }
  }

  /** An editor that declares refresh and progress support and records what it is sent. */
  private static final class Client implements LanguageClient {
    volatile boolean refreshedTokens;
    volatile boolean refreshedLenses;
    final ConcurrentLinkedQueue<ProgressParams> progress = new ConcurrentLinkedQueue<>();

    /** Answers and published problems, in the order they came. */
    final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableFuture<Void> refreshSemanticTokens() {
      refreshedTokens = true;
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
      refreshedLenses = true;
      return CompletableFuture.completedFuture(null);
    }

    /** The answer to every {@code window/workDoneProgress/create}; answered at once unless set. */
    volatile CompletableFuture<Void> tokenTaken = CompletableFuture.completedFuture(null);

    final ConcurrentLinkedQueue<String> tokensAsked = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
      tokensAsked.add(params.getToken().getLeft());
      return tokenTaken;
    }

    @Override
    public void notifyProgress(ProgressParams params) {
      progress.add(params);
      events.add("progress " + params.getValue().getLeft().getClass().getSimpleName());
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      events.add("problems " + diagnostics.getUri());
    }

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
