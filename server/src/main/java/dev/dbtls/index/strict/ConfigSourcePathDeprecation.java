package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import java.util.List;

/** {@code source-paths:} in dbt_project.yml, renamed {@code model-paths} in dbt 1.0. */
final class ConfigSourcePathDeprecation implements StrictRule {
  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    ProjectPathKey.renamed(
        file,
        out,
        "source-paths",
        "model-paths",
        ProblemCode.PROJECT_CONFIG_SOURCE_PATHS,
        "ConfigSourcePathDeprecation");
  }
}
