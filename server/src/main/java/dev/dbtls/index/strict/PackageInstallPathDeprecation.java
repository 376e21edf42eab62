package dev.dbtls.index.strict;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.List;

/**
 * {@code dbt_modules} in {@code clean-targets} of dbt_project.yml while packages are installed
 * elsewhere (the default {@code dbt_packages} since dbt 1.0) and that folder is not cleaned: dbt
 * warns on {@code dbt clean}. The fix writes {@code dbt_packages} instead, as dbt's message says.
 */
final class PackageInstallPathDeprecation implements StrictRule {
  private static final String EVENT = "PackageInstallPathDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    YamlMap root = ProjectFlag.projectRoot(file);
    if (root == null) {
      return;
    }
    String installPath = root.string("packages-install-path");
    if ("dbt_modules".equals(installPath)) {
      return;
    }
    YamlNode targets = root.get("clean-targets");
    if (targets == null) {
      return;
    }
    String cleaned = installPath == null ? "dbt_packages" : installPath;
    for (YamlNode item : targets.asList().items()) {
      if (item instanceof YamlScalar s && cleaned.equals(s.value())) {
        return; // dbt warns only when the packages' folder itself is not cleaned
      }
    }
    for (YamlNode item : targets.asList().items()) {
      if (!(item instanceof YamlScalar s) || !"dbt_modules".equals(s.value())) {
        continue;
      }
      String written = YamlEdits.line(file.text(), file.lines(), s.span().startLine());
      boolean plain =
          written != null
              && s.span().startLine() == s.span().endLine()
              && written.startsWith("dbt_modules", s.span().startColumn());
      int col = s.span().startColumn() + (plain ? 0 : 1);
      var at =
          new dev.dbtls.project.Span(
              s.span().startLine(), col, s.span().startLine(), col + "dbt_modules".length());
      var problem =
          file.problem(
              ProblemCode.INSTALL_PACKAGES_PATH,
              EVENT,
              s.span(),
              "The default package install path has changed from `dbt_modules` to"
                  + " `dbt_packages`. Please update `clean-targets` in `dbt_project.yml` and check"
                  + " `.gitignore`. Or, set `packages-install-path: dbt_modules` if you'd like to"
                  + " keep the current value.");
      out.add(
          new Deprecation(
              problem,
              "Clean `dbt_packages` instead of `dbt_modules`",
              List.of(new Edit(at, "dbt_packages"))));
    }
  }
}
