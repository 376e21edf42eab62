package dev.dbtls.protocol;

/**
 * Params of {@code dbt/explain}: the document's model as the buffer has it, ad-hoc {@code sql}
 * (Jinja allowed), or one {@code cte} of the model, as for {@code dbt/preview}. {@code analyze}
 * true runs the query to get actual rows and times (PostgreSQL: in a transaction rolled back).
 */
public record ExplainParams(String uri, String sql, String cte, Boolean analyze) {}
