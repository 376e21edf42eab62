package dev.dbtls.protocol;

/** Params of {@code dbt/deleteQuery}. */
public record DeleteQueryParams(long id) {}
