package dev.dbtls.protocol;

/** A result column: its name, the database's type name, and a normalized type. */
public record PreviewColumn(String name, String databaseType, String type) {}
