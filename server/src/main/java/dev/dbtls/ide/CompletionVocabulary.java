package dev.dbtls.ide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed words completion offers: Jinja tags, members of dbt's context objects, config keys and
 * values, SQL (dbt's context names themselves are {@link DbtBuiltins}).
 */
final class CompletionVocabulary {
  private CompletionVocabulary() {}

  /** Tags after {@code {%}. */
  static final List<String> JINJA_TAGS =
      List.of(
          "if",
          "elif",
          "else",
          "endif",
          "for",
          "endfor",
          "set",
          "endset",
          "macro",
          "endmacro",
          "call",
          "endcall",
          "do",
          "filter",
          "endfilter",
          "raw",
          "endraw",
          "with",
          "endwith",
          "include",
          "import",
          "from",
          "break",
          "continue",
          "materialization",
          "endmaterialization",
          "test",
          "endtest",
          "data_test",
          "enddata_test",
          "snapshot",
          "endsnapshot",
          "docs",
          "enddocs");

  /** Jinja's word operators and constants inside expressions. */
  static final List<String> JINJA_EXPRESSION_WORDS =
      List.of("and", "or", "not", "in", "is", "if", "else", "true", "false", "none");

  /** Jinja's and dbt's filters, after {@code |}. */
  static final List<String> JINJA_FILTERS =
      List.of(
          "abs",
          "attr",
          "batch",
          "capitalize",
          "default",
          "dictsort",
          "first",
          "float",
          "format",
          "groupby",
          "indent",
          "int",
          "items",
          "join",
          "last",
          "length",
          "list",
          "lower",
          "map",
          "max",
          "min",
          "reject",
          "rejectattr",
          "replace",
          "reverse",
          "round",
          "select",
          "selectattr",
          "sort",
          "string",
          "sum",
          "title",
          "tojson",
          "trim",
          "truncate",
          "unique",
          "upper",
          "as_bool",
          "as_native",
          "as_number",
          "as_text");

  /** Jinja's tests, after {@code is}. */
  static final List<String> JINJA_TESTS =
      List.of(
          "defined",
          "undefined",
          "none",
          "string",
          "number",
          "integer",
          "float",
          "mapping",
          "iterable",
          "sequence",
          "true",
          "false",
          "boolean",
          "even",
          "odd",
          "divisibleby",
          "in",
          "eq",
          "ne",
          "lower",
          "upper");

  /** Attributes and methods of dbt's context objects, after {@code name.}. */
  static final Map<String, List<String>> MEMBERS =
      Map.of(
          "this",
              List.of(
                  "database",
                  "schema",
                  "identifier",
                  "name",
                  "render()",
                  "include()",
                  "is_table",
                  "is_view",
                  "is_cte"),
          "target",
              List.of(
                  "name",
                  "schema",
                  "database",
                  "type",
                  "threads",
                  "profile_name",
                  "user",
                  "role",
                  "warehouse",
                  "project",
                  "dataset"),
          "adapter",
              List.of(
                  "dispatch()",
                  "get_relation()",
                  "get_columns_in_relation()",
                  "get_missing_columns()",
                  "expand_target_column_types()",
                  "list_relations_without_caching()",
                  "create_schema()",
                  "drop_schema()",
                  "drop_relation()",
                  "rename_relation()",
                  "quote()",
                  "already_exists()"),
          "modules", List.of("datetime", "re", "itertools", "pytz"),
          "exceptions", List.of("raise_compiler_error()", "warn()"),
          "api", List.of("Relation", "Column"),
          "flags", List.of("FULL_REFRESH", "STORE_FAILURES", "WHICH"),
          "graph", List.of("nodes", "sources", "exposures", "macros", "groups", "metrics"));

  /** dbt's common config keys with a line of help. */
  static final Map<String, String> CONFIG_KEYS = new LinkedHashMap<>();

  static {
    String[][] keys = {
      {"materialized", "How the model is built: view, table, incremental, ephemeral, ..."},
      {"schema", "Custom schema (appended to the target schema by default)."},
      {"alias", "The relation name in the warehouse, instead of the file name."},
      {"database", "Custom database."},
      {"tags", "Tags, for selection: `tags=['nightly']`."},
      {"enabled", "False leaves the node out of the project."},
      {"unique_key", "The key incremental models merge on."},
      {"incremental_strategy", "append, merge, delete+insert, insert_overwrite, microbatch."},
      {"on_schema_change", "ignore, fail, append_new_columns, sync_all_columns."},
      {"on_error", "dbt 1.12: after this model fails, skip_children (default) or continue."},
      {
        "latest_version_pointer",
        "dbt 1.12, versioned models: `{'enabled': true, 'alias': 'name'}` makes a view named after"
            + " the model on its latest version."
      },
      {"pre_hook", "SQL run before the model is built."},
      {"post_hook", "SQL run after the model is built."},
      {"persist_docs", "Write descriptions as comments: `{'relation': true, 'columns': true}`."},
      {"meta", "Free-form metadata."},
      {"grants", "Privileges granted on the relation: `{'select': ['role']}`."},
      {"contract", "Enforce the declared columns and types: `{'enforced': true}`."},
      {"docs", "`{'show': false}` hides the node in the docs site."},
      {"full_refresh", "False never full-refreshes this model."},
      {"sql_header", "SQL run before the model's create statement."},
      {"group", "The group the node belongs to."},
      {"access", "private, protected or public."},
      {"cluster_by", "Clustering columns (Snowflake, BigQuery)."},
      {"partition_by", "Partitioning (BigQuery, Spark, Databricks)."},
      {"batch_size", "Microbatch period: hour, day, month, year."},
      {"event_time", "The column holding each row's event time."},
      {"lookback", "How many batches back a microbatch run reprocesses."},
      {"begin", "Start of a microbatch model's history."},
      {"strategy", "Snapshot strategy: timestamp or check."},
      {"updated_at", "Snapshot: the column with the row's last update time."},
      {"check_cols", "Snapshot: the columns whose change makes a new version."},
      {"target_schema", "Snapshot: schema of the snapshot table."},
      {"target_database", "Snapshot: database of the snapshot table."},
      {"invalidate_hard_deletes", "Snapshot: close rows deleted at the source."},
      {"severity", "Test: error or warn."},
      {"store_failures", "Test: keep failing rows in a table."},
      {"where", "Test: filter the tested rows."},
      {"limit", "Test: at most this many failures are returned."},
      {"warn_if", "Test: condition on the failure count that warns."},
      {"error_if", "Test: condition on the failure count that fails."},
      {"quote_columns", "Seed: quote column names."},
      {"column_types", "Seed: column types: `{'id': 'integer'}`."},
    };
    for (String[] k : keys) {
      CONFIG_KEYS.put(k[0], k[1]);
    }
  }

  static final List<String> MATERIALIZATIONS =
      List.of("view", "table", "incremental", "ephemeral", "materialized_view", "snapshot");

  /** Known values of config keys whose values are a fixed set of strings. */
  static final Map<String, List<String>> CONFIG_VALUES =
      Map.of(
          "incremental_strategy",
              List.of("append", "merge", "delete+insert", "insert_overwrite", "microbatch"),
          "on_schema_change", List.of("ignore", "fail", "append_new_columns", "sync_all_columns"),
          "on_error", List.of("skip_children", "continue"),
          "strategy", List.of("timestamp", "check"),
          "severity", List.of("error", "warn"),
          "access", List.of("private", "protected", "public"),
          "batch_size", List.of("hour", "day", "month", "year"));

  static final List<String> SQL_KEYWORDS =
      List.of(
          "select",
          "from",
          "where",
          "join",
          "left join",
          "right join",
          "inner join",
          "full outer join",
          "cross join",
          "on",
          "using",
          "group by",
          "order by",
          "having",
          "qualify",
          "limit",
          "offset",
          "union all",
          "union",
          "intersect",
          "except",
          "with",
          "as",
          "distinct",
          "case",
          "when",
          "then",
          "else",
          "end",
          "and",
          "or",
          "not",
          "in",
          "is",
          "null",
          "is not null",
          "like",
          "ilike",
          "between",
          "exists",
          "over",
          "partition by",
          "asc",
          "desc",
          "nulls first",
          "nulls last",
          "true",
          "false",
          "window",
          "lateral",
          "values",
          "insert into",
          "update",
          "delete",
          "merge into",
          "create",
          "table",
          "view",
          "interval");

  /** Words after a relation that are not its alias. */
  static final java.util.Set<String> NOT_AN_ALIAS =
      java.util.Set.of(
          "where",
          "on",
          "join",
          "left",
          "right",
          "inner",
          "full",
          "outer",
          "cross",
          "natural",
          "group",
          "order",
          "limit",
          "union",
          "using",
          "lateral",
          "qualify",
          "having",
          "window",
          "except",
          "intersect",
          "select",
          "from",
          "with",
          "as",
          "and",
          "or",
          "offset",
          "fetch",
          "for",
          "pivot",
          "unpivot",
          "sample",
          "tablesample",
          "when",
          "then",
          "else",
          "end",
          "returning",
          "set",
          "values");
}
