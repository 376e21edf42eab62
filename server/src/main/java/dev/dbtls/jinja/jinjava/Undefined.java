package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/** Jinja's undefined: prints nothing, is false, and is not None (Jinjava uses null for both). */
final class Undefined implements HasObjectTruthValue {
  static final Undefined INSTANCE = new Undefined();

  /** The result of using an undefined value, already reported once: later steps stay quiet. */
  static final Undefined REPORTED = new Undefined();

  private Undefined() {}

  static boolean is(Object o) {
    return o instanceof Undefined;
  }

  @Override
  public boolean getObjectTruthValue() {
    return false;
  }

  @Override
  public String toString() {
    return "";
  }
}
