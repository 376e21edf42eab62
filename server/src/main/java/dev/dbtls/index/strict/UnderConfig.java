package dev.dbtls.index.strict;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Moves entries of a block mapping under a child mapping ({@code config:}, {@code arguments:}), as
 * one edit over the lines from the first to the last line it touches: the moved entries are cut
 * from where they are and written, re-indented, at the end of the child (made where the first moved
 * entry was when there is none); every other line in between is kept as it is.
 */
final class UnderConfig {
  private UnderConfig() {}

  /**
   * The edit moving {@code keys} of {@code entry} under {@code child}, or null when it cannot be
   * made safely (flow style, a key sharing its line with another, a child that is not a block
   * mapping). {@code firstKeyColumn} is the column of the entry's keys; {@code removeOnly} are keys
   * removed without being moved (those the child already sets, which wins).
   */
  static Edit move(
      StrictFile file, YamlMap entry, List<String> keys, List<String> removeOnly, String child) {
    String text = file.text();
    LineIndex lines = file.lines();
    if (keys.isEmpty() && removeOnly.isEmpty()) {
      return null;
    }
    int column = -1;
    List<YamlEdits.Entry> moved = new ArrayList<>();
    List<YamlEdits.Entry> dropped = new ArrayList<>();
    for (String k : entry.entries().keySet()) {
      Span key = entry.keySpan(k);
      column = column < 0 ? key.startColumn() : column;
    }
    for (String k : keys) {
      YamlEdits.Entry e = blockEntry(file, entry, k, column);
      if (e == null) {
        return null;
      }
      moved.add(e);
    }
    for (String k : removeOnly) {
      YamlEdits.Entry e = blockEntry(file, entry, k, column);
      if (e == null) {
        return null;
      }
      dropped.add(e);
    }
    moved.sort(Comparator.comparingInt(YamlEdits.Entry::first));
    YamlNode target = entry.get(child);
    YamlEdits.Entry targetEntry = null;
    int targetColumn;
    if (target == null) {
      targetColumn = column + 2;
    } else {
      targetEntry = blockEntry(file, entry, child, column);
      if (targetEntry == null) {
        return null;
      }
      if (target instanceof YamlMap m && !m.entries().isEmpty()) {
        Span firstKey = m.keySpan(m.entries().keySet().iterator().next());
        if (firstKey.startLine() == targetEntry.first()
            || YamlEdits.isFlow(text, lines, m.span())) {
          return null; // flow style, or "config: {a: 1}"
        }
        targetColumn = firstKey.startColumn();
      } else if (target instanceof YamlScalar s && s.value() == null && !isTilde(file, s)) {
        targetColumn = column + 2; // "config:" with nothing under it yet
      } else {
        return null; // "config: {}" or a value that is no mapping
      }
    }
    StringBuilder movedText = new StringBuilder();
    for (YamlEdits.Entry e : moved) {
      movedText.append(YamlEdits.shifted(text, lines, e, targetColumn - column));
    }
    List<YamlEdits.Entry> cut = new ArrayList<>(moved);
    cut.addAll(dropped);
    int lo = cut.stream().mapToInt(YamlEdits.Entry::first).min().orElseThrow();
    int hi = cut.stream().mapToInt(YamlEdits.Entry::last).max().orElseThrow();
    if (targetEntry != null) {
      lo = Math.min(lo, targetEntry.last());
      hi = Math.max(hi, targetEntry.last());
    }
    StringBuilder out = new StringBuilder();
    for (int i = lo; i <= hi; i++) {
      YamlEdits.Entry in = within(cut, i);
      if (in == null) {
        out.append(YamlEdits.line(text, lines, i)).append('\n');
      } else if (targetEntry == null && !moved.isEmpty() && i == moved.get(0).first()) {
        out.append(" ".repeat(column)).append(child).append(":\n").append(movedText);
      }
      if (targetEntry != null && i == targetEntry.last()) {
        out.append(movedText);
      }
    }
    return new Edit(linesSpan(text, lines, lo, hi), trimToSpan(text, lines, hi, out));
  }

  private static boolean isTilde(StrictFile file, YamlScalar s) {
    String l = YamlEdits.line(file.text(), file.lines(), s.span().startLine());
    return l != null
        && s.span().startColumn() < l.length()
        && (l.charAt(s.span().startColumn()) == '~'
            || l.startsWith("null", s.span().startColumn()));
  }

  /** The lines of entry {@code k} of {@code entry} when it starts its line at {@code column}. */
  private static YamlEdits.Entry blockEntry(StrictFile file, YamlMap entry, String k, int column) {
    Span key = entry.keySpan(k);
    if (key == null || key.startColumn() != column) {
      return null;
    }
    YamlEdits.Entry e = YamlEdits.entry(file.text(), file.lines(), key);
    if (e == null) {
      return null;
    }
    // a flow value ([a, b] or {a: 1}) must end within the entry's lines
    YamlNode v = entry.get(k);
    if (v != null
        && !(v instanceof YamlScalar)
        && YamlEdits.isFlow(file.text(), file.lines(), v.span())
        && v.span().endLine() > e.last()) {
      return null;
    }
    return e;
  }

  private static YamlEdits.Entry within(List<YamlEdits.Entry> entries, int line) {
    for (YamlEdits.Entry e : entries) {
      if (line >= e.first() && line <= e.last()) {
        return e;
      }
    }
    return null;
  }

  /** Lines {@code lo} to {@code hi} with their line breaks (the last line's when it has one). */
  private static Span linesSpan(String text, LineIndex lines, int lo, int hi) {
    if (hi + 1 < lines.lineCount()) {
      return new Span(lo, 0, hi + 1, 0);
    }
    return new Span(lo, 0, hi, YamlEdits.line(text, lines, hi).length());
  }

  /**
   * Drops the final newline of {@code out} when line {@code hi} is the file's last, unterminated.
   */
  private static String trimToSpan(String text, LineIndex lines, int hi, StringBuilder out) {
    if (hi + 1 >= lines.lineCount() && out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }
}
