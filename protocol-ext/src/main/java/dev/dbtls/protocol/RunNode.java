package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * One node of a run as it is now: {@code index} of {@code total} in the run, its status, and once
 * it ended its failures (a test), dbt's message (a built node's: the database's response, "CREATE
 * VIEW", "INSERT 3"), its seconds; where it is declared ({@code uri}, {@code range}: a generic
 * test's YAML entry, a singular test's file, a model's file); its {@code resourceType} in dbt's
 * words (model, seed, snapshot, test, unit_test) and, for a built node, the {@code relation} it
 * wrote; a data test that failed or warned, its {@code failingRows} (null when they could not be
 * read); a failed unit test's {@code expected} and {@code actual} rows as text (header first, one
 * row a line, both in one order), for a diff view; a test's {@code attachedTo} and {@code
 * attachedName}, the node it tests (as {@code dbt/tests} says). Sent as {@code dbt/runProgress}
 * when it starts and when it ends, and in the run's result.
 */
public record RunNode(
    String runId,
    String uniqueId,
    String name,
    @NonNull @JsonAdapter(WireEnum.class) RunStatus status,
    int index,
    int total,
    Long failures,
    String message,
    Double seconds,
    String uri,
    Range range,
    String resourceType,
    String relation,
    FailingRows failingRows,
    String expected,
    String actual,
    String attachedTo,
    String attachedName) {

  /** A node with neither failing rows, a unit test diff nor the node it tests. */
  public RunNode(
      String runId,
      String uniqueId,
      String name,
      RunStatus status,
      int index,
      int total,
      Long failures,
      String message,
      Double seconds,
      String uri,
      Range range,
      String resourceType,
      String relation) {
    this(
        runId,
        uniqueId,
        name,
        status,
        index,
        total,
        failures,
        message,
        seconds,
        uri,
        range,
        resourceType,
        relation,
        null,
        null,
        null,
        null,
        null);
  }

  /** This node with what it found or how it differs, and the node it tests. */
  public RunNode with(
      FailingRows rows, String expected, String actual, String attachedTo, String attachedName) {
    return new RunNode(
        runId,
        uniqueId,
        name,
        status,
        index,
        total,
        failures,
        message,
        seconds,
        uri,
        range,
        resourceType,
        relation,
        rows,
        expected,
        actual,
        attachedTo,
        attachedName);
  }
}
