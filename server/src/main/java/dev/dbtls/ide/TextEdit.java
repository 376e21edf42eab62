package dev.dbtls.ide;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import java.util.List;

/** One change to a document's text: {@code range} replaced by {@code text}, or the whole text when range is null. */
public record TextEdit(Span range, String text) {

  /** {@code text} with {@code edits} applied one after the other, as LSP's incremental sync sends them. */
  public static String apply(String text, List<TextEdit> edits) {
    String t = text;
    for (TextEdit e : edits) {
      if (e.range() == null) {
        t = e.text();
        continue;
      }
      LineIndex lines = new LineIndex(t);
      int start = lines.offset(e.range().startLine(), e.range().startColumn());
      int end = Math.max(start, lines.offset(e.range().endLine(), e.range().endColumn()));
      t = t.substring(0, start) + e.text() + t.substring(end);
    }
    return t;
  }
}
