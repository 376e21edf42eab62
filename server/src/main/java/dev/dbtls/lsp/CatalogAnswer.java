package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import dev.dbtls.protocol.CatalogColumn;
import dev.dbtls.protocol.CatalogNode;
import dev.dbtls.protocol.CatalogRelation;
import dev.dbtls.protocol.CatalogResult;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.Range;
import dev.dbtls.protocol.RelationKind;
import dev.dbtls.protocol.WireEnum;
import dev.dbtls.query.CatalogRead;
import dev.dbtls.query.DatabaseExplorer;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.Objects;

/** {@code dbt/catalog} in protocol records (docs/protocol.md). */
final class CatalogAnswer {
  private CatalogAnswer() {}

  static CatalogResult of(
      ProjectSnapshot s,
      QueryCancel cancel,
      Warehouses warehouses,
      Uris uris,
      java.util.concurrent.CompletableFuture<dev.dbtls.store.Store> store,
      dev.dbtls.query.ForeignKeyMemory keys) {
    CatalogRead read = CatalogRead.run(s, warehouses, cancel);
    WarehouseCatalog catalog = read.catalog();
    if (catalog.ok()) { // the ERD's warehouse keys, read with the schema
      keys.remember(s, read.keys());
    }
    DatabaseExplorer explorer = read.explorer();
    Path root = s.inputs().root().dir();
    // the columns read feed column completion and hover from now on, and next session too
    dev.dbtls.index.Catalog columns = explorer.columnsByNode();
    dev.dbtls.ide.ProjectFacts.of(s).catalog().remember(columns);
    if (read.wholeSchema()) {
      store.thenAcceptAsync(st -> dev.dbtls.query.SchemaMemory.save(st, s, columns));
    }
    return new CatalogResult(
        explorer.target(),
        explorer.relations().stream()
            .map(
                r -> {
                  var rel = r.relation();
                  var node = r.node();
                  return new CatalogRelation(
                      rel.database(),
                      rel.schema(),
                      rel.name(),
                      Objects.requireNonNullElse(
                          WireEnum.of(RelationKind.class, rel.kind()), RelationKind.OTHER),
                      rel.columns().stream()
                          .map(c -> new CatalogColumn(c.name(), c.databaseType(), c.type()))
                          .toList(),
                      node == null ? null : node.uniqueId(),
                      node == null ? null : node.resourceType(),
                      node == null ? null : uri(uris, root, node.displayPath()),
                      node == null ? null : range(node.span()));
                })
            .toList(),
        explorer.notBuilt().stream()
            .map(
                n ->
                    new CatalogNode(
                        n.uniqueId(),
                        n.resourceType(),
                        n.name(),
                        n.database(),
                        n.schema(),
                        n.identifier(),
                        uri(uris, root, n.displayPath()),
                        range(n.span())))
            .toList(),
        explorer.cut(),
        catalog.millis(),
        explorer.error() == null
            ? null
            : new PreviewError(explorer.error().code().id(), explorer.error().message()));
  }

  private static String uri(Uris uris, Path root, String displayPath) {
    return displayPath == null ? null : uris.uri(root.resolve(displayPath).normalize());
  }

  private static Range range(Span s) {
    Span x = s == null ? Span.NONE : s;
    return new Range(
        new Position(x.startLine(), x.startColumn()), new Position(x.endLine(), x.endColumn()));
  }
}
