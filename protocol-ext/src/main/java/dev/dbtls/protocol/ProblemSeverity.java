package dev.dbtls.protocol;

/** How bad a compile problem is; {@code hint} is a suggestion the editor shows faintly. */
public enum ProblemSeverity {
  ERROR,
  WARNING,
  INFO,
  HINT
}
