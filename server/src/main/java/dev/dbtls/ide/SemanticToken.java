package dev.dbtls.ide;

/**
 * One highlighted token on one line: 0-based {@code line} and {@code startChar} (UTF-16 units, as
 * LSP counts), {@code type} an index into {@link SemanticTokens#TYPES}, {@code modifiers} a bit set
 * over {@link SemanticTokens#MODIFIERS}.
 */
public record SemanticToken(int line, int startChar, int length, int type, int modifiers) {}
