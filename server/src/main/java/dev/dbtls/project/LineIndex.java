package dev.dbtls.project;

import java.util.Arrays;

/**
 * Converts between character offsets and 0-based line/column in one text. Immutable. A text of at
 * most 65,535 characters, as nearly every model is, keeps its lines' starts in two bytes each: a
 * project keeps an index per SQL file, and 100,000 models' took 16 MB at four bytes a start.
 */
public final class LineIndex {
  /** The lines' starts of a text longer than {@link Character#MAX_VALUE}, else null. */
  private final int[] wide;

  /** The lines' starts of a shorter text, else null. */
  private final char[] narrow;

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
    this.length = text.length();
    if (length <= Character.MAX_VALUE) {
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        c[i] = (char) starts[i];
      }
      this.narrow = c;
      this.wide = null;
    } else {
      this.narrow = null;
      this.wide = Arrays.copyOf(starts, n);
    }
  }

  public int lineCount() {
    return narrow != null ? narrow.length : wide.length;
  }

  public int line(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int i = narrow != null ? Arrays.binarySearch(narrow, (char) o) : Arrays.binarySearch(wide, o);
    return i >= 0 ? i : -i - 2;
  }

  public int column(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    return o - start(line(o));
  }

  public int offset(int line, int column) {
    if (line < 0) {
      return 0;
    }
    if (line >= lineCount()) {
      return length;
    }
    return Math.min(start(line) + Math.max(0, column), length);
  }

  private int start(int line) {
    return narrow != null ? narrow[line] : wide[line];
  }

  public Span span(int startOffset, int endOffset) {
    return Span.of(line(startOffset), column(startOffset), line(endOffset), column(endOffset));
  }
}
