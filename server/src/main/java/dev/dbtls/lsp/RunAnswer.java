package dev.dbtls.lsp;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import dev.dbtls.protocol.DbtClient;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.Range;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunParams;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.protocol.RunStatus;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.run.TestRun;
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
 * what the document defines) through {@link TestRun}, each node's start and end sent as {@code
 * dbt/runProgress}; other commands answer that they do not run yet.
 */
final class RunAnswer {
  private RunAnswer() {}

  static RunResult of(
      ProjectSnapshot s,
      Path file,
      RunParams p,
      QueryCancel cancel,
      Warehouses warehouses,
      Uris uris,
      Supplier<LanguageClient> client) {
    String command = p.command() == null ? "test" : p.command();
    String runId = UUID.randomUUID().toString().substring(0, 8);
    if (!command.equals("test")) {
      return failed(
          runId,
          command,
          "run-command-unsupported",
          "dbtls runs 'test' so far; '"
              + command
              + "' comes with its native runner (run it with dbt meanwhile)");
    }
    Selector selector = new Selector(s.manifest());
    List<String> select = p.select() == null ? List.of() : p.select();
    List<String> exclude = p.exclude() == null ? List.of() : p.exclude();
    Set<String> chosen = select.isEmpty() ? definedIn(s, file) : selector.select(select, exclude);
    if (!selector.problems().isEmpty()) {
      return failed(runId, command, "selector-invalid", selector.problems().get(0).message());
    }
    List<Node> tests =
        DataTests.among(
            s, chosen, exclude.isEmpty() ? Set.of() : selector.select(exclude, List.of()));
    Path root = s.inputs().root().dir();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", "test");
    args.put("select", select);
    args.put("exclude", exclude);
    int threads = p.threads() != null ? p.threads() : Math.max(1, s.inputs().target().threads());
    args.put("threads", threads);
    boolean failFast = Boolean.TRUE.equals(p.failFast());
    TestRun run =
        TestRun.of(
            s,
            tests,
            warehouses,
            new DataTests.Options(threads, failFast, 300, cancel),
            new DataTests.Listener() {
              @Override
              public void started(int index, int total, Node test) {
                tell(
                    client,
                    new RunNode(
                        runId,
                        test.uniqueId(),
                        test.name(),
                        RunStatus.RUNNING,
                        index,
                        total,
                        null,
                        null,
                        null,
                        where(uris, root, test),
                        range(test.span())));
              }

              @Override
              public void finished(int index, int total, NodeResult r) {
                tell(client, node(runId, r, index, total, s, uris, root));
              }
            },
            args);
    List<RunNode> results =
        java.util.stream.IntStream.range(0, run.results().size())
            .mapToObj(i -> node(runId, run.results().get(i), i + 1, tests.size(), s, uris, root))
            .toList();
    return new RunResult(
        runId,
        command,
        results,
        (int) run.count(NodeResult.Status.PASS),
        (int) run.count(NodeResult.Status.WARN),
        (int) run.errors(),
        (int) run.count(NodeResult.Status.SKIPPED),
        Math.round(run.seconds() * 1000) / 1000.0,
        run.runResults() == null ? null : uris.uri(run.runResults()),
        run.writeError() == null
            ? null
            : new PreviewError("run-results-unwritten", run.writeError()));
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

  private static RunNode node(
      String runId, NodeResult r, int index, int total, ProjectSnapshot s, Uris uris, Path root) {
    Node n = s.manifest().nodes().get(r.uniqueId());
    return new RunNode(
        runId,
        r.uniqueId(),
        r.name(),
        RunStatus.valueOf(r.status().name()),
        index,
        total,
        r.status() == NodeResult.Status.ERROR ? null : r.failures(),
        r.message(),
        Math.round(r.seconds() * 1000) / 1000.0,
        n == null ? null : where(uris, root, n),
        n == null ? null : range(n.span()));
  }

  private static String where(Uris uris, Path root, Node n) {
    return n.displayPath() == null ? null : uris.uri(root.resolve(n.displayPath()).normalize());
  }

  private static Range range(Span s) {
    return s == null
        ? null
        : new Range(
            new Position(s.startLine(), s.startColumn()), new Position(s.endLine(), s.endColumn()));
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
