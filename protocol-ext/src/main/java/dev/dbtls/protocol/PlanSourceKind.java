package dev.dbtls.protocol;

/**
 * How a plan step's relation is written in the model: a {@code ref}, a {@code source}, a CTE, or
 * {@code upstream} (a parent inlined because it is not built, or a relation further up).
 */
public enum PlanSourceKind {
  REF,
  SOURCE,
  CTE,
  UPSTREAM
}
