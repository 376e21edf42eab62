package dev.dbtls.protocol;

/** A warehouse column: name, the database's type name, the normalized type. */
public record CatalogColumn(String name, String databaseType, String type) {}
