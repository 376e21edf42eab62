package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/history}: entries newest first, or an error from the store. */
public record HistoryResult(List<HistoryEntry> entries, String error) {}
