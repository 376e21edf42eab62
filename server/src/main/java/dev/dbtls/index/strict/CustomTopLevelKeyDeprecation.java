package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.schema.SchemaViolation;
import dev.dbtls.project.yaml.YamlMap;
import java.util.List;

/**
 * A top-level key dbt's JSON schema does not have (a custom key at the top of a property file,
 * dbt_project.yml, selectors.yml, packages.yml). dbt ignores it and warns; dbt v2 refuses it. In a
 * property file the fix removes it, as dbt-autofix does (dbt never read it, so nothing it builds
 * changes); elsewhere there is no fix.
 */
final class CustomTopLevelKeyDeprecation {
  static final String EVENT = "CustomTopLevelKeyDeprecation";

  private CustomTopLevelKeyDeprecation() {}

  static Deprecation of(StrictFile file, SchemaViolation v) {
    var problem =
        file.problem(
            ProblemCode.CUSTOM_TOP_LEVEL_KEY_DEPRECATION,
            EVENT,
            v.span(),
            "Unexpected top-level key `"
                + v.key()
                + "` in file `"
                + file.displayPath()
                + "`. dbt ignores it, and dbt v2 refuses it.");
    if (!file.is(FileKind.PROPERTIES)
        || !(file.yaml().root() instanceof YamlMap root)
        || !root.has(v.key())) {
      return new Deprecation(problem);
    }
    YamlEdits.Entry entry = YamlEdits.entry(file.text(), file.lines(), root.keySpan(v.key()));
    if (entry == null || entry.column() != 0) {
      return new Deprecation(problem);
    }
    return new Deprecation(
        problem,
        "Remove the custom top-level key `" + v.key() + "`",
        List.of(YamlEdits.remove(file.text(), file.lines(), entry)));
  }
}
