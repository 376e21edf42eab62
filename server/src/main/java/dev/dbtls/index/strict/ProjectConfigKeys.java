package dev.dbtls.index.strict;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configs each resource key of dbt_project.yml accepts ({@code models:}, {@code seeds:}, ...),
 * written there with a {@code +}; taken from dbt's published JSON schema for the Fusion engine
 * (dbt-labs/dbt-jsonschema {@code schemas/latest_fusion/dbt_project-latest-fusion.json}, commit
 * a9176ae of 2026-06-15, Apache 2.0).
 */
final class ProjectConfigKeys {
  private ProjectConfigKeys() {}

  /** The keys of data tests' configs (dbt_project.yml's {@code data_tests:} and {@code tests:}). */
  private static final Set<String> DATA_TESTS =
      words(
          """
              adapter_properties alias as_columnstore auto_liquid_cluster auto_refresh
              automatic_clustering backup base_location_root base_location_subpath bind buckets
              catalog catalog_name cluster_by clustered_by compression compute copy_grants copy_tags
              database databricks_compute databricks_tags dist enable_refresh enabled error_if
              external_volume fail_calc file_format full_refresh grant_access_to group
              hours_to_expiration immutable_where include_full_name_in_path indexes initialize
              job_execution_timeout_seconds kms_key_name labels labels_from_meta limit
              liquid_clustered_by location_root matched_condition max_staleness
              merge_with_schema_evolution meta not_matched_by_source_action
              not_matched_by_source_condition not_matched_condition partition_by
              partition_expiration_days partitions query_tag quoting refresh_interval_minutes
              refresh_mode refresh_warehouse require_partition_filter reservation row_access_policy
              schedule scheduler schema secure severity skip_matched_step skip_not_matched_step
              snowflake_initialization_warehouse snowflake_warehouse sort sort_type source_alias
              sql_header static_analysis store_failures store_failures_as table_tag table_type tags
              target_alias target_lag tblproperties tmp_relation_type transient warn_if where
                  """);

