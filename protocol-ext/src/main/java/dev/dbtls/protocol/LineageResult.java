package dev.dbtls.protocol;

import java.util.List;

/**
 * Result of {@code dbt/lineage}: the root's unique id (null when there is none, and then {@code
 * message} says why), the nodes around it breadth-first, the edges between them (parent to child),
 * and whether {@code maxNodes} cut the answer short.
 */
public record LineageResult(
    String root,
    String message,
    List<LineageNode> nodes,
    List<LineageEdge> edges,
    boolean truncated) {}
