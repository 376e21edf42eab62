package dev.dbtls.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node for every exposure a property file declares, depending on what it lists. */
final class ExposureParser {
  private final PropertyIndex properties;
  private final Descriptions descriptions;

  ExposureParser(ParseContext c, Descriptions descriptions) {
    this.properties = c.properties;
    this.descriptions = descriptions;
  }

  List<Node> exposures() {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<dev.dbtls.project.properties.ExposureSpec> o : properties.exposures) {
      var e = o.spec();
      List<RefCall> refs = new ArrayList<>();
      List<SourceCall> sources = new ArrayList<>();
      for (String dep : e.dependsOn()) {
        YamlDependency d = YamlDependency.of(dep);
        refs.addAll(d.refs());
        sources.addAll(d.sources());
      }
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("enabled", true);
      if (!e.tags().isEmpty()) {
        config.put("tags", e.tags());
      }
      out.add(
          new Node(
              "exposure." + o.packageName() + "." + e.name(),
              ResourceType.EXPOSURE,
              o.packageName(),
              e.name(),
              null,
              List.of(o.packageName(), e.name()),
              o.relativePath(),
              o.file().path(),
              null,
              config,
              descriptions.render(e.description(), o.packageName()),
              List.of(),
              refs,
              sources,
              List.of(),
              null,
              e.nameSpan(),
              Map.of("type", String.valueOf(e.type()))));
    }
    return out;
  }
}
