package dev.dbtls.lsp;

import dev.dbtls.protocol.SavedQueriesParams;
import dev.dbtls.protocol.SavedQueriesResult;
import dev.dbtls.protocol.SavedQuery;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import java.util.List;

/**
 * {@code dbt/savedQueries}, {@code dbt/saveQuery}, {@code dbt/deleteQuery} on the store
 * (docs/protocol.md).
 */
final class SavedQueriesAnswer {
  private SavedQueriesAnswer() {}

  static SavedQueriesResult list(Store store, SavedQueriesParams p) {
    var q = store.savedQueries();
    StoreResult<List<dev.dbtls.store.SavedQuery>> found =
        p == null
            ? q.all()
            : p.query() != null && !p.query().isBlank()
                ? q.search(p.query())
                : p.folder() != null
                    ? q.inFolder(p.folder())
                    : p.tag() != null ? q.withTag(p.tag()) : q.all();
    return answer(store, found);
  }

  static SavedQueriesResult save(Store store, SavedQuery s) {
    if (s == null || s.name() == null || s.name().isBlank() || s.sql() == null) {
      return new SavedQueriesResult(List.of(), List.of(), "a saved query needs a name and SQL");
    }
    var draft =
        new dev.dbtls.store.SavedQuery.Draft(
            s.name(),
            s.description(),
            s.tags() == null ? List.of() : s.tags(),
            s.folder(),
            s.sql(),
            s.project());
    var saved =
        s.id() == null
            ? store.savedQueries().create(draft)
            : store.savedQueries().update(s.id(), draft);
    return saved.ok()
        ? answer(store, saved.map(List::of))
        : new SavedQueriesResult(List.of(), List.of(), saved.error());
  }

  static SavedQueriesResult delete(Store store, long id) {
    var deleted = store.savedQueries().delete(id);
    return deleted.ok()
        ? list(store, null)
        : new SavedQueriesResult(List.of(), List.of(), deleted.error());
  }

  private static SavedQueriesResult answer(
      Store store, StoreResult<List<dev.dbtls.store.SavedQuery>> found) {
    if (!found.ok()) {
      return new SavedQueriesResult(List.of(), List.of(), found.error());
    }
    return new SavedQueriesResult(
        found.value().stream()
            .map(
                x ->
                    new SavedQuery(
                        x.id(),
                        x.name(),
                        x.description(),
                        x.tags(),
                        x.folder(),
                        x.sql(),
                        x.projectDir(),
                        x.createdAt().toString(),
                        x.updatedAt().toString()))
            .toList(),
        store.savedQueries().folders().orElse(List.of()),
        null);
  }
}
