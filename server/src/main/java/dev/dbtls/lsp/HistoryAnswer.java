package dev.dbtls.lsp;

import dev.dbtls.protocol.HistoryEntry;
import dev.dbtls.protocol.HistoryParams;
import dev.dbtls.protocol.HistoryResult;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import java.nio.file.Path;
import java.util.List;

/** {@code dbt/history} from the store's query history (docs/protocol.md). */
final class HistoryAnswer {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private HistoryAnswer() {}

  static HistoryResult of(Store store, HistoryParams p, Path project) {
    int offset = p.offset() == null ? 0 : Math.max(0, p.offset());
    int limit = p.limit() == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, p.limit()));
    String dir = project == null ? null : project.toString();
    // a blank query lists them all
    StoreResult<List<dev.dbtls.store.HistoryEntry>> found =
        store.history().search(dir, p.query(), offset, limit);
    if (!found.ok()) {
      return new HistoryResult(List.of(), found.error());
    }
    return new HistoryResult(
        found.value().stream()
            .map(
                e ->
                    new HistoryEntry(
                        e.id(),
                        e.projectDir(),
                        e.target(),
                        e.adapter(),
                        e.sql(),
                        e.compiledSql(),
                        e.startedAt().toString(),
                        e.durationMs(),
                        e.rowCount(),
                        dev.dbtls.protocol.QueryStatus.valueOf(e.status().name()),
                        e.error()))
            .toList(),
        null);
  }
}
