package dev.dbtls.protocol;

/**
 * Output {@code [sqlStart, sqlEnd)} of the compiled SQL was produced by the template piece at
 * {@code [templateStart, templateEnd)} of the source file. Offsets are UTF-16 code units into the
 * SQL and into the document text. {@code kind} is the piece's kind: {@code TEXT} maps character for
 * character; {@code EXPRESSION} ({@code {{ }}}) and tags map as a whole.
 */
public record SourceMapSegment(
    int sqlStart, int sqlEnd, int templateStart, int templateEnd, String kind) {}
