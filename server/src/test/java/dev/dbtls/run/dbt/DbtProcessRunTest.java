package dev.dbtls.run.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.run.NodeResult;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DbtProcessRun} end to end with a stand-in for dbt ({@link StandInDbt}: a shell script
 * replaying recorded lines of real dbt runs — not dbt, which cannot be installed here): the command
 * line dbt gets, progress told while dbt still runs, run_results.json as the final word, dbt's own
 * error output, and a cancel (SIGINT reaching the process, then the kill of one that ignores it).
 */
@DisabledOnOs(OS.WINDOWS)
class DbtProcessRunTest {
  @TempDir Path dir;

  private static final Function<String, Node> NODES =
      id -> DbtEventStreamTest.JAFFLE.manifest().nodes().get(id);

  private Path project() throws Exception {
    Path p = dir.resolve("jaffle_shop");
    Files.createDirectories(p);
    return p;
  }

  private static DbtProcessRun.Request request(Path project, String command) {
    return new DbtProcessRun.Request(
        command,
        project,
        project.resolve("profiles"),
        null,
        "dev",
        List.of("orders+"),
        List.of("tag:slow"),
        4,
        true,
        true,
        true,
        false,
        Map.of("batch", 2));
  }

  @Test
  void aRunIsToldAsItGoesThenRunResultsIsTheFinalWord() throws Exception {
    Path project = project();
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            project,
            StandInDbt.stdout("core-1.8.2-run-failed.jsonl"),
            StandInDbt.FAILED_ORDERS_RUN_RESULTS,
            "sleep 1",
            1);
    DbtEventStreamTest.Told told = new DbtEventStreamTest.Told();
    long[] endedAt = {0};
    List<String> printed = new ArrayList<>();
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "dbtls.dbt.path"),
            request(project, "run"),
            project.resolve("target/run_results.json"),
            NODES,
            1,
            new dev.dbtls.run.DataTests.Listener() {
              @Override
              public void started(int index, int total, Node n) {
                told.started(index, total, n);
              }

              @Override
              public void finished(int index, int total, NodeResult r) {
                endedAt[0] = System.nanoTime();
                told.finished(index, total, r);
              }
            },
            new QueryCancel(),
            printed::add);
    long returnedAt = System.nanoTime();

    assertEquals(
        List.of(
            "run",
            "--log-format",
            "json",
            "--project-dir",
            project.toString(),
            "--profiles-dir",
            project.resolve("profiles").toString(),
            "--target",
            "dev",
            "--select",
            "orders+",
            "--exclude",
            "tag:slow",
            "--threads",
            "4",
            "--full-refresh",
            "--fail-fast",
            "--empty",
            "--vars",
            "{\"batch\":2}"),
        Files.readAllLines(dir.resolve("bin/args.txt")));
    assertEquals("dbt 1.8.2", o.executor());
    assertEquals(1, o.exitCode());
    assertNull(o.error(), "a node failed: dbt's exit 1, no error of the run itself");
    // live: the node's end was told while dbt was still running (it sleeps 1 s after its lines)
    assertEquals(
        List.of("start 1 model.jaffle_shop.orders", "end 1 model.jaffle_shop.orders ERROR"),
        told.events);
    assertTrue(
        Duration.ofNanos(returnedAt - endedAt[0]).toMillis() > 700,
        "ended " + Duration.ofNanos(returnedAt - endedAt[0]).toMillis() + " ms before dbt");
    // the final word: run_results.json (its compiled code is not in any event)
    NodeResult r = o.run().results().get(0);
    assertEquals(NodeResult.Status.ERROR, r.status());
    assertEquals("with final as (select 1)", r.compiledSql());
    assertEquals("orders", r.name());
    assertTrue(r.message().contains("syntax error at or near \"final\""));
    assertEquals(project.resolve("target/run_results.json"), o.run().runResults());
    assertEquals(1, o.run().errors());
    assertTrue(printed.contains("Done. PASS=0 WARN=0 ERROR=1 SKIP=0 TOTAL=1"));
  }

  @Test
  void dbtV2RunsTheSameWay() throws Exception {
    Path project = project();
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            project,
            "dbt-fusion 2.0.0-preview.45\n",
            DbtEventStreamTest.lines("v2-json-compat.jsonl"),
            null,
            "",
            1);
    DbtEventStreamTest.Told told = new DbtEventStreamTest.Told();
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "PATH"),
            request(project, "build"),
            project.resolve("target/run_results.json"),
            NODES,
            3,
            told,
            new QueryCancel(),
            l -> {});
    assertEquals("dbt-fusion 2.0.0-preview.45", o.executor());
    assertEquals(
        List.of("build", "--log-format", "json"),
        Files.readAllLines(dir.resolve("bin/args.txt")).subList(0, 3));
    // no run_results.json written: the events are the result
    assertNull(o.run().runResults());
    assertEquals(
        List.of(NodeResult.Status.SUCCESS, NodeResult.Status.FAIL, NodeResult.Status.SKIPPED),
        o.run().results().stream().map(NodeResult::status).toList());
    assertTrue(
        told.events.contains("start 1 model.jaffle_shop.stg_customers"), told.events.toString());
    assertEquals(1, o.run().errors());
    assertNull(o.error());
  }

  @Test
  void dbtsOwnErrorOutputIsTheRunsError() throws Exception {
    Path project = project();
    List<String> lines =
        List.of(
            StandInDbt.stdout("core-1.8.2-run-failed.jsonl").get(0),
            "Traceback (most recent call last):",
            "  File \"/home/me/shop/.venv/bin/dbt\", line 8, in <module>",
            "ModuleNotFoundError: No module named 'dbt.adapters.duckdb'",
            // MainEncounteredError (Z002) as core_types.proto defines it
            "{\"data\": {\"exc\": \"Runtime Error\\n  Could not find profile named 'shop'\"},"
                + " \"info\": {\"category\": \"\", \"code\": \"Z002\", \"extra\": {},"
                + " \"level\": \"error\", \"msg\": \"Encountered an error:\\nRuntime Error\\n"
                + "  Could not find profile named 'shop'\", \"name\": \"MainEncounteredError\","
                + " \"thread\": \"MainThread\", \"ts\": \"2024-11-22T15:58:07.000000Z\"}}");
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"), project, lines, null, "echo 'stderr: adapter missing' >&2", 2);
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "PATH"),
            request(project, "build"),
            project.resolve("target/run_results.json"),
            NODES,
            0,
            dev.dbtls.run.DataTests.Listener.NONE,
            new QueryCancel(),
            l -> {});
    assertEquals(2, o.exitCode());
    assertTrue(o.run().results().isEmpty());
    assertNull(o.run().runResults());
    assertNotNull(o.error());
    assertTrue(
        o.error()
            .contains(
                "Encountered an error:\nRuntime Error\n  Could not find profile named 'shop'"),
        o.error());
    assertTrue(o.error().contains("ModuleNotFoundError: No module named 'dbt.adapters.duckdb'"));
    assertTrue(o.errors().contains("stderr: adapter missing"));
  }

  /**
   * What dbt writes is shown with the profile's credentials hidden, as a database's messages are: a
   * password dbt echoes in an error line, on stderr, or inside a URL.
   */
  @Test
  void theProfilesSecretsAreHiddenInWhatDbtWrites() throws Exception {
    Path project = project();
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            project,
            List.of("could not connect: password 'hunter2-secret' was refused"),
            null,
            "echo 'stderr: postgres://shop:hunter2-secret@db/x' >&2",
            2);
    Map<String, Object> fields =
        Map.of("type", "postgres", "pass", "hunter2-secret", "user", "shop");
    DbtProcessRun.Request r = request(project, "build");
    DbtProcessRun.Request scrubbing =
        new DbtProcessRun.Request(
            r.command(),
            r.projectDir(),
            r.profilesDir(),
            r.profile(),
            r.target(),
            r.select(),
            r.exclude(),
            r.threads(),
            r.fullRefresh(),
            r.failFast(),
            r.empty(),
            r.storeFailures(),
            r.vars(),
            null,
            text -> dev.dbtls.project.Secrets.scrub(text, fields));
    List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "PATH"),
            scrubbing,
            project.resolve("target/run_results.json"),
            NODES,
            0,
            dev.dbtls.run.DataTests.Listener.NONE,
            new QueryCancel(),
            printed::add);
    String all =
        o.error() + "\n" + String.join("\n", o.errors()) + "\n" + String.join("\n", printed);
    assertFalse(all.contains("hunter2"), all);
    assertTrue(all.contains("password '****' was refused"), all);
    assertTrue(all.contains("postgres://shop:****@db/x"), all);
  }

  @Test
  void aCancelInterruptsDbtAndSkipsWhatDidNotEnd() throws Exception {
    Path project = project();
    List<String> start =
        StandInDbt.stdout("core-1.8.2-run-failed.jsonl").stream()
            .takeWhile(l -> !l.contains("\"LogModelResult\""))
            .toList();
    Path interrupted = dir.resolve("interrupted");
    // as dbt does on Ctrl-C: it stops, says so, and exits
    String tail =
        "trap 'echo yes > \""
            + interrupted
            + "\"; kill $SLEEPER; echo \"{\\\"data\\\": {}, \\\"info\\\": {\\\"code\\\": \\\"Z001\\\","
            + " \\\"level\\\": \\\"info\\\", \\\"msg\\\": \\\"ctrl-c\\\", \\\"name\\\":"
            + " \\\"MainKeyboardInterrupt\\\"}}\"; exit 130' INT\n"
            + "sleep 30 & SLEEPER=$!\necho ready > \""
            + dir.resolve("ready")
            + "\"\nwait $SLEEPER";
    Path dbt = StandInDbt.write(dir.resolve("bin"), project, start, null, tail, 0);
    QueryCancel cancel = new QueryCancel();
    AtomicLong cancelledAt = new AtomicLong();
    CountDownLatch running = new CountDownLatch(1);
    DbtEventStreamTest.Told told = new DbtEventStreamTest.Told();
    // written by the stdout and the stderr readers at once (the killed sleeper may say so)
    List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread canceller =
        new Thread(
            () -> {
              try {
                // once the stand-in waits for the interrupt, as dbt waits on its queries (a busy
                // machine may take seconds to replay the lines: an interrupt before the trap is
                // set would end the script as Ctrl-C ends any shell, and prove nothing)
                if (running.await(60, TimeUnit.SECONDS) && readyWithin(dir.resolve("ready"), 60)) {
                  cancelledAt.set(System.nanoTime());
                  cancel.cancel();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    canceller.start();
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "PATH"),
            request(project, "run"),
            project.resolve("target/run_results.json"),
            NODES,
            1,
            new dev.dbtls.run.DataTests.Listener() {
              @Override
              public void started(int index, int total, Node n) {
                told.started(index, total, n);
                running.countDown();
              }

              @Override
              public void finished(int index, int total, NodeResult r) {
                told.finished(index, total, r);
              }
            },
            cancel,
            printed::add,
            Duration.ofSeconds(5));
    long ms = Duration.ofNanos(System.nanoTime() - cancelledAt.get()).toMillis();
    assertTrue(Files.exists(dir.resolve("ready")), "the stand-in came to wait for the interrupt");
    assertTrue(Files.exists(interrupted), "the stand-in got SIGINT");
    assertTrue(ms < 5000, "dbt stopped on the interrupt, before the grace ran out: " + ms + " ms");
    assertTrue(o.cancelled());
    assertEquals(130, o.exitCode());
    assertTrue(printed.contains("ctrl-c"));
    NodeResult r = told.of("model.jaffle_shop.orders");
    assertEquals(NodeResult.Status.SKIPPED, r.status());
    assertEquals("cancelled", r.message());
    assertEquals(1, o.run().count(NodeResult.Status.SKIPPED));
    assertTrue(o.error().startsWith("cancelled"));
  }

  @Test
  void aDbtThatIgnoresTheInterruptIsKilledWithWhatItStarted() throws Exception {
    Path project = project();
    Path sleeper = dir.resolve("sleeper.pid");
    String tail = "trap '' INT\nsleep 60 & echo $! > \"" + sleeper + "\"\nwait $!\nwait $!";
    Path dbt =
        StandInDbt.write(
            dir.resolve("bin"),
            project,
            StandInDbt.stdout("core-1.8.2-run-failed.jsonl").subList(0, 7),
            null,
            tail,
            0);
    QueryCancel cancel = new QueryCancel();
    AtomicLong cancelledAt = new AtomicLong();
    Thread canceller =
        new Thread(
            () -> {
              try {
                readyWithin(sleeper, 60);
                Thread.sleep(200);
                cancelledAt.set(System.nanoTime());
                cancel.cancel();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    canceller.start();
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dbt, "PATH"),
            request(project, "run"),
            project.resolve("target/run_results.json"),
            NODES,
            1,
            dev.dbtls.run.DataTests.Listener.NONE,
            cancel,
            l -> {},
            Duration.ofMillis(800));
    long ms = Duration.ofNanos(System.nanoTime() - cancelledAt.get()).toMillis();
    assertTrue(cancelledAt.get() != 0, "the stand-in came to its sleep");
    assertTrue(ms < 20_000, "killed after the grace, not after its 60 s sleep: " + ms + " ms");
    assertTrue(o.cancelled());
    assertTrue(o.exitCode() != 0);
    long pid = Long.parseLong(Files.readString(sleeper).strip());
    for (int i = 0;
        i < 40 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        i++) {
      Thread.sleep(50);
    }
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        "what the stand-in started was killed too");
  }

  /** Whether {@code file} appeared within {@code seconds}, looked for every 25 ms. */
  private static boolean readyWithin(Path file, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.exists(file)) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(25);
    }
    return true;
  }

  @Test
  void aDbtThatCannotStartIsAnOutcome() {
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            new DbtExecutable(dir.resolve("gone/dbt"), "dbtls.dbt.path"),
            request(dir, "test"),
            dir.resolve("target/run_results.json"),
            NODES,
            0,
            dev.dbtls.run.DataTests.Listener.NONE,
            new QueryCancel(),
            l -> {});
    assertEquals(-1, o.exitCode());
    assertTrue(o.error().startsWith("cannot start " + dir.resolve("gone/dbt")), o.error());
    assertEquals("dbt (version unknown)", o.executor());
  }

  @Test
  void flagsFollowTheCommandAndTheVersion() {
    Path p = Path.of("/w/shop");
    DbtProcessRun.Request test = request(p, "test");
    List<String> core13 =
        DbtProcessRun.commandLine(
            Path.of("dbt"), DbtVersion.parse("installed version: 1.3.0").orElseThrow(), test);
    // before 1.5 global flags precede the command; test takes no --full-refresh nor --empty
    assertEquals(List.of("dbt", "--log-format", "json", "test"), core13.subList(0, 4));
    assertFalse(core13.contains("--full-refresh"));
    assertFalse(core13.contains("--empty"));
    DbtProcessRun.Request run = request(p, "run");
    assertFalse(
        DbtProcessRun.commandLine(
                Path.of("dbt"), DbtVersion.parse("Core:\n  - installed: 1.7.9").orElseThrow(), run)
            .contains("--empty"),
        "--empty came in dbt 1.8");
    List<String> v2 =
        DbtProcessRun.commandLine(
            Path.of("dbt"), DbtVersion.parse("dbt-fusion 2.0.0-preview.45").orElseThrow(), run);
    assertEquals(List.of("dbt", "run", "--log-format", "json"), v2.subList(0, 4));
    assertTrue(v2.contains("--empty"));
    // a YAML selector goes to dbt as dbt's --selector
    DbtProcessRun.Request named =
        new DbtProcessRun.Request(
            "build", p, null, null, "dev", List.of(), List.of(), null, false, false, false, false,
            Map.of(), "nightly");
    List<String> withSelector =
        DbtProcessRun.commandLine(
            Path.of("dbt"), DbtVersion.parse("Core:\n  - installed: 1.9.4").orElseThrow(), named);
    int at = withSelector.indexOf("--selector");
    assertEquals("nightly", withSelector.get(at + 1), withSelector.toString());
    assertFalse(withSelector.contains("--select"), withSelector.toString());
  }
}
