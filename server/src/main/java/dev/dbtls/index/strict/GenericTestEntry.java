package dev.dbtls.index.strict;

import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * One generic test of property YAML as dbt reads it ({@code extract_test_args}): the mapping that
 * holds its arguments and configs — the value of {@code - unique: {...}}, or the item itself in the
 * {@code test_name:} form — and the test's name.
 *
 * @param args the mapping holding the test's keys (an empty map when the test has none)
 * @param name the test's name as written
 * @param alternative whether this is the {@code test_name:} form
 */
record GenericTestEntry(YamlMap args, String name, boolean alternative) {
  /**
   * What counts as a config beside a test's arguments here: dbt's ({@link
   * PropertyFile#TEST_CONFIG_ARGS}) and {@code sql_header}, which dbt v2's schema has among data
   * tests' configs.
   */
  static final List<String> CONFIG_ARGS =
      java.util.stream.Stream.concat(
              PropertyFile.TEST_CONFIG_ARGS.stream(), java.util.stream.Stream.of("sql_header"))
          .toList();

  /** Keys that stay at the top of a test: neither arguments nor moved configs. */
  static final List<String> TOP_LEVEL = List.of("config", "column_name", "description", "name");

  /** The test of a list item, or null when it is not one dbt reads. */
  static GenericTestEntry of(YamlMap item) {
    if (item.has("test_name")) {
      return new GenericTestEntry(item, item.string("test_name"), true);
    }
    if (item.entries().size() != 1) {
      return null;
    }
    Map.Entry<String, YamlNode> only = item.entries().entrySet().iterator().next();
    if (only.getValue() instanceof YamlMap m) {
      return new GenericTestEntry(m, only.getKey(), false);
    }
    return null; // "- unique:" with no arguments, or not a mapping
  }

  /** Whether {@code key} is one of the test's arguments (not a config or a test property). */
  boolean isArgument(String key) {
    return !TOP_LEVEL.contains(key)
        && !CONFIG_ARGS.contains(key)
        && !key.equals("arguments")
        && !(alternative && key.equals("test_name"));
  }
}
