package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Output {@code [sqlStart, sqlEnd)} of the compiled SQL was produced by the template piece at
 * {@code [templateStart, templateEnd)} of the source file. Offsets are UTF-16 code units into the
 * SQL and into the document text. {@code kind} is the piece's kind: text maps character for
 * character; an expression ({@code {{ }}}) and tags map as a whole.
 */
public record SourceMapSegment(
    int sqlStart,
    int sqlEnd,
    int templateStart,
    int templateEnd,
    @NonNull @JsonAdapter(WireEnum.class) TemplatePieceKind kind) {}
