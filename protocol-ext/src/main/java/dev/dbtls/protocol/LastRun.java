package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * How a node ended in the last dbt run that reached it (from the run history, across sessions): its
 * status, when that run started (ISO-8601), dbt's message.
 */
public record LastRun(
    @NonNull @JsonAdapter(WireEnum.class) RunStatus status, String at, String message) {}
