package dev.dbtls.ide;

/**
 * A symbol of the whole project: a node ({@code raw.orders} for a source table, {@code
 * dim_orders.v2} for a model version), a YAML-declared column ({@code customers.id}), a macro or a
 * docs block. {@code containerName} is the package, or for a column the node it belongs to.
 */
public record WorkspaceSymbol(
    String name, OutlineKind kind, String containerName, Location location) {}
