package dev.dbtls.protocol;

/** Params of {@code dbt/catalog}: any document of the project whose warehouse is explored. */
public record CatalogParams(String uri) {}
