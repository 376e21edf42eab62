package dev.dbtls.store.export;

/** Lets the benchmark in {@code dev.dbtls.store} use the test rows. */
public final class SampleRowsAccess {
  private SampleRowsAccess() {}

  public static RowSource source(long rows) {
    return SampleRows.source(rows, -1);
  }
}
