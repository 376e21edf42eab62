package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A benchmark job as it is now: {@code state} is running, ok, error, cancelled or stopped (its time
 * budget ran out); {@code done} of {@code total} runs; {@code report} once it has ended. Also sent
 * by the server as the {@code dbt/benchmarkFinished} notification.
 */
public record BenchmarkStatus(
    String id,
    @NonNull @JsonAdapter(WireEnum.class) BenchmarkState state,
    int done,
    int total,
    String message,
    BenchmarkReport report) {}
