package dev.dbtls.protocol;

/**
 * One node of a lineage answer: its unique id, resource type as dbt spells it, name, package,
 * materialization (null for sources and exposures), the file that defines it with the range of its
 * definition (null when unknown), its description, its {@code depth} (negative upstream, 0 the
 * root, positive downstream), how many of its parents and children the answer leaves out, and how
 * it ended in the last dbt run on the project's target ({@code lastRun}, null when none did).
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
    int hiddenDownstream,
    LastRun lastRun) {

  /** This node painted with its last run. */
  public LineageNode withLastRun(LastRun last) {
    return new LineageNode(
        id,
        resourceType,
        name,
        packageName,
        materialization,
        uri,
        range,
        description,
        depth,
        hiddenUpstream,
        hiddenDownstream,
        last);
  }
}
