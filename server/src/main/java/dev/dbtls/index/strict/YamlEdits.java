package dev.dbtls.index.strict;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * Minimal text edits on block-style YAML, by lines: an entry of a mapping is its key's line and the
 * lines below it indented deeper (its value), so removing, moving or re-indenting it touches
 * nothing else. Flow style ({@code {a: 1}}) and keys that share their line with a list dash are not
 * handled: the callers offer no fix then.
 */
final class YamlEdits {
  private YamlEdits() {}

  /**
   * The lines of one mapping entry: {@code first} to {@code last} inclusive, and its key column.
   */
  record Entry(int first, int last, int column) {
    /**
     * The span of its whole lines with their line breaks; at the end of a file without a final
     * newline, the line break before it instead.
     */
    Span lines(String text, LineIndex lines) {
      if (last + 1 < lines.lineCount()) {
        return new Span(first, 0, last + 1, 0);
      }
      int end = line(text, lines, last).length();
      if (first == 0) {
        return new Span(0, 0, last, end);
      }
      return new Span(first - 1, line(text, lines, first - 1).length(), last, end);
    }
  }

  /**
   * The entry whose key is at {@code key}, when the key starts its line (only spaces before it) and
   * its value is block style or fits its line; null otherwise.
   */
  static Entry entry(String text, LineIndex lines, Span key) {
    String keyLine = line(text, lines, key.startLine());
    if (keyLine == null
        || !keyLine.substring(0, Math.min(key.startColumn(), keyLine.length())).isBlank()) {
      return null;
    }
    return entryAt(text, lines, key.startLine(), key.startColumn());
  }

  /**
   * The entry whose key starts at {@code column} of {@code line}, even after a list dash ({@code -
   * name: x}): its value lines are those below indented deeper than {@code column}.
   */
  static Entry entryAt(String text, LineIndex lines, int line, int column) {
    int last = line;
    int n = lineCount(text, lines);
    for (int i = line + 1; i < n; i++) {
      String l = line(text, lines, i);
      if (l.isBlank() || l.strip().startsWith("#")) {
        // a blank or comment line belongs to the entry only when a deeper line follows it
        continue;
      }
      if (indent(l) <= column) {
        break;
      }
      last = i;
    }
    return new Entry(line, last, column);
  }

  /** Removes the whole lines of {@code e}. */
  static Edit remove(String text, LineIndex lines, Entry e) {
    return new Edit(e.lines(text, lines), "");
  }

  /** The text of the lines of {@code e}, each newline-terminated. */
  static String text(String text, LineIndex lines, Entry e) {
    StringBuilder sb = new StringBuilder();
    for (int i = e.first(); i <= e.last(); i++) {
      sb.append(line(text, lines, i)).append('\n');
    }
    return sb.toString();
  }

  /**
   * The lines of {@code e} moved {@code by} columns right (left when negative; never past a line's
   * own indentation), each newline-terminated.
   */
  static String shifted(String text, LineIndex lines, Entry e, int by) {
    StringBuilder sb = new StringBuilder();
    for (int i = e.first(); i <= e.last(); i++) {
      String l = line(text, lines, i);
      if (l.isBlank()) {
        sb.append('\n');
      } else if (by >= 0) {
        sb.append(" ".repeat(by)).append(l).append('\n');
      } else {
        int cut = Math.min(-by, indent(l));
        sb.append(l.substring(cut)).append('\n');
      }
    }
    return sb.toString();
  }

  /** Replaces {@code key}'s text by {@code name}. */
  static Edit rename(Span key, String name) {
    return new Edit(key, name);
  }

  /** Inserts {@code s} at the start of {@code line}. */
  static Edit insertAt(int line, String s) {
    return new Edit(new Span(line, 0, line, 0), s);
  }

  static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Line {@code i} without its line break ({@code \r} too); null past the end. */
  static String line(String text, LineIndex lines, int i) {
    if (i < 0 || i >= lines.lineCount()) {
      return null;
    }
    int start = lines.offset(i, 0);
    int end = i + 1 < lines.lineCount() ? lines.offset(i + 1, 0) - 1 : text.length();
    end = Math.max(start, Math.min(end, text.length()));
    String l = text.substring(start, end);
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }

  /** The number of lines, not counting the empty one after a final newline. */
  static int lineCount(String text, LineIndex lines) {
    int n = lines.lineCount();
    return text.endsWith("\n") && n > 0 ? n - 1 : n;
  }

  /**
   * Whether the value at {@code valueLine} is block style (not a flow {@code {...}} or {@code
   * [...]}).
   */
  static boolean isFlow(String text, LineIndex lines, Span value) {
    String l = line(text, lines, value.startLine());
    if (l == null || value.startColumn() >= l.length()) {
      return false;
    }
    char c = l.charAt(value.startColumn());
    return c == '{' || c == '[';
  }

  /** The key column used by the entries of a mapping, from its keys' spans. */
  static int keyColumn(List<Span> keys) {
    return keys.isEmpty() ? -1 : keys.get(0).startColumn();
  }
}
