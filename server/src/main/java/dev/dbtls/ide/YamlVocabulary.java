package dev.dbtls.ide;

import java.util.List;
import java.util.Map;

/** The keys of dbt's property YAML (dbt 1.10) by place, and the values some of them take. */
final class YamlVocabulary {
  private YamlVocabulary() {}

  /** Top-level keys of a property file. */
  static final List<String> TOP =
      List.of(
          "version",
          "models",
          "sources",
          "seeds",
          "snapshots",
          "analyses",
          "macros",
          "exposures",
          "metrics",
          "semantic_models",
          "saved_queries",
          "groups",
          "unit_tests",
          "data_tests");

  static final List<String> MODEL =
      List.of(
          "name",
          "description",
          "config",
          "columns",
          "data_tests",
          "tests",
          "versions",
          "latest_version",
          "deprecation_date",
          "constraints",
          "docs",
          "access",
          "group",
          "meta",
          "tags",
          "time_spine");
  static final List<String> SEED =
      List.of("name", "description", "config", "columns", "data_tests", "tests", "docs");
  static final List<String> SNAPSHOT =
      List.of(
          "name", "description", "relation", "config", "columns", "data_tests", "tests", "docs");
  static final List<String> ANALYSIS = List.of("name", "description", "config", "columns", "docs");
  static final List<String> MACRO = List.of("name", "description", "arguments", "docs", "meta");
  static final List<String> MACRO_ARGUMENT = List.of("name", "type", "description");
  static final List<String> SOURCE =
      List.of(
          "name",
          "description",
          "database",
          "schema",
          "loader",
          "loaded_at_field",
          "freshness",
          "quoting",
          "tables",
          "config",
          "meta",
          "tags",
          "overrides");
  static final List<String> SOURCE_TABLE =
      List.of(
          "name",
          "description",
          "identifier",
          "loaded_at_field",
          "freshness",
          "quoting",
          "external",
          "columns",
          "data_tests",
          "tests",
          "config",
          "meta",
          "tags");
  static final List<String> COLUMN =
      List.of(
          "name",
          "description",
          "data_type",
          "data_tests",
          "tests",
          "constraints",
          "meta",
          "tags",
          "quote",
          "config",
          "granularity");

  /** A model version's columns also take {@code include}/{@code exclude} of the model's columns. */
  static final List<String> VERSION_COLUMN =
      List.of(
          "name",
          "description",
          "data_type",
          "data_tests",
          "tests",
          "constraints",
          "meta",
          "tags",
          "quote",
          "config",
          "include",
          "exclude");

  static final List<String> VERSION =
      List.of(
          "v",
          "defined_in",
          "description",
          "config",
          "columns",
          "constraints",
          "docs",
          "access",
          "deprecation_date",
          "data_tests",
          "tests");
  static final List<String> EXPOSURE =
      List.of(
          "name",
          "label",
          "type",
          "owner",
          "depends_on",
          "description",
          "url",
          "maturity",
          "config",
          "meta",
          "tags");
  static final List<String> GROUP = List.of("name", "owner", "description", "config");
  static final List<String> UNIT_TEST =
      List.of("name", "model", "description", "given", "expect", "overrides", "config", "versions");
  static final List<String> CONSTRAINT =
      List.of(
          "type",
          "expression",
          "name",
          "columns",
          "to",
          "to_columns",
          "warn_unenforced",
          "warn_unsupported");
  static final List<String> FRESHNESS = List.of("warn_after", "error_after", "filter");
  static final List<String> OWNER = List.of("name", "email");
  static final List<String> DOCS = List.of("show", "node_color");

  /** Keys of a test given as a mapping with {@code test_name} (a custom test name). */
  static final List<String> TEST_ENTRY =
      List.of("name", "test_name", "description", "config", "arguments", "column_name");

  /**
   * Keys whose value is a block (a mapping or list): inserted as {@code key:}, not {@code key: }.
   */
  static final java.util.Set<String> BLOCK_KEYS =
      java.util.Set.of(
          "models",
          "sources",
          "seeds",
          "snapshots",
          "analyses",
          "macros",
          "exposures",
          "metrics",
          "semantic_models",
          "saved_queries",
          "groups",
          "unit_tests",
          "data_tests",
          "tests",
          "columns",
          "config",
          "versions",
          "constraints",
          "docs",
          "tables",
          "freshness",
          "quoting",
          "meta",
          "arguments",
          "owner",
          "depends_on",
          "given",
          "expect",
          "overrides",
          "warn_after",
          "error_after",
          "external",
          "persist_docs",
          "contract",
          "grants",
          "time_spine");

  // ---------------------------------------------------------------- config per resource type

  private static final List<String> NODE_COMMON =
      List.of(
          "enabled",
          "tags",
          "meta",
          "schema",
          "database",
          "alias",
          "docs",
          "persist_docs",
          "pre_hook",
          "post_hook",
          "full_refresh",
          "grants",
          "group",
          "event_time");

