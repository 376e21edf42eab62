package dev.dbtls.protocol;

/**
 * Params of {@code dbt/preview}: the document whose model is previewed (its unsaved text), or
 * ad-hoc {@code sql} (Jinja allowed) compiled in that document's context, or one {@code cte} of the
 * model (what it computes at that step). Nulls take defaults: {@code limit} 500 rows, {@code
 * pageRows} 500, read-only.
 */
public record PreviewParams(
    String uri, String sql, String cte, Integer limit, Integer pageRows, Boolean allowWrites) {}
