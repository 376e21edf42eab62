package dev.dbtls.protocol;

/** Params of {@code dbt/previewPage}: the cursor of the last result or page, and the page size. */
public record PreviewPageParams(String cursor, Integer pageRows) {}
