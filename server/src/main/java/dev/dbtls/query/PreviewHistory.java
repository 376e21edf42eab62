package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.store.HistoryEntry;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.PreviewResult;
import java.time.Instant;

/**
 * Every preview, written to the query history of the store: the SQL as written (the model's
 * file or the ad-hoc text), the compiled SQL, target, time, duration, rows, status and error.
 * Never credentials: the store only ever sees SQL and names.
 */
public final class PreviewHistory {
  private PreviewHistory() {}

  /** Records one preview; a store that cannot write says so in its own notices, never here. */
  public static void record(Store store, ProjectSnapshot s, String written, PreviewSql prepared,
      PreviewResult r, Instant started) {
    if (store == null || s == null || prepared == null || r == null) {
      return;
    }
    HistoryEntry.Status status = r.ok() ? HistoryEntry.Status.OK
        : r.error().code() == ProblemCode.WAREHOUSE_CANCELLED ? HistoryEntry.Status.CANCELLED
        : HistoryEntry.Status.ERROR;
    store.history().record(HistoryEntry.of(s.inputs().root().dir().toString(),
        s.inputs().target().name(), s.inputs().target().type(), written, prepared.sql(), started,
        r.millis(), r.ok() ? (long) r.rows().size() : null, status,
        r.ok() ? null : r.error().message()));
  }
}
