package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;

/** {@code data-paths:} in dbt_project.yml, renamed {@code seed-paths} in dbt 1.0. */
final class ConfigDataPathDeprecation implements StrictRule {
  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    ProjectPathKey.renamed(
        file,
        out,
        "data-paths",
        "seed-paths",
        ProblemCode.PROJECT_CONFIG_DATA_PATHS,
        "ConfigDataPathDeprecation");
  }
}
