package dev.dbtls.index;

import dev.dbtls.project.Target;
import java.util.Map;

/**
 * dbt's default {@code generate_database_name}, {@code generate_schema_name} and {@code
 * generate_alias_name}, in Java for speed. A project that overrides one of them is named through
 * the template engine instead (see {@link ManifestBuilder}).
 */
final class RelationNaming {
  private RelationNaming() {}

  static String database(Map<String, Object> config, Target target) {
    Object custom = config.get("database");
    return custom == null ? target.database() : String.valueOf(custom).trim();
  }

  static String schema(Map<String, Object> config, Target target) {
    Object custom = config.get("schema");
    if (custom == null) {
      return target.schema();
    }
    return target.schema() + "_" + String.valueOf(custom).trim();
  }

  static String alias(Map<String, Object> config, String name, String version) {
    Object custom = config.get("alias");
    if (custom != null) {
      return String.valueOf(custom).trim();
    }
    return version == null ? name : name + "_v" + version.replace('.', '_');
  }
}