  static final Map<String, List<String>> CONFIG =
      Map.of(
          "models",
              concat(
                  List.of("materialized"),
                  NODE_COMMON,
                  List.of(
                      "access",
                      "contract",
                      "unique_key",
                      "incremental_strategy",
                      "on_schema_change",
                      "on_error",
                      "latest_version_pointer",
                      "sql_header",
                      "batch_size",
                      "lookback",
                      "begin",
                      "concurrent_batches",
                      "on_configuration_change",
                      "cluster_by",
                      "partition_by",
                      "transient",
                      "sort",
                      "dist")),
          "seeds", concat(NODE_COMMON, List.of("quote_columns", "column_types", "delimiter")),
          "snapshots",
              concat(
                  NODE_COMMON,
                  List.of(
                      "strategy",
                      "unique_key",
                      "updated_at",
                      "check_cols",
                      "target_schema",
                      "target_database",
                      "invalidate_hard_deletes",
                      "hard_deletes",
                      "snapshot_meta_column_names",
                      "dbt_valid_to_current")),
          "analyses", List.of("enabled", "tags", "meta", "docs"),
          "sources",
              List.of(
                  "enabled",
                  "tags",
                  "meta",
                  "event_time",
                  "freshness",
                  "loaded_at_field",
                  "loaded_at_query"),
          "exposures", List.of("enabled", "tags", "meta"),
          "tests",
              List.of(
                  "enabled",
                  "tags",
                  "meta",
                  "severity",
                  "store_failures",
                  "store_failures_as",
                  "where",
                  "limit",
                  "warn_if",
                  "error_if",
                  "fail_calc",
                  "alias",
                  "schema",
                  "database",
                  "group"),
          "columns", List.of("meta", "tags"),
          "groups", List.of("meta"),
          "unit_tests", List.of("enabled", "tags", "meta"));

  /** One-line help of config keys that neither hover table has. */
  static final Map<String, String> CONFIG_DOCS =
      Map.ofEntries(
          Map.entry(
              "concurrent_batches", "Microbatch models: run batches in parallel (`true`/`false`)."),
          Map.entry(
              "on_configuration_change",
              "Materialized views: `apply`, `continue` or `fail` on a changed config."),
          Map.entry("delimiter", "Seeds: the CSV field separator (default `,`)."),
          Map.entry(
              "hard_deletes",
              "Snapshots: `ignore` (default), `invalidate` or `new_record` for rows gone at the source."),
          Map.entry(
              "snapshot_meta_column_names",
              "Snapshots: other names for `dbt_valid_from`, `dbt_valid_to`, ..."),
          Map.entry(
              "dbt_valid_to_current",
              "Snapshots: the `dbt_valid_to` value of current rows instead of null."),
          Map.entry(
              "store_failures_as",
              "Tests: keep failing rows as a `table`, `view` or `ephemeral` (not at all)."),
          Map.entry(
              "fail_calc",
              "Tests: the aggregate over failing rows compared by `warn_if`/`error_if` (default `count(*)`)."),
          Map.entry(
              "loaded_at_query",
              "Sources: a SQL query returning the last load time, for freshness."),
          Map.entry(
              "freshness",
              "Sources: `warn_after`/`error_after` `{count, period}` and an optional `filter`."),
          Map.entry(
              "loaded_at_field",
              "Sources: the column holding when a row was loaded, for freshness."));

  static final List<String> BOOLEAN = List.of("true", "false");

  /** Values of keys (config or property) that take one of a few words. */
  static final Map<String, List<String>> VALUES =
      Map.ofEntries(
          Map.entry(
              "incremental_strategy",
              List.of("append", "merge", "delete+insert", "insert_overwrite", "microbatch")),
          Map.entry(
              "on_schema_change",
              List.of("ignore", "fail", "append_new_columns", "sync_all_columns")),
          Map.entry("on_error", List.of("skip_children", "continue")),
          Map.entry("strategy", List.of("timestamp", "check")),
          Map.entry("severity", List.of("error", "warn")),
          Map.entry("access", List.of("private", "protected", "public")),
          Map.entry("batch_size", List.of("hour", "day", "month", "year")),
          Map.entry("hard_deletes", List.of("ignore", "invalidate", "new_record")),
          Map.entry("store_failures_as", List.of("table", "view", "ephemeral")),
          Map.entry("on_configuration_change", List.of("apply", "continue", "fail")),
          Map.entry("maturity", List.of("high", "medium", "low")),
          Map.entry("period", List.of("minute", "hour", "day")),
          Map.entry(
              "granularity",
              List.of(
                  "nanosecond",
                  "microsecond",
                  "millisecond",
                  "second",
                  "minute",
                  "hour",
                  "day",
                  "week",
                  "month",
                  "quarter",
                  "year")),
          Map.entry("version", List.of("2")));

  static final java.util.Set<String> BOOLEAN_KEYS =
      java.util.Set.of(
          "enabled",
          "full_refresh",
          "store_failures",
          "transient",
          "quote_columns",
          "invalidate_hard_deletes",
          "quote",
          "show",
          "concurrent_batches",
          "enforced",
          "warn_unenforced",
          "warn_unsupported");

  static final List<String> EXPOSURE_TYPES =
      List.of("dashboard", "notebook", "analysis", "ml", "application");
  static final List<String> CONSTRAINT_TYPES =
      List.of("not_null", "unique", "primary_key", "foreign_key", "check", "custom");

  /** dbt's four generic tests: help, and the arguments they need (in the classic form). */
  record BuiltinTest(String name, String doc, List<String> arguments) {}

  static final List<BuiltinTest> BUILTIN_TESTS =
      List.of(
          new BuiltinTest("not_null", "The column has no null values.", List.of()),
          new BuiltinTest("unique", "The column has no duplicate values.", List.of()),
          new BuiltinTest(
              "accepted_values",
              "Every value of the column is one of `values` "
                  + "(`quote: false` for numbers and booleans).",
              List.of("values: [$1]")),
          new BuiltinTest(
              "relationships",
              "Every value of the column exists in `field` of the "
                  + "model `to` (referential integrity).",
              List.of("to: ref('$1')", "field: $2")));

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new java.util.ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return List.copyOf(out);
  }
}
