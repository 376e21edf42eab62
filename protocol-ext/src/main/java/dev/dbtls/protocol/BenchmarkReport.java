package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A benchmark's result: each variant's runs and statistics, each variant compared with the first
 * (the baseline), where the runs ran ({@code sandbox}: null for the warehouse itself), notes a
 * reader must know (sampled data, cache bypassed, time budget), {@code storedId}, its id in the
 * store's benchmark history, and {@code scanBytes}: where the engine bills by bytes scanned
 * (BigQuery), what its dry runs said all runs scan; {@code maxCredits}: where it bills the
 * warehouse's time (Snowflake), the most its time budget can cost at the warehouse's rate (null
 * elsewhere) — what a client sends back as {@code acceptScanBytes} and {@code acceptCredits} once
 * the user agreed to a benchmark that ended with {@code benchmark-cost-unconfirmed}.
 */
public record BenchmarkReport(
    Long storedId,
    String label,
    String nodeId,
    String target,
    @NonNull @JsonAdapter(WireEnum.class) BenchmarkState status,
    String sandbox,
    List<String> notes,
    List<BenchmarkVariant> variants,
    List<BenchmarkComparison> comparisons,
    long millis,
    PreviewError error,
    Long scanBytes,
    Double maxCredits) {}
