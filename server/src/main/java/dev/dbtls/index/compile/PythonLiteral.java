package dev.dbtls.index.compile;

import dev.dbtls.project.yaml.YamlDocument;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Python's {@code ast.literal_eval} makes of rendered text, as dbt's native Jinja rendering
 * does: lists, dicts, numbers, {@code True}/{@code False}/{@code None}. Anything else is not a
 * literal (empty), and stays text.
 */
final class PythonLiteral {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private PythonLiteral() {}

  static Optional<Object> parse(String text) {
    String t = text.strip();
    if (t.equals("True") || t.equals("False")) {
      return Optional.of(t.equals("True"));
    }
    if (t.equals("None")) {
      return Optional.empty(); // dbt would pass None; the text is the safer value for templates
    }
    if (INTEGER.matcher(t).matches()) {
      try {
        return Optional.of(Long.parseLong(t));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (DECIMAL.matcher(t).matches()) {
      return Optional.of(Double.parseDouble(t));
    }
    if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"))) {
      // Python's list and dict reprs are YAML flow collections (quotes, commas, numbers)
      YamlDocument doc =
          YamlDocument.parse(
              "literal",
              t.replace(": True", ": true")
                  .replace(": False", ": false")
                  .replace(": None", ": null"));
      if (doc.problems().isEmpty() && doc.root() != null) {
        Object plain = doc.root().toPlain();
        if (plain instanceof java.util.List<?> || plain instanceof java.util.Map<?, ?>) {
          return Optional.of(plain);
        }
      }
    }
    return Optional.empty();
  }
}
