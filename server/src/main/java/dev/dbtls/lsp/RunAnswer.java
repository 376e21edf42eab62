package dev.dbtls.lsp;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.YamlSelectors;
import dev.dbtls.index.compile.ProjectSelectors;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.DbtClient;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunParams;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.protocol.RunStatus;
import dev.dbtls.run.Builds;
import dev.dbtls.run.CommandRun;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.warehouse.BuildTarget;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code dbt/run} in protocol records: {@code test} runs the data tests of the selection (or of
 * what the document defines) read-only; {@code build}, {@code run}, {@code seed} and {@code
 * snapshot} build them with the native runner on a writable connection (the project's read-only
 * pools closed first: DuckDB lets one process hold a file one way), a target {@code
 * dbtls.run.protectedTargets} lists only with the user's yes. Each node's start and end is sent as
 * {@code dbt/runProgress}; the answer carries them all, dbt's counts and run_results.json.
 */
final class RunAnswer {
  /** The commands {@code dbt/run} runs. */
  static final Set<String> COMMANDS = Set.of("test", "build", "run", "seed", "snapshot");

  private RunAnswer() {}

  static RunResult of(
      ProjectSnapshot s,
      Path file,
      RunParams p,
      QueryCancel cancel,
      Warehouses warehouses,
      List<String> protectedTargets,
      Uris uris,
      Supplier<LanguageClient> client,
      java.util.function.BiConsumer<ProjectSnapshot, List<NodeResult>> ended,
      dev.dbtls.run.dbt.Executor executor,
      Path dbtPath) {
    String command = p.command() == null ? "test" : p.command();
    String runId =
        p.runId() != null && p.runId().matches("[A-Za-z0-9_-]{1,64}")
            ? p.runId()
            : UUID.randomUUID().toString().substring(0, 8);
    if (!COMMANDS.contains(command)) {
      return failed(
          runId,
          command,
          "run-command-unsupported",
          "dbtls runs test, build, run, seed and snapshot; not '" + command + "'");
    }
    YamlSelectors named = ProjectSelectors.of(s);
    Selector selector = new Selector(s.manifest(), named);
    List<String> select = p.select() == null ? List.of() : p.select();
    List<String> exclude = p.exclude() == null ? List.of() : p.exclude();
    Set<String> chosen =
        p.selector() != null
            ? selector.selector(p.selector())
            : select.isEmpty()
                ? definedIn(s, file)
                : selector.select(select.equals(List.of("*")) ? List.of() : select, exclude);
    List<dev.dbtls.project.Problem> wrong =
        new java.util.ArrayList<>(
            selector.problems().stream().filter(dev.dbtls.project.Problem::isError).toList());
    if (p.selector() != null) {
      wrong.addAll(
          0, named.problems().stream().filter(dev.dbtls.project.Problem::isError).toList());
    }
    if (!wrong.isEmpty()) {
      dev.dbtls.project.Problem first = wrong.get(0);
      return failed(
          runId,
          command,
          "selector-invalid",
          first.file().isEmpty() ? first.message() : first.format());
    }
    Set<String> excluded =
        p.selector() != null
            ? selector.leftOut(chosen)
            : exclude.isEmpty() ? Set.of() : selector.select(exclude, List.of());
    Path root = s.inputs().root().dir();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", command);
    args.put("select", select);
    args.put("exclude", exclude);
    args.put("selector", p.selector());
    int threads = p.threads() != null ? p.threads() : Math.max(1, s.inputs().target().threads());
    args.put("threads", threads);
    boolean failFast = Boolean.TRUE.equals(p.failFast());
    boolean fullRefresh = Boolean.TRUE.equals(p.fullRefresh());
    DataTests.Listener listener =
        new DataTests.Listener() {
          @Override
          public void started(int index, int total, Node n) {
            tell(
                client,
                new RunNode(
                        runId,
                        n.uniqueId(),
                        n.name(),
                        RunStatus.RUNNING,
                        index,
                        total,
                        null,
                        null,
                        null,
                        where(uris, root, n),
                        Ranges.of(n.span()),
                        n.type().dbtName(),
                        null)
                    .with(
                        null,
                        null,
                        null,
                        TestsAnswer.attachedId(s, n),
                        TestsAnswer.attachedName(s, n)));
          }

          @Override
          public void finished(int index, int total, NodeResult r) {
            tell(client, node(runId, r, index, total, s, uris, root));
          }
        };
    dev.dbtls.run.dbt.Executor.Choice choice =
        (executor == null ? dev.dbtls.run.dbt.Executor.AUTO : executor)
            .choose(dbtPath, root, System.getenv());
    if (choice.error() != null) {
      return failed(runId, command, "dbt-not-found", choice.error());
    }
    RunResult refused = refusedTarget(s, p, protectedTargets, runId, command);
    if (choice.dbt() != null) {
      return refused != null
          ? refused
          : DbtRunAnswer.of(
              s,
              file,
              p,
              command,
              runId,
              command.equals("test")
                  ? DataTests.among(s, chosen, excluded).size()
                  : Builds.among(s, command, chosen, excluded).size(),
              choice.dbt(),
              listener,
              cancel,
              warehouses,
              uris,
              ended);
    }
    CommandRun run;
    List<Node> nodes;
    if (command.equals("test")) {
      nodes = DataTests.among(s, chosen, excluded);
      run =
          CommandRun.test(
              s,
              nodes,
              warehouses,
              new DataTests.Options(threads, failFast, 300, cancel),
              listener,
              args);
    } else {
      String target = s.inputs().target().name();
      if (refused != null) {
        return refused;
      }
      if (BuildTarget.inMemory(s.inputs().target())) {
        return failed(
            runId,
            command,
            "target-in-memory",
            "target '"
                + target
                + "' is a DuckDB database in memory: what dbt "
                + command
                + " writes there would be gone when it ends; build a target with a file 'path'");
      }
      args.put("full_refresh", fullRefresh);
      nodes = Builds.among(s, command, chosen, excluded);
      warehouses.closeProject(root);
      BuildTarget.Opened opened = BuildTarget.open(s.inputs().target(), root);
      if (!opened.ok()) {
        return failed(runId, command, opened.error().code().id(), opened.error().message());
      }
      try (BuildTarget t = opened.target()) {
        run =
            CommandRun.build(
                s,
                nodes,
                t,
                new Builds.Options(threads, failFast, fullRefresh, command, cancel)
                    .storingFailures(Boolean.TRUE.equals(p.storeFailures()))
                    .emptying(Boolean.TRUE.equals(p.empty())),
                listener,
                args);
      }
    }
    ended.accept(s, run.results());
    List<RunNode> results =
        java.util.stream.IntStream.range(0, run.results().size())
            .mapToObj(i -> node(runId, run.results().get(i), i + 1, nodes.size(), s, uris, root))
            .toList();
    return new RunResult(
        runId,
        command,
        results,
        (int) run.passed(),
        (int) run.count(NodeResult.Status.WARN),
        (int) run.errors(),
        (int) run.count(NodeResult.Status.SKIPPED),
        Math.round(run.seconds() * 1000) / 1000.0,
        run.runResults() == null ? null : uris.uri(run.runResults()),
        run.writeError() == null
            ? null
            : new PreviewError("run-results-unwritten", run.writeError()),
        "native");
  }

