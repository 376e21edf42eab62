package dev.dbtls.cli;

import dev.dbtls.index.Selector;
import dev.dbtls.index.YamlSelectors;
import dev.dbtls.index.compile.ProjectSelectors;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Severity;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * dbt's {@code --selector NAME} (a selector of selectors.yml) and dbt's choice of nodes: {@code
 * --selector}, which wins over -s/--exclude as in dbt; else -s/--exclude; else the selector marked
 * {@code default}; else every node.
 */
final class SelectorOption {
  @Option(
      names = "--selector",
      description = "A selector of selectors.yml (used instead of --select/--exclude, as in dbt)")
  String name;

  /**
   * Chosen and excluded unique ids ({@code excluded}: what the runners must not add back as the
   * tests of chosen nodes); {@code byDefault}: the default selector used, or null.
   */
  record Selection(Set<String> chosen, Set<String> excluded, String byDefault) {}

  /**
   * The nodes chosen; the problems of selectors.yml and of the selection go to {@code problems}.
   */
  Selection choose(ProjectOptions project, ProjectSnapshot s, List<Problem> problems) {
    YamlSelectors yaml = ProjectSelectors.of(s);
    problems.addAll(yaml.problems());
    Selector nodes = new Selector(s.manifest(), yaml);
    String byDefault =
        name == null && project.select.isEmpty() && project.exclude.isEmpty()
            ? yaml.defaultName()
            : null;
    String used = name != null ? name : byDefault;
    if (name != null && (!project.select.isEmpty() || !project.exclude.isEmpty())) {
      // dbt 1.12 warns the same: the selector: method is how the two combine
      problems.add(
          new Problem(
              "",
              0,
              0,
              0,
              0,
              Severity.WARNING,
              ProblemCode.SELECTOR_INVALID,
              "--select/--exclude are ignored when --selector is given, as in dbt; to combine"
                  + " them write -s 'selector:"
                  + name
                  + " ...'"));
    }
    Selection out;
    if (used != null) {
      Set<String> chosen = nodes.selector(used);
      out = new Selection(chosen, nodes.leftOut(chosen), byDefault);
    } else {
      out =
          new Selection(
              nodes.select(project.select, project.exclude),
              project.exclude.isEmpty() ? Set.of() : nodes.select(project.exclude, List.of()),
              null);
    }
    problems.addAll(nodes.problems());
    return out;
  }
}
