package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.project.FileSource;
import java.util.ArrayList;
import java.util.List;

/** The column names of a CSV seed: its header row (dbt reads them the same way). */
final class SeedHeader {
  private SeedHeader() {}

  /** Null when the file cannot be read or has no header. */
  static List<String> read(Node seed, FileSource files) {
    if (seed.file() == null || seed.file().absolutePath() == null) {
      return null;
    }
    String text = files.read(seed.file().absolutePath()).orElse(null);
    if (text == null) {
      return null;
    }
    int end = text.indexOf('\n');
    String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.isBlank()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == ',' && !quoted) {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString().trim());
    return out;
  }
}
