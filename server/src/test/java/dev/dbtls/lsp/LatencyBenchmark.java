package dev.dbtls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Latency of the real server as an editor sees it (a benchmark, not a test): starts
 * {@code ./dbtls lsp} on a project, speaks JSON-RPC over stdio and reports the time to the first
 * diagnostics, heap after indexing, and p50/p99 of completion, hover, definition, references and
 * diagnostics after an edit. Run by {@code test-projects/lsp-benchmark.sh}.
 *
 * <p>Usage: {@code LatencyBenchmark <launcher> <project-dir> [requests] [rebuildDelayMs]}.
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path project = Path.of(args[1]).toAbsolutePath().normalize();
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int delay = args.length > 3 ? Integer.parseInt(args[3]) : -1; // -1: adaptive, the default
    Path file = modelWithRef(project);
    String uri = file.toUri().toString();
    String text = Files.readString(file);

    long t0 = System.nanoTime();
    try (LspClient lsp = LspClient.startCommand(project, List.of(launcher.toString(), "lsp"))) {
      lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
          "rootUri", project.toUri().toString(),
          // as VS Code declares: documentation comes with completionItem/resolve
          "capabilities", Map.of("textDocument", Map.of("completion", Map.of("completionItem",
              Map.of("resolveSupport", Map.of("properties", List.of("documentation"))),
              "completionList", Map.of("itemDefaults", List.of("editRange"))))),
          "initializationOptions", delay < 0 ? Map.of() : Map.of("dbtls", Map.of("rebuildDelayMs", delay))));
      long initialized = System.nanoTime();
      lsp.notify("initialized", Map.of());
      // the editor restores an open file with a mistake in it
      String broken = text + "\n-- {{ ref('no_such_model_0') }}\n";
      lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri,
          "languageId", "jinja-sql", "version", 1, "text", broken)));
      lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
          && mentions(p, "no_such_model_0"), 300);
      long firstDiagnostics = System.nanoTime();
      String heap = heapAfterGc(lsp.process());

      int version = 2;
      lsp.notify("textDocument/didChange", change(uri, version++, text));
      lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
          && p.getAsJsonArray("diagnostics").isEmpty(), 60);

      int refAt = text.indexOf("ref('") + 5;
      Map<String, Object> inRef = position(uri, text, refAt);
      Map<String, Object> onName = position(uri, text, refAt + 2);
      Map<String, Object> refs = new java.util.HashMap<>(onName);
      refs.put("context", Map.of("includeDeclaration", true));
      JsonObject items = lsp.request("textDocument/completion", inRef).getAsJsonObject();
      String sizes = items.getAsJsonArray("items").size() + " items, "
          + items.toString().length() / 1024 + " KB of JSON";
      List<String> rows = new ArrayList<>();
      rows.add(row("completion in ref('", time(lsp, "textDocument/completion", inRef, requests)));
      rows.add(row("hover on a ref", time(lsp, "textDocument/hover", onName, requests)));
      rows.add(row("definition of a ref", time(lsp, "textDocument/definition", onName, requests)));
      rows.add(row("references of a model", time(lsp, "textDocument/references", refs,
          Math.max(20, requests / 10))));

      // an edit that breaks a ref, then its fix: until the editor has the new diagnostics
      List<Double> edits = new ArrayList<>();
      int rounds = Math.max(10, requests / 10);
      for (int i = 1; i <= rounds; i++) {
        String name = "no_such_model_" + i;
        long s = System.nanoTime();
        lsp.notify("textDocument/didChange", change(uri, version++, text + "\n-- {{ ref('" + name + "') }}\n"));
        lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
            && mentions(p, name), 60);
        edits.add((System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        lsp.notify("textDocument/didChange", change(uri, version++, text));
        lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
            && p.getAsJsonArray("diagnostics").isEmpty(), 60);
        edits.add((System.nanoTime() - s) / 1e6);
      }
      rows.add(row("diagnostics after an edit (rebuildDelayMs " + (delay < 0 ? "unset" : delay) + ")", edits));

      // the same, when the edit also adds a dependency: the DAG is built again
      String parent = firstModelName(project, file);
      List<Double> deps = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        String name = "no_such_parent_" + i;
        long s = System.nanoTime();
        lsp.notify("textDocument/didChange", change(uri, version++, text + "\n-- {{ ref('" + parent
            + "') }} {{ ref('" + name + "') }}\n"));
        lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
            && mentions(p, name), 60);
        deps.add((System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        lsp.notify("textDocument/didChange", change(uri, version++, text));
        lsp.await("textDocument/publishDiagnostics", p -> p.get("uri").getAsString().equals(uri)
            && p.getAsJsonArray("diagnostics").isEmpty(), 60);
        deps.add((System.nanoTime() - s) / 1e6);
      }
      rows.add(row("diagnostics after an edit that adds a dependency", deps));

      System.out.printf(Locale.ROOT, "project: %s (%s)%n", project, file.getFileName());
      System.out.printf(Locale.ROOT, "initialize answered: %.0f ms; first diagnostics of the open file: %.2f s after start%n",
          (initialized - t0) / 1e6, (firstDiagnostics - t0) / 1e9);
      System.out.println("heap after indexing (after a full GC): " + heap);
      System.out.println("server resident set, peak so far: " + peakRss(lsp.process()));
      System.out.println("completion in ref(': " + sizes);
      System.out.println();
      System.out.println("| request | n | p50 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      rows.forEach(System.out::println);
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
  }

  private static boolean mentions(JsonObject params, String text) {
    JsonArray d = params.getAsJsonArray("diagnostics");
    for (JsonElement e : d) {
      if (e.getAsJsonObject().get("message").getAsString().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<Double> time(LspClient lsp, String method, Map<String, Object> params, int n)
      throws Exception {
    for (int i = 0; i < Math.min(50, n); i++) {
      lsp.request(method, params); // warm-up: the JIT, caches
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      JsonElement r = lsp.request(method, params);
      ms.add((System.nanoTime() - s) / 1e6);
      if (r.isJsonNull()) {
        throw new AssertionError(method + " answered null at " + params);
      }
    }
    return ms;
  }

  private static String row(String what, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", what, sorted.size(),
        pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static double pct(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static Map<String, Object> change(String uri, int version, String text) {
    return Map.of("textDocument", Map.of("uri", uri, "version", version),
        "contentChanges", List.of(Map.of("text", text)));
  }

  private static Map<String, Object> position(String uri, String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return Map.of("textDocument", Map.of("uri", uri),
        "position", Map.of("line", line, "character", offset - lineStart));
  }

  /** Some other model's name: a ref to it adds an edge to the DAG. */
  private static String firstModelName(Path project, Path not) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      return files.filter(p -> p.toString().endsWith(".sql") && !p.equals(not)).sorted()
          .map(p -> p.getFileName().toString().replace(".sql", "")).filter(n -> n.startsWith("stg_"))
          .findFirst().orElseThrow(() -> new IOException("no staging model in " + project));
    }
  }

  /** A model that refs another: where completion and navigation have the most to do. */
  private static Path modelWithRef(Path project) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().filter(p -> {
        try {
          return Files.readString(p).contains("ref('");
        } catch (IOException e) {
          return false;
        }
      }).reduce((a, b) -> b).orElseThrow(() -> new IOException("no model with a ref in " + project));
    }
  }

  /** The server JVM's used heap after a full GC, from jcmd (the launcher execs java: same pid). */
  private static String heapAfterGc(Process server) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      long pid = server.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
          .map(ProcessHandle::pid).findFirst().orElse(server.pid());
      run(List.of(jcmd, String.valueOf(pid), "GC.run"));
      String info = run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"));
      // the heap's generations (or G1's one region), not Metaspace
      long kb = 0;
      boolean found = false;
      for (String line : info.split("\n")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K").matcher(line);
        if (m.find()) {
          kb += Long.parseLong(m.group(2));
          found = true;
        }
      }
      return found ? kb / 1024 + " MB" : "unknown (" + info.strip() + ")";
    } catch (IOException | InterruptedException e) {
      return "unknown (" + e + ")";
    }
  }

  /** VmHWM of the server's JVM (Linux). */
  private static String peakRss(Process server) {
    long pid = server.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
        .map(ProcessHandle::pid).findFirst().orElse(server.pid());
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "unknown (" + e + ")";
    }
    return "unknown";
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
