package dev.dbtls.index.strict;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The entries of a property YAML file with the list each stands in: {@code models}, {@code seeds},
 * {@code snapshots}, {@code analyses}, {@code sources} and their {@code tables}, {@code exposures},
 * a model's {@code versions}, and the {@code columns} of each (versions' columns included).
 */
final class PropertyEntries {
  private PropertyEntries() {}

  static final List<String> NODE_LISTS =
      List.of("models", "seeds", "snapshots", "analyses", "sources", "exposures");

  /** Calls {@code visit} with (list name, entry) for every entry of {@code file}. */
  static void forEach(StrictFile file, BiConsumer<String, YamlMap> visit) {
    if (!file.is(FileKind.PROPERTIES) || file.yaml() == null) {
      return;
    }
    if (!(file.yaml().root() instanceof YamlMap root)) {
      return;
    }
    for (String list : NODE_LISTS) {
      for (YamlMap entry : maps(root.get(list))) {
        visit.accept(list, entry);
        columns(entry, visit);
        if (list.equals("sources")) {
          for (YamlMap table : maps(entry.get("tables"))) {
            visit.accept("tables", table);
            columns(table, visit);
          }
        }
        if (list.equals("models")) {
          for (YamlMap version : maps(entry.get("versions"))) {
            visit.accept("versions", version);
            columns(version, visit);
          }
        }
      }
    }
  }

  /**
   * Calls {@code visit} with (test name key's entry, the test's item) for each generic test of the
   * entries of {@code file}: the item of a {@code data_tests:} or {@code tests:} list that is a
   * mapping.
   */
  static void forEachTest(StrictFile file, BiConsumer<YamlMap, String> visit) {
    forEach(
        file,
        (list, entry) -> {
          for (String key : List.of("data_tests", "tests")) {
            for (YamlMap t : maps(entry.get(key))) {
              visit.accept(t, list);
            }
          }
        });
  }

  private static void columns(YamlMap entry, BiConsumer<String, YamlMap> visit) {
    for (YamlMap c : maps(entry.get("columns"))) {
      visit.accept("columns", c);
    }
  }

  /** The mappings of a list node (other items skipped); empty when it is not a list. */
  static List<YamlMap> maps(YamlNode n) {
    List<YamlMap> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    for (YamlNode item : n.asList().items()) {
      if (item instanceof YamlMap m) {
        out.add(m);
      }
    }
    return out;
  }
}
