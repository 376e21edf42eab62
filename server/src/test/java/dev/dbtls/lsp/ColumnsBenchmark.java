package dev.dbtls.lsp;

import dev.dbtls.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column inference in the real server (a benchmark, not a test): launches {@code ./dbtls lsp} on a
 * project over stdio, as an editor does, and reads the server's own log line for each run that
 * inferred every node ({@code columns of N models ... inferred in X ms}). Reports, for several
 * launches, the first inference after start-up (the JIT still compiling the parsers) without a
 * cache (cold: fresh cache directory) and with the one the cold start wrote (warm: the next
 * session), and, on the last server, inferences after edits of a macro file (every node is inferred
 * again; a model whose compiled SQL and parents did not change is not parsed again), each both as
 * the server logs its run and from the edit sent to that log line (the rebuild, the quiet period
 * and the run).
 *
 * <p>Usage: {@code ColumnsBenchmark <launcher> <project-dir> [launches] [macro-edits]}; run by
 * {@code test-projects/columns-benchmark.sh}. With {@code BENCH_DROP_PAGE_CACHE=1} (Linux, as root)
 * each warm start finds the project and the caches on disk, not in the page cache. With {@code
 * BENCH_EDIT_BETWEEN=1}, each warm start is followed by a third, after a comment was appended to
 * one model's file (as a {@code git pull} between sessions changes some files): that model is
 * rendered, the others may be restored; the file is put back afterwards.
 */
public final class ColumnsBenchmark {
  private static final Pattern INFERRED =
      Pattern.compile("columns of ([\\d,]+) models .* (inferred|ready) in ([\\d,]+) ms");

  private static final Pattern PARSED = Pattern.compile("([\\d,]+) parsed");

  private static final Pattern RESTORED =
      Pattern.compile("([\\d,]+) restored from the last session");

  /** A restored table's models whose render read what no file holds: a render checks them. */
  private static final Pattern TO_CHECK =
      Pattern.compile("([\\d,]+) of them read what no file holds .*: a render checks those next");

  /** With {@code BENCH_PRINT_LOG=1}, every message the server logs, with its time from launch. */
  private static final boolean PRINT_LOG = System.getenv("BENCH_PRINT_LOG") != null;

