package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A relation of the warehouse, with the project node that builds it (or the source that reads it):
 * {@code nodeId} null when no node of the project knows it.
 */
public record CatalogRelation(
    String database,
    String schema,
    String name,
    @NonNull @JsonAdapter(WireEnum.class) RelationKind kind,
    List<CatalogColumn> columns,
    String nodeId,
    String resourceType,
    String uri,
    Range range) {}
