package dev.dbtls.mcp;

import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/** The small shapes answers share: a place in a file, a problem (lines 1-based, as agents read). */
final class Plain {
  private Plain() {}

  static Map<String, Object> place(String displayPath, Span span) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", displayPath);
    if (span != null && !span.equals(Span.NONE)) {
      m.put("line", span.startLine() + 1);
      m.put("column", span.startColumn() + 1);
    }
    return m;
  }

  static Map<String, Object> problem(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", p.file());
    m.put("line", p.line() + 1);
    m.put("column", p.column() + 1);
    m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("code", p.code().id());
    m.put("message", p.message());
    return m;
  }
}
