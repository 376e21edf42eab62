package dev.dbtls.protocol;

import java.util.List;

/**
 * A dbt run of the history: its id, command, target, when it started (ISO-8601), its seconds, dbt's
 * counts, why it did not run ({@code error}, null when it ran), and its nodes' ends when asked for
 * by {@code runId} (else null).
 */
public record RunSummary(
    String runId,
    String command,
    String target,
    String startedAt,
    double seconds,
    int pass,
    int warn,
    int errors,
    int skip,
    String error,
    List<RunNode> nodes) {}
