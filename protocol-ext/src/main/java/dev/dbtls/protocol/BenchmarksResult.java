package dev.dbtls.protocol;

import java.util.List;

/**
 * Result of {@code dbt/benchmarks}: stored benchmarks, newest first; {@code error} when the store
 * cannot be read.
 */
public record BenchmarksResult(List<BenchmarkReport> benchmarks, String error) {}
