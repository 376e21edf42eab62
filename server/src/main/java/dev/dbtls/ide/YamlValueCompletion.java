package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Config values in YAML: known values of a key, booleans, and the project's own materializations.
 */
final class YamlValueCompletion {
  private YamlValueCompletion() {}

  static void configValues(CompletionContext ctx, String key, CompletionItems items) {
    List<String> values = new ArrayList<>();
    if (key.equals("materialized")) {
      values.addAll(CompletionVocabulary.MATERIALIZATIONS);
      values.addAll(customMaterializations(ctx));
    } else if (YamlVocabulary.BOOLEAN_KEYS.contains(key)) {
      values.addAll(YamlVocabulary.BOOLEAN);
    } else {
      values.addAll(YamlVocabulary.VALUES.getOrDefault(key, List.of()));
    }
    for (String v : values) {
      items.add(v, CompletionKind.CONFIG_VALUE, 0, key, null, v, false);
    }
  }

  static List<String> customMaterializations(CompletionContext ctx) {
    TreeSet<String> names = new TreeSet<>();
    for (Macro m : ctx.manifest.macros().values()) {
      String n = m.name();
      if (n.startsWith("materialization_") && n.lastIndexOf('_') > "materialization_".length()) {
        names.add(n.substring("materialization_".length(), n.lastIndexOf('_')));
      }
    }
    names.removeAll(CompletionVocabulary.MATERIALIZATIONS);
    return List.copyOf(names);
  }
}
