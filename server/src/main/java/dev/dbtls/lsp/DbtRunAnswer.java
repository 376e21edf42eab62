package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunParams;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.NodeResult;
import dev.dbtls.run.dbt.DbtExecutable;
import dev.dbtls.run.dbt.DbtProcessRun;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code dbt/run} by the user's dbt ({@link DbtProcessRun}): the same progress notifications and
 * answer as the native runner, dbt's own words when it fails as a whole, and {@code executor}
 * naming the dbt that ran. The project's preview connections are closed first: dbt opens the target
 * itself (a DuckDB file takes one writer).
 */
final class DbtRunAnswer {
  private DbtRunAnswer() {}

  static RunResult of(
      ProjectSnapshot s,
      Path file,
      RunParams p,
      String command,
      String runId,
      int expectedTotal,
      DbtExecutable dbt,
      DataTests.Listener listener,
      QueryCancel cancel,
      Warehouses warehouses,
      Uris uris,
      BiConsumer<ProjectSnapshot, List<NodeResult>> ended) {
    Path root = s.inputs().root().dir();
    List<String> select = p.select() == null ? List.of() : p.select();
    boolean bySelector = p.selector() != null && !p.selector().isBlank();
    if (select.isEmpty() && file != null && !bySelector) {
      select = List.of("path:" + root.relativize(file).toString().replace('\\', '/'));
    } else if (select.equals(List.of("*"))) {
      select = List.of();
    }
    Path profiles = s.inputs().profilesFile();
    String profile = s.inputs().target().profileName();
    DbtProcessRun.Request request =
        new DbtProcessRun.Request(
            command,
            root,
            profiles == null ? null : profiles.getParent(),
            profile != null && !profile.equals(s.inputs().root().profile()) ? profile : null,
            s.inputs().target().name(),
            select,
            p.exclude() == null ? List.of() : p.exclude(),
            p.threads(),
            Boolean.TRUE.equals(p.fullRefresh()),
            Boolean.TRUE.equals(p.failFast()),
            Boolean.TRUE.equals(p.empty()),
            Boolean.TRUE.equals(p.storeFailures()),
            s.inputs().vars().cli(),
            bySelector ? p.selector() : null,
            text -> dev.dbtls.project.Secrets.scrub(text, s.inputs().target().fields()));
    warehouses.closeProject(root);
    DbtProcessRun.Outcome o =
        DbtProcessRun.run(
            dbt,
            request,
            root.resolve(s.inputs().root().targetPath()).resolve("run_results.json"),
            id -> s.manifest().nodes().get(id),
            expectedTotal,
            listener,
            cancel,
            line -> {});
    ended.accept(s, o.run().results());
    List<NodeResult> results = o.run().results();
    List<RunNode> nodes =
        java.util.stream.IntStream.range(0, results.size())
            .mapToObj(
                i -> RunAnswer.node(runId, results.get(i), i + 1, results.size(), s, uris, root))
            .toList();
    return new RunResult(
        runId,
        command,
        nodes,
        (int) o.run().passed(),
        (int) o.run().count(NodeResult.Status.WARN),
        (int) o.run().errors(),
        (int) o.run().count(NodeResult.Status.SKIPPED),
        Math.round(o.run().seconds() * 1000) / 1000.0,
        o.run().runResults() == null ? null : uris.uri(o.run().runResults()),
        o.error() == null
            ? null
            : new PreviewError(o.cancelled() ? "run-cancelled" : "dbt-error", o.error()),
        o.executor());
  }
}
