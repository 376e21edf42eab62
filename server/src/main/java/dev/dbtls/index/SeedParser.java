package dev.dbtls.index;

import dev.dbtls.project.Configs;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node for every seed file, configured from dbt_project.yml and its property entry. */
final class SeedParser {

  private final ProjectInputs inputs;
  private final PropertyIndex properties;
  private final ProjectConfigs configs;
  private final Descriptions descriptions;

  SeedParser(ParseContext c, Descriptions descriptions) {
    this.inputs = c.inputs;
    this.properties = c.properties;
    this.configs = c.configs;
    this.descriptions = descriptions;
  }

  List<Node> seeds() {
    List<Node> out = new ArrayList<>();
    for (ProjectFile f : inputs.files()) {
      if (f.kind() != FileKind.SEED) {
        continue;
      }
      List<String> fqn = new ArrayList<>();
      fqn.add(f.packageName());
      fqn.addAll(ResourcePath.of(f, inputs.project(f.packageName()).seedPaths()));
      fqn.add(f.stem());
      NodeSpec spec = properties.node(f.packageName(), "seed", f.stem());
      Map<String, Object> config = configs.configFor(ResourceType.SEED, f.packageName(), fqn);
      if (spec != null) {
        config = Configs.merge(config, configs.specConfig(spec, f.packageName()));
      }
      config.putIfAbsent("enabled", true);
      config.putIfAbsent("materialized", "seed");
      out.add(
          new Node(
              "seed." + f.packageName() + "." + f.stem(),
              ResourceType.SEED,
              f.packageName(),
              f.stem(),
              null,
              List.copyOf(fqn),
              f.relativePath(),
              inputs.displayPath(f),
              f,
              config,
              spec == null ? null : descriptions.render(spec.description(), f.packageName()),
              spec == null ? List.of() : descriptions.columns(spec.columns(), f.packageName()),
              List.of(),
              List.of(),
              List.of(),
              null,
              Span.NONE,
              spec == null ? Map.of() : Map.of(Node.PROPERTIES_FILE, spec.file())));
    }
    return out;
  }
}
