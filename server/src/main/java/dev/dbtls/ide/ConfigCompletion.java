package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code config(}: its keys at an argument's start, known values after {@code key=} (the project's
 * own materializations too), and the keys inside {@code config.get('}.
 */
final class ConfigCompletion {
  private ConfigCompletion() {}

  /** Inside a string: {@code config(key='} or {@code config.get('}/{@code config.require('}. */
  static void inString(CompletionContext c, CompletionItems items) {
    JinjaCall call = c.call;
    if (c.inCallOf("config") && call.keyword != null) {
      values(c, call.keyword, items, false);
    } else if ("config".equals(call.qualifier)
        && (call.name.equals("get") || call.name.equals("require"))
        && call.argIndex == 0) {
      keys(items, "");
    }
  }

  /** Whether the cursor starts an argument of {@code config(}: then only its keys are offered. */
  static boolean atKey(CompletionContext c) {
    return c.inCallOf("config") && c.call.atArgStart;
  }

  static void keys(CompletionItems items, String suffix) {
    CompletionVocabulary.CONFIG_KEYS.forEach(
        (key, doc) ->
            items.add(key, CompletionKind.CONFIG_KEY, 0, "config", doc, key + suffix, false));
  }

  /** After {@code config(key=}: the key's values, quoted. */
  static void quotedValues(CompletionContext c, CompletionItems items) {
    if (c.inCallOf("config") && c.call.keyword != null && c.call.atValueStart) {
      values(c, c.call.keyword, items, true);
    }
  }

  private static void values(
      CompletionContext c, String key, CompletionItems items, boolean quote) {
    List<String> values = new ArrayList<>();
    if (key.equals("materialized")) {
      values.addAll(CompletionVocabulary.MATERIALIZATIONS);
      values.addAll(customMaterializations(c));
    } else {
      values.addAll(CompletionVocabulary.CONFIG_VALUES.getOrDefault(key, List.of()));
    }
    for (String v : values) {
      String insert = quote ? "'" + v + "'" : v;
      items.add(quote ? insert : v, CompletionKind.CONFIG_VALUE, 0, key, null, insert, false);
    }
  }

  /** Materializations defined in the project's and packages' macros, by name. */
  private static List<String> customMaterializations(CompletionContext c) {
    TreeSet<String> names = new TreeSet<>();
    for (Macro m : c.manifest.macros().values()) {
      String n = m.name();
      if (n.startsWith("materialization_") && n.lastIndexOf('_') > "materialization_".length()) {
        String name = n.substring("materialization_".length(), n.lastIndexOf('_'));
        if (!CompletionVocabulary.MATERIALIZATIONS.contains(name)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }
}
