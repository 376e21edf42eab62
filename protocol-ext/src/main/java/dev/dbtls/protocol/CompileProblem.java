package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A problem met while compiling: in which document ({@code uri}, which may be a macro file rather
 * than the compiled one), where, how bad ({@code error}, {@code warning}, {@code info}, {@code
 * hint}), its stable {@code code} (docs/diagnostics.md) and message.
 */
public record CompileProblem(
    String uri,
    Range range,
    @NonNull @JsonAdapter(WireEnum.class) ProblemSeverity severity,
    String code,
    String message) {}
