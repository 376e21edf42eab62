package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment variable in dbt's reserved {@code DBT_ENGINE_} namespace that is not one of dbt's
 * own: dbt warns for each one set when it starts. Found where a static look sees it: set in the
 * environment dbtls was given (reported on dbt_project.yml), and read with {@code
 * env_var('DBT_ENGINE_...')} in a file of the project. No fix: the variable must be renamed where
 * it is set too.
 */
final class EnvironmentVariableNamespaceDeprecation implements StrictRule {
  private static final String EVENT = "EnvironmentVariableNamespaceDeprecation";
  private static final String PREFIX = "DBT_ENGINE_";

  /** dbt's own variables in the namespace (dbt-core's {@code KNOWN_ENGINE_ENV_VARS}). */
  static final Set<String> KNOWN =
      Set.of(
          "DBT_ENGINE_STATE_EMIT_REUSED_STATUS",
          "DBT_ENGINE_STATE_OAUTH_CLIENT_ID",
          "DBT_ENGINE_STATE_AUTH_URL",
          "DBT_ENGINE_STATE_TOKEN_URL",
          "DBT_ENGINE_STATE_API_URL");

  private static final Pattern READ =
      Pattern.compile("\\benv_var\\s*\\(\\s*(['\"])(" + PREFIX + "[A-Za-z0-9_]*)\\1");

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() == StrictFile.Kind.DBT_PROJECT) {
      Set<String> set = new TreeSet<>();
      file.snapshot().env().keySet().stream()
          .filter(k -> k.startsWith(PREFIX) && !KNOWN.contains(k))
          .forEach(set::add);
      for (String name : set) {
        out.add(deprecation(file, name, new Span(0, 0, 0, 0)));
      }
    }
    if (!file.text().contains(PREFIX)) {
      return;
    }
    Matcher m = READ.matcher(file.text());
    while (m.find()) {
      if (!KNOWN.contains(m.group(2))) {
        out.add(deprecation(file, m.group(2), file.lines().span(m.start(2), m.end(2))));
      }
    }
  }

  private static Deprecation deprecation(StrictFile file, String name, Span at) {
    return new Deprecation(
        file.problem(
            ProblemCode.ENVIRONMENT_VARIABLE_NAMESPACE_DEPRECATION,
            EVENT,
            at,
            "Found custom environment variable `"
                + name
                + "` in the environment. The prefix `"
                + PREFIX
                + "` is reserved for dbt engine environment variables; rename it."));
  }
}
