package dev.dbtls.protocol;

/** Params of {@code dbt/profile}: the document whose model (or ad-hoc {@code sql}) is profiled. */
public record ProfileParams(String uri, String sql) {}
