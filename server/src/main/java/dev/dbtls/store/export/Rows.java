package dev.dbtls.store.export;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The cursor writers read: counts rows, normalizes values, and stops when cancelled. */
final class Rows {
  private static final int CHECK_EVERY = 1024;

  private final RowSource source;
  private final BooleanSupplier cancelled;
  private long count;

  Rows(RowSource source, BooleanSupplier cancelled) {
    this.source = source;
    this.cancelled = cancelled;
  }

  boolean next() throws Exception {
    if (count % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
      throw new CancellationException();
    }
    boolean more = source.next();
    if (more) {
      count++;
    }
    return more;
  }

  Object get(int column) throws Exception {
    return Values.normalize(source.value(column));
  }

  /** Rows read so far (the current one included). */
  long count() {
    return count;
  }

  /** Checks the cancel flag once more before the file is committed. */
  void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException();
    }
  }
}
