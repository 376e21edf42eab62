package dev.dbtls.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code dbt/*} notifications the server sends to a client, beyond standard LSP. A client that
 * does not handle them loses nothing it cannot ask for ({@code dbt/benchmarkStatus}; a run's answer
 * holds every node's end).
 */
@JsonSegment("dbt")
public interface DbtClient {
  /** {@code dbt/benchmarkFinished}: a benchmark job ended; its status with the report. */
  @JsonNotification
  void benchmarkFinished(BenchmarkStatus status);

  /** {@code dbt/runProgress}: a node of a {@code dbt/run} started or ended. */
  @JsonNotification
  void runProgress(RunNode node);
}
