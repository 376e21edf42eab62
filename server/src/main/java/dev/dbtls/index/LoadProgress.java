package dev.dbtls.index;

/**
 * How far a full load of a project has come, for an editor's progress bar: a percentage and what is
 * being done. Called from the loading threads (several at once while files are scanned), so
 * implementations must be thread-safe and quick; it must not throw.
 */
@FunctionalInterface
public interface LoadProgress {
  LoadProgress NONE = (percent, phase) -> {};

  void report(int percent, String phase);

  /**
   * The project's files are known (their names, kinds and packages), before any is scanned: what
   * answers a {@code ref('} while the rest of the load runs. Called once per load.
   */
  default void listed(dev.dbtls.project.ProjectInputs inputs) {}
}
