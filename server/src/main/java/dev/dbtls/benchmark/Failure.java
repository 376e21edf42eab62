package dev.dbtls.benchmark;

import dev.dbtls.warehouse.WarehouseError;

/** Ends a benchmark early inside this package; {@link Benchmark#run} turns it into a result. */
final class Failure extends Exception {
  final WarehouseError error;
  final boolean cancelled;

  Failure(WarehouseError error, boolean cancelled) {
    super(error.message(), null, false, false);
    this.error = error;
    this.cancelled = cancelled;
  }
}
