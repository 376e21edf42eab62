package dev.dbtls.index;

import dev.dbtls.project.FileSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV seed read as dbt reads it (agate's CSV reader): its header row names the columns, and cells
 * may be quoted, with doubled quotes and line breaks inside quotes. The delimiter is the seed's
 * {@code delimiter} config, else a comma.
 */
public final class SeedCsv {
  private SeedCsv() {}

  /**
   * The column names of a seed: its header row. Null when the file cannot be read or has no header.
   */
  public static List<String> header(Node seed, FileSource files) {
    String text = text(seed, files);
    if (text == null) {
      return null;
    }
    List<List<String>> rows = rows(text, delimiter(seed), 1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Every row of a seed, the header first; null when the file cannot be read or has no header. */
  public static List<List<String>> rows(Node seed, FileSource files) {
    String text = text(seed, files);
    if (text == null) {
      return null;
    }
    List<List<String>> rows = rows(text, delimiter(seed), Integer.MAX_VALUE);
    return rows.isEmpty() ? null : rows;
  }

  private static String text(Node seed, FileSource files) {
    if (seed.file() == null || seed.file().absolutePath() == null) {
      return null;
    }
    return files.read(seed.file().absolutePath()).orElse(null);
  }

  private static char delimiter(Node seed) {
    return seed.config().get("delimiter") instanceof String d && d.length() == 1
        ? d.charAt(0)
        : ',';
  }

  /**
   * Up to {@code max} rows of {@code text}; blank lines are skipped, a blank header means none
   * (also a unit test's CSV fixture).
   */
  public static List<List<String>> rows(String text, char delimiter, int max) {
    List<List<String>> out = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (; i <= text.length() && out.size() < max; i++) {
      char ch = i < text.length() ? text.charAt(i) : '\n';
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else if (i < text.length()) {
          cell.append(ch);
        } else {
          quoted = false;
          i--;
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == delimiter) {
        row.add(cell.toString().trim());
        cell.setLength(0);
        any = true;
      } else if (ch == '\n') {
        if (any || !cell.toString().isBlank()) {
          row.add(cell.toString().trim());
          out.add(row);
        } else if (out.isEmpty()) {
          return out;
        }
        row = new ArrayList<>();
        cell.setLength(0);
        any = false;
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    return out;
  }
}
