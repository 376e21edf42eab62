package dev.dbtls.index;

import dev.dbtls.project.Configs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node for every table of every source a property file declares, with its rendered names. */
final class SourceParser {
  private final PropertyIndex properties;
  private final YamlRendering yaml;
  private final ProjectConfigs configs;
  private final Descriptions descriptions;

  SourceParser(ParseContext c, Descriptions descriptions) {
    this.properties = c.properties;
    this.yaml = c.yaml;
    this.configs = c.configs;
    this.descriptions = descriptions;
  }

  List<Node> sources() {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<dev.dbtls.project.properties.SourceSpec> o : properties.sources) {
      var s = o.spec();
      for (var t : s.tables()) {
        List<String> fqn = new ArrayList<>(List.of(o.packageName()));
        fqn.addAll(o.folders());
        fqn.addAll(List.of(s.name(), t.name()));
        String pkg = o.packageName();
        var at = configs.located(o.file().path(), t.nameSpan());
        Map<String, Object> config = configs.configFor(ResourceType.SOURCE, pkg, fqn);
        config = Configs.merge(config, yaml.config(s.config(), pkg, false, at));
        config = Configs.merge(config, yaml.config(t.config(), pkg, false, at));
        config.putIfAbsent("enabled", true);
        Map<String, Object> extra = new HashMap<>();
        extra.put("source_name", s.name());
        extra.put(
            "source_description",
            s.description() == null ? "" : descriptions.render(s.description(), o.packageName()));
        extra.put("loader", s.loader() == null ? "" : s.loader());
        // for hover: a table's own freshness and loaded_at_field replace the source's; each is
        // read at the top of the entry or under its config: (where dbt 1.10 wants it)
        String tableLoadedAt =
            t.loadedAtField() != null ? t.loadedAtField() : text(t.config().get("loaded_at_field"));
        String sourceLoadedAt =
            s.loadedAtField() != null ? s.loadedAtField() : text(s.config().get("loaded_at_field"));
        String loadedAt =
            yaml.string(tableLoadedAt != null ? tableLoadedAt : sourceLoadedAt, pkg, at);
        extra.put("loaded_at_field", loadedAt == null ? "" : loadedAt);
        Map<String, Object> tableFreshness =
            !t.freshness().isEmpty() ? t.freshness() : map(t.config().get("freshness"));
        Map<String, Object> sourceFreshness =
            !s.freshness().isEmpty() ? s.freshness() : map(s.config().get("freshness"));
        extra.put("freshness", !tableFreshness.isEmpty() ? tableFreshness : sourceFreshness);
        extra.put(
            "identifier", t.identifier() == null ? t.name() : yaml.string(t.identifier(), pkg, at));
        Map<String, Object> quoting = new LinkedHashMap<>(s.quoting());
        quoting.putAll(t.quoting());
        extra.put("quoting", quoting);
        extra.put(
            "source_schema", s.schema() == null ? s.name() : yaml.string(s.schema(), pkg, at));
        extra.put("source_database", yaml.string(s.database(), pkg, at));
        out.add(
            new Node(
                "source." + o.packageName() + "." + s.name() + "." + t.name(),
                ResourceType.SOURCE,
                o.packageName(),
                t.name(),
                null,
                fqn,
                o.relativePath(),
                o.file().path(),
                null,
                config,
                descriptions.render(t.description(), o.packageName()),
                descriptions.columns(t.columns(), o.packageName()),
                List.of(),
                List.of(),
                List.of(),
                null,
                t.nameSpan(),
                extra));
      }
    }
    return out;
  }

  private static String text(Object v) {
    return v == null ? null : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
