package dev.dbtls.protocol;

/** How sure a finding is. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
