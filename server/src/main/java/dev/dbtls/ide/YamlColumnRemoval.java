package dev.dbtls.ide;

import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * The quick fix of {@code column-not-produced}: remove the column's entry from property YAML — the
 * {@code - name:} line the problem is on and the lines indented under it (tests, description).
 */
final class YamlColumnRemoval {
  private YamlColumnRemoval() {}

  static List<CodeAction> fix(String text, Problem p) {
    String[] lines = text.split("\n", -1);
    int first = p.line();
    if (first < 0 || first >= lines.length) {
      return List.of();
    }
    int dash = lines[first].indexOf('-');
    if (dash < 0 || !lines[first].substring(0, dash).isBlank()) {
      return List.of(); // not a "- name:" entry (a flow list, or the name on a later line)
    }
    int end = first + 1;
    while (end < lines.length && (lines[end].isBlank() || indent(lines[end]) > dash)) {
      end++;
    }
    while (end > first + 1 && lines[end - 1].isBlank()) {
      end--; // keep blank lines that separate what follows
    }
    TextEdit remove = new TextEdit(new Span(first, 0, end, 0), "");
    return List.of(
        new CodeAction(
            "Remove column from the YAML (the model does not produce it)",
            CodeAction.QUICKFIX,
            true,
            List.of(remove),
            List.of(p)));
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
