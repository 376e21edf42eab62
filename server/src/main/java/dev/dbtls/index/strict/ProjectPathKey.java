package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.List;

/**
 * A top-level key of dbt_project.yml that dbt deprecated: renamed ({@code source-paths} → {@code
 * model-paths}) or moved to the command line ({@code log-path}, {@code target-path}, reported only
 * when not set to dbt's default, as dbt does). The fix is dbt-autofix's: rename the key, or remove
 * it.
 */
final class ProjectPathKey {
  private ProjectPathKey() {}

  /** {@code key} renamed {@code renamed}: fixed by renaming it, unless both are set. */
  static void renamed(
      StrictFile file,
      List<Deprecation> out,
      String key,
      String renamed,
      ProblemCode code,
      String event) {
    YamlMap root = projectRoot(file);
    if (root == null || !root.has(key)) {
      return;
    }
    Span at = root.keySpan(key);
    if (root.has(renamed)) {
      out.add(
          new Deprecation(
              file.problem(
                  code,
                  event,
                  at,
                  "The `"
                      + key
                      + "` config has been renamed to `"
                      + renamed
                      + "`, and both are set: dbt refuses the project. Remove `"
                      + key
                      + "`.")));
      return;
    }
    out.add(
        new Deprecation(
            file.problem(
                code,
                event,
                at,
                "The `"
                    + key
                    + "` config has been renamed to `"
                    + renamed
                    + "`. Please update your `dbt_project.yml` configuration to reflect this"
                    + " change."),
            "Rename `" + key + "` to `" + renamed + "`",
            List.of(YamlEdits.rename(at, renamed))));
  }

  /** {@code key} no longer read from dbt_project.yml: fixed by removing it. */
  static void moved(
      StrictFile file,
      List<Deprecation> out,
      String key,
      String defaultValue,
      String flag,
      String envVar,
      ProblemCode code,
      String event) {
    YamlMap root = projectRoot(file);
    if (root == null || !root.has(key)) {
      return;
    }
    YamlNode value = root.get(key);
    if (defaultValue.equals(value.text())) {
      return; // dbt warns only about a value other than its default
    }
    Span at = root.keySpan(key);
    String message =
        "The `"
            + key
            + "` config in `dbt_project.yml` has been deprecated and will no longer be supported"
            + " in a future version of dbt-core. Use the "
            + flag
            + " CLI flag or the "
            + envVar
            + " env var instead.";
    YamlEdits.Entry e = YamlEdits.entry(file.text(), file.lines(), at);
    out.add(
        e == null
            ? new Deprecation(file.problem(code, event, at, message))
            : new Deprecation(
                file.problem(code, event, at, message),
                "Remove `" + key + "` (pass " + flag + " or set " + envVar + ")",
                List.of(YamlEdits.remove(file.text(), file.lines(), e))));
  }

  private static YamlMap projectRoot(StrictFile file) {
    if (file.kind() != StrictFile.Kind.DBT_PROJECT || file.yaml() == null) {
      return null;
    }
    return file.yaml().root() instanceof YamlMap m ? m : null;
  }
}
