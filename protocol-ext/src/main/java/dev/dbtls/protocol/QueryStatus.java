package dev.dbtls.protocol;

/** How a query of the history ended. */
public enum QueryStatus {
  OK,
  ERROR,
  CANCELLED
}
