package dev.dbtls.project.properties;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code doc(...)} calls in every {@code description:} of a property file, located exactly.
 */
final class DocRefs {
  private static final Pattern DOC =
      Pattern.compile("doc\\(\\s*(['\"])([^'\"]*)\\1\\s*(?:,\\s*(['\"])([^'\"]*)\\3\\s*)?\\)");

  private DocRefs() {}

  static void collect(YamlNode node, String text, List<PropertyFile.DocRef> out) {
    collect(node, text, new LineIndex(text), out);
  }

  private static void collect(
      YamlNode node, String text, LineIndex lines, List<PropertyFile.DocRef> out) {
    if (node instanceof YamlMap m) {
      m.entries()
          .forEach(
              (k, v) -> {
                if ("description".equals(k)
                    && v instanceof YamlScalar s
                    && s.value() instanceof String d
                    && d.contains("doc(")) {
                  find(s, text, lines, out);
                } else {
                  collect(v, text, lines, out);
                }
              });
    } else if (node instanceof YamlList l) {
      l.items().forEach(i -> collect(i, text, lines, out));
    }
  }

  private static void find(
      YamlScalar s, String text, LineIndex lines, List<PropertyFile.DocRef> out) {
    int start = lines.offset(s.span().startLine(), s.span().startColumn());
    int end = lines.offset(s.span().endLine(), s.span().endColumn());
    Matcher m = DOC.matcher(text.substring(start, Math.max(start, end)));
    while (m.find()) {
      String pkg = m.group(4) != null ? m.group(2) : null;
      String name = m.group(4) != null ? m.group(4) : m.group(2);
      out.add(new PropertyFile.DocRef(pkg, name, lines.span(start + m.start(), start + m.end())));
    }
  }
}
