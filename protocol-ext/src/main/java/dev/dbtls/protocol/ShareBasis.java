package dev.dbtls.protocol;

/** What the plan steps' shares are of: measured time, the planner's cost, or nothing known. */
public enum ShareBasis {
  TIME,
  COST,
  NONE
}
