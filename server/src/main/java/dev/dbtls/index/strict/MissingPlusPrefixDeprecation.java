package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A config of dbt_project.yml's resource tree ({@code models:}, {@code seeds:}, ...) written
 * without its {@code +}: {@code materialized: table} under a folder. dbt warns where its JSON
 * schema sees a plain key with a value that is not a mapping (a folder's is) and {@code +key} is
 * one of the resource's configs; nothing under a {@code +config} is looked at. The fix adds the
 * {@code +}, as dbt-autofix does; dbt reads a plain key with such a value as that config already.
 */
final class MissingPlusPrefixDeprecation implements StrictRule {
  private static final String EVENT = "MissingPlusPrefixDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() != StrictFile.Kind.DBT_PROJECT || file.yaml() == null) {
      return;
    }
    if (!(file.yaml().root() instanceof YamlMap root)) {
      return;
    }
    for (String resource : ProjectConfigKeys.BY_RESOURCE.keySet()) {
      if (root.get(resource) instanceof YamlMap tree) {
        walk(file, resource, ProjectConfigKeys.of(resource), tree, resource, out);
      }
    }
  }

  private static void walk(
      StrictFile file,
      String resource,
      Set<String> configs,
      YamlMap level,
      String path,
      List<Deprecation> out) {
    for (Map.Entry<String, YamlNode> e : level.entries().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("+")) {
        continue;
      }
      if (e.getValue() instanceof YamlMap child) {
        walk(file, resource, configs, child, path + "." + key, out);
      } else if (configs.contains(key)) {
        out.add(missingPlus(file, level, key, path));
      }
    }
  }

  private static Deprecation missingPlus(StrictFile file, YamlMap level, String key, String path) {
    Span at = level.keySpan(key);
    var problem =
        file.problem(
            ProblemCode.MISSING_PLUS_PREFIX_IN_CONFIG_DEPRECATION,
            EVENT,
            at,
            "Missing '+' prefix on `"
                + key
                + "` found at `"
                + path
                + "."
                + key
                + "` in file `dbt_project.yml`. Hierarchical config values without a '+' prefix"
                + " are deprecated in dbt_project.yml.");
    if (level.has("+" + key)) {
      return new Deprecation(problem); // adding it would write the key twice
    }
    String line = YamlEdits.line(file.text(), file.lines(), at.startLine());
    int col = at.startColumn();
    if (line != null
        && col < line.length()
        && (line.charAt(col) == '"' || line.charAt(col) == '\'')) {
      col++; // inside the quotes
    }
    return new Deprecation(
        problem,
        "Add '+' to `" + key + "`",
        List.of(new Edit(new Span(at.startLine(), col, at.startLine(), col), "+")));
  }
}
