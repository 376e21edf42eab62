package dev.dbtls.index.strict;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import java.util.regex.Pattern;

/**
 * Where a template of the project or of an installed package reads a config key as a config: {@code
 * config.get('k')}, {@code config.require('k')}, {@code model.config.k}, {@code config['k']}. dbt's
 * {@code config.get} does not look in {@code meta} (dbt 1.10+ returns the default and warns), so a
 * custom key that such a template reads cannot move under {@code meta} without changing what it
 * renders; dbt-autofix rewrites those calls too, which a fix of one YAML file cannot.
 */
final class ConfigReaders {
  private ConfigReaders() {}

  /**
   * The package-relative path of the first template that reads {@code key} as a config, or null
   * when none does.
   */
  static String firstReading(ProjectSnapshot snapshot, String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    String k = Pattern.quote(key);
    Pattern reads =
        Pattern.compile(
            "config\\s*\\.\\s*(?:get|require)\\(\\s*['\"]"
                + k
                + "['\"]|config\\s*\\.\\s*"
                + k
                + "\\b|config\\s*\\[\\s*['\"]"
                + k
                + "['\"]\\s*\\]");
    for (ProjectFile f : snapshot.inputs().files()) {
      if (!isTemplate(f.kind()) || f.text() == null || !f.text().contains(key)) {
        continue;
      }
      if (reads.matcher(f.text()).find()) {
        return f.packageName() + "/" + f.relativePath();
      }
    }
    return null;
  }

  private static boolean isTemplate(FileKind kind) {
    return switch (kind) {
      case MODEL, MACRO, SNAPSHOT, ANALYSIS, SINGULAR_TEST, GENERIC_TEST, FUNCTION -> true;
      default -> false;
    };
  }
}
