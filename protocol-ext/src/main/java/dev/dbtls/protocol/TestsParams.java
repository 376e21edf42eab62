package dev.dbtls.protocol;

/** Params of {@code dbt/tests}: the project of {@code uri}. */
public record TestsParams(String uri) {}
