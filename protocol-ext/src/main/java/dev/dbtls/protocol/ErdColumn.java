package dev.dbtls.protocol;

/** A column of an entity: name, type (null: unknown), description. */
public record ErdColumn(String name, String type, String description) {}
