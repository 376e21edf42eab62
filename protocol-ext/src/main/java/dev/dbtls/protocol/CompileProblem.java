package dev.dbtls.protocol;

/**
 * A problem met while compiling: in which document ({@code uri}, which may be a macro file rather
 * than the compiled one), where, how bad ({@code error}, {@code warning}, {@code info}), its stable
 * {@code code} (docs/diagnostics.md) and message.
 */
public record CompileProblem(
    String uri, Range range, String severity, String code, String message) {}
