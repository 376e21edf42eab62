package dev.dbtls.columns;

/** How a column derives from an upstream column. */
public enum EdgeKind {
  /** the same column under the same name */
  PASSED_THROUGH,
  /** the same values under another name */
  RENAMED,
  /** an expression reads it (cast, arithmetic, case, a window function, ...) */
  COMPUTED,
  /** an aggregate function reads it */
  AGGREGATED,
  /** read only to filter, join, group or order rows: it decides which rows, not the values */
  FILTER_JOIN;

  /** What {@code this} edge becomes behind an {@code outer} step of the same kind family. */
  EdgeKind then(EdgeKind outer) {
    if (this == AGGREGATED || outer == AGGREGATED) {
      return AGGREGATED;
    }
    if (this == COMPUTED || outer == COMPUTED) {
      return COMPUTED;
    }
    return outer; // PASSED_THROUGH / RENAMED: decided by the names at both ends
  }
}
