package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.List;

/**
 * {@code flags: source_freshness_run_project_hooks: false} in a project with {@code on-run-start}
 * or {@code on-run-end} hooks: dbt v2 runs them on {@code source freshness}. No fix: setting the
 * flag (dbt-autofix's "behaviour change" fix) changes what {@code dbt source freshness} runs.
 */
final class SourceFreshnessProjectHooksNotRun implements StrictRule {
  private static final String EVENT = "SourceFreshnessProjectHooksNotRun";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    YamlMap root = ProjectFlag.projectRoot(file);
    YamlMap flags = ProjectFlag.flags(file);
    if (root == null || flags == null) {
      return;
    }
    YamlNode flag = flags.get("source_freshness_run_project_hooks");
    if (!(flag instanceof YamlScalar s && Boolean.FALSE.equals(s.value()))) {
      return;
    }
    if (!hasHooks(root.get("on-run-start")) && !hasHooks(root.get("on-run-end"))) {
      return;
    }
    out.add(
        new Deprecation(
            file.problem(
                ProblemCode.SOURCE_FRESHNESS_PROJECT_HOOKS,
                EVENT,
                flags.keySpan("source_freshness_run_project_hooks"),
                "In a future version of dbt, the `source freshness` command will start running"
                    + " `on-run-start` and `on-run-end` hooks by default; this project turns that"
                    + " off and has such hooks.")));
  }

  private static boolean hasHooks(YamlNode n) {
    if (n == null) {
      return false;
    }
    if (n instanceof YamlScalar s) {
      return s.value() != null && !String.valueOf(s.value()).isBlank();
    }
    return !n.asList().items().isEmpty();
  }
}
