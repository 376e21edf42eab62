package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dbtls.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions of the real server over stdio on copies of the sample project, with their own cache
 * folder: the first infers every node's columns and writes the cache file; the second takes them
 * from it without rendering (its log says so) and answers {@code dbt/columns} as the first did; a
 * render then checks only the restored results whose render read what no file holds (the clock).
 */
class ColumnsRestoreProtocolTest {
  private static final Path REPO =
      Path.of(System.getProperty("dbtls.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path PROJECT = REPO.resolve("test-projects/jaffle_shop");

  @TempDir Path dir;

  @Test
  void theSecondSessionRestoresTheFirstOnesColumnsAndChecksOnlyTheModelThatReadTheClock()
      throws Exception {
    Path project = dir.resolve("project");
    copy(PROJECT, project);
    Files.writeString(
        project.resolve("models/marts/orders_loaded.sql"),
        "select order_id, '{{ run_started_at }}' as loaded_at from {{ ref('orders') }}\n");
    Path cache = dir.resolve("cache");
    String first;
    int models;
    try (LspClient lsp = session(dir, cache, project)) {
      String log = awaitLog(lsp, "inferred in");
      assertTrue(parsed(log) > 0, log);
      models = count("columns of ([\\d,]+) models", log);
      first = columns(lsp, project);
      awaitFile(cache);
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
    assertTrue(first.contains("\"order_id\"") && first.contains("\"customer_id\""), first);
    try (LspClient lsp = session(dir, cache, project)) {
      String log = awaitLog(lsp, "restored from the last session");
      assertEquals(0, parsed(log), log);
      assertEquals(models, count("([\\d,]+) restored", log), log);
      assertTrue(
          log.contains("1 of them read what no file holds (run_started_at): a render checks"), log);
      assertEquals(
          first, columns(lsp, project), "the restored table answers as the inferred one did");
      String check = awaitLog(lsp, "the table restored from the last session checked");
      assertTrue(check.contains("1 rendered again"), check);
      assertEquals(1, parsed(check), "its SQL holds this session's clock: " + check);
      assertTrue(check.contains("checked: 0 nodes' columns differed"), check);
      assertEquals(first, columns(lsp, project));
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
  }

  @Test
  void aModelFileChangedBetweenSessionsIsRenderedAndTheOthersAreRestored() throws Exception {
    Path project = dir.resolve("project");
    copy(PROJECT, project);
    Path cache = dir.resolve("cache");
    String first;
    int models;
    try (LspClient lsp = session(dir, cache, project)) {
      String log = awaitLog(lsp, "inferred in");
      models = count("columns of ([\\d,]+) models", log);
      first = columns(lsp, project);
      awaitFile(cache);
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
    // as a git pull between sessions: a staging model's file changed, its SQL with it
    Path stg = project.resolve("models/staging/stg_orders.sql");
    Files.writeString(stg, Files.readString(stg) + "\n-- reviewed\n");
    java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(cacheFile(cache));
    try (LspClient lsp = session(dir, cache, project)) {
      String log = awaitLog(lsp, "restored from the last session");
      assertEquals(models - 1, count("([\\d,]+) restored", log), "all but stg_orders: " + log);
      assertEquals(1, parsed(log), "stg_orders' SQL is new; its children's parents as they were");
      assertTrue(log.contains("none read what no file holds: nothing to check"), log);
      assertEquals(first, columns(lsp, project), "orders' columns as in the first session");
      // stg_orders' new result is written for the next session
      assertTrue(
          Eventually.within(
              Duration.ofSeconds(60),
              () -> !Files.getLastModifiedTime(cacheFile(cache)).equals(written)),
          "the cache file written again");
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
    try (LspClient lsp = session(dir, cache, project)) {
      String log = awaitLog(lsp, "restored from the last session");
      assertEquals(models, count("([\\d,]+) restored", log), "stg_orders too: " + log);
      assertEquals(first, columns(lsp, project));
      lsp.request("shutdown", null);
      lsp.notify("exit", null);
    }
  }

  /** The columns cache file in {@code cache}. */
  private static Path cacheFile(Path cache) throws java.io.IOException {
    try (Stream<Path> all = Files.walk(cache)) {
      return all.filter(p -> p.toString().endsWith(".columns")).findFirst().orElseThrow();
    }
  }

  /** The sample project's files, without what dbt wrote into it. */
  private static void copy(Path from, Path to) throws java.io.IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path rel = from.relativize(p);
        if (rel.startsWith("target")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(to.resolve(rel.toString()));
        } else {
          Files.copy(p, to.resolve(rel.toString()));
        }
      }
    }
  }

  private static int count(String pattern, String log) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(log);
    assertTrue(m.find(), log);
    return Integer.parseInt(m.group(1).replace(",", ""));
  }

  /** As {@link #session(Path, Path, Path)} on the sample project. */
  static LspClient session(Path dir, Path cache) throws Exception {
    return session(dir, cache, PROJECT);
  }

  /**
   * The real server over stdio on {@code project}, its caches in {@code cache} and its store in
   * {@code dir}, initialized.
   */
  static LspClient session(Path dir, Path cache, Path project) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Ddbtls.cache=" + cache,
                "-Ddbtls.store=" + dir.resolve("store.db"),
                "dev.dbtls.cli.Main",
                "lsp"));
    LspClient lsp = LspClient.startCommand(dir, cmd);
    lsp.request(
        "initialize",
        Map.of(
            "processId",
            ProcessHandle.current().pid(),
            "capabilities",
            Map.of(),
            "rootUri",
            project.toUri().toString()));
    lsp.notify("initialized", Map.of());
    return lsp;
  }

  /** The first message the server logs with {@code text} in it. */
  static String awaitLog(LspClient lsp, String text) throws Exception {
    JsonObject m =
        lsp.await("window/logMessage", n -> n.get("message").getAsString().contains(text), 120);
    return m.get("message").getAsString();
  }

  /** How many models a logged run parsed. */
  private static int parsed(String log) {
    return count("([\\d,]+) parsed", log);
  }

  /** {@code dbt/columns} of the sample project's orders model, as JSON text. */
  private static String columns(LspClient lsp) throws Exception {
    return columns(lsp, PROJECT);
  }

  private static String columns(LspClient lsp, Path project) throws Exception {
    JsonElement r =
        lsp.request(
            "dbt/columns",
            Map.of("uri", project.resolve("models/marts/orders.sql").toUri().toString()));
    return r.toString();
  }

  private static void awaitFile(Path cache) throws Exception {
    boolean written =
        Eventually.within(
            Duration.ofSeconds(60),
            () -> {
              if (!Files.isDirectory(cache)) {
                return false;
              }
              try (Stream<Path> all = Files.walk(cache)) {
                return all.anyMatch(p -> p.toString().endsWith(".columns"));
              }
            });
    if (!written) {
      throw new AssertionError("no columns cache file in " + cache + " within 60 s");
    }
  }
}