  private ColumnsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path project = Path.of(args[1]).toAbsolutePath();
    int launches = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int edits = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Path macro;
    try (var files = Files.list(project.resolve("macros"))) {
      macro = files.filter(p -> p.toString().endsWith(".sql")).sorted().findFirst().orElseThrow();
    }
    Map<String, List<Double>> results = new java.util.LinkedHashMap<>();
    for (int run = 1; run <= launches; run++) {
      Path home = Files.createTempDirectory("dbtls-columns-bench-");
      // cold: no cache from an earlier session; warm: the next launch, with the file the first
      // wrote
      List<String> starts =
          System.getenv("BENCH_EDIT_BETWEEN") != null
              ? List.of("cold", "warm", "edited")
              : List.of("cold", "warm");
      for (String start : starts) {
        boolean last = run == launches && start.equals(starts.get(starts.size() - 1));
        if (!start.equals("cold") && System.getenv("BENCH_DROP_PAGE_CACHE") != null) {
          dropPageCache(); // a warm start whose files are on disk (after a reboot, say)
        }
        Path model = start.equals("edited") ? editedBetweenSessions(project) : null;
        String before = model == null ? null : Files.readString(model);
        try {
          if (model != null) {
            Files.writeString(model, before + "\n-- edited between sessions\n");
          }
          launch(launcher, project, home, start, run, last ? macro : null, edits, results);
        } finally {
          if (model != null) {
            Files.writeString(model, before);
          }
        }
      }
      LatencyBenchmark.deleteTree(home);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "| columns of every node, in the server (ms as it logs them) | median (runs) |%n|---|---|%n");
    results.forEach(
        (what, v) ->
            System.out.printf(
                Locale.ROOT, "| %s | %s |%n", what, LatencyBenchmark.medianAndRuns(v)));
  }

  /** The model a {@code BENCH_EDIT_BETWEEN} start finds changed: the first staging model. */
  private static Path editedBetweenSessions(Path project) throws java.io.IOException {
    try (var files = Files.walk(project.resolve("models"))) {
      return files
          .filter(
              p -> p.toString().endsWith(".sql") && p.getFileName().toString().startsWith("stg"))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * Drops the operating system's page cache (Linux, as root: {@code BENCH_DROP_PAGE_CACHE=1}), so
   * that the next start reads the project and its caches from disk.
   */
  private static void dropPageCache() throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", "sync && echo 3 > /proc/sys/vm/drop_caches")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cannot drop the page cache (Linux, as root only)");
    }
  }

  private static void launch(
      Path launcher,
      Path project,
      Path home,
      String start,
      int run,
      Path macro,
      int edits,
      Map<String, List<Double>> results)
      throws Exception {
    LinkedBlockingQueue<String> logged = new LinkedBlockingQueue<>();
    long t0 = System.nanoTime();
    try (LspClient lsp =
        LspClient.startCommand(
            project,
            List.of(launcher.toString(), "lsp"),
            Map.of(
                "DBTLS_STORE", home.resolve("store.db").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "JDK_JAVA_OPTIONS", "-Duser.home=" + home))) {
      lsp.onNotification(
          n -> {
            if (n.get("method").getAsString().equals("window/logMessage")) {
              String message = n.getAsJsonObject("params").get("message").getAsString();
              logged.add(message);
              if (PRINT_LOG) {
                System.out.printf(
                    Locale.ROOT, "    %8.0f ms  %s%n", (System.nanoTime() - t0) / 1e6, message);
              }
            }
          });
      lsp.request(
          "initialize",
          Map.of(
              "processId",
              ProcessHandle.current().pid(),
              "rootUri",
              project.toUri().toString(),
              "capabilities",
              Map.of()));
      lsp.notify("initialized", Map.of());
      double[] at = new double[1];
      String[] parsed = new String[3];
      double ms = awaitInference(logged, t0, at, parsed);
      boolean restored = parsed[1] != null;
      String first =
          restored ? " start: every node's columns (restored)" : " start: first inference";
      add(results, start + first, ms);
      add(results, start + first + ", from launching the server", at[0]);
      System.out.printf(
          Locale.ROOT,
          "launch %d %s (load %s): %s %.0f ms (%s parsed%s), done %.0f ms after launch%n",
          run,
          start,
          LatencyBenchmark.loadAverage(),
          restored ? "restored table" : "first inference",
          ms,
          parsed[0],
          restored
              ? ", "
                  + parsed[1]
                  + " restored, "
                  + (parsed[2] == null ? "nothing to check" : parsed[2] + " to check")
              : "",
          at[0]);
      if (restored && parsed[2] != null) {
        // the check that follows: a render of the models whose restored result came from a render
        // that read what no file holds, parsing those whose SQL changed
        double check = awaitInference(logged, t0, at, parsed);
        add(
            results,
            start
                + " start: the check of the restored table (a render of the models that read what"
                + " no file holds)",
            check);
        add(results, start + " start: checked, from launching the server", at[0]);
        System.out.printf(
            Locale.ROOT,
            "  check %.0f ms (%s parsed), done %.0f ms after launch%n",
            check,
            parsed[0],
            at[0]);
      }
      if (start.equals("cold")) {
        awaitCacheFile(home.resolve("cache"));
      }
      if (macro != null) {
        String uri = macro.toUri().toString();
        String text = Files.readString(macro);
        lsp.notify(
            "textDocument/didOpen",
            Map.of(
                "textDocument",
                Map.of("uri", uri, "languageId", "jinja-sql", "version", 1, "text", text)));
        int version = 1;
        for (int i = 1; i <= edits; i++) {
          // a comment: every model is rendered again, and its SQL is what it was
          version++;
          long edited = System.nanoTime();
          lsp.changeWhole(uri, version, text + "\n{# edit " + i + " #}\n");
          double[] sent = new double[1];
          double e = awaitInference(logged, edited, sent, parsed);
          add(results, "after a macro edit that leaves the SQL as it was", e);
          add(results, "after a macro edit that leaves the SQL as it was, from the edit", sent[0]);
          System.out.printf(
              Locale.ROOT,
              "  comment in a macro %d (load %s): %.0f ms (%s parsed)%n",
              i,
              LatencyBenchmark.loadAverage(),
              e,
              parsed[0]);
          // a change of clean_string(): the SQL of every model that calls it changes
          version++;
          edited = System.nanoTime();
          String changed =
              text.replace(
                  "nullif(trim({{ column_name }}), '')",
                  "nullif(trim({{ column_name }}), '" + "-".repeat(i) + "')");
          lsp.changeWhole(uri, version, changed);
          e = awaitInference(logged, edited, sent, parsed);
          add(results, "after a macro edit that changes the SQL of the models using it", e);
          add(
              results,
              "after a macro edit that changes the SQL of the models using it, from the edit",
              sent[0]);
          System.out.printf(
              Locale.ROOT,
              "  clean_string() changed %d (load %s): %.0f ms (%s parsed)%n",
              i,
              LatencyBenchmark.loadAverage(),
              e,
              parsed[0]);
        }
      }
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
      lsp.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void add(Map<String, List<Double>> results, String what, double v) {
    results.computeIfAbsent(what, k -> new ArrayList<>()).add(v);
  }

  /** Until the server has written its columns cache (it does so after logging the inference). */
  private static void awaitCacheFile(Path dir) throws Exception {
    boolean written =
        Eventually.within(
            Duration.ofSeconds(60),
            () -> {
              if (!Files.isDirectory(dir)) {
                return false;
              }
              // the server's temporary file may be renamed between the listing and its reading
              try (var all = Files.walk(dir)) {
                return all.anyMatch(ColumnsBenchmark::isColumnsCache);
              } catch (java.io.UncheckedIOException e) {
                return false;
              }
            });
    if (!written) {
      System.out.println("  (no columns cache file within 60 s)");
      return;
    }
    try (var all = Files.walk(dir)) {
      for (Path p : all.filter(ColumnsBenchmark::isColumnsCache).toList()) {
        System.out.printf(
            Locale.ROOT, "  columns cache %s: %,d bytes%n", p.getFileName(), Files.size(p));
      }
    }
  }

  /** The columns cache file (an earlier build's too, for a run side by side with it). */
  private static boolean isColumnsCache(Path p) {
    String name = p.toString();
    return name.endsWith(".columns") || name.endsWith(".columns.json.gz");
  }

  /**
   * The ms the server logged for the next run that inferred (or restored) every node; {@code
   * at[0]}: when, from t0; {@code parsed[0]}: how many models it parsed, {@code parsed[1]}: how
   * many it restored from the last session (null when none).
   */
  private static double awaitInference(
      LinkedBlockingQueue<String> logged, long t0, double[] at, String[] parsed)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      String m = logged.poll(1, TimeUnit.SECONDS);
      Matcher x = m == null ? null : INFERRED.matcher(m);
      if (x != null && x.find()) {
        at[0] = (System.nanoTime() - t0) / 1e6;
        Matcher p = PARSED.matcher(m);
        parsed[0] = p.find() ? p.group(1) : "?";
        Matcher r = RESTORED.matcher(m);
        if (parsed.length > 1) {
          parsed[1] = r.find() ? r.group(1) : null;
        }
        Matcher c = TO_CHECK.matcher(m);
        if (parsed.length > 2) {
          parsed[2] = c.find() ? c.group(1) : null;
        }
        return Double.parseDouble(x.group(3).replace(",", ""));
      }
    }
    throw new AssertionError("the server logged no inference of every node within 5 minutes");
  }
}
