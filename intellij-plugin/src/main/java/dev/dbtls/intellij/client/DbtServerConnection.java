package dev.dbtls.intellij.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * A server process started and connected over its stdio with LSP4J's launcher, initialized with a
 * workspace folder and the settings. Under LSP4IJ, LSP4IJ starts the process (with {@link
 * ServerLaunch#command()}) and connects it; the plugin then uses only {@link DbtCalls} on LSP4IJ's
 * connection. This class is how the tests drive the real jar through the same calls.
 */
public final class DbtServerConnection implements AutoCloseable {
  private final Process process;
  private final DbtLanguageClient client;
  private final DbtLanguageServerApi server;
  private final Future<Void> listening;
  private final StringBuilder stderr = new StringBuilder();

  private DbtServerConnection(Process process, DbtLanguageClient client) {
    this.process = process;
    this.client = client;
    Launcher<DbtLanguageServerApi> launcher =
        new LSPLauncher.Builder<DbtLanguageServerApi>()
            .setLocalService(client)
            .setRemoteInterface(DbtLanguageServerApi.class)
            .setInput(process.getInputStream())
            .setOutput(process.getOutputStream())
            .create();
    this.server = launcher.getRemoteProxy();
    this.listening = launcher.startListening();
    Thread err = new Thread(() -> drain(process.getErrorStream()), "dbtls-stderr");
    err.setDaemon(true);
    err.start();
  }

  /** Starts {@code launch}'s process and connects to it over its stdio (not yet initialized). */
  public static DbtServerConnection start(ServerLaunch launch, DbtLanguageClient client)
      throws IOException {
    ProcessBuilder b = new ProcessBuilder(launch.command()).directory(launch.workDir().toFile());
    b.environment().putAll(launch.env());
    return new DbtServerConnection(b.start(), client);
  }

  /** {@code initialize} with one workspace folder and the settings, then {@code initialized}. */
  public InitializeResult initialize(Path workspaceFolder) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setClientInfo(new org.eclipse.lsp4j.ClientInfo("dbtls IntelliJ views"));
    String uri = workspaceFolder.toUri().toString();
    params.setWorkspaceFolders(
        List.of(new WorkspaceFolder(uri, workspaceFolder.getFileName().toString())));
    params.setInitializationOptions(Map.of("dbtls", client.settings()));
    ClientCapabilities capabilities = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    capabilities.setWindow(window);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(true);
    workspace.setWorkspaceFolders(true);
    capabilities.setWorkspace(workspace);
    params.setCapabilities(capabilities);
    InitializeResult result = await(server.initialize(params), "initialize");
    server.initialized(new InitializedParams());
    return result;
  }

  public DbtLanguageServerApi server() {
    return server;
  }

  public DbtLanguageClient client() {
    return client;
  }

  /** The typed {@code dbt/*} calls on this connection. */
  public DbtCalls calls() {
    return new DbtCalls(server, client.benchmarks(), client.runs());
  }

  /** {@code textDocument/didOpen} of a file with its text, as the editor opening it. */
  public void open(String uri, String languageId, String text) {
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
  }

  /** What the server wrote on stderr so far (its log; kept for error messages). */
  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  public Process process() {
    return process;
  }

  /**
   * The answer of {@code request} within 60 s, or a failure that names it and shows the server's
   * log.
   */
  public <T> T await(CompletableFuture<T> request, String what) throws Exception {
    try {
      return request.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "no answer to " + what + " in 60 s; server log:\n" + stderr(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          what + " failed: " + e.getCause() + "\nserver log:\n" + stderr(), e);
    }
  }

  /** {@code shutdown} then {@code exit}; waits for the process to end (kills it after 10 s). */
  @Override
  public void close() throws Exception {
    try {
      if (process.isAlive()) {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } finally {
      listening.cancel(true);
    }
  }

  private void drain(InputStream errors) {
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = errors.read(buf)) > 0; ) {
        synchronized (stderr) {
          stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
