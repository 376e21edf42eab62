package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/projects}: every dbt project of the workspace, as loaded. */
public record ProjectsResult(List<ProjectInfo> projects) {}
