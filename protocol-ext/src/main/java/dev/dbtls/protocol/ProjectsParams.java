package dev.dbtls.protocol;

/** Params of {@code dbt/projects}: none yet (an empty object). */
public record ProjectsParams() {}
