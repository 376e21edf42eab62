package dev.dbtls.protocol;

/** How hot a plan step is, as the server decides it: not hot, warm (orange) or high (red). */
public enum StepHeat {
  NONE,
  WARM,
  HIGH
}
