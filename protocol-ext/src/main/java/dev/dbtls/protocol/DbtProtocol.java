package dev.dbtls.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code dbt/*} requests a client sends to the server, beyond standard LSP. Every method is
 * documented in docs/protocol.md with its direction, params, result and an example.
 */
@JsonSegment("dbt")
public interface DbtProtocol {
  /**
   * {@code dbt/compile}: the compiled SQL of the model (or other compilable node) defined in a
   * file, as the editor has it now (unsaved changes included). Null when the file belongs to no
   * dbt project or defines no compilable node.
   */
  @JsonRequest
  CompletableFuture<CompileResult> compile(CompileParams params);
}
