package dev.dbtls.protocol;

import java.util.List;

/**
 * Answer of {@code dbt/benchmark}, at once: the job's {@code id} (for {@code dbt/benchmarkStatus}
 * and {@code dbt/benchmarkCancel}), the {@code $/progress} token it reports on, what it compares;
 * or an {@code error} when it could not start (then {@code id} is null).
 */
public record BenchmarkStarted(
    String id,
    String progressToken,
    String label,
    List<String> variants,
    List<CompileProblem> problems,
    PreviewError error) {}
