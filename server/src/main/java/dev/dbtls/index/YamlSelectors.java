package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code selectors.yml}: named selectors, each with a {@code definition} (evaluated by {@link
 * Selector}), an optional {@code description} and {@code default} ({@code true}, or Jinja that
 * renders to it in the dbt_project.yml context, e.g. {@code "{{ target.name == 'prod' }}"}). At
 * most one selector may be the default. Problems are located in the file; a broken entry is
 * skipped, never thrown.
 */
public final class YamlSelectors {
  /** The file's name, at the root project's top. */
  public static final String FILE = "selectors.yml";

  /** Selectors of a project without the file. */
  public static final YamlSelectors NONE = new YamlSelectors(Map.of(), null, List.of());

  /** One named selector: its definition as written and where its name stands. */
  public record Named(String name, String description, YamlNode definition, Span span) {}

  private final Map<String, Named> byName;
  private final String defaultName;
  private final List<Problem> problems;

  private YamlSelectors(Map<String, Named> byName, String defaultName, List<Problem> problems) {
    this.byName = byName;
    this.defaultName = defaultName;
    this.problems = problems;
  }

  /**
   * Reads the file's text; {@code render} renders a Jinja {@code default} (null: such a default is
   * reported as unrendered and taken as false).
   */
  public static YamlSelectors parse(String text, YamlRendering.Renderer render, String pkg) {
    YamlDocument doc = YamlDocument.parse(FILE, text == null ? "" : text);
    List<Problem> problems = new ArrayList<>(doc.problems());
    Map<String, Named> byName = new LinkedHashMap<>();
    String defaultName = null;
    YamlMap root = doc.rootMap();
    if (doc.root() != null && !(root.get("selectors") instanceof dev.dbtls.project.yaml.YamlList)) {
      problems.add(at(root.keySpan("selectors"), "selectors.yml needs a 'selectors:' list"));
    }
    for (YamlNode item : root.list("selectors").items()) {
      if (!(item instanceof YamlMap m)) {
        problems.add(at(item.span(), "a selector is a mapping with 'name' and 'definition'"));
        continue;
      }
      String name = m.string("name");
      if (name == null || name.isBlank()) {
        problems.add(at(m.span(), "this selector has no 'name'"));
        continue;
      }
      Span where = m.get("name").span();
      if (!m.has("definition")) {
        problems.add(at(where, "selector '" + name + "' has no 'definition'"));
        continue;
      }
      if (byName.containsKey(name)) {
        problems.add(at(where, "selector '" + name + "' is defined twice"));
        continue;
      }
      byName.put(name, new Named(name, m.string("description"), m.get("definition"), where));
      if (isDefault(m.get("default"), name, render, pkg, problems)) {
        if (defaultName != null) {
          problems.add(
              at(
                  m.keySpan("default"),
                  "found multiple selectors with `default: true`: "
                      + defaultName
                      + " and "
                      + name));
        } else {
          defaultName = name;
        }
      }
    }
    return new YamlSelectors(byName, defaultName, List.copyOf(problems));
  }

  private static boolean isDefault(
      YamlNode node,
      String name,
      YamlRendering.Renderer render,
      String pkg,
      List<Problem> problems) {
    if (node == null) {
      return false;
    }
    Object v = node instanceof YamlScalar s ? s.value() : null;
    if (v instanceof String text && text.contains("{{")) {
      if (render == null) {
        problems.add(at(node.span(), "cannot render the default of '" + name + "' here"));
        return false;
      }
      YamlRendering.Result r = render.render(text, pkg, true);
      if (r.problem() != null) {
        problems.add(at(node.span(), r.problem()));
        return false;
      }
      v = r.value();
    }
    if (v instanceof String text
        && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      v = Boolean.parseBoolean(text);
    }
    if (!(v instanceof Boolean b)) {
      problems.add(
          at(node.span(), "the default of '" + name + "' must be true or false, not '" + v + "'"));
      return false;
    }
    return b;
  }

  static Problem at(Span span, String message) {
    return Problem.at(FILE, span, ProblemCode.SELECTOR_INVALID, message);
  }

  static Problem warningAt(Span span, String message) {
    return at(span, message).withSeverity(dev.dbtls.project.Severity.WARNING);
  }

  /** The selector named so, or null. */
  public Named named(String name) {
    return byName.get(name);
  }

  /** The selectors' names, in file order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The selector dbt uses when neither --select, --exclude nor --selector is given, or null. */
  public String defaultName() {
    return defaultName;
  }

  /** What is wrong in the file itself (its definitions are checked when evaluated). */
  public List<Problem> problems() {
    return problems;
  }
}
