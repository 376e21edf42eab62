package dev.dbtls.protocol;

/** Params of {@code dbt/previewClose}: the cursor to close before its rows are all read. */
public record PreviewCloseParams(String cursor) {}
