package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.store.HistoryEntry;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.PreviewResult;
import java.time.Instant;
import java.util.List;

/**
 * What a preview came to: nothing to run, SQL that did not compile, or the warehouse's first page
 * (or its error).
 *
 * @param snapshot the project the SQL was compiled in
 * @param prepared the SQL resolved; null when the request names nothing to run
 * @param inlined parents not built yet, put in front as CTEs
 * @param result the warehouse's answer; null when nothing ran
 * @param written the SQL as written, for the history: the ad-hoc text or the model's file
 * @param started when the query was sent
 */
public record PreviewOutcome(
    ProjectSnapshot snapshot,
    PreviewSql prepared,
    List<String> inlined,
    PreviewResult result,
    String written,
    Instant started) {

  /** Whether the request named nothing to run (a file without a model and no ad-hoc SQL). */
  public boolean nothing() {
    return prepared == null;
  }

  /** Whether the SQL could not be compiled ({@code prepared.problems()} say why). */
  public boolean compileFailed() {
    return prepared != null && prepared.failed();
  }

  /**
   * Writes the preview to the query history: the SQL as written, the compiled SQL, target, time,
   * duration, rows, status and error. Never credentials: the store only ever sees SQL and names. A
   * store that cannot write says so in its own notices, never here.
   */
  public void record(Store store) {
    if (store == null || result == null) {
      return;
    }
    var r = result;
    HistoryEntry.Status status =
        r.ok()
            ? HistoryEntry.Status.OK
            : r.error().code() == ProblemCode.WAREHOUSE_CANCELLED
                ? HistoryEntry.Status.CANCELLED
                : HistoryEntry.Status.ERROR;
    store
        .history()
        .record(
            HistoryEntry.of(
                snapshot.inputs().root().dir().toString(),
                snapshot.inputs().target().name(),
                snapshot.inputs().target().type(),
                written,
                prepared.sql(),
                started,
                r.millis(),
                r.ok() ? (long) r.rows().size() : null,
                status,
                r.ok() ? null : r.error().message()));
  }
}
