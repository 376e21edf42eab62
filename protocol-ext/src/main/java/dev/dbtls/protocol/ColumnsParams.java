package dev.dbtls.protocol;

/**
 * Params of {@code dbt/columns}: the node a document defines ({@code uri}, models first) or the
 * node of unique id {@code nodeId} (looked up in the document's project, else in the first project
 * by folder that has it).
 */
public record ColumnsParams(String uri, String nodeId) {}
