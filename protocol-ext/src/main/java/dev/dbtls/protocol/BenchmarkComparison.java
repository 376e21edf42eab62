package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A variant against the baseline: the ratio of medians (variant / baseline; below 1 is faster) with
 * its 95 % bootstrap interval {@code low}..{@code high}, the {@code verdict} (faster, slower, no
 * significant difference, not enough runs) and a sentence saying it. Without enough runs the
 * interval (and, with no run at all, the ratio) is absent.
 */
public record BenchmarkComparison(
    String variant,
    String baseline,
    Double ratio,
    Double low,
    Double high,
    @NonNull @JsonAdapter(WireEnum.class) BenchmarkVerdict verdict,
    String summary) {}
