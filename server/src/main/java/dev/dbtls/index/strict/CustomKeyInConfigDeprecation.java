package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.schema.SchemaViolation;
import dev.dbtls.project.yaml.YamlMap;
import java.util.List;

/**
 * A key no config has: under an entry's {@code config:} in a property file, or a {@code +key} (or a
 * plain key whose value is no folder) in dbt_project.yml's resource trees. dbt v2 reserves config
 * keys for its own; custom ones belong under {@code meta}. The fix moves it there as dbt-autofix
 * does: {@code config.meta} in a property file, {@code +meta} (without the key's {@code +}) in
 * dbt_project.yml; none when {@code meta} already has the key or is not a block mapping, and none
 * on an adapter whose own configs the schema does not describe (only Snowflake's, Databricks',
 * BigQuery's and Redshift's are).
 */
final class CustomKeyInConfigDeprecation {
  static final String EVENT = "CustomKeyInConfigDeprecation";

  private CustomKeyInConfigDeprecation() {}

  /**
   * The adapters whose configs dbt's JSON schema describes (dbt 1.10+ validates only on these): on
   * another, an unknown key may be one of its adapter's configs (dbt-postgres's {@code unlogged},
   * dbt-trino's {@code properties}, ...), which moved under {@code meta} would stop applying.
   */
  static final java.util.Set<String> SCHEMA_ADAPTERS =
      java.util.Set.of("snowflake", "databricks", "bigquery", "redshift");

  static Deprecation of(StrictFile file, SchemaViolation v) {
    boolean project = file.kind() == StrictFile.Kind.DBT_PROJECT;
    String adapter =
        file.snapshot().inputs().target() == null ? null : file.snapshot().inputs().target().type();
    boolean described = adapter == null || SCHEMA_ADAPTERS.contains(adapter);
    String where = v.pathText().isEmpty() ? "" : " at `" + v.pathText() + "`";
    var problem =
        file.problem(
            ProblemCode.CUSTOM_KEY_IN_CONFIG_DEPRECATION,
            EVENT,
            v.span(),
            "Custom key `"
                + v.key()
                + "` found in a config"
                + where
                + " in file `"
                + file.displayPath()
                + "`. Custom config keys should be nested under `"
                + (project ? "+meta" : "meta")
                + "`."
                + (described
                    ? ""
                    : " dbt's JSON schema does not describe "
                        + adapter
                        + "'s own configs: if it is one of them, leave it."));
    if (!described) {
      return new Deprecation(problem);
    }
    if (!(dev.dbtls.project.schema.SchemaValidator.nodeAt(file.yaml().root(), v.path())
        instanceof YamlMap holder)) {
      return new Deprecation(problem);
    }
    String newName = project && v.key().startsWith("+") ? v.key().substring(1) : v.key();
    String reader = ConfigReaders.firstReading(file.snapshot(), newName);
    if (reader != null) {
      // moved under meta, config.get would no longer see it: no safe fix from this file alone
      return new Deprecation(
          dev.dbtls.project.Problem.at(
              file.displayPath(),
              v.span(),
              problem.code(),
              problem.message()
                  + " `"
                  + reader
                  + "` reads it with config.get, which does not look in meta: read it with"
                  + " config.meta_get there when it moves."));
    }
    String meta = project ? "+meta" : "meta";
    List<Edit> fix = UnderMeta.move(file, holder, v.key(), List.of(meta), newName);
    if (fix == null) {
      return new Deprecation(problem);
    }
    return new Deprecation(problem, "Move `" + v.key() + "` under `" + meta + "`", fix);
  }
}
