package dev.dbtls.ide;

/** What a hover shows: Markdown, and the range of the text it is about (character offsets). */
public record HoverInfo(String markdown, int start, int end) {}
