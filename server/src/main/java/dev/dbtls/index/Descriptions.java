package dev.dbtls.index;

import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Descriptions as dbt renders them: {@code {{ doc('name') }}} (or {@code doc('package', 'name')})
 * replaced by the docs block's text. An unknown name is left as written (and reported as {@code
 * doc-unknown} where the YAML is read).
 */
final class Descriptions {
  private static final Pattern DOC =
      Pattern.compile(
          "\\{\\{-?\\s*doc\\(\\s*(['\"])([^'\"]*)\\1\\s*(?:,\\s*(['\"])([^'\"]*)\\3\\s*)?\\)\\s*-?}}");

  private final Map<String, DocBlock> byName = new java.util.HashMap<>();

  /**
   * Each description rendered so far, by its package and raw text: one string for the thousands of
   * columns whose description is the same {@code doc()} call (on 100,000 generated models, 230,000
   * columns each held a copy of their docs block's text).
   */
  private final Map<String, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();

  Descriptions(Map<String, DocBlock> docs) {
    for (DocBlock d : docs.values()) {
      byName.putIfAbsent(d.name(), d);
      byName.put(d.packageName() + "." + d.name(), d);
    }
  }

  String render(String raw, String packageName) {
    if (raw == null || !raw.contains("doc(")) {
      return raw;
    }
    return rendered.computeIfAbsent(packageName + "\0" + raw, k -> renderNow(raw, packageName));
  }

  private String renderNow(String raw, String packageName) {
    Matcher m = DOC.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String pkg = m.group(4) != null ? m.group(2) : null;
      String name = m.group(4) != null ? m.group(4) : m.group(2);
      DocBlock d =
          pkg != null
              ? byName.get(pkg + "." + name)
              : byName.getOrDefault(packageName + "." + name, byName.get(name));
      m.appendReplacement(out, Matcher.quoteReplacement(d == null ? m.group() : d.content()));
    }
    m.appendTail(out);
    return out.toString();
  }

  List<ColumnSpec> columns(List<ColumnSpec> columns, String packageName) {
    if (columns.stream()
        .noneMatch(c -> c.description() != null && c.description().contains("doc("))) {
      return columns;
    }
    List<ColumnSpec> out = new ArrayList<>(columns.size());
    for (ColumnSpec c : columns) {
      if (c.description() == null || !c.description().contains("doc(")) {
        out.add(c); // nothing to render: the property file's own column, not a copy
        continue;
      }
      out.add(
          new ColumnSpec(
              c.name(),
              render(c.description(), packageName),
              c.dataType(),
              c.tests(),
              c.constraints(),
              c.meta(),
              c.tags(),
              c.quote(),
              c.span()));
    }
    return out;
  }
}
