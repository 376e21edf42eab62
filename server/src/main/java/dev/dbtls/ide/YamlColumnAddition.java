package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The quick fix of {@code column-undocumented} (a hint in the model's SQL): add the column to the
 * model's property YAML with its inferred type, as a {@code - name:} entry after the last column
 * entry, indented as that one is. The column and its type come from the inferred columns at the
 * problem's range, never from the message; the YAML text is the snapshot's.
 */
final class YamlColumnAddition {
  private YamlColumnAddition() {}

  static List<CodeAction> fix(
      ProjectSnapshot snapshot, String displayPath, String text, Problem p) {
    ColumnsTable table = SnapshotData.of(snapshot).facts().completeColumns();
    if (table == null) {
      return List.of();
    }
    for (Node n : snapshot.manifest().nodesInFile(displayPath)) {
      if (n.columns().isEmpty() || !(n.extra().get(Node.PROPERTIES_FILE) instanceof String yaml)) {
        continue;
      }
      Optional<ColumnsTable.Entry> e = table.entry(n.uniqueId());
      Optional<String> yamlText = textOf(snapshot, yaml);
      if (e.isEmpty() || yamlText.isEmpty()) {
        continue;
      }
      LineIndex lines = new LineIndex(text);
      for (InferredColumn c : e.get().inferred().output().columns()) {
        Origin o = c.nameOrigin();
        if (o != null
            && o.kind() == Origin.Kind.SQL
            && o.start() >= 0
            && lines
                .span(o.start(), o.end())
                .equals(new Span(p.line(), p.column(), p.endLine(), p.endColumn()))) {
          return addition(yaml, yamlText.get(), n.columns().get(n.columns().size() - 1), c, p);
        }
      }
    }
    return List.of();
  }

  private static List<CodeAction> addition(
      String yaml, String yamlText, ColumnSpec last, InferredColumn c, Problem p) {
    if (last.span() == null) {
      return List.of();
    }
    String[] lines = yamlText.split("\n", -1);
    int first = last.span().startLine();
    if (first < 0 || first >= lines.length) {
      return List.of();
    }
    int dash = lines[first].indexOf('-');
    if (dash < 0 || !lines[first].substring(0, dash).isBlank()) {
      return List.of(); // not a "- name:" entry: a flow list, or the name on a later line
    }
    int end = first + 1;
    while (end < lines.length && (lines[end].isBlank() || indent(lines[end]) > dash)) {
      end++;
    }
    while (end > first + 1 && lines[end - 1].isBlank()) {
      end--;
    }
    String pad = " ".repeat(dash);
    String entry =
        pad
            + "- name: "
            + c.name()
            + "\n"
            + (c.type() == null ? "" : pad + "  data_type: " + c.type() + "\n");
    if (end >= lines.length) {
      entry = (yamlText.endsWith("\n") ? "" : "\n") + entry; // the entry ends the file
    }
    Span at =
        end >= lines.length
            ? new Span(
                lines.length - 1,
                lines[lines.length - 1].length(),
                lines.length - 1,
                lines[lines.length - 1].length())
            : new Span(end, 0, end, 0);
    return List.of(
        new CodeAction(
            "Add column "
                + c.name()
                + " to "
                + yaml
                + (c.type() == null ? "" : " (" + c.type() + ")"),
            CodeAction.QUICKFIX,
            true,
            List.of(new TextEdit(at, entry)),
            List.of(p),
            yaml));
  }

  private static Optional<String> textOf(ProjectSnapshot snapshot, String yaml) {
    Path file = snapshot.inputs().root().dir().resolve(yaml).normalize();
    return snapshot.inputs().files().stream()
        .filter(f -> f.absolutePath().normalize().equals(file))
        .map(ProjectFile::text)
        .findFirst();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
