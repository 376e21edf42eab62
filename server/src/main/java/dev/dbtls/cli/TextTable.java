package dev.dbtls.cli;

import dev.dbtls.store.export.ValueText;
import java.util.ArrayList;
import java.util.List;

/** Rows as a terminal table: one line per row, columns padded, long values cut with an ellipsis. */
final class TextTable {
  static final int MAX_WIDTH = 40;

  private TextTable() {}

  static String of(List<String> header, List<List<Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (List<Object> row : rows) {
      cells.add(row.stream().map(v -> ValueText.cell(v, MAX_WIDTH)).toList());
    }
    int[] widths = new int[header.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < widths.length && i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      line(sb, cells.get(r), widths);
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
          rule.add("-".repeat(w));
        }
        line(sb, rule, widths);
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> values, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String v = i < values.size() ? values.get(i) : "";
      sb.append(i == 0 ? "" : " | ").append(v).append(" ".repeat(widths[i] - v.length()));
    }
    sb.append(System.lineSeparator());
  }
}
