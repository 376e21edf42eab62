package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.run.CommandRun;
import dev.dbtls.run.NodeResult;
import dev.dbtls.store.RunHistory;
import dev.dbtls.store.Store;
import java.util.UUID;

/**
 * A command-line run kept in the store's run history, as the editor's are: the Runs views list it
 * and the lineage graphs paint its nodes. A store that cannot be opened or written only costs the
 * history a run (the run's own result stands).
 */
final class RunRecord {
  private RunRecord() {}

  static void keep(ProjectSnapshot s, String command, CommandRun run) {
    try (Store store = Store.open()) {
      long ms = Math.round(run.seconds() * 1000);
      store
          .runs()
          .add(
              new RunHistory.Run(
                  0,
                  s.inputs().root().dir().toString(),
                  s.inputs().target().name(),
                  "cli-" + UUID.randomUUID().toString().substring(0, 8),
                  command,
                  System.currentTimeMillis() - ms,
                  ms,
                  (int) run.passed(),
                  (int) run.count(NodeResult.Status.WARN),
                  (int) run.errors(),
                  (int) run.count(NodeResult.Status.SKIPPED),
                  null),
              run.results().stream()
                  .map(
                      r -> {
                        Node n = s.manifest().nodes().get(r.uniqueId());
                        boolean counted =
                            r.status() != NodeResult.Status.ERROR
                                && r.status() != NodeResult.Status.SUCCESS;
                        return new RunHistory.NodeRun(
                            r.uniqueId(),
                            r.name(),
                            n == null ? null : n.type().dbtName(),
                            r.status().word(),
                            counted ? r.failures() : null,
                            r.message(),
                            Math.round(r.seconds() * 1000) / 1000.0,
                            r.relationName());
                      })
                  .toList());
    } catch (RuntimeException e) {
      // the history is a courtesy
    }
  }
}
