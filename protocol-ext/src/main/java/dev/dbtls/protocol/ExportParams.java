package dev.dbtls.protocol;

/**
 * Params of {@code dbt/export}: what {@code dbt/preview} would run (the document's model, ad-hoc
 * {@code sql} or one {@code cte}), written whole (or {@code limit} rows) to {@code path} on the
 * server's machine, in {@code format} (csv, json, jsonl, parquet, xlsx; null: from the path's
 * extension).
 */
public record ExportParams(
    String uri, String sql, String cte, String path, String format, Long limit) {}
