package dev.dbtls.index.strict;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one entry of a block mapping into a mapping below it ({@code meta}, {@code config.meta},
 * {@code +meta}), as dbt-autofix moves custom keys: the entry's lines are cut and written,
 * re-indented, at the end of the innermost mapping of the chain that exists, the missing ones made
 * there (all of them in the entry's place when none exists). Every other line stays as written.
 */
final class UnderMeta {
  private UnderMeta() {}

  /**
   * The edits moving {@code key} of {@code holder} under the mappings {@code chain} (outermost
   * first) as {@code newName}, or null when it cannot be made safely: flow style, a key sharing its
   * line, a mapping of the chain that is not a block mapping, or {@code newName} already there.
   */
  static List<Edit> move(
      StrictFile file, YamlMap holder, String key, List<String> chain, String newName) {
    String text = file.text();
    LineIndex lines = file.lines();
    Span keySpan = holder.keySpans().get(key);
    if (keySpan == null || chain.isEmpty()) {
      return null;
    }
    int column = keySpan.startColumn();
    YamlEdits.Entry moved = YamlEdits.entry(text, lines, keySpan);
    if (moved == null || !startsWithKey(text, lines, keySpan, key)) {
      return null;
    }
    YamlNode value = holder.get(key);
    if (value != null
        && !(value instanceof YamlScalar)
        && YamlEdits.isFlow(text, lines, value.span())
        && value.span().endLine() > moved.last()) {
      return null;
    }
    // the innermost mapping of the chain that exists, and the entry it stands in
    YamlMap deepest = holder;
    YamlEdits.Entry deepestEntry = null;
    int deepestColumn = column;
    int existing = 0;
    for (String level : chain) {
      YamlNode node = deepest.get(level);
      if (node == null) {
        break;
      }
      Span levelKey = deepest.keySpan(level);
      if (!(node instanceof YamlMap m) || m.entries().isEmpty()) {
        return null; // "meta: {}", "meta:" with nothing, or no mapping at all
      }
      Span first = m.keySpan(m.entries().keySet().iterator().next());
      if (first.startLine() == levelKey.startLine() || YamlEdits.isFlow(text, lines, m.span())) {
        return null;
      }
      YamlEdits.Entry e = YamlEdits.entry(text, lines, levelKey);
      if (e == null) {
        return null;
      }
      deepest = m;
      deepestEntry = e;
      deepestColumn = first.startColumn();
      existing++;
    }
    if (existing == chain.size() && deepest.has(newName)) {
      return null;
    }
    List<String> missing = chain.subList(existing, chain.size());
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < missing.size(); i++) {
      block.append(" ".repeat(deepestColumn + 2 * i)).append(missing.get(i)).append(":\n");
    }
    int target = deepestColumn + 2 * missing.size();
    String shifted = YamlEdits.shifted(text, lines, moved, target - column);
    block
        .append(" ".repeat(target))
        .append(newName)
        .append(shifted.substring(target + key.length()));
    if (deepestEntry == null || deepestEntry.last() + 1 == moved.first()) {
      return List.of(replaceLines(text, lines, moved.first(), moved.last(), block.toString()));
    }
    List<Edit> out = new ArrayList<>();
    out.add(YamlEdits.remove(text, lines, moved));
    out.add(insertAfter(text, lines, deepestEntry.last(), block.toString()));
    return out;
  }

  /** Whether the key is written plain at its span (not quoted), so it can be renamed in place. */
  private static boolean startsWithKey(String text, LineIndex lines, Span at, String key) {
    String line = YamlEdits.line(text, lines, at.startLine());
    return line != null && line.startsWith(key, at.startColumn());
  }

  /** Lines {@code lo} to {@code hi} replaced by {@code block} (newline-terminated lines). */
  private static Edit replaceLines(String text, LineIndex lines, int lo, int hi, String block) {
    if (hi + 1 < lines.lineCount()) {
      return new Edit(new Span(lo, 0, hi + 1, 0), block);
    }
    String last = YamlEdits.line(text, lines, hi);
    return new Edit(new Span(lo, 0, hi, last.length()), stripFinalNewline(block));
  }

  /** {@code block} inserted as whole lines after line {@code line}. */
  private static Edit insertAfter(String text, LineIndex lines, int line, String block) {
    if (line + 1 < lines.lineCount()) {
      return YamlEdits.insertAt(line + 1, block);
    }
    int end = YamlEdits.line(text, lines, line).length();
    return new Edit(new Span(line, end, line, end), "\n" + stripFinalNewline(block));
  }

  private static String stripFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
