package dev.dbtls.protocol;

/**
 * One node of a lineage answer: its unique id, resource type as dbt spells it, name, package,
 * materialization (null for sources and exposures), the file that defines it with the range of its
 * definition (null when unknown), its description, its {@code depth} (negative upstream, 0 the
 * root, positive downstream) and how many of its parents and children the answer leaves out.
 */
public record LineageNode(
    String id,
    String resourceType,
    String name,
    String packageName,
    String materialization,
    String uri,
    Range range,
    String description,
    int depth,
    int hiddenUpstream,
    int hiddenDownstream) {}
