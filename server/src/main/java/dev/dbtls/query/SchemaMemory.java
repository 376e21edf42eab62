package dev.dbtls.query;

import dev.dbtls.ide.ProjectCatalog;
import dev.dbtls.ide.ProjectFacts;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.store.SchemaCache;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse columns the database explorer (or {@code dbtls catalog}) read, kept in the store
 * per project and target, and given back to {@link ProjectCatalog} when the project loads in a
 * later session — so column completion and hover know the warehouse before anything is asked of it.
 */
public final class SchemaMemory {
  private SchemaMemory() {}

  public static StoreResult<Integer> save(Store store, ProjectSnapshot s, Catalog columns) {
    Map<String, List<SchemaCache.Column>> byNode = new LinkedHashMap<>();
    columns
        .byUniqueId()
        .forEach(
            (id, cols) ->
                byNode.put(
                    id,
                    cols.stream().map(c -> new SchemaCache.Column(c.name(), c.type())).toList()));
    return store.schemaCache().save(key(s), s.inputs().target().name(), byNode);
  }

  public static void restore(Store store, ProjectSnapshot s) {
    Map<String, List<SchemaCache.Column>> cached =
        store.schemaCache().load(key(s), s.inputs().target().name()).orElse(Map.of());
    if (cached.isEmpty()) {
      return;
    }
    Map<String, List<Catalog.Column>> columns = new LinkedHashMap<>();
    cached.forEach(
        (id, cols) -> {
          List<Catalog.Column> out = new ArrayList<>();
          for (int i = 0; i < cols.size(); i++) {
            out.add(new Catalog.Column(cols.get(i).name(), cols.get(i).type(), i + 1, null));
          }
          columns.put(id, List.copyOf(out));
        });
    ProjectFacts.of(s).catalog().remember(Catalog.of(columns));
  }

  /**
   * The project's folder, absolute and normalized: the editor's and the command line's are the
   * same.
   */
  private static String key(ProjectSnapshot s) {
    return s.inputs().root().dir().toAbsolutePath().normalize().toString();
  }
}
