package dev.dbtls.benchmark;

/**
 * What the warehouse itself says one run of a variant costs, from PostgreSQL's {@code explain
 * (analyze, buffers, format json)} run once after the timed runs (not timed): shared buffer blocks
 * found in the cache and read from disk, and the execution time it measured. A null figure: the
 * plan did not say.
 */
public record WarehouseReport(
    Long sharedHitBlocks, Long sharedReadBlocks, Double executionMillis) {}
