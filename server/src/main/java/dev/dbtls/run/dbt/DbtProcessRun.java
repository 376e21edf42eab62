package dev.dbtls.run.dbt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.index.Node;
import dev.dbtls.run.CommandRun;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.warehouse.QueryCancel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A dbt command run by the user's dbt: {@code dbt <command> --log-format json} with the project,
 * profiles folder, target and the request's flags; its stdout read line by line into a {@link
 * DbtEventStream} (live progress), its stderr kept; then the {@code run_results.json} it wrote read
 * as the final word on each node. A cancel interrupts dbt (SIGINT, as Ctrl-C does: dbt cancels its
 * queries), waits {@link #GRACE} for it to stop, then kills it and what it started; what did not
 * end is skipped.
 */
public final class DbtProcessRun {
  /** How long dbt gets to cancel its queries after the interrupt before it is killed. */
  public static final java.time.Duration GRACE = java.time.Duration.ofSeconds(5);

  private DbtProcessRun() {}

  /**
   * What to run, in dbt's flags.
   *
   * @param command build, run, seed, snapshot or test
   * @param select dbt's {@code -s} words; empty: no {@code -s}
   * @param vars dbt's {@code --vars}, written as JSON
   */
  public record Request(
      String command,
      Path projectDir,
      Path profilesDir,
      String profile,
      String target,
      List<String> select,
      List<String> exclude,
      Integer threads,
      boolean fullRefresh,
      boolean failFast,
      boolean empty,
      boolean storeFailures,
      Map<String, Object> vars,
      String selector,
      java.util.function.UnaryOperator<String> scrub) {

    public Request {
      scrub = scrub == null ? java.util.function.UnaryOperator.identity() : scrub;
    }

    /** Without hiding anything of what dbt writes. */
    public Request(
        String command,
        Path projectDir,
        Path profilesDir,
        String profile,
        String target,
        List<String> select,
        List<String> exclude,
        Integer threads,
        boolean fullRefresh,
        boolean failFast,
        boolean empty,
        boolean storeFailures,
        Map<String, Object> vars,
        String selector) {
      this(
          command,
          projectDir,
          profilesDir,
          profile,
          target,
          select,
          exclude,
          threads,
          fullRefresh,
          failFast,
          empty,
          storeFailures,
          vars,
          selector,
          null);
    }

    /** Without a YAML selector. */
    public Request(
        String command,
        Path projectDir,
        Path profilesDir,
        String profile,
        String target,
        List<String> select,
        List<String> exclude,
        Integer threads,
        boolean fullRefresh,
        boolean failFast,
        boolean empty,
        boolean storeFailures,
        Map<String, Object> vars) {
      this(
          command,
          projectDir,
          profilesDir,
          profile,
          target,
          select,
          exclude,
          threads,
          fullRefresh,
          failFast,
          empty,
          storeFailures,
          vars,
          null,
          null);
    }
  }

  /**
   * How it went.
   *
   * @param executor what ran, e.g. {@code dbt 1.9.4}
   * @param exitCode dbt's (0 ok, 1 a node failed, 2 dbt itself failed); -1 when it did not start
   * @param errors dbt's error events and the lines it printed that were no event, as it wrote them
   * @param error why the run as a whole failed (dbt's own words), or null
   */
  public record Outcome(
      CommandRun run,
      String executor,
      int exitCode,
      List<String> errors,
      String error,
      boolean cancelled) {}

  /** dbt's command line for {@code r}, after {@code executable}. */
  public static List<String> commandLine(Path executable, DbtVersion version, Request r) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    boolean early = version != null && version.beforeFlagsAnywhere();
    if (early) {
      cmd.addAll(List.of("--log-format", "json"));
    }
    cmd.add(r.command());
    if (!early) {
      cmd.addAll(List.of("--log-format", "json"));
    }
    cmd.addAll(List.of("--project-dir", r.projectDir().toString()));
    if (r.profilesDir() != null) {
      cmd.addAll(List.of("--profiles-dir", r.profilesDir().toString()));
    }
    if (r.profile() != null) {
      cmd.addAll(List.of("--profile", r.profile()));
    }
    if (r.target() != null) {
      cmd.addAll(List.of("--target", r.target()));
    }
    if (!r.select().isEmpty()) {
      cmd.add("--select");
      cmd.addAll(r.select());
    }
    if (!r.exclude().isEmpty()) {
      cmd.add("--exclude");
      cmd.addAll(r.exclude());
    }
    if (r.selector() != null && !r.selector().isBlank()) {
      cmd.addAll(List.of("--selector", r.selector()));
    }
    if (r.threads() != null) {
      cmd.addAll(List.of("--threads", String.valueOf(r.threads())));
    }
    boolean builds = !r.command().equals("test");
    if (r.fullRefresh() && List.of("build", "run", "seed").contains(r.command())) {
      cmd.add("--full-refresh");
    }
    if (r.failFast()) {
      cmd.add("--fail-fast");
    }
    if (r.empty()
        && List.of("build", "run").contains(r.command())
        && (version == null || version.hasEmpty())) {
      cmd.add("--empty");
    }
    if (r.storeFailures() && (!builds || r.command().equals("build"))) {
      cmd.add("--store-failures");
    }
    if (r.vars() != null && !r.vars().isEmpty()) {
      try {
        cmd.addAll(List.of("--vars", new ObjectMapper().writeValueAsString(r.vars())));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // vars that are not plain data: dbt reads the project's own
      }
    }
    return cmd;
  }

  /**
   * Runs {@code r} with {@code dbt}; never throws: a dbt that cannot start is an outcome with its
   * error.
   *
   * @param runResults where dbt writes run_results.json (the project's target path)
   * @param nodes the project's node of a unique id, for names and the listener (null: unknown)
   * @param expectedTotal how many nodes dbtls expects the command to run
   * @param out each line dbt prints, as it prints it
   */
  public static Outcome run(
      DbtExecutable dbt,
      Request r,
      Path runResults,
      Function<String, Node> nodes,
      int expectedTotal,
      DataTests.Listener listener,
      QueryCancel cancel,
      Consumer<String> out) {
    return run(dbt, r, runResults, nodes, expectedTotal, listener, cancel, out, GRACE);
  }

  /** {@link #run} with the time dbt gets after the interrupt before it is killed. */
  static Outcome run(
      DbtExecutable dbt,
      Request r,
      Path runResults,
      Function<String, Node> nodes,
      int expectedTotal,
      DataTests.Listener listener,
      QueryCancel cancel,
      Consumer<String> out,
      java.time.Duration grace) {
    DbtVersion version = DbtVersion.of(dbt.path()).orElse(null);
    String executor = version == null ? "dbt (version unknown)" : version.label();
    List<String> cmd = commandLine(dbt.path(), version, r);
    DbtEventStream stream = new DbtEventStream(nodes, listener, expectedTotal, out);
    long t0 = System.nanoTime();
    java.time.Instant startedAt = java.time.Instant.now();
    Process p;
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(r.projectDir().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(DbtVersion.nullFile()));
      Map<String, String> env = pb.environment();
      env.put("DBT_USE_COLORS", "false");
      env.putIfAbsent("PYTHONUNBUFFERED", "1");
      p = pb.start();
    } catch (IOException | RuntimeException e) {
      String why = "cannot start " + dbt.path() + ": " + e.getMessage();
      return new Outcome(
          new CommandRun(List.of(), 0, null, null), executor, -1, List.of(why), why, false);
    }
    Process process = p;
    boolean[] interrupted = {false};
    cancel.whenCancelled(
        () -> {
          interrupted[0] = true;
          stop(process, grace);
        });
    List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread errReader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  String said = r.scrub().apply(line);
                  stderr.add(said);
                  out.accept(said);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "dbtls-dbt-stderr");
    errReader.setDaemon(true);
    errReader.start();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        stream.line(r.scrub().apply(line));
      }
    } catch (IOException e) {
      // the process was killed
    }
    int exit;
    try {
      exit = process.waitFor();
      errReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      exit = -1;
    }
    boolean cancelled = interrupted[0];
    double seconds = (System.nanoTime() - t0) / 1e9;
    stream.endUnfinished(cancelled ? "cancelled" : "dbt ended before this node did");
    List<NodeResult> results =
        finalResults(stream, runResults, startedAt, nodes).stream()
            .map(x -> scrubbed(x, r.scrub()))
            .toList();
    List<String> errors = new ArrayList<>(stream.errors());
    errors.addAll(stderr);
    String error = null;
    if (cancelled) {
      error = "cancelled: dbt was interrupted";
    } else if (exit != 0 && (exit != 1 || results.isEmpty())) {
      error =
          errors.isEmpty()
              ? dbt.path() + " exited with code " + exit
              : String.join("\n", errors).strip();
    }
    boolean fresh = Files.isRegularFile(runResults) && modifiedSince(runResults, startedAt);
    return new Outcome(
        new CommandRun(results, seconds, fresh ? runResults : null, null),
        executor,
        exit,
        List.copyOf(errors),
        error,
        cancelled);
  }

  /** A result whose message dbt wrote (run_results.json), its credentials hidden. */
  private static NodeResult scrubbed(NodeResult x, java.util.function.UnaryOperator<String> scrub) {
    String message = x.message() == null ? null : scrub.apply(x.message());
    return java.util.Objects.equals(message, x.message())
        ? x
        : new NodeResult(
            x.uniqueId(),
            x.name(),
            x.status(),
            x.failures(),
            message,
            x.compiledSql(),
            x.compileStarted(),
            x.executeStarted(),
            x.completed(),
            x.thread(),
            x.adapterResponse(),
            x.relationName(),
            x.failingRows(),
            x.diff());
  }

  /**
   * run_results.json when this run wrote it (its invocation id, or written since the run began),
   * completed with what started and is not in it (skipped); else what the events said.
   */
  private static List<NodeResult> finalResults(
      DbtEventStream stream,
      Path runResults,
      java.time.Instant startedAt,
      Function<String, Node> nodes) {
    List<NodeResult> live = stream.results();
    if (!Files.isRegularFile(runResults) || !modifiedSince(runResults, startedAt)) {
      return live;
    }
    RunResultsReader.Read read =
        RunResultsReader.read(
            runResults,
            id -> {
              Node n = nodes.apply(id);
              return n == null ? null : n.name();
            });
    if (!read.ok()
        || (stream.invocationId() != null
            && read.invocationId() != null
            && !stream.invocationId().equals(read.invocationId()))) {
      return live;
    }
    Map<String, NodeResult> byId = new HashMap<>();
    read.results().forEach(x -> byId.put(x.uniqueId(), x));
    List<NodeResult> out = new ArrayList<>(read.results());
    for (NodeResult x : live) {
      if (!byId.containsKey(x.uniqueId())) {
        out.add(x);
      }
    }
    return out;
  }

  private static boolean modifiedSince(Path file, java.time.Instant since) {
    try {
      return !Files.getLastModifiedTime(file).toInstant().isBefore(since.minusSeconds(1));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Ctrl-C's signal first (on Unix {@code kill -INT}: dbt cancels its open queries and writes what
   * it has), then, after {@code grace}, the process and every process it had started killed (those
   * it started are taken at the interrupt: they would outlive it and hold its output open).
   */
  static void stop(Process p, java.time.Duration grace) {
    if (!p.isAlive()) {
      return;
    }
    List<ProcessHandle> started = new ArrayList<>(p.descendants().toList());
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    if (!windows) {
      try {
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(2, TimeUnit.SECONDS);
      } catch (IOException e) {
        // no kill command: the hard stop below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Thread killer =
        new Thread(
            () -> {
              try {
                p.waitFor(windows ? 0 : grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                // kill now
              }
              if (p.isAlive()) {
                started.addAll(p.descendants().toList());
                // dbt first (its children ending must not let it finish as if it had), then them;
                // never once it has ended: destroying a Process closes its streams, and the lines
                // dbt wrote last (its "ctrl-c") were still being read (a CI run lost them)
                p.destroyForcibly();
              }
              started.forEach(ProcessHandle::destroyForcibly);
            },
            "dbtls-dbt-stop");
    killer.setDaemon(true);
    killer.start();
  }
}
