package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;

/**
 * {@code target-path:} in dbt_project.yml, deprecated in dbt 1.5 for the {@code --target-path} flag
 * and the {@code DBT_TARGET_PATH} env var.
 */
final class ConfigTargetPathDeprecation implements StrictRule {
  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    ProjectPathKey.moved(
        file,
        out,
        "target-path",
        "target",
        "--target-path",
        "DBT_TARGET_PATH",
        ProblemCode.PROJECT_CONFIG_TARGET_PATH,
        "ConfigTargetPathDeprecation");
  }
}
