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
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
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
    Launcher<Object> launcher = launcher(server, in, out);
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

  /**
   * The JSON-RPC connection of {@code server}: messages pass LSP's lifecycle and params checks
   * ({@link CheckedEndpoint}) before a handler sees them; the client proxy speaks LSP and the dbt/*
   * notifications (docs/protocol.md).
   */
  static Launcher<Object> launcher(DbtLanguageServer server, InputStream in, OutputStream out) {
    Launcher.Builder<Object> builder =
        new Launcher.Builder<>() {
          private MessageConsumer outgoing;
          private MessageJsonHandler json;
          private RemoteEndpoint endpoint;

          @Override
          protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
            this.json = json;
            outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, json));
            endpoint = new CheckedEndpoint(outgoing, ServiceEndpoints.toEndpoint(localServices));
            json.setMethodProvider(endpoint);
            return endpoint;
          }

          @Override
          protected ConcurrentMessageProcessor createMessageProcessor(
              MessageProducer reader, MessageConsumer consumer, Object remoteProxy) {
            // LSP4J's own reader is replaced: ours reads each body whole before parsing it
            return new ConcurrentMessageProcessor(
                new FramedMessageReader(input, json, endpoint, outgoing), consumer);
          }
        };
    return builder
        .setLocalService(server)
        .setRemoteInterfaces(
            java.util.List.of(LanguageClient.class, dev.dbtls.protocol.DbtClient.class))
        .setClassLoader(LspServer.class.getClassLoader())
        .setInput(in)
        .setOutput(out)
        .create();
  }
}
