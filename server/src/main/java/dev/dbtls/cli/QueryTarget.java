package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.PreviewSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the warehouse commands ({@code preview}, {@code explain}) run: one selected model, one of
 * its CTEs, or ad-hoc SQL, compiled; or the exit code and message when there is nothing to run.
 */
record QueryTarget(ProjectSnapshot snapshot, PreviewSql prepared, int exit) {

  static QueryTarget of(ProjectOptions project, String sql, String cte, String verb) {
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, true);
    errors.forEach(e -> System.err.println("error: " + e));
    Path file = null;
    if (sql == null) {
      Selector selector = new Selector(snapshot.manifest());
      List<Node> nodes =
          project.select.isEmpty()
              ? List.of()
              : selector.select(project.select, project.exclude).stream()
                  .map(id -> snapshot.manifest().nodes().get(id))
                  .filter(n -> n != null && n.type().compiles() && n.file() != null)
                  .toList();
      selector.problems().forEach(p -> System.err.println(p.format()));
      if (nodes.size() != 1) {
        System.err.println(
            "error: select exactly one model to "
                + verb
                + " (--select NAME), or give --sql"
                + (project.select.isEmpty() ? "" : "; " + nodes.size() + " selected"));
        return new QueryTarget(snapshot, null, 2);
      }
      file = nodes.get(0).file().absolutePath();
    }
    PreviewSql prepared = PreviewSql.of(snapshot, file, sql, cte).orElse(null);
    if (prepared == null || prepared.failed()) {
      if (prepared != null) {
        Reporter.report(prepared.problems(), List.of());
      }
      System.err.println("error: the SQL could not be compiled");
      return new QueryTarget(snapshot, null, 1);
    }
    return new QueryTarget(snapshot, prepared, 0);
  }

  boolean ok() {
    return prepared != null;
  }

  /** The file of the model compiled; null for ad-hoc SQL. */
  java.nio.file.Path file() {
    return prepared.nodeId() == null
        ? null
        : snapshot.manifest().nodes().get(prepared.nodeId()).file().absolutePath();
  }

  /** Says on stderr which parents went in front as CTEs, if any. */
  static void sayInlined(List<String> inlined) {
    if (!inlined.isEmpty()) {
      System.err.println("not built yet, inlined: " + String.join(", ", inlined));
    }
  }
}
