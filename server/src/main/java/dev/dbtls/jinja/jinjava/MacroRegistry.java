package dev.dbtls.jinja.jinjava;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's macro namespaces: one per package, the root project's, and {@code dbt}'s. Immutable once
 * built.
 */
final class MacroRegistry {
  static final String DBT = "dbt";

  private final String rootPackage;
  private final Map<String, Map<String, JinjaMacro>> byPackage = new HashMap<>();

  MacroRegistry(String rootPackage) {
    this.rootPackage = rootPackage;
  }

  void add(JinjaMacro m) {
    byPackage.computeIfAbsent(m.packageName, k -> new HashMap<>()).put(m.name, m);
  }

  String rootPackage() {
    return rootPackage;
  }

  JinjaMacro get(String packageName, String name) {
    Map<String, JinjaMacro> p = byPackage.get(packageName);
    return p == null ? null : p.get(name);
  }

  /**
   * The macros ({@code package.name}) defined otherwise here than in {@code before}; null when the
   * two do not hold the same packages and names.
   */
  java.util.Set<String> changedSince(MacroRegistry before) {
    if (!byPackage.keySet().equals(before.byPackage.keySet())) {
      return null;
    }
    java.util.Set<String> changed = new java.util.HashSet<>();
    for (Map.Entry<String, Map<String, JinjaMacro>> p : byPackage.entrySet()) {
      Map<String, JinjaMacro> was = before.byPackage.get(p.getKey());
      if (!p.getValue().keySet().equals(was.keySet())) {
        return null;
      }
      p.getValue()
          .forEach(
              (name, m) -> {
                if (!m.sameDefinition(was.get(name))) {
                  changed.add(m.id());
                }
              });
    }
    return changed;
  }

  boolean hasPackage(String name) {
    return byPackage.containsKey(name);
  }

  /**
   * Unqualified names: the current package's macros, then the root project's, then dbt's. dbt's own
   * macros are never "local" in dbt, so the root project overrides them even there (a root
   * generate_schema_name is what dbt's internals call).
   */
  JinjaMacro resolve(String currentPackage, String name) {
    String local = DBT.equals(currentPackage) ? rootPackage : currentPackage;
    for (String p : List.of(local, rootPackage, DBT)) {
      JinjaMacro m = get(p, name);
      if (m != null) {
        return m;
      }
    }
    return null;
  }
}
