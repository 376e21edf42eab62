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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Latency of the real server as an editor sees it (a benchmark, not a test): starts {@code ./dbtls
 * lsp} on a project, speaks JSON-RPC over stdio and reports
 *
 * <ul>
 *   <li>start-up, measured from launching the process, cold (fresh store and cache directories) and
 *       warm (a second process with the same directories, after the first exited), several launches
 *       each: time until {@code initialize} answers, until the first correct completion in {@code
 *       ref('} (asked right after {@code didOpen}, again after each answer until one lists the
 *       project's models; the wrong answers before it are counted), and until the first diagnostics
 *       of the open file;
 *   <li>then, on the last warm server: heap after indexing, and p50/p99 of completion, hover,
 *       definition, references and diagnostics after an edit.
 * </ul>
 *
 * Run by {@code test-projects/lsp-benchmark.sh}.
 *
 * <p>Usage: {@code LatencyBenchmark <launcher> <project-dir> [requests] [rebuildDelayMs]
 * [launches]}.
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  /** How long a start may take before the benchmark gives up on it. */
  private static final long START_TIMEOUT_SECONDS = 300;

  /**
   * How long a cold start may take, after its first diagnostics, to write its cache file under
   * {@code $XDG_CACHE_HOME} before it is shut down ({@code $BENCH_CACHE_WAIT_S}, default 20).
   */
  private static final long CACHE_WAIT_SECONDS =
      Long.parseLong(System.getenv().getOrDefault("BENCH_CACHE_WAIT_S", "20"));

  /**
   * How many files the cold start must have written under the cache directory before it is shut
   * down ({@code $BENCH_CACHE_FILES}, default 1). 3 waits for the columns cache too (after the
   * linked and parse caches), so that the warm starts find what a user's warm start finds.
   */
  private static final int CACHE_FILES =
      Integer.parseInt(System.getenv().getOrDefault("BENCH_CACHE_FILES", "1"));

  /**
   * Pause between a wrong completion answer and the next request, ms ({@code $BENCH_POLL_MS},
   * default 0: at once, as asked). Thousands of requests a second compete with the load for the CPU
   * on a small machine; a pause shows what that costs.
   */
  private static final long POLL_PAUSE_MS =
      Long.parseLong(System.getenv().getOrDefault("BENCH_POLL_MS", "0"));

  /**
   * Seconds to wait on the last server before its requests are timed ({@code $BENCH_SETTLE_S},
   * default 0: at once, while the background work after the start, column inference, still runs).
   */
  private static final long SETTLE_SECONDS =
      Long.parseLong(System.getenv().getOrDefault("BENCH_SETTLE_S", "0"));

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path project = Path.of(args[1]).toAbsolutePath().normalize();
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int delay = args.length > 3 ? Integer.parseInt(args[3]) : -1; // -1: adaptive, the default
    int launches = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    Path file = modelWithRef(project);
    String uri = file.toUri().toString();
    String text = Files.readString(file);
    Set<String> models = modelNames(project);
    int refAt = text.indexOf("ref('") + 5;
    Map<String, Object> inRef = position(uri, text, refAt);
    Start.Setup setup = new Start.Setup(launcher, project, uri, text, inRef, models, delay, null);

    System.out.printf(
        Locale.ROOT, "project: %s (%s, %d models)%n", project, file.getFileName(), models.size());
    if (POLL_PAUSE_MS > 0) {
      System.out.println(
          "pause after a wrong completion answer: " + POLL_PAUSE_MS + " ms (BENCH_POLL_MS)");
    }
    List<Start> cold = new ArrayList<>();
    List<Start> warm = new ArrayList<>();
    LspClient lsp = null;
    Path lastHome = null;
    for (int run = 1; run <= launches; run++) {
      // fresh directories for the store and any cache: nothing from earlier runs is reused
      Path home = Files.createTempDirectory("dbtls-bench-");
      Map<String, String> env =
          Map.of(
              "DBTLS_STORE", home.resolve("store.db").toString(),
              "XDG_CACHE_HOME", home.resolve("cache").toString(),
              "XDG_DATA_HOME", home.resolve("data").toString(),
              "XDG_CONFIG_HOME", home.resolve("config").toString(),
              "HOME", home.resolve("home").toString(),
              // the JVM takes user.home from the password file, not $HOME
              "JDK_JAVA_OPTIONS", "-Duser.home=" + home.resolve("home"));
      for (String d : List.of("cache", "data", "config", "home")) {
        Files.createDirectories(home.resolve(d));
      }
      Start c = Start.measure(setup.withCacheDir(home.resolve("cache")), env, false);
      cold.add(c);
      System.out.println("cold " + run + ": " + c + "; left on disk: " + onDisk(home));
      boolean last = run == launches;
      Start w = Start.measure(setup, env, last);
      warm.add(w);
      System.out.println("warm " + run + ": " + w);
      if (last) {
        lsp = w.client;
        lastHome = home;
      } else {
        deleteTree(home);
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "start-up from launching the server process, median of %d launches each"
            + " (the runs in brackets), ms:%n",
        launches);
    System.out.println();
    System.out.println("| from launch until | cold | warm |");
    System.out.println("|---|---|---|");
    startRow("initialize answers", cold, warm, s -> s.initialize);
    startRow("first correct completion in ref('", cold, warm, s -> s.firstCompletion);
    startRow(
        "first completion from the loaded project (not from file names)",
        cold,
        warm,
        s -> s.loadedCompletion);
    startRow("wrong completion answers before it", cold, warm, s -> s.wrongAnswers);
    startRow("(server CPU time used by then)", cold, warm, s -> s.cpu);
    startRow("first diagnostics of the open file", cold, warm, s -> s.firstDiagnostics);
    startRow("first correct diagnostics of the open file", cold, warm, s -> s.correctDiagnostics);
    startRow(
        "(an edit right after them: until its diagnostics; the last warm launch not measured)",
        cold,
        warm,
        s -> s.firstEdit);
    System.out.println();
    steady(lsp, project, file, uri, text, inRef, requests, delay);
    deleteTree(lastHome);
  }

  /**
   * Whether a completion list was made from the project's file names while it loaded: its models'
   * details name their files ({@code model models/x.sql}), a loaded project's their relations.
   */
  static boolean fromFileNames(JsonObject response) {
    JsonElement result = response.get("result");
    JsonArray items =
        result == null || !result.isJsonObject()
            ? new JsonArray()
            : result.getAsJsonObject().getAsJsonArray("items");
    for (JsonElement e : items) {
      JsonElement detail = e.getAsJsonObject().get("detail");
      if (detail != null && detail.getAsString().startsWith("model ")) {
        return detail.getAsString().contains("/");
      }
    }
    return false;
  }

  /** Heap, then p50/p99 of each request, on a server that has loaded the project. */
  private static void steady(
      LspClient lsp,
      Path project,
      Path file,
      String uri,
      String text,
      Map<String, Object> inRef,
      int requests,
      int delay)
      throws Exception {
    try (lsp) {
      if (SETTLE_SECONDS > 0) {
        Thread.sleep(SETTLE_SECONDS * 1000); // the background work after the start (columns) done
      }
      String heap = heapAfterGc(lsp.process());

      int version = 2;
      lsp.changeWhole(uri, version++, text);
      lsp.await(
          "textDocument/publishDiagnostics",
          p -> p.get("uri").getAsString().equals(uri) && !mentions(p, "no_such_"),
          60);

      int refAt = text.indexOf("ref('") + 5;
      Map<String, Object> onName = position(uri, text, refAt + 2);
      Map<String, Object> refs = new java.util.HashMap<>(onName);
      refs.put("context", Map.of("includeDeclaration", true));
      JsonObject items = lsp.request("textDocument/completion", inRef).getAsJsonObject();
      String sizes =
          items.getAsJsonArray("items").size()
              + " items, "
              + items.toString().length() / 1024
              + " KB of JSON";
      List<String> rows = new ArrayList<>();
      rows.add(row("completion in ref('", time(lsp, "textDocument/completion", inRef, requests)));
      rows.add(row("hover on a ref", time(lsp, "textDocument/hover", onName, requests)));
      rows.add(row("definition of a ref", time(lsp, "textDocument/definition", onName, requests)));
      rows.add(
          row(
              "references of a model",
              time(lsp, "textDocument/references", refs, Math.max(20, requests / 10))));
      // an edit that breaks a ref, then its fix: until the editor has the new diagnostics
      List<Double> edits = new ArrayList<>();
      int rounds = Math.max(10, requests / 10);
      for (int i = 1; i <= rounds; i++) {
        String name = "no_such_model_" + i;
        long s = System.nanoTime();
        lsp.changeWhole(uri, version++, text + "\n-- {{ ref('" + name + "') }}\n");
        lsp.await(
            "textDocument/publishDiagnostics",
            p -> p.get("uri").getAsString().equals(uri) && mentions(p, name),
            60);
        edits.add((System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        lsp.changeWhole(uri, version++, text);
        lsp.await(
            "textDocument/publishDiagnostics",
            p -> p.get("uri").getAsString().equals(uri) && !mentions(p, "no_such_"),
            60);
        edits.add((System.nanoTime() - s) / 1e6);
      }
      rows.add(
          row(
              "diagnostics after an edit (rebuildDelayMs " + (delay < 0 ? "unset" : delay) + ")",
              edits));

      // the same, when the edit also adds a dependency: the DAG is built again
      String parent = firstModelName(project, file);
      List<Double> deps = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        String name = "no_such_parent_" + i;
        long s = System.nanoTime();
        lsp.changeWhole(
            uri, version++, text + "\n-- {{ ref('" + parent + "') }} {{ ref('" + name + "') }}\n");
        lsp.await(
            "textDocument/publishDiagnostics",
            p -> p.get("uri").getAsString().equals(uri) && mentions(p, name),
            60);
        deps.add((System.nanoTime() - s) / 1e6);
        s = System.nanoTime();
        lsp.changeWhole(uri, version++, text);
        lsp.await(
            "textDocument/publishDiagnostics",
            p -> p.get("uri").getAsString().equals(uri) && !mentions(p, "no_such_"),
            60);
        deps.add((System.nanoTime() - s) / 1e6);
      }
      rows.add(row("diagnostics after an edit that adds a dependency", deps));

      System.out.println("heap after indexing (after a full GC): " + heap);
      System.out.println("server resident set, peak so far: " + peakRss(lsp.process()));
      if (System.getenv("BENCH_SERVER_STDERR") != null) {
        System.out.println("the last server's stderr so far:\n" + lsp.stderr());
      }
      System.out.println("completion in ref(': " + sizes);
      System.out.println();
      System.out.println("| request | n | p50 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      rows.forEach(System.out::println);
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
      lsp.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static void startRow(
      String what,
      List<Start> cold,
      List<Start> warm,
      java.util.function.ToDoubleFunction<Start> value) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s |%n",
        what,
        medianAndRuns(cold, value),
        medianAndRuns(warm, value));
  }

  private static String medianAndRuns(
      List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
    return medianAndRuns(starts.stream().map(s -> value.applyAsDouble(s)).toList());
  }

  /** {@code **median** (each run)}, in whole ms. */
  static String medianAndRuns(List<Double> v) {
    List<Double> sorted = new ArrayList<>(v);
    sorted.removeIf(d -> d.isNaN()); // not measured on that launch
    if (sorted.isEmpty()) {
      return "—";
    }
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    StringBuilder runs = new StringBuilder();
    for (double d : v) {
      runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", d));
    }
    return String.format(Locale.ROOT, "**%.0f** (%s)", median, runs);
  }

  /**
   * One start of the server, timed from launching its process. The editor restores an open file
   * with a mistake in it and asks for completion in {@code ref('} at once, then again after each
   * answer until one lists the project's models.
   */
  private static final class Start {
    record Setup(
        Path launcher,
        Path project,
        String uri,
        String text,
        Map<String, Object> inRef,
        Set<String> models,
        int delay,
        Path cacheDir) {
      Setup withCacheDir(Path dir) {
        return new Setup(launcher, project, uri, text, inRef, models, delay, dir);
      }
    }

    double initialize;
    double firstCompletion;

    /**
     * The first correct completion answered from the loaded project rather than from its files'
     * names while it loads (item details name relations, not files).
     */
    double loadedCompletion = Double.NaN;

    int wrongAnswers;
    double firstDiagnostics = Double.NaN;
    double correctDiagnostics = Double.NaN;

    /**
     * An edit made as soon as the open file's first correct diagnostics came: ms until its own
     * diagnostics (what the start's background work, such as writing the caches, holds back). Not
     * measured on the server that is kept for the steady requests.
     */
    double firstEdit = Double.NaN;

    double exit = Double.NaN;

    /** When a file under the cache directory was complete (ms from launch), if one was. */
    double cacheWritten = Double.NaN;

    String cacheNote = "";

    /** Indexing progress: each phase (and begin, end) when first reported, ms from launch. */
    final Map<String, Double> phases = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * CPU time the server process had used by the first correct completion: less noisy than wall
     * time on a busy machine.
     */
    double cpu = Double.NaN;

    /** The machine's load average (1 minute) at launch. */
    final String load = loadAverage();

    int completionItems;

    /** What the wrong answers looked like, and how many of each. */
    final Map<String, Integer> wrong = new java.util.LinkedHashMap<>();

    LspClient client;

    /**
     * Waits until a file under {@code dir} is there and has stopped growing (no temporary file
     * left), at most {@code $BENCH_CACHE_WAIT_S} seconds (default 20); ms from launch, or NaN.
     */
    static double awaitCacheFile(Path dir, long t0) throws IOException, InterruptedException {
      long deadline =
          System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(CACHE_WAIT_SECONDS);
      String last = null;
      while (System.nanoTime() < deadline) {
        String now = null;
        if (Files.isDirectory(dir)) {
          try (Stream<Path> all = Files.walk(dir)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            boolean temporary =
                files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
            if (files.size() >= Math.max(1, CACHE_FILES) && !temporary) {
              StringBuilder b = new StringBuilder();
              for (Path f : files) {
                b.append(f).append(':').append(Files.size(f)).append(';');
              }
              now = b.toString();
            }
          } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            now = null; // a file went while we looked: written just now
          }
        }
        if (now != null && now.equals(last)) {
          return (System.nanoTime() - t0) / 1e6 - 50;
        }
        last = now;
        Thread.sleep(50); // time must pass: files quiet for 50 ms is what "written" means here
      }
      return Double.NaN;
    }

    static Start measure(Setup s, Map<String, String> env, boolean keep) throws Exception {
      Start r = new Start();
      java.util.concurrent.CountDownLatch diagnosed = new java.util.concurrent.CountDownLatch(1);
      long t0 = System.nanoTime();
      LspClient lsp = LspClient.startCommand(s.project, List.of(s.launcher.toString(), "lsp"), env);
      try {
        lsp.onNotification(
            n -> {
              if (n.get("method").getAsString().equals("$/progress")) {
                // the phases of indexing, when each was first reported
                JsonObject v = n.getAsJsonObject("params").getAsJsonObject("value");
                String kind = v.get("kind").getAsString();
                String phase =
                    kind.equals("report") && v.has("message")
                        ? v.get("message").getAsString()
                        : kind;
                r.phases.putIfAbsent(phase, (System.nanoTime() - t0) / 1e6);
                return;
              }
              if (!n.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
                return;
              }
              JsonObject p = n.getAsJsonObject("params");
              if (!p.get("uri").getAsString().equals(s.uri)) {
                return;
              }
              double at = (System.nanoTime() - t0) / 1e6;
              if (Double.isNaN(r.firstDiagnostics)) {
                r.firstDiagnostics = at;
              }
              if (Double.isNaN(r.correctDiagnostics) && mentions(p, "no_such_model_0")) {
                r.correctDiagnostics = at;
                diagnosed.countDown();
              }
            });
        lsp.request(
            "initialize",
            Map.of(
                "processId",
                ProcessHandle.current().pid(),
                "rootUri",
                s.project.toUri().toString(),
                // as VS Code declares: documentation comes with completionItem/resolve
                "capabilities",
                Map.of(
                    "textDocument",
                    Map.of(
                        "completion",
                        Map.of(
                            "completionItem",
                            Map.of(
                                "resolveSupport", Map.of("properties", List.of("documentation"))),
                            "completionList",
                            Map.of("itemDefaults", List.of("editRange")))),
                    // as VS Code: indexing progress shows which phase takes the time
                    "window",
                    Map.of("workDoneProgress", true)),
                "initializationOptions",
                s.delay < 0 ? Map.of() : Map.of("dbtls", Map.of("rebuildDelayMs", s.delay))));
        r.initialize = (System.nanoTime() - t0) / 1e6;
        lsp.notify("initialized", Map.of());
        lsp.notify(
            "textDocument/didOpen",
            Map.of(
                "textDocument",
                Map.of(
                    "uri",
                    s.uri,
                    "languageId",
                    "jinja-sql",
                    "version",
                    1,
                    "text",
                    s.text + "\n-- {{ ref('no_such_model_0') }}\n")));
        // a correct list names the models: at least 100 of them (or all others, when fewer)
        int enough = Math.min(100, s.models.size() - 1);
        long deadline = t0 + java.util.concurrent.TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
          JsonObject response = lsp.requestThen("textDocument/completion", s.inRef, id -> {});
          long at = System.nanoTime();
          String wrong = wrongCompletion(response, s.models, enough);
          if (wrong == null) {
            r.firstCompletion = (at - t0) / 1e6;
            r.cpu =
                lsp.process()
                    .toHandle()
                    .info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1e6)
                    .orElse(Double.NaN);
            r.completionItems = response.getAsJsonObject("result").getAsJsonArray("items").size();
            // a list made from file names while the project loads: asked again once the load
            // says it has ended (its progress), as an editor asks again as the user types; asking
            // all the time would take the load's CPU
            while (fromFileNames(response)) {
              if (System.nanoTime() > deadline) {
                throw new AssertionError("no completion from the loaded project");
              }
              while (!r.phases.containsKey("end") && System.nanoTime() < deadline) {
                Thread.sleep(2);
              }
              response = lsp.requestThen("textDocument/completion", s.inRef, id -> {});
              if (fromFileNames(response)) {
                Thread.sleep(10);
              }
            }
            r.loadedCompletion = Math.max(r.firstCompletion, (System.nanoTime() - t0) / 1e6);
            break;
          }
          r.wrongAnswers++;
          r.wrong.merge(wrong, 1, Integer::sum);
          if (POLL_PAUSE_MS > 0) {
            Thread.sleep(
                POLL_PAUSE_MS); // the pause an editor leaves between retries, part of what is
            // measured
          }
          if (at > deadline) {
            throw new AssertionError(
                "no correct completion in " + START_TIMEOUT_SECONDS + " s: " + r.wrong);
          }
        }
        if (!diagnosed.await(
            Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
          throw new AssertionError(
              "no diagnostics naming no_such_model_0 in "
                  + START_TIMEOUT_SECONDS
                  + " s; server stderr:\n"
                  + lsp.stderr());
        }
        if (!keep) {
          // the user's first keystroke once the file's problems show: another unknown model
          java.util.concurrent.CountDownLatch edited = new java.util.concurrent.CountDownLatch(1);
          lsp.onNotification(
              n -> {
                if (n.get("method").getAsString().equals("textDocument/publishDiagnostics")
                    && n.getAsJsonObject("params").get("uri").getAsString().equals(s.uri)
                    && mentions(n.getAsJsonObject("params"), "no_such_model_1")) {
                  edited.countDown();
                }
              });
          long sent = System.nanoTime();
          lsp.changeWhole(s.uri, 2, s.text + "\n-- {{ ref('no_such_model_1') }}\n");
          if (edited.await(
              Math.max(1, deadline - System.nanoTime()),
              java.util.concurrent.TimeUnit.NANOSECONDS)) {
            r.firstEdit = (System.nanoTime() - sent) / 1e6;
          }
        }
        if (keep) {
          r.client = lsp;
          lsp.onNotification(n -> {});
          // past what came before (diagnostics of the start), as an editor that shows them
          lsp.await(
              "textDocument/publishDiagnostics",
              p -> p.get("uri").getAsString().equals(s.uri) && mentions(p, "no_such_model_0"),
              1);
          return r;
        }
        if (s.cacheDir != null) {
          // an editor stays open longer than this benchmark needs: let the server finish writing
          // what it keeps for the next session before asking it to shut down
          r.cacheWritten = awaitCacheFile(s.cacheDir, t0);
          r.cacheNote =
              Double.isNaN(r.cacheWritten)
                  ? ", no cache file within " + CACHE_WAIT_SECONDS + " s"
                  : String.format(Locale.ROOT, ", cache file written by %.0f ms", r.cacheWritten);
        }
        long bye = System.nanoTime();
        lsp.request("shutdown", null);
        lsp.notify("exit", null);
        // the next start must find whatever this one left on disk: let it end by itself
        if (lsp.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          r.exit = (System.nanoTime() - bye) / 1e6;
        }
        if (System.getenv("BENCH_SERVER_STDERR") != null) {
          System.out.println("server stderr:\n" + lsp.stderr()); // -Ddbtls.timing marks, say
        }
        return r;
      } finally {
        if (!keep) {
          lsp.close();
        }
      }
    }

    private String phases() {
      if (phases.isEmpty()) {
        return "";
      }
      StringBuilder b = new StringBuilder(", indexing progress:");
      phases.entrySet().stream()
          .sorted(Map.Entry.comparingByValue())
          .forEach(e -> b.append(String.format(Locale.ROOT, " %s %.0f", e.getKey(), e.getValue())));
      return b.toString();
    }

    /** Null for a list that names the project's models, else what was wrong with it. */
    private static String wrongCompletion(JsonObject response, Set<String> models, int enough) {
      if (response.has("error")) {
        return "error " + response.getAsJsonObject("error").get("message").getAsString();
      }
      JsonElement result = response.get("result");
      if (result == null || result.isJsonNull()) {
        return "null";
      }
      JsonArray items =
          result.isJsonArray()
              ? result.getAsJsonArray()
              : result.getAsJsonObject().getAsJsonArray("items");
      int named = 0;
      for (JsonElement i : items) {
        if (models.contains(i.getAsJsonObject().get("label").getAsString())) {
          named++;
        }
      }
      if (named >= enough && result.isJsonObject()) {
        return null;
      }
      return items.size() + " items (" + named + " models)";
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "load %s, initialize %.0f ms, first correct completion %.0f ms (%d items), from the"
              + " loaded project %.0f ms, after %d wrong answers%s (server CPU by then %.0f ms), first diagnostics %.0f ms, first correct diagnostics %.0f ms, an edit then %.0f ms"
              + "%s",
          load,
          initialize,
          firstCompletion,
          completionItems,
          loadedCompletion,
          wrongAnswers,
          wrong.isEmpty() ? "" : " " + wrong,
          cpu,
          firstDiagnostics,
          correctDiagnostics,
          firstEdit,
          cacheNote
              + phases()
              + (Double.isNaN(exit)
                  ? ""
                  : String.format(Locale.ROOT, ", exited %.0f ms after shutdown", exit)));
    }
  }

  /**
   * What the server left in the store and cache directories: file count and size, by top folder.
   */
  private static String onDisk(Path home) throws IOException {
    Map<String, long[]> by = new java.util.TreeMap<>();
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        long[] v = by.computeIfAbsent(home.relativize(p).getName(0).toString(), k -> new long[2]);
        v[0]++;
        v[1] += Files.size(p);
      }
    }
    if (by.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    by.forEach(
        (k, v) ->
            parts.add(
                String.format(Locale.ROOT, "%s %d files %.1f MB", k, v[0], v[1] / 1048576.0)));
    return String.join(", ", parts);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static Set<String> modelNames(Path project) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      return files
          .filter(p -> p.toString().endsWith(".sql"))
          .map(p -> p.getFileName().toString().replace(".sql", ""))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Whether a diagnostic's message contains {@code text}. The benchmark's edits are told by what
   * they break: the file may have other diagnostics of its own (hints for undocumented columns).
   */
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
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f |",
        what,
        sorted.size(),
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        sorted.get(sorted.size() - 1));
  }

  private static double pct(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
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
    return Map.of(
        "textDocument",
        Map.of("uri", uri),
        "position",
        Map.of("line", line, "character", offset - lineStart));
  }

  /** Some other model's name: a ref to it adds an edge to the DAG. */
  private static String firstModelName(Path project, Path not) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      return files
          .filter(p -> p.toString().endsWith(".sql") && !p.equals(not))
          .sorted()
          .map(p -> p.getFileName().toString().replace(".sql", ""))
          .filter(n -> n.startsWith("stg_"))
          .findFirst()
          .orElseThrow(() -> new IOException("no staging model in " + project));
    }
  }

  /** A model that refs another: where completion and navigation have the most to do. */
  private static Path modelWithRef(Path project) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("models"))) {
      return files
          .filter(p -> p.toString().endsWith(".sql"))
          .sorted()
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains("ref('");
                } catch (IOException e) {
                  return false;
                }
              })
          .reduce((a, b) -> b)
          .orElseThrow(() -> new IOException("no model with a ref in " + project));
    }
  }

  /** The server JVM's used heap after a full GC, from jcmd (the launcher execs java: same pid). */
  private static String heapAfterGc(Process server) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      long pid =
          server
              .descendants()
              .filter(h -> h.info().command().orElse("").endsWith("java"))
              .map(ProcessHandle::pid)
              .findFirst()
              .orElse(server.pid());
      run(List.of(jcmd, String.valueOf(pid), "GC.run"));
      String info = run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"));
      // the heap's generations (or G1's one region), not Metaspace
      long kb = 0;
      boolean found = false;
      for (String line : info.split("\n")) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K")
                .matcher(line);
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
    long pid =
        server
            .descendants()
            .filter(h -> h.info().command().orElse("").endsWith("java"))
            .map(ProcessHandle::pid)
            .findFirst()
            .orElse(server.pid());
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
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