  /** A build, run, seed or snapshot on a protected target without the user's yes; else null. */
  private static RunResult refusedTarget(
      ProjectSnapshot s, RunParams p, List<String> protectedTargets, String runId, String command) {
    String target = s.inputs().target().name();
    if (command.equals("test")
        || Boolean.TRUE.equals(p.allowProtectedTarget())
        || protectedTargets.stream().noneMatch(t -> t.equalsIgnoreCase(target))) {
      return null;
    }
    return failed(
        runId,
        command,
        "target-protected",
        "target '"
            + target
            + "' is protected (dbtls.run.protectedTargets): dbt "
            + command
            + " writes to it only once you confirm");
  }

  /** The nodes a file defines: a model's (or test's) file, or what a property YAML declares. */
  private static Set<String> definedIn(ProjectSnapshot s, Path file) {
    Path root = s.inputs().root().dir();
    String rel = file == null ? "" : root.relativize(file).toString().replace('\\', '/');
    return s.manifest().nodes().values().stream()
        .filter(
            n ->
                rel.equals(n.originalFilePath())
                    || rel.equals(String.valueOf(n.extra().get(Node.PROPERTIES_FILE))))
        .map(Node::uniqueId)
        .collect(Collectors.toSet());
  }

  static RunNode node(
      String runId, NodeResult r, int index, int total, ProjectSnapshot s, Uris uris, Path root) {
    Node n = s.manifest().nodes().get(r.uniqueId());
    return new RunNode(
            runId,
            r.uniqueId(),
            r.name(),
            RunStatus.valueOf(r.status().name()),
            index,
            total,
            r.status() == NodeResult.Status.ERROR || r.status() == NodeResult.Status.SUCCESS
                ? null
                : r.failures(),
            r.message(),
            Math.round(r.seconds() * 1000) / 1000.0,
            n == null ? null : where(uris, root, n),
            n == null ? null : Ranges.of(n.span()),
            n == null ? null : n.type().dbtName(),
            r.relationName())
        .with(
            r.failingRows() == null
                ? null
                : new dev.dbtls.protocol.FailingRows(
                    r.failingRows().columns(), r.failingRows().rows(), r.failingRows().more()),
            r.diff() == null ? null : r.diff().expected(),
            r.diff() == null ? null : r.diff().actual(),
            n == null ? null : TestsAnswer.attachedId(s, n),
            n == null ? null : TestsAnswer.attachedName(s, n));
  }

  private static String where(Uris uris, Path root, Node n) {
    return n.displayPath() == null ? null : uris.uri(root.resolve(n.displayPath()).normalize());
  }

  private static void tell(Supplier<LanguageClient> client, RunNode node) {
    try {
      if (client.get() instanceof DbtClient d) {
        d.runProgress(node);
      }
    } catch (RuntimeException e) {
      // a client that cannot take it still gets the run's answer
    }
  }

  private static RunResult failed(String runId, String command, String code, String message) {
    return new RunResult(
        runId, command, List.of(), 0, 0, 0, 0, 0, null, new PreviewError(code, message));
  }
}
