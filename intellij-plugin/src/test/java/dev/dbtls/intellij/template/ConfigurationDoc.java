package dev.dbtls.intellij.template;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings tables of docs/configuration.md: the server's (first table) and the editor clients'
 * (under "Settings of the editor clients").
 */
record ConfigurationDoc(List<Row> server, List<Row> clients) {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `(dbtls\\.[^`]+)` \\|(.*)\\|\\s*$");
  private static final String CLIENT_HEADING = "## Settings of the editor clients";

  /** One row: the full key ({@code dbtls.target}), its type, default and description as written. */
  record Row(String key, String type, String defaultValue, String description) {}

  static ConfigurationDoc read() throws IOException {
    String md = Files.readString(Repository.root().resolve("docs/configuration.md"));
    int split = md.indexOf(CLIENT_HEADING);
    if (split < 0) {
      throw new IllegalStateException("docs/configuration.md has no '" + CLIENT_HEADING + "'");
    }
    return new ConfigurationDoc(rows(md.substring(0, split)), rows(md.substring(split)));
  }

  private static List<Row> rows(String markdown) {
    List<Row> out = new ArrayList<>();
    Matcher m = ROW.matcher(markdown);
    while (m.find()) {
      String[] cells = m.group(2).split("\\|", -1);
      if (cells.length != 3) {
        throw new IllegalStateException(
            m.group(1) + ": expected 4 cells, got " + (cells.length + 1));
      }
      out.add(new Row(m.group(1), cells[0].strip(), cells[1].strip(), cells[2].strip()));
    }
    return out;
  }
}
