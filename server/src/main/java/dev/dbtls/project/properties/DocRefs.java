package dev.dbtls.project.properties;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
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
    collect(node, new LineIndex(text), DOC.matcher(text), out);
  }

  /** {@code doc}: one matcher over the file's text, set to each description's place in turn. */
  private static void collect(
      YamlNode node, LineIndex lines, Matcher doc, List<PropertyFile.DocRef> out) {
    if (node instanceof YamlMap m) {
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        if ("description".equals(e.getKey())
            && e.getValue() instanceof YamlScalar s
            && s.value() instanceof String d
            && d.contains("doc(")) {
          find(s, lines, doc, out);
        } else {
          collect(e.getValue(), lines, doc, out);
        }
      }
    } else if (node instanceof YamlList l) {
      for (YamlNode i : l.items()) {
        collect(i, lines, doc, out);
      }
    }
  }

  private static void find(
      YamlScalar s, LineIndex lines, Matcher doc, List<PropertyFile.DocRef> out) {
    int start = lines.offset(s.span().startLine(), s.span().startColumn());
    int end = lines.offset(s.span().endLine(), s.span().endColumn());
    doc.region(start, Math.max(start, end));
    while (doc.find()) {
      String pkg = doc.group(4) != null ? doc.group(2) : null;
      String name = doc.group(4) != null ? doc.group(4) : doc.group(2);
      out.add(new PropertyFile.DocRef(pkg, name, lines.span(doc.start(), doc.end())));
    }
  }
}
