package dev.dbtls.protocol;

import java.util.List;

/**
 * Answer of {@code dbt/run} once the run ended: every node's end ({@link RunNode}), dbt's counts
 * ({@code pass}, {@code warn}, {@code errors} — failed or errored —, {@code skip}), the run's
 * seconds, where {@code run_results.json} was written; or {@code error} when it could not run (an
 * unknown project, a selection that is not valid, a target the native runner does not build on, a
 * protected target without the user's yes: {@code target-protected}). {@code executor} says what
 * ran it: {@code native} (dbtls' own runner) or the user's dbt as it names itself ({@code dbt
 * 1.9.4}, {@code dbt-fusion 2.0.0-preview.45}).
 */
public record RunResult(
    String runId,
    String command,
    List<RunNode> results,
    int pass,
    int warn,
    int errors,
    int skip,
    double seconds,
    String runResults,
    PreviewError error,
    String executor) {

  /** Without {@code executor}. */
  public RunResult(
      String runId,
      String command,
      List<RunNode> results,
      int pass,
      int warn,
      int errors,
      int skip,
      double seconds,
      String runResults,
      PreviewError error) {
    this(runId, command, results, pass, warn, errors, skip, seconds, runResults, error, null);
  }
}
