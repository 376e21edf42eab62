package dev.dbtls.index;

import dev.dbtls.project.ConfigTree;
import dev.dbtls.project.Configs;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.yaml.YamlMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's configs as dbt merges them: dbt_project.yml (the package's own, then the root
 * project's), then its property YAML entry, each rendered in its own context; a value that fails to
 * render is a located problem.
 */
final class ProjectConfigs {
  private final ProjectInputs inputs;
  private final YamlRendering yaml;
  private final List<Problem> problems;

  ProjectConfigs(ProjectInputs inputs, YamlRendering yaml, List<Problem> problems) {
    this.inputs = inputs;
    this.yaml = yaml;
    this.problems = problems;
  }

  /** A node's configs from its property YAML entry, rendered in the properties.yml context. */
  Map<String, Object> specConfig(NodeSpec spec, String pkg) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (!spec.tags().isEmpty()) {
      c.put("tags", spec.tags());
    }
    if (!spec.meta().isEmpty()) {
      c.put("meta", spec.meta());
    }
    return yaml.config(
        Configs.merge(c, spec.config()), pkg, false, located(spec.file(), spec.nameSpan()));
  }

  /** Where a YAML value that failed to render is reported. */
  YamlRendering.Problems located(String file, Span at) {
    return (text, message) -> problems.add(Problem.at(file, at, ProblemCode.JINJA_RENDER, message));
  }

  /** Configs from dbt_project.yml: the package's own file first, then the root project's. */
  Map<String, Object> configFor(ResourceType type, String pkg, List<String> fqn) {
    Map<String, Object> out = new LinkedHashMap<>();
    DbtProject own = inputs.project(pkg);
    if (own != null && own != inputs.root()) {
      out = Configs.merge(out, projectConfig(own, new ConfigTree(tree(own, type)).configFor(fqn)));
    }
    return Configs.merge(
        out,
        projectConfig(inputs.root(), new ConfigTree(tree(inputs.root(), type)).configFor(fqn)));
  }

  /** A config tree's values for one node, rendered in the dbt_project.yml context. */
  private Map<String, Object> projectConfig(DbtProject p, Map<String, Object> config) {
    String file = inputs.root().dir().relativize(p.dir().resolve(DbtProject.FILE)).toString();
    return yaml.config(
        config,
        p.name(),
        true,
        (text, message) ->
            problems.add(
                Problem.at(
                    file,
                    valueSpan(p.document().root(), text),
                    ProblemCode.JINJA_RENDER,
                    message)));
  }

  /** Where a text is written in a YAML tree (the first place), or nowhere in particular. */
  private static Span valueSpan(dev.dbtls.project.yaml.YamlNode root, String text) {
    Span at = find(root, text);
    return at == null ? Span.NONE : at;
  }

  private static Span find(dev.dbtls.project.yaml.YamlNode n, String text) {
    if (n instanceof dev.dbtls.project.yaml.YamlScalar s) {
      return text.equals(s.value()) ? s.span() : null;
    }
    java.util.Collection<dev.dbtls.project.yaml.YamlNode> children =
        n instanceof YamlMap m
            ? m.entries().values()
            : n instanceof dev.dbtls.project.yaml.YamlList l ? l.items() : List.of();
    for (dev.dbtls.project.yaml.YamlNode c : children) {
      Span at = find(c, text);
      if (at != null) {
        return at;
      }
    }
    return null;
  }

  private static YamlMap tree(DbtProject p, ResourceType type) {
    return switch (type) {
      case MODEL -> p.models();
      case SEED -> p.seeds();
      case SNAPSHOT -> p.snapshots();
      case SOURCE -> p.sources();
      case TEST -> p.tests();
      case ANALYSIS -> p.analyses();
      case FUNCTION -> p.functions();
      case SEMANTIC_MODEL -> p.semanticModels();
      case METRIC -> p.metrics();
      case SAVED_QUERY -> p.savedQueries();
      default -> YamlMap.empty(Span.NONE);
    };
  }
}
