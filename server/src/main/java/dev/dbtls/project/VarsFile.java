package dev.dbtls.project;

import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The root project's {@code vars.yml} (dbt 1.12): a top-level {@code vars:} mapping, global and
 * package-scoped as in dbt_project.yml. dbt reads it before dbt_project.yml, so dbt_project.yml may
 * call {@code var()} of these; its values are not rendered at load. Only the root project's counts.
 */
public record VarsFile(Map<String, Object> vars, YamlDocument document, List<Problem> problems) {
  public static final String FILE = "vars.yml";

  /** No vars.yml, or one without vars: dbt_project.yml's vars apply. */
  public static final VarsFile NONE = new VarsFile(Map.of(), null, List.of());

  public static VarsFile read(Path projectDir, FileSource files) {
    String text = files.read(projectDir.resolve(FILE)).orElse(null);
    if (text == null) {
      return NONE;
    }
    YamlDocument doc = YamlDocument.parse(FILE, text);
    List<Problem> problems = new ArrayList<>(doc.problems());
    YamlNode root = doc.root();
    if (root != null
        && !(root instanceof YamlMap)
        && !(root instanceof YamlScalar s && s.value() == null)) {
      problems.add(
          Problem.at(
              FILE, root.span(), ProblemCode.VARS_FILE_INVALID, "vars.yml must be a mapping"));
      return new VarsFile(Map.of(), doc, List.copyOf(problems));
    }
    YamlMap m = doc.rootMap();
    YamlNode vars = m.get("vars");
    if (vars != null
        && !(vars instanceof YamlMap)
        && !(vars instanceof YamlScalar s && s.value() == null)) {
      problems.add(
          Problem.at(
              FILE,
              m.keySpan("vars"),
              ProblemCode.VARS_FILE_INVALID,
              "'vars' in vars.yml must be a mapping of var names to values"));
      return new VarsFile(Map.of(), doc, List.copyOf(problems));
    }
    return new VarsFile(
        vars instanceof YamlMap ? m.plainMap("vars") : Map.of(), doc, List.copyOf(problems));
  }

  /** Whether this file defines any var (an empty file, or one without vars, defines none). */
  public boolean defines() {
    return !vars.isEmpty();
  }

  /** The mapping under {@code vars:}, for locating a var's key; empty when there is none. */
  public YamlMap varsMap() {
    return document == null ? YamlMap.empty(Span.NONE) : document.rootMap().map("vars");
  }
}
