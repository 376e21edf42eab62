package dev.dbtls.protocol;

/**
 * Params of {@code dbt/history}: words every entry must contain in its SQL or error (null: all),
 * the document whose project's entries are wanted (null: every project), and a page.
 */
public record HistoryParams(String query, String uri, Integer offset, Integer limit) {}
