package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.schema.DbtSchema;
import dev.dbtls.project.schema.SchemaKeys;
import dev.dbtls.project.schema.SchemaValidator;
import dev.dbtls.project.schema.SchemaViolation;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A key an entry does not have in dbt's JSON schema (a model, source, column, exposure, package,
 * selector, ...): a typo, or custom data. dbt ignores it and warns; dbt v2 refuses it. For an entry
 * whose config takes {@code meta}, the fix moves the key under {@code config.meta} as dbt-autofix
 * does (dbt never read it, so nothing it builds changes); otherwise there is no fix.
 */
final class CustomKeyInObjectDeprecation {
  static final String EVENT = "CustomKeyInObjectDeprecation";

  private CustomKeyInObjectDeprecation() {}

  static Deprecation of(StrictFile file, SchemaViolation v) {
    var problem =
        file.problem(
            ProblemCode.CUSTOM_KEY_IN_OBJECT_DEPRECATION,
            EVENT,
            v.span(),
            "Custom key `"
                + v.key()
                + "` found at `"
                + v.pathText()
                + "` in file `"
                + file.displayPath()
                + "`. It may be a typo, or a key this object does not support.");
    if (!file.is(FileKind.PROPERTIES)
        || !(SchemaValidator.nodeAt(file.yaml().root(), v.path()) instanceof YamlMap entry)) {
      return new Deprecation(problem);
    }
    List<Object> config = new ArrayList<>(v.path());
    config.add("config");
    boolean takesMeta =
        SchemaKeys.keysAt(DbtSchema.PROPERTIES, config).stream()
            .anyMatch(k -> k.name().equals("meta"));
    List<Edit> fix =
        takesMeta ? UnderMeta.move(file, entry, v.key(), List.of("config", "meta"), v.key()) : null;
    if (fix == null) {
      return new Deprecation(problem);
    }
    return new Deprecation(problem, "Move `" + v.key() + "` under `config.meta`", fix);
  }
}
