package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.protocol.DbtProtocol;
import dev.dbtls.workspace.Settings;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server: lifecycle and capabilities; features live in the services it delegates to.
 */
public final class DbtLanguageServer implements LanguageServer, LanguageClientAware {
  static final String WATCHED_FILES = "**/*.{sql,yml,yaml,md,csv,py,j2,jinja,jinja2}";

  /** Deletions of anything: a deleted folder is reported once, as itself, not file by file. */
  static final String WATCHED_DELETIONS = "**/*";

  private final Uris uris = new Uris();
  private final DiagnosticsPublisher diagnostics =
      new DiagnosticsPublisher(uris, this::newestAnalysis);
  private final Workspace workspace;
  private final DbtTextDocumentService textDocuments;
  private final DbtWorkspaceService workspaceService;
  private final DbtProtocolService dbt;
  private final IntConsumer exit;
  private final List<Path> folders = new ArrayList<>();
  private volatile LanguageClient client;
  private volatile boolean shutdown;
  private volatile boolean watchFiles;
  private final Set<Path> loaded = ConcurrentHashMap.newKeySet();
  private final IndexingProgress progress = new IndexingProgress();

  /**
   * Completes on {@code initialized}: the projects load from {@code initialize} on, and what they
   * tell the client (problems, the first load's message) waits for it.
   */
  private final CompletableFuture<Void> clientReady = new CompletableFuture<>();

  /** Where requests run: editor features apart from warehouse work. */
  private final Requests requests = new Requests();

  /** Whether the client asks again for semantic tokens / code lenses when told to refresh. */
  private volatile boolean refreshTokens;

  private volatile boolean refreshLenses;

  /** Connection pools per project and target; closed at shutdown. */
  private final dev.dbtls.warehouse.Warehouses warehouses = new dev.dbtls.warehouse.Warehouses();

  /** The query history and runs: opened after the first builds, or by the first request for it. */
  private final LocalStore store = new LocalStore();

  private final Configuration configuration;
  private volatile boolean pullConfiguration;

  /** {@code exit} ends the process with a status: System::exit, except in tests. */
  public DbtLanguageServer(IntConsumer exit) {
    this(exit, FileSource.DISK);
  }

  /** Reading project files through {@code disk} (tests: a disk that makes loading wait). */
  DbtLanguageServer(IntConsumer exit, FileSource disk) {
    this.exit = exit;
    this.workspace =
        new Workspace(
            disk,
            ProjectInputs.Options.defaults(),
            List.of(),
            Settings.DEFAULT_REBUILD_DELAY_MILLIS,
            new Workspace.Listener() {
              @Override
              public void built(Path projectDir, ProjectSnapshot snapshot) {
                store.open(); // a project's first build is done: the first answers come now
                whenReady(
                    "after building", () -> DbtLanguageServer.this.built(projectDir, snapshot));
              }

              @Override
              public void started(Path projectDir, boolean full) {
                progress.started(client, projectDir, full);
              }

              @Override
              public void progress(Path projectDir, int percent, String phase) {
                progress.report(client, projectDir, percent, phase);
              }

              @Override
              public void removed(Path projectDir) {
                LanguageClient c = client;
                if (c != null) {
                  diagnostics.forget(c, projectDir);
                }
              }

              @Override
              public void diagnosticsChanged(Path projectDir, dev.dbtls.ide.Analysis analysis) {
                whenReady(
                    "publishing problems",
                    () -> {
                      LanguageClient c = client;
                      if (c != null && !shutdown) {
                        diagnostics.publish(
                            c,
                            projectDir,
                            analysis,
                            workspace.openFiles(projectDir),
                            configuration.current());
                      }
                    });
              }

              @Override
              public CompletableFuture<?> answered() {
                return requests.answered();
              }

              @Override
              public void log(Path projectDir, String message) {
                whenReady(
                    "logging",
                    () -> {
                      LanguageClient c = client;
                      if (c != null && !shutdown) {
                        System.err.println(message);
                        c.logMessage(new MessageParams(MessageType.Info, message));
                      }
                    });
              }
            },
            store.whenOpenWithKept());
    this.configuration =
        new Configuration(workspace, s -> republish(), store.whenOpen(), warehouses);
    this.textDocuments = new DbtTextDocumentService(workspace, uris, requests, this::refused);
    this.workspaceService =
        new DbtWorkspaceService(workspace, uris, this::settingsChanged, textDocuments.features());
    this.dbt =
        new DbtProtocolService(
            workspace,
            uris,
            warehouses,
            requests,
            store,
            configuration::current,
            () -> this.client,
            (s, results) -> {
              diagnostics.runEnded(
                  s.inputs().root().dir(), dev.dbtls.run.TestFailures.of(s, results));
              republish();
            });
  }

