package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.schema.DbtSchema;
import dev.dbtls.project.schema.SchemaValidator;
import dev.dbtls.project.schema.SchemaViolation;
import dev.dbtls.project.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * A YAML file of the project against dbt's published JSON schema ({@code project.schema}): each
 * violation becomes the deprecation dbt 1.10+ makes of it ({@link CustomTopLevelKeyDeprecation},
 * {@link CustomKeyInConfigDeprecation}, {@link CustomKeyInObjectDeprecation}, {@link
 * GenericJsonSchemaValidationDeprecation}). The file is validated once for all four. Violations
 * another rule reports in its own words are left to it: configs beside {@code config:} ({@link
 * PropertyMovedToConfigDeprecation}), test arguments beside {@code arguments:} ({@link
 * MissingArgumentsPropertyInGenericTestDeprecation}), configs without {@code +} ({@link
 * MissingPlusPrefixDeprecation}), renamed project keys ({@link ProjectPathKey}).
 */
final class SchemaValidation implements StrictRule {
  /**
   * Top-level keys of dbt_project.yml that have a deprecation of their own ({@link
   * ProjectPathKey}); the schema allows only dbt's defaults for the last two.
   */
  private static final Set<String> PROJECT_KEYS_REPORTED_ELSEWHERE =
      Set.of("source-paths", "data-paths", "log-path", "target-path");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.yaml() == null || file.yaml().root() == null) {
      return;
    }
    YamlNode root = file.yaml().root();
    List<SchemaViolation> found;
    if (file.kind() == StrictFile.Kind.PROFILES) {
      found = SchemaValidator.validateProfiles(root);
    } else {
      DbtSchema schema = schemaOf(file);
      if (schema == null) {
        return;
      }
      found = SchemaValidator.validate(schema, root);
    }
    for (SchemaViolation v : found) {
      Deprecation d =
          switch (v.kind()) {
            case CUSTOM_TOP_LEVEL_KEY ->
                file.kind() == StrictFile.Kind.DBT_PROJECT
                        && PROJECT_KEYS_REPORTED_ELSEWHERE.contains(v.key())
                    ? null
                    : CustomTopLevelKeyDeprecation.of(file, v);
            case CUSTOM_KEY_IN_CONFIG ->
                reportedAsMissingPlus(file, v) ? null : CustomKeyInConfigDeprecation.of(file, v);
            case CUSTOM_KEY_IN_OBJECT ->
                reportedAsMovedToConfig(file, v) ? null : CustomKeyInObjectDeprecation.of(file, v);
            case GENERIC ->
                file.kind() == StrictFile.Kind.DBT_PROJECT
                        && !v.path().isEmpty()
                        && PROJECT_KEYS_REPORTED_ELSEWHERE.contains(String.valueOf(v.path().get(0)))
                    ? null
                    : GenericJsonSchemaValidationDeprecation.of(file, v);
            default -> null;
          };
      if (d != null) {
        out.add(d);
      }
    }
  }

  static DbtSchema schemaOf(StrictFile file) {
    return switch (file.kind()) {
      case DBT_PROJECT -> DbtSchema.PROJECT;
      case SELECTORS -> DbtSchema.SELECTORS;
      case PACKAGES ->
          file.displayPath().endsWith("dependencies.yml")
              ? DbtSchema.DEPENDENCIES
              : DbtSchema.PACKAGES;
      case RESOURCE -> file.is(FileKind.PROPERTIES) ? DbtSchema.PROPERTIES : null;
      default -> null;
    };
  }

  /** A plain key of dbt_project.yml's tree that {@link MissingPlusPrefixDeprecation} knows. */
  private static boolean reportedAsMissingPlus(StrictFile file, SchemaViolation v) {
    return file.kind() == StrictFile.Kind.DBT_PROJECT
        && !v.key().startsWith("+")
        && !v.path().isEmpty()
        && ProjectConfigKeys.of(String.valueOf(v.path().get(0))).contains(v.key());
  }

  /** A key {@link PropertyMovedToConfigDeprecation} reports for the entry's list. */
  private static boolean reportedAsMovedToConfig(StrictFile file, SchemaViolation v) {
    if (!file.is(FileKind.PROPERTIES)) {
      return false;
    }
    String list = entryList(v.path());
    return list != null && ConfigOnlyKeys.of(list).contains(v.key());
  }

  /** The list an entry stands in ({@code models}, {@code columns}, ...), from its path. */
  static String entryList(List<Object> path) {
    if (path.size() >= 2 && path.get(path.size() - 1) instanceof Integer) {
      Object list = path.get(path.size() - 2);
      return list instanceof String s ? s : null;
    }
    return null;
  }
}
