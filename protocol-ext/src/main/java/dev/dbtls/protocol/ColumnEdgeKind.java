package dev.dbtls.protocol;

/**
 * How a column derives from another: the same values under the same name, under another name,
 * computed from it, aggregated from it, or read in a filter or join (deciding which rows).
 */
public enum ColumnEdgeKind {
  PASSED_THROUGH,
  RENAMED,
  COMPUTED,
  AGGREGATED,
  FILTER_JOIN
}
