package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/profile}: the row count and each column's profile, or an error. */
public record ProfileResult(
    String uri,
    String nodeId,
    long rows,
    List<ColumnProfile> columns,
    long millis,
    List<String> inlined,
    PreviewError error) {}
