package dev.dbtls.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An editor in a test: starts the real server ({@code dev.dbtls.cli.Main lsp} in a fresh JVM on the
 * test class path) and speaks JSON-RPC to it over stdio, framing by hand as editors do. Any byte on
 * stdout that is not a framed message fails the reader, so a stray print shows.
 */
final class LspClient implements AutoCloseable {
  /**
   * How long a request or an awaited notification may take: 30 s, or {@code -Ddbtls.lspTimeoutS}
   * (benchmarks on a loaded machine, 100k-model projects).
   */
  static final long TIMEOUT_SECONDS = Long.getLong("dbtls.lspTimeoutS", 30);

  private final Process process;
  private final OutputStream out;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
  private final Map<String, com.google.gson.JsonArray> diagnostics = new ConcurrentHashMap<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();
  private volatile Throwable readFailure;
  private volatile java.util.function.Consumer<JsonObject> listener = n -> {};

  private final InputStream in;

  private LspClient(Process process, InputStream in, OutputStream out) {
    this.process = process;
    this.in = in;
    this.out = out;
    Thread reader = new Thread(this::readLoop, "lsp-client-reader");
    reader.setDaemon(true);
    reader.start();
    Thread err =
        new Thread(
            () -> {
              try {
                InputStream errors = process.getErrorStream();
                byte[] buf = new byte[4096];
                for (int n; (n = errors.read(buf)) > 0; ) {
                  synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                  }
                }
              } catch (IOException e) {
                // process ended
              }
            },
            "lsp-client-stderr");
    err.setDaemon(true);
    err.start();
  }

  /** {@code dbtls lsp} over stdio. */
  static LspClient start(Path workDir) throws IOException {
    return start(workDir, "lsp");
  }

  /** {@code dbtls <args>}, speaking over its stdio. */
  static LspClient start(Path workDir, String... args) throws IOException {
    Process p = launch(workDir, args).start();
    return new LspClient(p, p.getInputStream(), p.getOutputStream());
  }

  /** Any command that speaks LSP over its stdio (the {@code ./dbtls} launcher, say). */
  static LspClient startCommand(Path workDir, List<String> command) throws IOException {
    return startCommand(workDir, command, Map.of());
  }

  /** As {@link #startCommand(Path, List)}, with these environment variables set for it. */
  static LspClient startCommand(Path workDir, List<String> command, Map<String, String> env)
      throws IOException {
    ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile());
    b.environment().putAll(env);
    Process p = b.start();
    return new LspClient(p, p.getInputStream(), p.getOutputStream());
  }

  /** {@code dbtls lsp --port 0}, connected to the port it says it listens on. */
  static LspClient startOnPort(Path workDir) throws Exception {
    Process p = launch(workDir, "lsp", "--port", "0").start();
    java.io.BufferedReader err =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = err.readLine()) != null) {
      Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(line);
      if (m.find()) {
        java.net.Socket socket =
            new java.net.Socket(
                java.net.InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)));
        return new LspClient(p, socket.getInputStream(), socket.getOutputStream());
      }
    }
    throw new AssertionError("the server never said where it listens");
  }

  private static ProcessBuilder launch(Path workDir, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    if (System.getProperty("dbtls.store") != null) {
      cmd.add("-Ddbtls.store=" + System.getProperty("dbtls.store"));
    }
    if (System.getProperty("dbtls.cache") != null) {
      cmd.add("-Ddbtls.cache=" + System.getProperty("dbtls.cache"));
    }
    if (System.getProperty("dbtls.drivers") != null) {
      cmd.add("-Ddbtls.drivers=" + System.getProperty("dbtls.drivers"));
    }
    cmd.add("dev.dbtls.cli.Main");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(workDir.toFile());
  }

  /**
   * Called on the reader thread with each notification from the server as it arrives (before {@link
   * #await} sees it): for timing when something came, not when it was looked at.
   */
  /**
   * {@code initialize} with {@code project} as the one workspace folder, {@code initialized}, then
   * the {@code dbtls} settings, as an editor opening the folder does.
   */
  void open(Path project, Map<String, Object> dbtls) throws Exception {
    request(
        "initialize",
        Map.of(
            "processId",
            ProcessHandle.current().pid(),
            "rootUri",
            project.toUri().toString(),
            "capabilities",
            Map.of(),
            "workspaceFolders",
            List.of(
                Map.of(
                    "uri", project.toUri().toString(), "name", project.getFileName().toString()))));
    notify("initialized", Map.of());
    notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("dbtls", dbtls)));
  }

  void onNotification(java.util.function.Consumer<JsonObject> listener) {
    this.listener = listener;
  }

  Process process() {
    return process;
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private final Map<String, Object> answers = new java.util.concurrent.ConcurrentHashMap<>();

  /** What to answer the server's requests of {@code method} with (null answers by default). */
  void answer(String method, Object result) {
    answers.put(method, result);
  }

  /**
   * Sends a request, runs {@code afterSend} with its id (to cancel it, say) and returns the whole
   * response, error included.
   */
  JsonObject requestThen(String method, Object params, java.util.function.IntConsumer afterSend)
      throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(id, f);
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    msg.add("params", new Gson().toJsonTree(params));
    send(msg);
    afterSend.accept(id);
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer to " + method + "; server stderr:\n" + stderr(), e);
    }
  }

  JsonElement request(String method, Object params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(id, f);
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    msg.add("params", new Gson().toJsonTree(params));
    send(msg);
    JsonObject response;
    try {
      response = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer to " + method + "; server stderr:\n" + stderr(), e);
    }
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error") + "\n" + stderr());
    }
    return response.has("result") ? response.get("result") : JsonNull.INSTANCE;
  }

  void notify(String method, Object params) throws IOException {
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("method", method);
    msg.add("params", new Gson().toJsonTree(params));
    send(msg);
  }

  /** {@code textDocument/didChange} of the whole text of {@code uri}, as its {@code version}. */
  void changeWhole(String uri, int version, String text) throws IOException {
    notify(
        "textDocument/didChange",
        Map.of(
            "textDocument",
            Map.of("uri", uri, "version", version),
            "contentChanges",
            List.of(Map.of("text", text))));
  }

  /**
   * The next notification of {@code method} that matches, skipping others; fails after the timeout.
   */
  JsonObject await(String method, Predicate<JsonObject> matches) throws InterruptedException {
    return await(method, matches, TIMEOUT_SECONDS);
  }

  /** As {@link #await(String, Predicate)}, with its own timeout. */
  JsonObject await(String method, Predicate<JsonObject> matches, long timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject n = left <= 0 ? null : notifications.poll(left, TimeUnit.NANOSECONDS);
      if (n == null) {
        throw new AssertionError(
            "no "
                + method
                + " matching; seen "
                + seen
                + "; read failure "
                + readFailure
                + "; server stderr:\n"
                + stderr());
      }
      seen.add(n);
      if (n.get("method").getAsString().equals(method)
          && matches.test(n.getAsJsonObject("params"))) {
        return n.getAsJsonObject("params");
      }
    }
  }

  /**
   * Waits until the diagnostics last published for {@code uri} match: what an editor shows,
   * whatever order the server publishes files in. Fails when they never do.
   */
  com.google.gson.JsonArray awaitDiagnostics(
      String uri, Predicate<com.google.gson.JsonArray> matches) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      com.google.gson.JsonArray now = diagnostics.get(uri);
      if (now != null && matches.test(now)) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "diagnostics of "
            + uri
            + " never matched; last "
            + diagnostics.get(uri)
            + "; read failure "
            + readFailure
            + "; server stderr:\n"
            + stderr());
  }

  /** Responses whose id matches no request (a message the server could not read has a null id). */
  final java.util.Queue<JsonObject> orphans = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** A fresh request id whose response {@link #expect} returns; for messages built by hand. */
  int nextId() {
    return ids.incrementAndGet();
  }

  /** The response to the request with {@code id}, when it comes. */
  CompletableFuture<JsonObject> expect(int id) {
    return pending.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  /** Sends {@code body} as one framed message, whatever it holds (fuzzing). */
  synchronized void sendRaw(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** Sends {@code bytes} as they are: headers and all, framed or not. */
  synchronized void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Whether the reader stopped on something that was not a framed JSON message. */
  Throwable readFailure() {
    return readFailure;
  }

  private synchronized void send(JsonObject msg) throws IOException {
    byte[] body = msg.toString().getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void readLoop() {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
          if (line.startsWith("Content-Length:")) {
            length = Integer.parseInt(line.substring("Content-Length:".length()).trim());
          } else if (!line.startsWith("Content-Type:")) {
            throw new IllegalStateException("not a JSON-RPC header on stdout: " + line);
          }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        dispatch(
            JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
      }
    } catch (EndOfStream e) {
      // server exited
    } catch (Throwable t) {
      readFailure = t;
    }
  }

  private void dispatch(JsonObject msg) throws IOException {
    if (msg.has("method") && msg.has("id")) {
      // a request from the server (registerCapability, configuration, ...): noted, answered with
      // what the test set up for it, else null
      notifications.add(msg);
      JsonObject answer = new JsonObject();
      answer.addProperty("jsonrpc", "2.0");
      answer.add("id", msg.get("id"));
      Object result = answers.getOrDefault(msg.get("method").getAsString(), null);
      answer.add("result", result == null ? JsonNull.INSTANCE : new Gson().toJsonTree(result));
      send(answer);
    } else if (msg.has("method")) {
      if (msg.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
        JsonObject p = msg.getAsJsonObject("params");
        diagnostics.put(p.get("uri").getAsString(), p.getAsJsonArray("diagnostics"));
      }
      listener.accept(msg);
      notifications.add(msg);
    } else if (msg.has("id")
        && msg.get("id").isJsonPrimitive()
        && msg.get("id").getAsJsonPrimitive().isNumber()) {
      CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      orphans.add(msg); // a parse error's answer has a null id
    }
  }

  private static final class EndOfStream extends IOException {}

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new EndOfStream();
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
