package dev.dbtls.protocol;

/**
 * Params of {@code dbt/benchmark}: what to time. The document's model as the buffer has it (or
 * ad-hoc {@code sql}), alone or compared with: {@code "saved"} (the file on disk), {@code "head"}
 * (the file at git HEAD), {@code "recommendation"} (the recommendation {@code recommendationId}
 * applied in a sandbox). Nulls take the settings' defaults (2 warm-ups, 10 runs, 300 s). {@code
 * acceptScanBytes} and {@code acceptCredits}: what the user agreed the runs may scan or spend,
 * after a report that ended with {@code benchmark-cost-unconfirmed} said it ({@code scanBytes},
 * {@code maxCredits}); null at first.
 */
public record BenchmarkParams(
    String uri,
    String sql,
    String compare,
    Long recommendationId,
    Integer warmups,
    Integer runs,
    Integer timeBudgetSeconds,
    Long acceptScanBytes,
    Double acceptCredits) {}
