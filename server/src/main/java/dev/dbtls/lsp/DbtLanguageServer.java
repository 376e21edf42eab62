package dev.dbtls.lsp;

import dev.dbtls.ide.Workspace;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.protocol.DbtProtocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.CompletionOptions;
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

/** The language server: lifecycle and capabilities; features live in the services it delegates to. */
public final class DbtLanguageServer implements LanguageServer, LanguageClientAware {
  /** How long edits must pause before a project is rebuilt. */
  static final long DEBOUNCE_MILLIS = 300;
  static final String WATCHED_FILES = "**/*.{sql,yml,yaml,md,csv,py}";

  private final Uris uris = new Uris();
  private final DiagnosticsPublisher diagnostics = new DiagnosticsPublisher(uris);
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

  /** {@code exit} ends the process with a status: System::exit, except in tests. */
  public DbtLanguageServer(IntConsumer exit) {
    this.exit = exit;
    this.workspace = new Workspace(FileSource.DISK, ProjectInputs.Options.defaults(), List.of(),
        DEBOUNCE_MILLIS, this::built);
    this.textDocuments = new DbtTextDocumentService(workspace, uris);
    this.workspaceService = new DbtWorkspaceService(workspace, uris);
    this.dbt = new DbtProtocolService(workspace, uris);
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
    watchFiles = ws != null && ws.getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    caps.setTextDocumentSync(sync);
    caps.setCompletionProvider(new CompletionOptions(false, List.of("'", "\"", ".", "(", " ")));
    caps.setHoverProvider(true);
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("dbtls", "0.1.0")));
  }

  @Override
  public void initialized(InitializedParams params) {
    // notifications may flow from now on; finding projects walks folders, so not on this thread
    List<Path> found = List.copyOf(folders);
    CompletableFuture.runAsync(() -> workspace.addFolders(found));
    if (watchFiles && client != null) {
      // git checkout, dbt deps, files made by other tools: the editor tells us, we do not poll
      FileSystemWatcher watcher = new FileSystemWatcher(Either.forLeft(WATCHED_FILES));
      client.registerCapability(new RegistrationParams(List.of(new Registration("dbtls-files",
          "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(List.of(watcher))))));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    workspace.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
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

  @JsonDelegate
  public DbtProtocol getDbtProtocol() {
    return dbt;
  }

  private void built(Path projectDir, ProjectSnapshot snapshot) {
    LanguageClient c = client;
    if (c == null || shutdown) {
      return;
    }
    if (loaded.add(projectDir)) {
      String message = "dbtls: loaded " + snapshot.inputs().root().name() + " (" + projectDir + "): "
          + snapshot.manifest().nodes().size() + " nodes, " + snapshot.manifest().problems().size()
          + " problems";
      System.err.println(message);
      c.logMessage(new MessageParams(MessageType.Info, message));
    }
    diagnostics.publish(c, projectDir, snapshot, workspace.openFiles(projectDir));
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
    List<Path> out = new ArrayList<>(given.stream().map(uris::path).filter(Objects::nonNull).toList());
    if (out.isEmpty() && params.getRootPath() != null) {
      out.add(Path.of(params.getRootPath()));
    }
    return out;
  }
}
