package dev.dbtls.lsp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.LastRun;
import dev.dbtls.protocol.LineageResult;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.protocol.RunStatus;
import dev.dbtls.protocol.RunSummary;
import dev.dbtls.protocol.RunsParams;
import dev.dbtls.protocol.RunsResult;
import dev.dbtls.store.RunHistory;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run history in protocol records: each {@code dbt/run} that ran is stored ({@link #recorded});
 * {@code dbt/runs} lists the project's runs or gives one with its nodes; the lineage graph's nodes
 * are painted with their last end on the project's target ({@link #painted}).
 */
final class RunsAnswer {
  private RunsAnswer() {}

  /** Stores a run that ran (one refused before any node is not history); answers it. */
  static RunResult recorded(Store store, ProjectSnapshot s, RunResult r) {
    if (store == null || r == null || (r.error() != null && r.results().isEmpty())) {
      return r;
    }
    long ms = Math.round(r.seconds() * 1000);
    store
        .runs()
        .add(
            new RunHistory.Run(
                0,
                s.inputs().root().dir().toString(),
                s.inputs().target().name(),
                r.runId(),
                r.command(),
                System.currentTimeMillis() - ms,
                ms,
                r.pass(),
                r.warn(),
                r.errors(),
                r.skip(),
                r.error() == null ? null : r.error().message()),
            r.results().stream()
                .map(
                    n ->
                        new RunHistory.NodeRun(
                            n.uniqueId(),
                            n.name(),
                            n.resourceType(),
                            n.status().name().toLowerCase(Locale.ROOT),
                            n.failures(),
                            n.message(),
                            n.seconds(),
                            n.relation()))
                .toList());
    return r;
  }

  /** {@code dbt/runs}: the newest runs, or the one {@code runId} names with its nodes. */
  static RunsResult of(Store store, ProjectSnapshot s, RunsParams p, Uris uris) {
    String project = s.inputs().root().dir().toString();
    int limit = p.limit() == null ? 20 : Math.max(1, Math.min(RunHistory.KEPT, p.limit()));
    StoreResult<List<RunHistory.Run>> runs = store.runs().list(project, RunHistory.KEPT);
    if (!runs.ok()) {
      return new RunsResult(List.of(), new PreviewError("store-unavailable", runs.error()));
    }
    if (p.runId() == null) {
      return new RunsResult(
          runs.value().stream().limit(limit).map(r -> summary(r, null)).toList(), null);
    }
    RunHistory.Run run =
        runs.value().stream().filter(r -> r.runId().equals(p.runId())).findFirst().orElse(null);
    if (run == null) {
      return new RunsResult(
          List.of(),
          new PreviewError("run-unknown", "no run '" + p.runId() + "' in this project's history"));
    }
    List<RunHistory.NodeRun> nodes = store.runs().nodes(project, run.runId()).orElse(List.of());
    Path root = s.inputs().root().dir();
    List<RunNode> out =
        java.util.stream.IntStream.range(0, nodes.size())
            .mapToObj(i -> node(run.runId(), nodes.get(i), i + 1, nodes.size(), s, uris, root))
            .toList();
    return new RunsResult(List.of(summary(run, out)), null);
  }

  /** The lineage answer with each node's last end on the project's target. */
  static LineageResult painted(LineageResult r, Store store, ProjectSnapshot s) {
    if (store == null || r == null || r.nodes() == null || r.nodes().isEmpty()) {
      return r;
    }
    Map<String, RunHistory.Last> last =
        store
            .runs()
            .last(
                s.inputs().root().dir().toString(),
                s.inputs().target().name(),
                r.nodes().stream().map(dev.dbtls.protocol.LineageNode::id).toList())
            .orElse(Map.of());
    if (last.isEmpty()) {
      return r;
    }
    return new LineageResult(
        r.root(),
        r.message(),
        r.nodes().stream().map(n -> n.withLastRun(lastRun(last.get(n.id())))).toList(),
        r.edges(),
        r.truncated());
  }

  /** A stored end as the protocol says it; null for none. */
  static LastRun lastRun(RunHistory.Last l) {
    RunStatus status = l == null ? null : status(l.status());
    return status == null
        ? null
        : new LastRun(status, Instant.ofEpochMilli(l.at()).toString(), l.message());
  }

  private static RunStatus status(String word) {
    try {
      return RunStatus.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static RunSummary summary(RunHistory.Run r, List<RunNode> nodes) {
    return new RunSummary(
        r.runId(),
        r.command(),
        r.target(),
        Instant.ofEpochMilli(r.startedAt()).toString(),
        r.durationMs() / 1000.0,
        r.pass(),
        r.warn(),
        r.errors(),
        r.skip(),
        r.error(),
        nodes);
  }

  private static RunNode node(
      String runId,
      RunHistory.NodeRun n,
      int index,
      int total,
      ProjectSnapshot s,
      Uris uris,
      Path root) {
    Node now = s.manifest().nodes().get(n.uniqueId());
    RunStatus status = status(n.status());
    return new RunNode(
        runId,
        n.uniqueId(),
        n.name(),
        status == null ? RunStatus.ERROR : status,
        index,
        total,
        n.failures(),
        n.message(),
        n.seconds(),
        now == null || now.displayPath() == null
            ? null
            : uris.uri(root.resolve(now.displayPath()).normalize()),
        now == null ? null : Ranges.of(now.span()),
        n.resourceType(),
        n.relation());
  }
}
