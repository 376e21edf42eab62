package dev.dbtls.project;

import java.util.List;

/** One {@code dispatch:} entry of dbt_project.yml: where to look for a namespace's macros. */
public record Dispatch(String macroNamespace, List<String> searchOrder) {}
