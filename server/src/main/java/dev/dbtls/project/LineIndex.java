package dev.dbtls.project;

import java.util.Arrays;

/** Converts between character offsets and 0-based line/column in one text. Immutable. */
public final class LineIndex {
  private final int[] lineStarts;
  private final int length;

  public LineIndex(CharSequence text) {
    int[] starts = new int[16];
    int n = 1;
    if (text instanceof String s) {
      // String.indexOf rather than a call of charAt per character: the server's and the command
      // line's quick compiler (C1) does not inline the interface call (README benchmarks)
      for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    } else {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i + 1;
        }
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    this.length = text.length();
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int line(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int i = Arrays.binarySearch(lineStarts, o);
    return i >= 0 ? i : -i - 2;
  }

  public int column(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    return o - lineStarts[line(o)];
  }

  public int offset(int line, int column) {
    if (line < 0) {
      return 0;
    }
    if (line >= lineStarts.length) {
      return length;
    }
    return Math.min(lineStarts[line] + Math.max(0, column), length);
  }

  public Span span(int startOffset, int endOffset) {
    return Span.of(line(startOffset), column(startOffset), line(endOffset), column(endOffset));
  }
}
