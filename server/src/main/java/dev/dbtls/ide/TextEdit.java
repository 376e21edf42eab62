package dev.dbtls.ide;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * One change to a document's text: {@code range} replaced by {@code text}, or the whole text when
 * range is null.
 */
public record TextEdit(Span range, String text) {

  /**
   * {@code text} with {@code edits} applied one after the other, as LSP's incremental sync sends
   * them. A column past the end of its line means the end of the line (LSP says so); an edit
   * without text, or whose range is not in the document (a line past its last, a negative position,
   * an end before its start), is refused with {@link IllegalArgumentException} and nothing is
   * applied: the editor and the server no longer agree on the text.
   */
  public static String apply(String text, List<TextEdit> edits) {
    String t = text;
    for (TextEdit e : edits) {
      if (e.text() == null) {
        throw new IllegalArgumentException("a change without text");
      }
      if (e.range() == null) {
        t = e.text();
        continue;
      }
      LineIndex lines = new LineIndex(t);
      Span r = e.range();
      if (r.startLine() < 0
          || r.startColumn() < 0
          || r.endLine() < 0
          || r.endColumn() < 0
          || r.startLine() >= lines.lineCount()
          || r.endLine() >= lines.lineCount()
          || r.endLine() < r.startLine()
          || (r.endLine() == r.startLine() && r.endColumn() < r.startColumn())) {
        throw new IllegalArgumentException(
            "the range "
                + (r.startLine() + 1)
                + ":"
                + (r.startColumn() + 1)
                + "-"
                + (r.endLine() + 1)
                + ":"
                + (r.endColumn() + 1)
                + " is not in the document ("
                + lines.lineCount()
                + " lines)");
      }
      int start = offset(t, lines, e.range().startLine(), e.range().startColumn());
      int end = Math.max(start, offset(t, lines, e.range().endLine(), e.range().endColumn()));
      t = t.substring(0, start) + e.text() + t.substring(end);
    }
    return t;
  }

  /** As LSP wants it: a column past the end of its line means the end of the line. */
  private static int offset(String text, LineIndex lines, int line, int column) {
    if (line >= lines.lineCount()) {
      return text.length();
    }
    int lineEnd = line + 1 < lines.lineCount() ? lines.offset(line + 1, 0) - 1 : text.length();
    return Math.min(lines.offset(line, 0) + Math.max(0, column), lineEnd);
  }
}
