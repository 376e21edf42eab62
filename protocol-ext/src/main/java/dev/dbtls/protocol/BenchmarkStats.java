package dev.dbtls.protocol;

/** Wall-time statistics of a variant's measured runs, in ms; {@code runs} how many. */
public record BenchmarkStats(
    int runs, double min, double median, double p95, double max, double mean, double stddev) {}
