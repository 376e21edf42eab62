package dev.dbtls.protocol;

import java.util.List;

/**
 * An index that would serve a filter: the table, its columns in order, its name, the SQL that
 * creates it and the SQL that drops it again.
 */
public record IndexSuggestion(
    String table, List<String> columns, String name, String createSql, String rollbackSql) {}