  /**
   * Runs {@code r} once the client has said {@code initialized} (at once after it); what fails is
   * said on stderr, as it was when the build's thread ran it.
   */
  private void whenReady(String what, Runnable r) {
    clientReady
        .thenRun(r)
        .exceptionally(
            e -> {
              System.err.println("dbtls: " + what + ": " + e);
              return null;
            });
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getProcessId() != null) {
      ParentProcessWatcher.watch(params.getProcessId(), () -> exit.accept(1));
    }
    folders.addAll(workspaceFolders(params));
    var ws = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
    watchFiles =
        ws != null
            && ws.getDidChangeWatchedFiles() != null
            && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
    pullConfiguration = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
    refreshTokens =
        ws != null
            && ws.getSemanticTokens() != null
            && Boolean.TRUE.equals(ws.getSemanticTokens().getRefreshSupport());
    refreshLenses =
        ws != null
            && ws.getCodeLens() != null
            && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport());
    var window = params.getCapabilities() == null ? null : params.getCapabilities().getWindow();
    progress.supported(window != null && Boolean.TRUE.equals(window.getWorkDoneProgress()));
    dbt.progressSupported(window != null && Boolean.TRUE.equals(window.getWorkDoneProgress()));
    configuration.base(folders.isEmpty() ? null : folders.get(0));
    // before any project loads, so the first load already uses them
    configuration.apply(params.getInitializationOptions(), null);
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    caps.setTextDocumentSync(sync);
    var completion =
        params.getCapabilities() == null || params.getCapabilities().getTextDocument() == null
            ? null
            : params.getCapabilities().getTextDocument().getCompletion();
    var resolve =
        completion == null || completion.getCompletionItem() == null
            ? null
            : completion.getCompletionItem().getResolveSupport();
    boolean lazyDocs =
        resolve != null
            && resolve.getProperties() != null
            && resolve.getProperties().contains("documentation");
    textDocuments.features().lazyDocumentation(lazyDocs);
    var defaults =
        completion == null || completion.getCompletionList() == null
            ? null
            : completion.getCompletionList().getItemDefaults();
    textDocuments.features().defaultEditRange(defaults != null && defaults.contains("editRange"));
    caps.setCompletionProvider(new CompletionOptions(lazyDocs, List.of("'", "\"", ".", "(", " ")));
    caps.setHoverProvider(true);
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setDocumentHighlightProvider(true);
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setFoldingRangeProvider(true);
    caps.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
    caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
    caps.setSemanticTokensProvider(
        new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
            new org.eclipse.lsp4j.SemanticTokensLegend(
                dev.dbtls.ide.SemanticTokens.TYPES, dev.dbtls.ide.SemanticTokens.MODIFIERS),
            true));
    caps.setCodeActionProvider(
        new org.eclipse.lsp4j.CodeActionOptions(
            List.of(
                org.eclipse.lsp4j.CodeActionKind.QuickFix,
                org.eclipse.lsp4j.CodeActionKind.RefactorRewrite)));
    caps.setRenameProvider(Either.forRight(new org.eclipse.lsp4j.RenameOptions(true)));
    var edit = ws == null ? null : ws.getWorkspaceEdit();
    textDocuments.clientRenamesFiles(
        edit != null
            && Boolean.TRUE.equals(edit.getDocumentChanges())
            && edit.getResourceOperations() != null
            && edit.getResourceOperations().contains("rename"));
    // the projects start loading now, beside the rest of the handshake (what they tell the client
    // waits for initialized); finding them walks folders, so not on this thread
    List<Path> found = List.copyOf(folders);
    CompletableFuture.runAsync(() -> workspace.addFolders(found));
    return CompletableFuture.completedFuture(
        new InitializeResult(caps, new ServerInfo("dbtls", "0.1.0")));
  }

  @Override
  public void initialized(InitializedParams params) {
    // notifications and requests may flow to the client from now on
    clientReady.complete(null);
    progress.clientReady();
    workspace.firstBuilt().whenComplete((v, e) -> store.open());
    if (client != null) {
      reportSettingsErrors(client);
      if (pullConfiguration) {
        configuration.pull(client);
      }
    }
    if (watchFiles && client != null) {
      // git checkout, dbt deps, files made by other tools: the editor tells us, we do not poll
      FileSystemWatcher watcher = new FileSystemWatcher(Either.forLeft(WATCHED_FILES));
      FileSystemWatcher deletions =
          new FileSystemWatcher(
              Either.forLeft(WATCHED_DELETIONS), org.eclipse.lsp4j.WatchKind.Delete);
      client.registerCapability(
          new RegistrationParams(
              List.of(
                  new Registration(
                      "dbtls-files",
                      "workspace/didChangeWatchedFiles",
                      new DidChangeWatchedFilesRegistrationOptions(List.of(watcher, deletions))))));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    workspace.close();
    dbt.close(); // running benchmarks end (a sandbox rolls back) before the pools close
    warehouses.close();
    requests.close();
    store.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    warehouses.close(); // without a shutdown first, too: no pool outlives the server
    exit.accept(shutdown ? 0 : 1);
  }

  boolean shutdownReceived() {
    return shutdown;
  }

  @Override
  public DbtTextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public DbtWorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  @Override
  public void cancelProgress(org.eclipse.lsp4j.WorkDoneProgressCancelParams params) {
    if (params != null && params.getToken() != null && params.getToken().isLeft()) {
      dbt.cancelProgress(params.getToken().getLeft());
    }
  }

  @JsonDelegate
  public DbtProtocol getDbtProtocol() {
    return dbt;
  }

  /**
   * A build ended: its progress, and the first load's message; its problems come from the
   * workspace.
   */
  private void built(Path projectDir, ProjectSnapshot snapshot) {
    LanguageClient c = client;
    if (c == null || shutdown) {
      return;
    }
    String summary =
        snapshot.manifest().nodes().size()
            + " nodes, "
            + snapshot.manifest().problems().size()
            + " problems";
    progress.finished(c, projectDir, summary);
    if (loaded.add(projectDir)) {
      String message =
          "dbtls: loaded " + snapshot.inputs().root().name() + " (" + projectDir + "): " + summary;
      System.err.println(message);
      c.logMessage(new MessageParams(MessageType.Info, message));
      // lenses and tokens the editor asked for while the project loaded may be stale
      if (refreshLenses) {
        c.refreshCodeLenses();
      }
      if (refreshTokens) {
        c.refreshSemanticTokens();
      }
    }
  }

  /** Settings pushed by the editor, or a hint to pull them again (null settings). */
  private void settingsChanged(Object settings) {
    LanguageClient c = client;
    boolean empty =
        settings == null || Json.plain(settings) instanceof java.util.Map<?, ?> m && m.isEmpty();
    if (empty && pullConfiguration && c != null) {
      configuration.pull(c);
    } else {
      configuration.apply(settings, c);
    }
  }

  /** A notification the server did not apply: in its log and the editor's. */
  private void refused(String why) {
    System.err.println("dbtls: " + why);
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(MessageType.Error, "dbtls: " + why));
    }
  }

  /** Errors in initializationOptions, shown once the client may receive messages. */
  private void reportSettingsErrors(LanguageClient c) {
    if (!configuration.current().errors().isEmpty()) {
      String text = "dbtls settings: " + String.join("; ", configuration.current().errors());
      System.err.println(text);
      c.showMessage(new MessageParams(MessageType.Warning, text));
    }
  }

  /** What the diagnostics publisher checks a publish against: the project's last build. */
  private java.util.Optional<dev.dbtls.ide.Analysis> newestAnalysis(Path projectDir) {
    return workspace.currentAnalysis(projectDir);
  }

  /** Severities changed, or a run's tests: the same problems, shown again. */
  private void republish() {
    LanguageClient c = client;
    if (c == null || shutdown) {
      return;
    }
    for (Path dir : workspace.projectDirs()) {
      workspace
          .currentAnalysis(dir)
          .ifPresent(
              a ->
                  diagnostics.publish(
                      c, dir, a, workspace.openFiles(dir), configuration.current()));
    }
  }

  @SuppressWarnings("deprecation")
  private List<Path> workspaceFolders(InitializeParams params) {
    List<String> given = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      params.getWorkspaceFolders().stream().map(WorkspaceFolder::getUri).forEach(given::add);
    }
    if (given.isEmpty() && params.getRootUri() != null) {
      given.add(params.getRootUri());
    }
    List<Path> out =
        new ArrayList<>(given.stream().map(uris::path).filter(Objects::nonNull).toList());
    if (out.isEmpty() && params.getRootPath() != null) {
      out.add(Path.of(params.getRootPath()));
    }
    return out;
  }
}
