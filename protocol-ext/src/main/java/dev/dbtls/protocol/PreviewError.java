package dev.dbtls.protocol;

/**
 * Why a preview has no rows: a stable code (warehouse-connect, warehouse-query, ...) and one
 * sentence.
 */
public record PreviewError(String code, String message) {}
