package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * One query run: SQL as written and as compiled, where, when, how long, how many rows, how it
 * ended.
 */
public record HistoryEntry(
    long id,
    String project,
    String target,
    String adapter,
    String sql,
    String compiledSql,
    String startedAt,
    long durationMs,
    Long rowCount,
    @NonNull @JsonAdapter(WireEnum.class) QueryStatus status,
    String error) {}
