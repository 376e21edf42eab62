package dev.dbtls.protocol;

import java.util.List;

/**
 * A node of the diagram: its unique id, name, resource type, file, whether it was selected (a node
 * outside the selection that a relationship reaches is listed without columns).
 */
public record ErdEntity(
    String nodeId,
    String name,
    String resourceType,
    String uri,
    boolean selected,
    List<ErdColumn> columns) {}
