package dev.dbtls.protocol;

import java.util.List;

/**
 * Result of {@code dbt/preview}: the compiled SQL, typed columns and the first page of rows (values
 * as JSON scalars; dates and times as ISO-8601 strings, bytes as base64), or an error. While {@code
 * hasMore}, {@code cursor} fetches the next page with {@code dbt/previewPage}. {@code inlined}:
 * parents not built yet that were put in front as CTEs (or read from CSV). {@code bytesScanned}:
 * what the query scans as the engine's dry run said before it ran, where the engine bills by bytes
 * (BigQuery); null elsewhere.
 */
public record PreviewResult(
    String uri,
    String nodeId,
    String compiledSql,
    List<PreviewColumn> columns,
    List<List<Object>> rows,
    boolean hasMore,
    boolean truncated,
    String cursor,
    long millis,
    List<String> inlined,
    List<CompileProblem> problems,
    PreviewError error,
    Long bytesScanned) {}
