package dev.dbtls.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a history search: project filter, FTS5 words, short words by LIKE. */
record HistorySearch(String projectDir, List<String> longWords, List<String> shortWords) {
  /** A trigram index answers substrings of three characters or more. */
  static final int TRIGRAM = 3;

  static HistorySearch of(String projectDir, String text) {
    List<String> longWords = new ArrayList<>();
    List<String> shortWords = new ArrayList<>();
    for (String w : (text == null ? "" : text).strip().split("\\s+")) {
      if (w.isEmpty()) {
        continue;
      }
      (w.codePointCount(0, w.length()) >= TRIGRAM ? longWords : shortWords).add(w);
    }
    return new HistorySearch(projectDir, longWords, shortWords);
  }

  String where() {
    List<String> terms = new ArrayList<>();
    if (projectDir != null) {
      terms.add("project_dir = ?");
    }
    if (!longWords.isEmpty()) {
      terms.add("id IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)");
    }
    for (int i = 0; i < shortWords.size(); i++) {
      terms.add("(sql LIKE ? ESCAPE '\\' OR error LIKE ? ESCAPE '\\')");
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /** Binds the parameters of {@link #where()}; answers the next parameter index. */
  int bind(PreparedStatement p) throws SQLException {
    int i = 1;
    if (projectDir != null) {
      p.setString(i++, projectDir);
    }
    if (!longWords.isEmpty()) {
      p.setString(i++, matchExpression());
    }
    for (String w : shortWords) {
      String like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      p.setString(i++, like);
      p.setString(i++, like);
    }
    return i;
  }

  /** Every word as a quoted FTS5 phrase (so operators and punctuation are plain text), ANDed. */
  String matchExpression() {
    List<String> phrases = new ArrayList<>();
    for (String w : longWords) {
      phrases.add('"' + w.replace("\"", "\"\"") + '"');
    }
    return String.join(" AND ", phrases);
  }
}
