package dev.dbtls.index;

import dev.dbtls.project.Configs;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.YamlSnapshotSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots defined in YAML (dbt 1.9): a {@code snapshots:} entry with {@code relation:} is a
 * snapshot node like one of a SQL file, its SQL {@code select * from {{ <relation> }}} as dbt
 * writes it, its fqn the property file's folders and its name, its configs dbt_project.yml's then
 * the entry's.
 */
final class YamlSnapshotParser {
  private final ParseContext context;
  private final Descriptions descriptions;

  YamlSnapshotParser(ParseContext context, Descriptions descriptions) {
    this.context = context;
    this.descriptions = descriptions;
  }

  List<Node> snapshots() {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<YamlSnapshotSpec> o : context.properties.yamlSnapshots) {
      YamlSnapshotSpec s = o.spec();
      String pkg = o.packageName();
      NodeSpec spec = context.properties.node(pkg, "snapshot", s.name());
      List<String> fqn = new ArrayList<>();
      fqn.add(pkg);
      fqn.addAll(o.folders());
      fqn.add(s.name());
      Map<String, Object> config = context.configs.configFor(ResourceType.SNAPSHOT, pkg, fqn);
      if (spec != null) {
        config = Configs.merge(config, context.configs.specConfig(spec, pkg));
      }
      config.putIfAbsent("enabled", true);
      config.putIfAbsent("materialized", "snapshot");
      YamlDependency relation = YamlDependency.of(s.relation());
      Map<String, Object> extra = new HashMap<>();
      extra.put(Node.RAW_CODE, "select * from {{ " + s.relation() + " }}");
      extra.put(Node.PROPERTIES_FILE, o.file().path());
      out.add(
          new Node(
              "snapshot." + pkg + "." + s.name(),
              ResourceType.SNAPSHOT,
              pkg,
              s.name(),
              null,
              List.copyOf(fqn),
              o.relativePath(),
              o.file().path(),
              null,
              config,
              spec == null ? null : descriptions.render(spec.description(), pkg),
              spec == null ? List.of() : descriptions.columns(spec.columns(), pkg),
              relation.refs(),
              relation.sources(),
              List.of(),
              null,
              spec == null ? s.relationSpan() : spec.nameSpan(),
              extra));
    }
    return out;
  }
}
