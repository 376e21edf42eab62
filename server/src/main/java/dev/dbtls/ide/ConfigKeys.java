package dev.dbtls.ide;

import java.util.Map;

/** What the common keys of {@code config(...)} do, in a line each, for hover. */
final class ConfigKeys {
  private ConfigKeys() {}

  static final Map<String, String> DOCS =
      Map.ofEntries(
          Map.entry(
              "materialized",
              "How the model is built: `view` (default), `table`, `incremental`, "
                  + "`ephemeral` (inlined as a CTE), `materialized_view`, or a custom materialization."),
          Map.entry(
              "schema",
              "A custom schema: appended to the target schema by default "
                  + "(`<target_schema>_<schema>`), as `generate_schema_name` decides."),
          Map.entry(
              "database",
              "A custom database for the relation, as `generate_database_name` decides."),
          Map.entry(
              "alias",
              "The relation's name in the warehouse instead of the model's name "
                  + "(`generate_alias_name`)."),
          Map.entry(
              "tags",
              "Tags for selection (`dbt run -s tag:x`); unioned with tags set in "
                  + "dbt_project.yml and YAML."),
          Map.entry(
              "meta",
              "Free-form metadata (owner, contains_pii, ...) shown in docs; merged "
                  + "with meta from dbt_project.yml and YAML."),
          Map.entry(
              "enabled",
              "`false` removes the node from the project: it is not built and "
                  + "refs to it fail."),
          Map.entry(
              "unique_key",
              "Incremental models and snapshots: the column(s) identifying a row, "
                  + "used to merge or delete+insert changed rows."),
          Map.entry(
              "incremental_strategy",
              "How an incremental model applies new rows: `append`, "
                  + "`merge`, `delete+insert`, `insert_overwrite`, `microbatch` (adapter-dependent)."),
          Map.entry(
              "on_schema_change",
              "Incremental models: what to do when columns change: "
                  + "`ignore` (default), `fail`, `append_new_columns`, `sync_all_columns`."),
          Map.entry(
              "on_error",
              "Models (dbt 1.12): when this model fails, `skip_children` (default) skips what is "
                  + "downstream of it; `continue` runs it anyway (--fail-fast still stops)."),
          Map.entry(
              "latest_version_pointer",
              "Versioned models (dbt 1.12): `{enabled: true, alias: name}` makes a view named after"
                  + " the model (or `alias`) that selects from its latest version; unset:"
                  + " the project flag `latest_version_pointer_enabled_by_default` decides."),
          Map.entry("full_refresh", "`false` keeps `--full-refresh` from rebuilding this model."),
          Map.entry("pre_hook", "SQL run before the model is built (string or list)."),
          Map.entry("post_hook", "SQL run after the model is built (string or list), e.g. grants."),
          Map.entry(
              "persist_docs",
              "`{relation: true, columns: true}` writes descriptions as "
                  + "comments in the warehouse."),
          Map.entry(
              "docs", "`{show: false}` hides the node in dbt docs; `node_color` sets its colour."),
          Map.entry(
              "contract",
              "`{enforced: true}`: the model must return exactly the columns and "
                  + "types declared in YAML."),
          Map.entry(
              "grants",
              "Privileges granted on the relation after it is built, e.g. "
                  + "`{select: ['reporter']}`."),
          Map.entry(
              "access", "Model access for groups: `private`, `protected` (default) or `public`."),
          Map.entry("group", "The group owning the model (for access control)."),
          Map.entry(
              "sql_header", "SQL placed before the `create` statement (session settings, UDFs)."),
          Map.entry("quoting", "Whether database, schema and identifier are quoted."),
          Map.entry("column_types", "Seeds: the type of each column instead of the inferred one."),
          Map.entry(
              "strategy",
              "Snapshots: how changes are detected: `timestamp` (with "
                  + "`updated_at`) or `check` (with `check_cols`)."),
          Map.entry(
              "updated_at",
              "Snapshots with the timestamp strategy: the column telling when a "
                  + "row last changed."),
          Map.entry(
              "check_cols", "Snapshots with the check strategy: the columns compared, or `all`."),
          Map.entry("target_schema", "Snapshots: the schema the snapshot table is written to."),
          Map.entry("target_database", "Snapshots: the database the snapshot table is written to."),
          Map.entry(
              "invalidate_hard_deletes", "Snapshots: close rows that vanished from the source."),
          Map.entry(
              "event_time", "The column holding a row's event time (microbatch and sample mode)."),
          Map.entry("batch_size", "Microbatch models: `hour`, `day`, `month` or `year`."),
          Map.entry("lookback", "Microbatch models: how many earlier batches are reprocessed."),
          Map.entry("begin", "Microbatch models: the earliest time a full build starts from."),
          Map.entry("partition_by", "BigQuery/Spark: how the table is partitioned."),
          Map.entry("cluster_by", "Snowflake/BigQuery: the clustering keys of the table."),
          Map.entry("transient", "Snowflake: `false` makes a permanent table (default transient)."),
          Map.entry("sort", "Redshift: the sort key column(s)."),
          Map.entry("dist", "Redshift: the distribution style or key."),
          Map.entry("severity", "Tests: `error` (default) or `warn`."),
          Map.entry("store_failures", "Tests: keep failing rows in a table."),
          Map.entry("where", "Tests: a filter applied to the tested model."),
          Map.entry("limit", "Tests: the most failing rows returned."),
          Map.entry("warn_if", "Tests: the failure-count condition for a warning, e.g. `>10`."),
          Map.entry("error_if", "Tests: the failure-count condition for an error, e.g. `>100`."));
}
