package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/catalog}: the warehouse's relations merged with the project's nodes. */
public record CatalogResult(
    String target,
    List<CatalogRelation> relations,
    List<CatalogNode> notBuilt,
    boolean cut,
    long millis,
    PreviewError error) {}
