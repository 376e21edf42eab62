package dev.dbtls.project;

import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code models:}/{@code seeds:}/... tree of dbt_project.yml. Configs apply to every node below
 * the folder they are written at; {@code +key} is always a config, a plain key is a config unless
 * it names the next folder or node on the path.
 */
public record ConfigTree(YamlMap root) {

  /** The configs for a node with this fqn ({@code [package, folder..., name]}), outermost first. */
  public Map<String, Object> configFor(List<String> fqn) {
    Map<String, Object> out = new LinkedHashMap<>();
    YamlMap level = root;
    int depth = 0;
    while (level != null) {
      String next = depth < fqn.size() ? fqn.get(depth) : null;
      Map<String, Object> here = new LinkedHashMap<>();
      YamlMap child = null;
      for (Map.Entry<String, YamlNode> e : level.entries().entrySet()) {
        String key = e.getKey();
        YamlNode value = e.getValue();
        if (key.startsWith("+")) {
          here.put(Configs.normalizeKey(key), value.toPlain());
        } else if (key.equals(next) && value instanceof YamlMap m) {
          child = m;
        } else if (!(value instanceof YamlMap) || Configs.isDictConfig(key)) {
          here.put(Configs.normalizeKey(key), value.toPlain());
        }
      }
      out = Configs.merge(out, here);
      level = child;
      depth++;
    }
    return out;
  }
}
