package dev.dbtls.protocol;

/** Params of {@code dbt/benchmarkStatus} and {@code dbt/benchmarkCancel}: the job's id. */
public record BenchmarkStatusParams(String id) {}
