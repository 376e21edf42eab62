package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import java.util.List;

/**
 * A {@code config:} key at the top of profiles.yml: user configs moved to {@code flags:} of
 * dbt_project.yml in dbt 1.8. No fix: it spans two files, and profiles.yml may be shared by several
 * projects.
 */
final class ProjectFlagsMovedDeprecation implements StrictRule {
  private static final String EVENT = "ProjectFlagsMovedDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() != StrictFile.Kind.PROFILES || file.yaml() == null) {
      return;
    }
    if (file.yaml().root() instanceof YamlMap root && root.has("config")) {
      out.add(
          new Deprecation(
              file.problem(
                  ProblemCode.PROJECT_FLAGS_MOVED,
                  EVENT,
                  root.keySpan("config"),
                  "User config should be moved from the 'config' key in profiles.yml to the"
                      + " 'flags' key in dbt_project.yml.")));
    }
  }
}
