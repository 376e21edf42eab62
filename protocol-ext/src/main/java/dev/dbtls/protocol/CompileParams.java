package dev.dbtls.protocol;

/** Params of {@code dbt/compile}: the document, as the client names it. */
public record CompileParams(String uri) {}
