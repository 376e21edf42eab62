package dev.dbtls.lsp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.EntityRelationships;
import dev.dbtls.protocol.ErdColumn;
import dev.dbtls.protocol.ErdEntity;
import dev.dbtls.protocol.ErdRelationship;
import dev.dbtls.protocol.ErdResult;
import dev.dbtls.query.ForeignKeyMemory;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@code dbt/erd} (docs/protocol.md): the {@code ide} answer in the protocol's records. */
final class ErdAnswer {
  private ErdAnswer() {}

  /** An analysis and the warehouse's foreign keys between its nodes. */
  record WithKeys(Analysis analysis, EntityRelationships.WarehouseKeys keys) {}

  /**
   * The analysis once the warehouse's keys are known, read, or given up on ({@link
   * ForeignKeyMemory}).
   */
  static CompletableFuture<WithKeys> withKeys(
      CompletableFuture<Analysis> analysis, ForeignKeyMemory keys, QueryCancel cancel) {
    return analysis.thenCompose(
        a ->
            a == null
                ? CompletableFuture.completedFuture(null)
                : keys.forErd(a.snapshot(), cancel).thenApply(k -> new WithKeys(a, k)));
  }

  static ErdResult of(EntityRelationships.Erd erd, Path root, Function<Path, String> uri) {
    return new ErdResult(
        erd.message(),
        erd.entities().stream()
            .map(
                e ->
                    new ErdEntity(
                        e.nodeId(),
                        e.name(),
                        e.resourceType(),
                        e.displayPath() == null
                            ? null
                            : uri.apply(root.resolve(e.displayPath()).normalize()),
                        e.selected(),
                        e.columns().stream()
                            .map(c -> new ErdColumn(c.name(), c.type(), c.description()))
                            .toList()))
            .toList(),
        erd.relationships().stream()
            .map(
                r ->
                    new ErdRelationship(
                        r.fromNode(),
                        r.fromColumn(),
                        r.toNode(),
                        r.toColumn(),
                        r.source(),
                        r.sources(),
                        r.constraint()))
            .toList(),
        erd.truncated());
  }
}
