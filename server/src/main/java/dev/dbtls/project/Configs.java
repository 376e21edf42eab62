package dev.dbtls.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How dbt combines configs from several places: later values win, except {@code tags} (a union),
 * dictionaries such as {@code meta} (merged key by key) and hooks (appended).
 */
public final class Configs {
  private static final Set<String> MERGED_DICTS =
      Set.of(
          "meta",
          "docs",
          "persist_docs",
          "grants",
          "column_types",
          "quoting",
          "contract",
          "labels");
  private static final Set<String> APPENDED = Set.of("tags", "pre-hook", "post-hook");

  private Configs() {}

  /** dbt accepts {@code pre_hook} and {@code pre-hook}; keep one spelling. */
  public static String normalizeKey(String key) {
    String k = key.startsWith("+") ? key.substring(1) : key;
    return switch (k) {
      case "pre_hook" -> "pre-hook";
      case "post_hook" -> "post-hook";
      default -> k;
    };
  }

  public static boolean isDictConfig(String key) {
    return MERGED_DICTS.contains(normalizeKey(key));
  }

  /** {@code base} overlaid by {@code override}, as a new map. */
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach(
        (rawKey, v) -> {
          String k = normalizeKey(rawKey);
          Object old = out.get(k);
          if (APPENDED.contains(k)) {
            out.put(k, append(old, v, "tags".equals(k)));
          } else if (MERGED_DICTS.contains(k)
              && old instanceof Map<?, ?> om
              && v instanceof Map<?, ?> nm) {
            Map<String, Object> m = new LinkedHashMap<>();
            om.forEach((a, b) -> m.put(String.valueOf(a), b));
            nm.forEach((a, b) -> m.put(String.valueOf(a), b));
            out.put(k, m);
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  private static List<Object> append(Object old, Object add, boolean unique) {
    java.util.Collection<Object> out = unique ? new LinkedHashSet<>() : new ArrayList<>();
    addAll(out, old);
    addAll(out, add);
    return new ArrayList<>(out);
  }

  private static void addAll(java.util.Collection<Object> out, Object v) {
    if (v instanceof List<?> l) {
      out.addAll(l);
    } else if (v != null) {
      out.add(v);
    }
  }
}
