package dev.dbtls.project;

/** A range in a text, 0-based lines and columns, end exclusive. */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {
  public static final Span NONE = new Span(0, 0, 0, 0);
}