  static final Map<String, Set<String>> BY_RESOURCE =
      Map.ofEntries(
          Map.entry(
              "models",
              words(
                  """
              access adapter_properties additional_libs alias as_columnstore auto_liquid_cluster
              auto_refresh automatic_clustering backup base_location_root base_location_subpath
              batch_id batch_size begin bind buckets catalog catalog_name category change_tracking
              cluster_by cluster_id clustered_by column_types compression compute concurrent_batches
              contract copy_grants copy_tags create_notebook data_retention_time_in_days database
              databricks_compute databricks_tags dataproc_cluster_name description dist docs
              enable_list_inference enable_refresh enabled event_time external_access_integrations
              external_volume file_format freshness full_refresh grant_access_to grants group
              hours_to_expiration http_path iceberg_version immutable_where imports
              include_full_name_in_path incremental_predicates incremental_strategy index_url indexes
              initialize intermediate_format jar_file_uri job_cluster_config
              job_execution_timeout_seconds kms_key_name labels labels_from_meta
              latest_version_pointer liquid_clustered_by location location_root lookback
              matched_condition materialized max_data_extension_time_in_days max_staleness
              merge_exclude_columns merge_update_columns merge_with_schema_evolution meta
              not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              notebook_template_id on_configuration_change on_error on_schema_change packages
              partition_by partition_expiration_days partitions persist_docs post-hook pre-hook
              predicates primary_key python_job_config python_version query_tag quoting
              refresh_interval_minutes refresh_mode refresh_warehouse require_partition_filter
              reservation resource_tags row_access_policy schedule scheduler schema secrets secure
              skip_matched_step skip_not_matched_step snowflake_initialization_warehouse
              snowflake_warehouse sort sort_type source_alias sql_header state static_analysis
              storage_serialization_policy storage_uri submission_method sync table_format table_tag
              table_type tags target_alias target_file_size target_lag tblproperties timeout
              tmp_relation_type transient unique_key use_anonymous_sproc use_uniform
              user_folder_for_python
                  """)),
          Map.entry(
              "seeds",
              words(
                  """
              adapter_properties alias as_columnstore auto_liquid_cluster auto_refresh
              automatic_clustering backup base_location_root base_location_subpath bind buckets
              catalog catalog_name cluster_by clustered_by column_types compression copy_grants
              copy_tags database databricks_compute databricks_tags delimiter dist docs enable_refresh
              enabled event_time external_volume file_format full_refresh grant_access_to grants group
              hours_to_expiration immutable_where include_full_name_in_path indexes initialize
              job_execution_timeout_seconds kms_key_name labels labels_from_meta liquid_clustered_by
              location_root matched_condition max_staleness merge_with_schema_evolution meta
              not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              partition_by partition_expiration_days partitions persist_docs post-hook pre-hook
              query_tag quote_columns quoting refresh_interval_minutes refresh_mode refresh_warehouse
              require_partition_filter reservation row_access_policy schedule scheduler schema secure
              skip_matched_step skip_not_matched_step snowflake_initialization_warehouse
              snowflake_warehouse sort sort_type source_alias static_analysis table_tag table_type
              tags target_alias target_lag tblproperties tmp_relation_type transient
                  """)),
          Map.entry(
              "snapshots",
              words(
                  """
              adapter_properties alias as_columnstore auto_liquid_cluster auto_refresh
              automatic_clustering backup base_location_root base_location_subpath bind buckets
              catalog catalog_name check_cols cluster_by clustered_by compression compute copy_grants
              copy_tags database databricks_compute databricks_tags dbt_valid_to_current dist docs
              enable_refresh enabled event_time external_volume file_format full_refresh
              grant_access_to grants group hard_deletes hours_to_expiration immutable_where
              include_full_name_in_path indexes initialize invalidate_hard_deletes
              job_execution_timeout_seconds kms_key_name labels labels_from_meta liquid_clustered_by
              location_root matched_condition materialized max_staleness merge_with_schema_evolution
              meta not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              partition_by partition_expiration_days partitions persist_docs post-hook pre-hook
              query_tag quote_columns quoting refresh_interval_minutes refresh_mode refresh_warehouse
              require_partition_filter reservation row_access_policy schedule scheduler schema secure
              skip_matched_step skip_not_matched_step snapshot_meta_column_names
              snowflake_initialization_warehouse snowflake_warehouse sort sort_type source_alias
              static_analysis strategy sync table_tag table_type tags target_alias target_database
              target_lag target_schema tblproperties tmp_relation_type transient unique_key updated_at
                  """)),
          Map.entry(
              "sources",
              words(
                  """
              as_columnstore auto_liquid_cluster auto_refresh backup bind buckets catalog catalog_name
              cluster_by clustered_by compression databricks_compute databricks_tags dist
              enable_refresh enabled event_time external_location file_format formatter freshness
              grant_access_to hours_to_expiration include_full_name_in_path indexes
              job_execution_timeout_seconds kms_key_name labels labels_from_meta liquid_clustered_by
              loaded_at_field loaded_at_query location_root matched_condition max_staleness
              merge_with_schema_evolution meta not_matched_by_source_action
              not_matched_by_source_condition not_matched_condition partition_by
              partition_expiration_days partitions refresh_interval_minutes require_partition_filter
              reservation schedule schema_origin skip_matched_step skip_not_matched_step sort
              sort_type source_alias static_analysis sync table_type tags target_alias tblproperties
                  """)),
          Map.entry("data_tests", DATA_TESTS),
          Map.entry("tests", DATA_TESTS),
          Map.entry(
              "analyses",
              words(
                  """
              docs enabled group meta static_analysis tags
                  """)),
          Map.entry(
              "exposures",
              words(
                  """
              enabled meta tags
                  """)),
          Map.entry(
              "unit_tests",
              words(
                  """
              adapter_properties as_columnstore auto_liquid_cluster auto_refresh automatic_clustering
              backup base_location_root base_location_subpath bind buckets catalog catalog_name
              cluster_by clustered_by compression compute copy_grants copy_tags databricks_compute
              databricks_tags dist enable_refresh enabled external_volume file_format grant_access_to
              hours_to_expiration immutable_where include_full_name_in_path indexes initialize
              job_execution_timeout_seconds kms_key_name labels labels_from_meta liquid_clustered_by
              location_root matched_condition max_staleness merge_with_schema_evolution meta
              not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              partition_by partition_expiration_days partitions query_tag refresh_interval_minutes
              refresh_mode refresh_warehouse require_partition_filter reservation row_access_policy
              schedule scheduler secure skip_matched_step skip_not_matched_step
              snowflake_initialization_warehouse snowflake_warehouse sort sort_type source_alias
              static_analysis table_tag table_type tags target_alias target_lag tblproperties
              tmp_relation_type transient
                  """)),
          Map.entry(
              "metrics",
              words(
                  """
              enabled group meta tags
                  """)),
          Map.entry(
              "semantic-models",
              words(
                  """
              enabled group meta tags
                  """)),
          Map.entry(
              "saved-queries",
              words(
                  """
              cache enabled export_as group meta schema tags
                  """)),
          Map.entry(
              "functions",
              words(
                  """
              access alias database description docs enabled entry_point grants group meta
              on_configuration_change packages quoting runtime_version schema snowflake
              static_analysis tags type volatility
                  """)));

  /** The configs of resource key {@code key}; empty for a key that is not one. */
  static Set<String> of(String key) {
    return BY_RESOURCE.getOrDefault(key, Set.of());
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
  }
}
