package dev.dbtls.index.strict;

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
  /** What dbt takes out of a test's arguments as configs (its TestBuilder.CONFIG_ARGS). */
  static final List<String> CONFIG_ARGS =
      List.of(
          "severity",
          "tags",
          "enabled",
          "where",
          "limit",
          "warn_if",
          "error_if",
          "fail_calc",
          "store_failures",
          "store_failures_as",
          "sql_header",
          "meta",
          "database",
          "schema",
          "alias");

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
