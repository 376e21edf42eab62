package dev.dbtls.lsp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on stdio or, for debugging, on a port of 127.0.0.1. */
public final class LspServer {
  private LspServer() {}

  /** Serves one editor over stdin/stdout until it exits; the exit status. */
  public static int runStdio() {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    // stdout belongs to JSON-RPC alone: a stray print anywhere now goes to stderr
    System.setOut(System.err);
    return run(System.in, out);
  }

  /** Waits for one editor to connect to 127.0.0.1:{@code port} and serves it. */
  public static int runOnPort(int port) throws IOException {
    System.setOut(System.err);
    try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      System.err.println("dbtls: language server listening on 127.0.0.1:" + server.getLocalPort());
      Socket socket = server.accept();
      return run(socket.getInputStream(), socket.getOutputStream());
    }
  }

  static int run(InputStream in, OutputStream out) {
    DbtLanguageServer server = new DbtLanguageServer(System::exit);
    // the client proxy speaks LSP and the dbt/* notifications (docs/protocol.md)
    java.util.List<Class<?>> remote = java.util.List.of(LanguageClient.class,
        dev.dbtls.protocol.DbtClient.class);
    Launcher<Object> launcher = new Launcher.Builder<Object>()
        .setLocalService(server)
        .setRemoteInterfaces(remote)
        .setClassLoader(LspServer.class.getClassLoader())
        .setInput(in)
        .setOutput(out)
        .create();
    server.connect((LanguageClient) launcher.getRemoteProxy());
    try {
      launcher.startListening().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      System.err.println("dbtls: connection failed: " + e.getCause());
    }
    // the editor closed the connection without the exit notification
    return server.shutdownReceived() ? 0 : 1;
  }
}
