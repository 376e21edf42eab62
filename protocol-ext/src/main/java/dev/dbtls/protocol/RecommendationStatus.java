package dev.dbtls.protocol;

/**
 * Where a stored recommendation stands: found and not acted on, measured by a benchmark, applied to
 * the warehouse, or put aside by the user.
 */
public enum RecommendationStatus {
  PENDING,
  BENCHMARKED,
  APPLIED,
  DISMISSED
}
