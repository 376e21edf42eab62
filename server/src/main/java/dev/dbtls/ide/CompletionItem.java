package dev.dbtls.ide;

/**
 * One completion proposal, in plain data. {@code insertText} replaces the text in
 * {@code [replaceStart, replaceEnd)} of the buffer (offsets in the text the request was made on);
 * when {@code snippet} it uses LSP snippet syntax ({@code ${1:param}}). {@code documentation} is
 * Markdown or null. Clients sort by {@code sortText}.
 */
public record CompletionItem(String label, CompletionKind kind, String detail, String documentation,
    String insertText, boolean snippet, int replaceStart, int replaceEnd, String sortText) {}
