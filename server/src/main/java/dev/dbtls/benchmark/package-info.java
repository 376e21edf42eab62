/**
 * Honest timing of queries against a warehouse: {@link dev.dbtls.benchmark.Benchmark#run} runs
 * warm-ups and then measured runs of each {@link dev.dbtls.benchmark.Variant}, interleaved (A B A B
 * …, the order rotating per round) so that drift hits every variant alike, fetching every row and
 * keeping none. It summarizes each variant ({@link dev.dbtls.benchmark.Stats}) and compares each
 * with the first by a bootstrap interval of the median ratio ({@link
 * dev.dbtls.benchmark.Comparison}).
 *
 * <p>A variant's sandbox setup (one {@code create index}) exists only inside the benchmark: on
 * PostgreSQL in one transaction of a dedicated connection that is always rolled back; on a DuckDB
 * file in in-memory copies of the tables the query reads (sampled when large). Only queries are
 * timed; anything that writes is refused. Nothing here throws: failures are in the result.
 */
package dev.dbtls.benchmark;
