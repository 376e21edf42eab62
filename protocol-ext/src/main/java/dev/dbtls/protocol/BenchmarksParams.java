package dev.dbtls.protocol;

/**
 * Params of {@code dbt/benchmarks}: the document whose model's history is asked (null model: the
 * project's), at most {@code limit} (default 20).
 */
public record BenchmarksParams(String uri, Integer limit) {}
