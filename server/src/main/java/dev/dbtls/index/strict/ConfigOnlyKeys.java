package dev.dbtls.index.strict;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys dbt v2 accepts only under {@code config:} of a property-YAML entry, by the list the
 * entry stands in ({@code models}, {@code tables} of a source, {@code columns}, ...): each
 * resource's config fields that are not also one of its properties, taken from dbt's published JSON
 * schema for the Fusion engine (dbt-labs/dbt-jsonschema {@code
 * schemas/latest_fusion/dbt_yml_files-latest-fusion.json}, commit a9176ae of 2026-06-15, Apache
 * 2.0).
 */
final class ConfigOnlyKeys {
  private ConfigOnlyKeys() {}

  static final Map<String, Set<String>> BY_LIST =
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
              databricks_compute databricks_tags dataproc_cluster_name dist docs enable_list_inference
              enable_refresh enabled event_time external_access_integrations external_volume
              file_format freshness full_refresh grant_access_to grants group hours_to_expiration
              http_path iceberg_version immutable_where imports include_full_name_in_path
              incremental_predicates incremental_strategy index_url indexes initialize
              intermediate_format jar_file_uri job_cluster_config job_execution_timeout_seconds
              kms_key_name labels labels_from_meta latest_version_pointer liquid_clustered_by location
              location_root lookback matched_condition materialized max_data_extension_time_in_days
              max_staleness merge_exclude_columns merge_update_columns merge_with_schema_evolution
              meta not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              notebook_template_id on_configuration_change on_error on_schema_change packages
              partition_by partition_expiration_days partitions persist_docs post_hook pre_hook
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
              automatic_clustering backup base_location_root base_location_subpath batch_id bind
              buckets catalog catalog_name category change_tracking cluster_by clustered_by
              column_types compression copy_grants copy_tags data_retention_time_in_days database
              databricks_compute databricks_tags dataproc_cluster_name delimiter dist docs
              enable_list_inference enable_refresh enabled event_time external_volume file_format
              full_refresh grant_access_to grants group hours_to_expiration iceberg_version
              immutable_where include_full_name_in_path indexes initialize intermediate_format
              jar_file_uri job_execution_timeout_seconds kms_key_name labels labels_from_meta
              liquid_clustered_by location_root matched_condition materialized
              max_data_extension_time_in_days max_staleness merge_with_schema_evolution meta
              not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              notebook_template_id partition_by partition_expiration_days partitions persist_docs
              post_hook pre_hook primary_key query_tag quote_columns quoting refresh_interval_minutes
              refresh_mode refresh_warehouse require_partition_filter reservation resource_tags
              row_access_policy schedule scheduler schema secure skip_matched_step
              skip_not_matched_step snowflake_initialization_warehouse snowflake_warehouse sort
              sort_type source_alias static_analysis storage_serialization_policy storage_uri
              table_tag table_type tags target_alias target_file_size target_lag tblproperties timeout
              tmp_relation_type transient use_uniform
                  """)),
          Map.entry(
              "snapshots",
              words(
                  """
              adapter_properties alias as_columnstore auto_liquid_cluster auto_refresh
              automatic_clustering backup base_location_root base_location_subpath batch_id bind
              buckets catalog catalog_name category change_tracking check_cols cluster_by clustered_by
              compression compute copy_grants copy_tags data_retention_time_in_days database
              databricks_compute databricks_tags dataproc_cluster_name dbt_valid_to_current dist docs
              enable_list_inference enable_refresh enabled event_time external_volume file_format
              full_refresh grant_access_to grants group hard_deletes hours_to_expiration
              iceberg_version immutable_where include_full_name_in_path indexes initialize
              intermediate_format invalidate_hard_deletes jar_file_uri job_execution_timeout_seconds
              kms_key_name labels labels_from_meta liquid_clustered_by location_root matched_condition
              materialized max_data_extension_time_in_days max_staleness merge_with_schema_evolution
              meta not_matched_by_source_action not_matched_by_source_condition not_matched_condition
              notebook_template_id partition_by partition_expiration_days partitions persist_docs
              post_hook pre_hook primary_key query_tag quote_columns quoting refresh_interval_minutes
              refresh_mode refresh_warehouse require_partition_filter reservation resource_tags
              row_access_policy schedule scheduler schema secure skip_matched_step
              skip_not_matched_step snapshot_meta_column_names snowflake_initialization_warehouse
              snowflake_warehouse sort sort_type source_alias static_analysis
              storage_serialization_policy storage_uri strategy sync table_tag table_type tags
              target_alias target_database target_file_size target_lag target_schema tblproperties
              timeout tmp_relation_type transient unique_key updated_at use_uniform
                  """)),
          Map.entry(
              "analyses",
              words(
                  """
              docs enabled group meta static_analysis tags
                  """)),
          Map.entry(
              "sources",
              words(
                  """
              adapter_properties as_columnstore auto_liquid_cluster auto_refresh automatic_clustering
              backup base_location_root base_location_subpath batch_id bind buckets catalog_name
              category change_tracking cluster_by clustered_by compression copy_grants copy_tags
              data_retention_time_in_days databricks_compute databricks_tags dataproc_cluster_name
              dist enable_list_inference enable_refresh enabled event_time external_location
              external_volume file_format formatter freshness grant_access_to hours_to_expiration
              iceberg_version immutable_where include_full_name_in_path indexes initialize
              intermediate_format jar_file_uri job_execution_timeout_seconds kms_key_name labels
              labels_from_meta liquid_clustered_by loaded_at_field loaded_at_query location_root
              matched_condition max_data_extension_time_in_days max_staleness
              merge_with_schema_evolution meta not_matched_by_source_action
              not_matched_by_source_condition not_matched_condition notebook_template_id partition_by
              partition_expiration_days partitions primary_key query_tag refresh_interval_minutes
              refresh_mode refresh_warehouse require_partition_filter reservation resource_tags
              row_access_policy schedule scheduler schema_origin secure skip_matched_step
              skip_not_matched_step snowflake_initialization_warehouse snowflake_warehouse sort
              sort_type source_alias static_analysis storage_serialization_policy storage_uri sync
              table_tag table_type tags target_alias target_file_size target_lag tblproperties timeout
              tmp_relation_type transient use_uniform
                  """)),
          Map.entry(
              "tables",
              words(
                  """
              enabled event_time external_location formatter freshness loaded_at_field loaded_at_query
              meta schema_origin sync tags
                  """)),
          Map.entry(
              "exposures",
              words(
                  """
              enabled meta tags
                  """)),
          Map.entry(
              "columns",
              words(
                  """
              meta tags
                  """)));

  /** The config-only keys of an entry of {@code list}; empty for a list not covered. */
  static Set<String> of(String list) {
    return BY_LIST.getOrDefault(list, Set.of());
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
  }
}
