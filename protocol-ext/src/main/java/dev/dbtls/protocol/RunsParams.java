package dev.dbtls.protocol;

/**
 * Params of {@code dbt/runs}: the project of {@code uri}; with {@code runId}, that run with its
 * nodes; without, the newest runs ({@code limit}, default 20, at most 200) without their nodes.
 */
public record RunsParams(String uri, String runId, Integer limit) {}
