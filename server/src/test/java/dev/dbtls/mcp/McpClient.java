package dev.dbtls.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent in a test: starts a real {@code dbtls mcp} process and speaks MCP's stdio transport to
 * it (one JSON-RPC message a line). Every line on stdout must be a JSON-RPC message, so a stray
 * print fails the test; every answer's text is kept to look for leaked secrets.
 */
final class McpClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;

  private final Process process;
  private final OutputStream in;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final StringBuilder stderr = new StringBuilder();
  private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile Throwable readFailure;

  McpClient(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    Thread reader = new Thread(this::readLoop, "mcp-client-reader");
    reader.setDaemon(true);
    reader.start();
    Thread err =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  synchronized (stderr) {
                    stderr.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "mcp-client-stderr");
    err.setDaemon(true);
    err.start();
  }

  /** {@code dbtls mcp ARGS} in a fresh JVM on the test class path, in {@code workDir}. */
  static McpClient start(Path workDir, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    if (System.getProperty("dbtls.store") != null) {
      cmd.add("-Ddbtls.store=" + System.getProperty("dbtls.store"));
    }
    if (System.getProperty("dbtls.cache") != null) {
      cmd.add("-Ddbtls.cache=" + System.getProperty("dbtls.cache"));
    }
    cmd.add("dev.dbtls.cli.Main");
    cmd.add("mcp");
    cmd.addAll(List.of(args));
    return new McpClient(new ProcessBuilder(cmd).directory(workDir.toFile()).start());
  }

  /** {@code initialize} and {@code notifications/initialized}; the server's answer. */
  JsonNode initialize() throws Exception {
    JsonNode r =
        request(
            "initialize",
            Map.of(
                "protocolVersion",
                "2025-06-18",
                "capabilities",
                Map.of(),
                "clientInfo",
                Map.of("name", "dbtls-test", "version", "1")));
    notify("notifications/initialized");
    return r;
  }

  /** The result of {@code method}; fails on a JSON-RPC error or after the time limit. */
  JsonNode request(String method, Object params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode msg =
        JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    send(msg);
    JsonNode m;
    try {
      m = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(method + " got no answer; stderr:\n" + stderr(), e);
    }
    if (m.has("error")) {
      throw new AssertionError(method + " failed: " + m.get("error"));
    }
    return m.get("result");
  }

  /** {@code tools/call}: the parsed JSON of the answer's text, and whether it is an error. */
  ToolAnswer call(String tool, Map<String, Object> arguments) throws Exception {
    JsonNode r = request("tools/call", Map.of("name", tool, "arguments", arguments));
    String text = r.get("content").get(0).get("text").asText();
    return new ToolAnswer(JSON.readTree(text), r.path("isError").asBoolean(false), text);
  }

  record ToolAnswer(JsonNode json, boolean error, String text) {}

  void notify(String method) throws IOException {
    send(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method));
  }

  /** Every line the server wrote to stdout so far. */
  List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  Throwable readFailure() {
    return readFailure;
  }

  private synchronized void send(JsonNode msg) throws IOException {
    in.write((JSON.writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private void readLoop() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        received.add(line);
        JsonNode m = JSON.readTree(line);
        if (!"2.0".equals(m.path("jsonrpc").asText())) {
          throw new IOException("not a JSON-RPC message on stdout: " + line);
        }
        if (m.has("id") && (m.has("result") || m.has("error"))) {
          CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
          if (f != null) {
            f.complete(m);
          }
        }
      }
    } catch (Exception e) {
      readFailure = e;
    }
  }

  @Override
  public void close() throws Exception {
    in.close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dbtls mcp did not exit when its stdin closed");
    }
  }
}
