package dev.dbtls.query;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.WarehouseForeignKeys;
import dev.dbtls.warehouse.Warehouses;
import java.util.List;

/**
 * The catalog pipeline both the editor ({@code dbt/catalog}) and {@code dbtls catalog} run: the
 * target's schema, its foreign keys (only after a schema that could be read), and the two merged
 * with the project's nodes.
 *
 * @param catalog the relations as read, or the error
 * @param explorer the relations matched to the nodes that build them, and the nodes not built
 * @param keys the foreign keys, or why not (the schema's error when it was not read)
 */
public record CatalogRead(
    WarehouseCatalog catalog, DatabaseExplorer explorer, WarehouseForeignKeys keys) {

  public static CatalogRead run(ProjectSnapshot s, Warehouses warehouses, QueryCancel cancel) {
    WarehouseCatalog catalog = WarehouseCatalog.of(warehouses, s.inputs(), cancel);
    WarehouseForeignKeys keys =
        catalog.ok()
            ? WarehouseForeignKeys.of(warehouses, s.inputs(), cancel)
            : new WarehouseForeignKeys(catalog.target(), List.of(), 0, catalog.error());
    return new CatalogRead(catalog, DatabaseExplorer.merge(s, catalog), keys);
  }

  /**
   * Whether the columns read may be kept for completion and hover: a whole schema, not a cut one.
   */
  public boolean wholeSchema() {
    return catalog.ok() && !catalog.cut();
  }
}
