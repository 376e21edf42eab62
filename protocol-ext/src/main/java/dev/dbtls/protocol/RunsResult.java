package dev.dbtls.protocol;

import java.util.List;

/** Answer of {@code dbt/runs}: the project's runs, newest first; or why there are none. */
public record RunsResult(List<RunSummary> runs, PreviewError error) {}
