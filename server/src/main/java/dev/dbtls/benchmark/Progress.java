package dev.dbtls.benchmark;

/** Told after each step of a benchmark: runs done of the total planned, and what happened. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total, message) -> {};

  void report(int done, int total, String message);
}
