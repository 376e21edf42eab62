package dev.dbtls.protocol;

import java.util.List;

/**
 * Params of {@code dbt/run}: a dbt command on the project of {@code uri} — {@code test}
 * (read-only), or {@code build}, {@code run}, {@code seed}, {@code snapshot} (the native runner,
 * writing to the target) — for the nodes dbt's {@code select}/{@code exclude} would pick; with no
 * {@code select}, the nodes the document defines (a model's file: that model; a property YAML: the
 * tests it declares). {@code threads} null takes the target's; {@code failFast} stops at the first
 * failure; {@code fullRefresh} is dbt's {@code --full-refresh}; {@code allowProtectedTarget} is the
 * user's yes to writing to a target {@code dbtls.run.protectedTargets} lists (without it such a run
 * answers {@code target-protected}); {@code runId} is the client's own name for the run (letters,
 * digits, {@code -} and {@code _}, at most 64), which every {@code dbt/runProgress} of it carries,
 * so a client can show nodes as they run; without one the server names the run; {@code selector}
 * names a selector of the project's {@code selectors.yml} (dbt's {@code --selector}), used instead
 * of {@code select}/{@code exclude}.
 */
public record RunParams(
    String uri,
    String command,
    List<String> select,
    List<String> exclude,
    Integer threads,
    Boolean failFast,
    Boolean fullRefresh,
    Boolean allowProtectedTarget,
    String runId,
    Boolean empty,
    Boolean storeFailures,
    String selector) {

  /** Without {@code selector}. */
  public RunParams(
      String uri,
      String command,
      List<String> select,
      List<String> exclude,
      Integer threads,
      Boolean failFast,
      Boolean fullRefresh,
      Boolean allowProtectedTarget,
      String runId,
      Boolean empty,
      Boolean storeFailures) {
    this(
        uri,
        command,
        select,
        exclude,
        threads,
        failFast,
        fullRefresh,
        allowProtectedTarget,
        runId,
        empty,
        storeFailures,
        null);
  }

  /** Without {@code empty} and {@code storeFailures}. */
  public RunParams(
      String uri,
      String command,
      List<String> select,
      List<String> exclude,
      Integer threads,
      Boolean failFast,
      Boolean fullRefresh,
      Boolean allowProtectedTarget,
      String runId) {
    this(
        uri,
        command,
        select,
        exclude,
        threads,
        failFast,
        fullRefresh,
        allowProtectedTarget,
        runId,
        null,
        null,
        null);
  }
}
