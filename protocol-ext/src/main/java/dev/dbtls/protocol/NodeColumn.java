package dev.dbtls.protocol;

/**
 * A column of a node: its name, type (null: unknown) and where each came from ({@code origin},
 * {@code typeOrigin}: {@code sql}, {@code yaml}, {@code catalog}, {@code parent}, {@code
 * seed_file}), its description.
 */
public record NodeColumn(
    String name, String type, String origin, String typeOrigin, String description) {}
