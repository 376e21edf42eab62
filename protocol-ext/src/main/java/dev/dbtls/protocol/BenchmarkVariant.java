package dev.dbtls.protocol;

import java.util.List;
import java.util.Map;

/**
 * One variant of a benchmark: its label, the SQL run, each measured run's wall time in ms (in run
 * order), the rows each run fetched, the statistics, and figures the warehouse reported ({@code
 * warehouse}, e.g. PostgreSQL's shared buffers hit and read).
 */
public record BenchmarkVariant(
    String label,
    String sql,
    List<Double> runsMs,
    long rows,
    BenchmarkStats stats,
    Map<String, Object> warehouse) {}
