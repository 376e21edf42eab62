package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;

/**
 * {@code log-path:} in dbt_project.yml, deprecated in dbt 1.5 for the {@code --log-path} flag and
 * the {@code DBT_LOG_PATH} env var.
 */
final class ConfigLogPathDeprecation implements StrictRule {
  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    ProjectPathKey.moved(
        file,
        out,
        "log-path",
        "logs",
        "--log-path",
        "DBT_LOG_PATH",
        ProblemCode.PROJECT_CONFIG_LOG_PATH,
        "ConfigLogPathDeprecation");
  }
}
