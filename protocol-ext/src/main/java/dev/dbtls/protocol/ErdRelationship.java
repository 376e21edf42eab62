package dev.dbtls.protocol;

import java.util.List;

/**
 * {@code fromNode.fromColumn} refers to {@code toNode.toColumn} ({@code toColumn} null when the
 * constraint does not say); {@code source} is {@code relationships_test}, {@code
 * foreign_key_constraint} or {@code warehouse_foreign_key} — the first of {@code sources}, every
 * declaration of this edge in that order; {@code constraint} is the warehouse's name of the key
 * (null when no warehouse key declares it): the edges of one composite key share it.
 */
public record ErdRelationship(
    String fromNode,
    String fromColumn,
    String toNode,
    String toColumn,
    String source,
    List<String> sources,
    String constraint) {}
