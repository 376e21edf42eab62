package dev.dbtls.protocol;

/**
 * {@code fromNode.fromColumn} refers to {@code toNode.toColumn} ({@code toColumn} null when the
 * constraint does not say); {@code source} is {@code relationships_test} or
 * {@code foreign_key_constraint}.
 */
public record ErdRelationship(String fromNode, String fromColumn, String toNode, String toColumn,
    String source) {}
