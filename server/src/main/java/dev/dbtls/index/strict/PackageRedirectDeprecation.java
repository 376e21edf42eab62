package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.List;
import java.util.Map;

/**
 * A hub package of packages.yml (or dependencies.yml) under a name the dbt package hub redirects:
 * {@code fishtown-analytics/dbt_utils} is {@code dbt-labs/dbt_utils}. dbt asks the hub on {@code
 * dbt deps}; dbtls knows the hub's redirects of fishtown-analytics' packages to dbt-labs (the
 * company's rename) without a network call. The fix writes the new name; the same package is
 * installed.
 */
final class PackageRedirectDeprecation implements StrictRule {
  private static final String EVENT = "PackageRedirectDeprecation";

  /** The hub's redirects, old name to new. */
  static final Map<String, String> REDIRECTS =
      Map.ofEntries(
          Map.entry("fishtown-analytics/dbt_utils", "dbt-labs/dbt_utils"),
          Map.entry("fishtown-analytics/codegen", "dbt-labs/codegen"),
          Map.entry("fishtown-analytics/audit_helper", "dbt-labs/audit_helper"),
          Map.entry("fishtown-analytics/dbt_external_tables", "dbt-labs/dbt_external_tables"),
          Map.entry("fishtown-analytics/redshift", "dbt-labs/redshift"),
          Map.entry("fishtown-analytics/spark_utils", "dbt-labs/spark_utils"),
          Map.entry("fishtown-analytics/snowplow", "dbt-labs/snowplow"),
          Map.entry("fishtown-analytics/logging", "dbt-labs/logging"),
          Map.entry("fishtown-analytics/segment", "dbt-labs/segment"));

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() != StrictFile.Kind.PACKAGES || file.yaml() == null) {
      return;
    }
    if (!(file.yaml().root() instanceof YamlMap root)) {
      return;
    }
    for (YamlMap p : PropertyEntries.maps(root.get("packages"))) {
      YamlNode v = p.get("package");
      if (!(v instanceof YamlScalar s) || !(s.value() instanceof String name)) {
        continue;
      }
      String now = REDIRECTS.get(name);
      if (now == null) {
        continue;
      }
      var problem =
          file.problem(
              ProblemCode.PACKAGE_REDIRECT,
              EVENT,
              s.span(),
              "The `"
                  + name
                  + "` package is deprecated in favor of `"
                  + now
                  + "`. Please update your `"
                  + file.displayPath()
                  + "` configuration to use `"
                  + now
                  + "` instead.");
      Span inner = unquoted(file, s.span(), name);
      out.add(
          inner == null
              ? new Deprecation(problem)
              : new Deprecation(problem, "Use `" + now + "`", List.of(new Edit(inner, now))));
    }
  }

  /** The span of {@code name} itself inside the scalar (past a quote), or null. */
  private static Span unquoted(StrictFile file, Span s, String name) {
    String line = YamlEdits.line(file.text(), file.lines(), s.startLine());
    if (line == null || s.startLine() != s.endLine()) {
      return null;
    }
    int at = line.indexOf(name, s.startColumn());
    return at < 0 ? null : new Span(s.startLine(), at, s.startLine(), at + name.length());
  }
}
