package dev.dbtls.index.strict;

import dev.dbtls.project.yaml.YamlMap;

/** The {@code flags:} of dbt_project.yml, for the rules about them. */
final class ProjectFlag {
  private ProjectFlag() {}

  /** The root mapping of dbt_project.yml, or null for other files or a broken one. */
  static YamlMap projectRoot(StrictFile file) {
    if (file.kind() != StrictFile.Kind.DBT_PROJECT || file.yaml() == null) {
      return null;
    }
    return file.yaml().root() instanceof YamlMap m ? m : null;
  }

  /** {@code flags:} of dbt_project.yml, or null. */
  static YamlMap flags(StrictFile file) {
    YamlMap root = projectRoot(file);
    return root != null && root.get("flags") instanceof YamlMap f ? f : null;
  }
}
