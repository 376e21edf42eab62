package dev.dbtls.ide;

/**
 * One completion proposal, in plain data. {@code insertText} replaces the text in {@code
 * [replaceStart, replaceEnd)} of the buffer (char offsets, i.e. UTF-16 code units, into the text
 * the request was made on; the range is on one line and ends at the cursor); when {@code snippet}
 * it uses LSP snippet syntax ({@code ${1:param}}). {@code documentation} is Markdown or null.
 * Clients sort by {@code sortText}.
 */
public record CompletionItem(
    String label,
    CompletionKind kind,
    String detail,
    String documentation,
    String insertText,
    boolean snippet,
    int replaceStart,
    int replaceEnd,
    String sortText) {}
