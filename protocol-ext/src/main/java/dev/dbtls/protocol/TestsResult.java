package dev.dbtls.protocol;

import java.util.List;

/** Answer of {@code dbt/tests}: the project's enabled tests by unique id; or why there are none. */
public record TestsResult(List<ProjectTest> tests, PreviewError error) {}
