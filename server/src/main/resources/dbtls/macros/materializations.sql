{#- dbt's built-in materializations and the helpers they call, written for dbtls from dbt's
    documented behaviour: view and table are built under an intermediate name and swapped in,
    incremental models insert, merge or delete+insert the new rows, seeds are (re)created from
    their CSV. A project or package that defines the same materialization or helper wins, as in
    dbt. Every statement runs on the build's connection (dbtls run / build / seed). -#}

{% macro run_hooks(hooks, inside_transaction=True) %}
  {%- for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) -%}
    {%- set rendered = render(hook.get('sql')) | trim -%}
    {%- if rendered | length > 0 -%}
      {% call statement(auto_begin=inside_transaction) %}{{ rendered }}{% endcall %}
    {%- endif -%}
  {%- endfor -%}
{% endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix})) }}
{% endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type=backup_relation_type)) }}
{% endmacro %}

{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') %}
  {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{% endmacro %}

{% macro default__make_temp_relation(base_relation, suffix) %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type='table')) }}
{% endmacro %}

{#- PostgreSQL and DuckDB: a temporary table lives outside the target's schema -#}
{% macro postgres__make_temp_relation(base_relation, suffix) %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type='table').include(database=false, schema=false)) }}
{% endmacro %}

{% macro duckdb__make_temp_relation(base_relation, suffix) %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type='table').include(database=false, schema=false)) }}
{% endmacro %}

{#- SQLite: a temporary table lives in its own schema, 'temp', and is named unqualified -#}
{% macro sqlite__make_temp_relation(base_relation, suffix) %}
  {{ return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type='table').include(database=false, schema=false)) }}
{% endmacro %}

{% macro drop_relation_if_exists(relation) %}
  {%- if relation is not none -%}{% do adapter.drop_relation(relation) %}{%- endif -%}
{% endmacro %}

{% macro get_create_table_as_sql(temporary, relation, sql) %}
  {{ return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, sql)) }}
{% endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') %}
  {{ return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code)) }}
{% endmacro %}

{% macro default__create_table_as(temporary, relation, sql) %}
  create {% if temporary %}temporary {% endif %}table {{ relation }} as (
{{ sql }}
  )
{% endmacro %}

{% macro mysql__create_table_as(temporary, relation, sql) %}
  create {% if temporary %}temporary {% endif %}table {{ relation }} as
{{ sql }}
{% endmacro %}

{#- SQLite takes no parentheses around the query of create table/view ... as -#}
{% macro sqlite__create_table_as(temporary, relation, sql) %}
  create {% if temporary %}temporary {% endif %}table {{ relation }} as
{{ sql }}
{% endmacro %}

{% macro get_create_view_as_sql(relation, sql) %}
  {{ return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) }}
{% endmacro %}

{% macro create_view_as(relation, sql) %}
  {{ return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) }}
{% endmacro %}

{% macro default__create_view_as(relation, sql) %}
  create view {{ relation }} as (
{{ sql }}
  )
{% endmacro %}

{% macro sqlite__create_view_as(relation, sql) %}
  create view {{ relation }} as
{{ sql }}
{% endmacro %}

{% macro persist_docs(relation, model, for_relation=true, for_columns=true) %}{% endmacro %}

{#- view: created under an intermediate name, the old relation renamed away, the new one
    renamed in, the old one dropped after the commit; a contract is checked (a view keeps no
    constraints) -#}
{% materialization view, default %}
  {%- set existing_relation = load_relation(this) -%}
  {%- set target_relation = this.incorporate(type='view') -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_relation = make_backup_relation(target_relation, existing_relation.type if existing_relation is not none else 'view') -%}
  {{ drop_relation_if_exists(load_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {%- if contract_enforced() -%}{%- do get_assert_columns_equivalent(sql) -%}{%- endif -%}
  {% call statement('main') -%}
    {{ get_create_view_as_sql(intermediate_relation, sql) }}
  {%- endcall %}
  {% if existing_relation is not none %}
    {% do adapter.rename_relation(existing_relation, backup_relation) %}
  {% endif %}
  {% do adapter.rename_relation(intermediate_relation, target_relation) %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- model contracts: the query's columns checked against the YAML's before anything is built,
    then the table created with the declared columns and constraints -#}
{% macro get_assert_columns_equivalent(sql) %}
  {{ return(adapter.dbtls_assert_contract(sql, model['columns'])) }}
{% endmacro %}

{% macro contract_enforced() %}
  {%- set contract = config.get('contract') -%}
  {{ return(contract is mapping and contract.get('enforced') in [true, 'true', 'True']) }}
{% endmacro %}

{% macro get_create_table_as_sql_for(relation, sql) %}
  {%- if contract_enforced() -%}
    {%- do get_assert_columns_equivalent(sql) -%}
    {{ return(adapter.dbtls_contract_table_sql(relation, sql, model['columns'], model.get('constraints', []))) }}
  {%- endif -%}
  {{ return(get_create_table_as_sql(False, relation, sql)) }}
{% endmacro %}

{#- table: the same swap, with a table built from the model's query -#}
{% materialization table, default %}
  {%- set existing_relation = load_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_relation = make_backup_relation(target_relation, existing_relation.type if existing_relation is not none else 'table') -%}
  {{ drop_relation_if_exists(load_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {% call statement('main') -%}
    {{ get_create_table_as_sql_for(intermediate_relation, sql) }}
  {%- endcall %}
  {% if existing_relation is not none %}
    {% do adapter.rename_relation(existing_relation, backup_relation) %}
  {% endif %}
  {% do adapter.rename_relation(intermediate_relation, target_relation) %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- SQLite: a view cannot be renamed, and renaming a table rewrites the views that read it; its
    DDL is transactional, so the old relation is dropped and the new one created in the node's
    transaction, which commits both at once (as dbt-sqlite builds them) -#}
{% macro dbtls_sqlite_replace(kind) %}
  {%- set existing_relation = load_relation(this) -%}
  {%- set target_relation = this.incorporate(type=kind) -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {%- if kind == 'view' and contract_enforced() -%}{%- do get_assert_columns_equivalent(sql) -%}{%- endif -%}
  {{ drop_relation_if_exists(existing_relation) }}
  {% call statement('main') -%}
    {%- if kind == 'view' -%}{{ get_create_view_as_sql(target_relation, sql) }}
    {%- else -%}{{ get_create_table_as_sql_for(target_relation, sql) }}{%- endif -%}
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmacro %}

{% materialization view, adapter='sqlite' %}
  {{ return(dbtls_sqlite_replace('view')) }}
{% endmaterialization %}

{% materialization table, adapter='sqlite' %}
  {{ return(dbtls_sqlite_replace('table')) }}
{% endmaterialization %}

{% macro incremental_validate_on_schema_change(on_schema_change, default='ignore') %}
  {%- if on_schema_change not in ['ignore', 'append_new_columns', 'sync_all_columns', 'fail'] -%}
    {{ return(default) }}
  {%- endif -%}
  {{ return(on_schema_change) }}
{% endmacro %}

{#- on_schema_change: compares the new rows' columns with the target's; fails, adds the new
    columns or also drops the removed ones and changes changed types. Returns the columns to
    insert: none for ignore (the target's are used), else the new rows' -#}
{% macro process_schema_changes(on_schema_change, source_relation, target_relation) %}
  {%- if on_schema_change == 'ignore' -%}{{ return(none) }}{%- endif -%}
  {%- set source_columns = adapter.get_columns_in_relation(source_relation) -%}
  {%- set target_columns = adapter.get_columns_in_relation(target_relation) -%}
  {%- set target_names = target_columns | map(attribute='name') | map('lower') | list -%}
  {%- set source_names = source_columns | map(attribute='name') | map('lower') | list -%}
  {%- set add = [] -%}{%- set remove = [] -%}{%- set changed = [] -%}
  {%- for c in source_columns -%}
    {%- if c.name | lower not in target_names -%}{% do add.append(c) %}{%- endif -%}
  {%- endfor -%}
  {%- for c in target_columns -%}
    {%- if c.name | lower not in source_names -%}{% do remove.append(c) %}
    {%- else -%}
      {%- for s in source_columns if s.name | lower == c.name | lower and s.data_type | lower != c.data_type | lower -%}
        {% do changed.append(s) %}
      {%- endfor -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if add | length == 0 and remove | length == 0 and changed | length == 0 -%}{{ return(source_columns) }}{%- endif -%}
  {%- if on_schema_change == 'fail' -%}
    {{ exceptions.raise_compiler_error("The source and target schemas on this incremental model are out of sync!\n  They can be reconciled in several ways:\n    - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation.\n    - Re-run the incremental model with `full_refresh: True` to update the target schema.\n    - update the schema manually and re-run the process.\n\n  Additional troubleshooting context:\n     Source columns not in target: " ~ (add | map(attribute='name') | list) ~ "\n     Target columns not in source: " ~ (remove | map(attribute='name') | list) ~ "\n     New column types: " ~ (changed | map(attribute='name') | list)) }}
  {%- endif -%}
  {%- for c in add -%}
    {% call statement('add_column') %}alter table {{ target_relation }} add column {{ adapter.quote(c.name) }} {{ c.data_type }}{% endcall %}
  {%- endfor -%}
  {%- if on_schema_change == 'sync_all_columns' -%}
    {%- for c in remove -%}
      {% call statement('drop_column') %}alter table {{ target_relation }} drop column {{ adapter.quote(c.name) }}{% endcall %}
    {%- endfor -%}
    {%- for c in changed -%}
      {% call statement('alter_column') %}alter table {{ target_relation }} alter column {{ adapter.quote(c.name) }} type {{ c.data_type }}{% endcall %}
    {%- endfor -%}
  {%- endif -%}
  {#- as dbt: the new rows' columns are inserted (a column they lack stays null) -#}
  {{ return(source_columns) }}
{% endmacro %}

{% macro get_quoted_csv(column_names) %}
  {%- set quoted = [] -%}
  {%- for c in column_names -%}{% do quoted.append(adapter.quote(c)) %}{%- endfor -%}
  {{ return(quoted | join(', ')) }}
{% endmacro %}

{% macro get_incremental_append_sql(arg_dict) %}
  {%- set cols = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
  insert into {{ arg_dict['target_relation'] }} ({{ cols }})
  select {{ cols }} from {{ arg_dict['temp_relation'] }}
{% endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) %}
  {%- set target = arg_dict['target_relation'] -%}
  {%- set source = arg_dict['temp_relation'] -%}
  {%- set keys = arg_dict['unique_key'] if arg_dict['unique_key'] is not string else [arg_dict['unique_key']] -%}
  {%- set cols = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
  delete from {{ target }} where exists (
    select 1 from {{ source }} as dbt_internal_source
    where {% for k in keys %}{{ target }}.{{ k }} = dbt_internal_source.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
  );
  insert into {{ target }} ({{ cols }})
  select {{ cols }} from {{ source }}
{% endmacro %}

{% macro get_incremental_merge_sql(arg_dict) %}
  {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{% endmacro %}

{#- MySQL, MariaDB and SQLite have no MERGE: their dbt adapters build append and delete+insert -#}
{% macro mysql__get_incremental_merge_sql(arg_dict) %}
  {{ dbtls_no_merge('dbt-mysql') }}
{% endmacro %}

{% macro sqlite__get_incremental_merge_sql(arg_dict) %}
  {{ dbtls_no_merge('dbt-sqlite') }}
{% endmacro %}

{% macro dbtls_no_merge(plugin) %}
  {{ exceptions.raise_compiler_error("The incremental strategy 'merge' is not supported on " ~ target.type ~ ": it has no MERGE statement, and " ~ plugin ~ " builds only 'append' and 'delete+insert'. With a unique_key, incremental_strategy='delete+insert' reaches the same end state.") }}
{% endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) %}
  {%- set keys = arg_dict['unique_key'] if arg_dict['unique_key'] is not string else [arg_dict['unique_key']] -%}
  {%- set names = arg_dict['dest_columns'] | map(attribute='name') | list -%}
  merge into {{ arg_dict['target_relation'] }} as dbt_internal_dest
  using {{ arg_dict['temp_relation'] }} as dbt_internal_source
  on {% for k in keys %}dbt_internal_source.{{ k }} = dbt_internal_dest.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
  when matched then update set
    {% for c in names %}{{ adapter.quote(c) }} = dbt_internal_source.{{ adapter.quote(c) }}{% if not loop.last %}, {% endif %}{% endfor %}
  when not matched then insert ({{ get_quoted_csv(names) }})
    values ({% for c in names %}dbt_internal_source.{{ adapter.quote(c) }}{% if not loop.last %}, {% endif %}{% endfor %})
{% endmacro %}

{#- incremental: the first build (or a full refresh) creates the table; later builds put the
    model's new rows in a temporary table, reconcile the columns and add them by the strategy -#}
{% materialization incremental, default %}
  {%- set existing_relation = load_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set temp_relation = make_temp_relation(target_relation) -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_relation = make_backup_relation(target_relation, existing_relation.type if existing_relation is not none else 'table') -%}
  {%- set unique_key = config.get('unique_key') -%}
  {%- set full_refresh_mode = should_full_refresh() -%}
  {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}
  {%- set swap = existing_relation is not none and (full_refresh_mode or existing_relation.is_view) -%}
  {{ drop_relation_if_exists(load_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {% if existing_relation is none %}
    {%- set build_sql = get_create_table_as_sql_for(target_relation, sql) -%}
  {% elif swap %}
    {%- set build_sql = get_create_table_as_sql_for(intermediate_relation, sql) -%}
  {% else %}
    {{ drop_relation_if_exists(load_relation(temp_relation)) }}
    {% call statement('create_temp') %}{{ get_create_table_as_sql(True, temp_relation, sql) }}{% endcall %}
    {% do adapter.expand_target_column_types(from_relation=temp_relation, to_relation=existing_relation) %}
    {%- set dest_columns = process_schema_changes(on_schema_change, temp_relation, existing_relation) -%}
    {%- if not dest_columns -%}
      {%- set dest_columns = adapter.get_columns_in_relation(existing_relation) -%}
    {%- endif -%}
    {%- set strategy = config.get('incremental_strategy') or adapter.dispatch('incremental_default_strategy', 'dbt')(unique_key) -%}
    {%- set strategy_macro = adapter.get_incremental_strategy_macro(context, strategy) -%}
    {%- set arg_dict = {'target_relation': target_relation, 'temp_relation': temp_relation, 'unique_key': unique_key, 'dest_columns': dest_columns, 'incremental_predicates': config.get('incremental_predicates')} -%}
    {%- set build_sql = strategy_macro(arg_dict) -%}
  {% endif %}
  {% call statement('main') %}{{ build_sql }}{% endcall %}
  {% if swap %}
    {% do adapter.rename_relation(existing_relation, backup_relation) %}
    {% do adapter.rename_relation(intermediate_relation, target_relation) %}
  {% endif %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ drop_relation_if_exists(load_relation(backup_relation)) }}
  {{ drop_relation_if_exists(load_relation(temp_relation)) }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- dbt-postgres' and dbt-duckdb's default: delete+insert with a unique key, else append -#}
{% macro default__incremental_default_strategy(unique_key) %}
  {{ return('delete+insert' if unique_key else 'append') }}
{% endmacro %}

{#- seed: created (or, on a full refresh or a changed view, recreated) with the CSV's column
    types, truncated and reloaded otherwise -#}
{% materialization seed, default %}
  {%- set agate_table = load_agate_table() -%}
  {%- set existing_relation = load_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set full_refresh_mode = should_full_refresh() -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {% if existing_relation is not none and not full_refresh_mode and existing_relation.is_table %}
    {% do adapter.truncate_relation(existing_relation) %}
  {% else %}
    {{ drop_relation_if_exists(existing_relation) }}
    {% call statement('create') -%}
      create table {{ target_relation }} ({% for name in agate_table.column_names %}{{ agate_table.quoted_column_names[loop.index0] }} {{ agate_table.column_types[loop.index0] }}{% if not loop.last %}, {% endif %}{% endfor %})
    {%- endcall %}
  {% endif %}
  {%- set rows = adapter.load_seed_rows(target_relation, agate_table) -%}
  {% call noop_statement('main', 'INSERT ' ~ rows, 'INSERT', rows) %}{% endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- snapshot helpers: a row's key, its dbt_scd_id, the time this snapshot runs at -#}
{% macro snapshot_get_time() %}{{ return(adapter.dispatch('snapshot_get_time', 'dbt')()) }}{% endmacro %}
{% macro default__snapshot_get_time() %}cast(current_timestamp as timestamp){% endmacro %}
{% macro mysql__snapshot_get_time() %}current_timestamp(6){% endmacro %}
{% macro sqlite__snapshot_get_time() %}strftime('%Y-%m-%d %H:%M:%f', 'now'){% endmacro %}

{#- the type dbt_valid_to is cast to: MySQL casts to datetime, SQLite keeps times as text -#}
{% macro dbtls_snapshot_time_type() %}{{ return(adapter.dispatch('dbtls_snapshot_time_type', 'dbt')()) }}{% endmacro %}
{% macro default__dbtls_snapshot_time_type() %}timestamp{% endmacro %}
{% macro mysql__dbtls_snapshot_time_type() %}datetime(6){% endmacro %}
{% macro sqlite__dbtls_snapshot_time_type() %}text{% endmacro %}

{% macro snapshot_hash_arguments(args) %}
  {{- return(adapter.dispatch('snapshot_hash_arguments', 'dbt')(args)) -}}
{%- endmacro %}

{% macro default__snapshot_hash_arguments(args) %}
  {%- set parts = [] -%}
  {%- for a in args -%}{% do parts.append("coalesce(cast(" ~ a ~ " as varchar), '')") %}{%- endfor -%}
  md5({{ parts | join(" || '|' || ") }})
{%- endmacro %}

{#- MySQL: || is 'or' and varchar no cast type -#}
{% macro mysql__snapshot_hash_arguments(args) %}
  {%- set parts = [] -%}
  {%- for a in args -%}{% do parts.append("coalesce(cast(" ~ a ~ " as char), '')") %}{%- endfor -%}
  md5(concat({{ parts | join(", '|', ") }}))
{%- endmacro %}

{#- SQLite has no md5: the id is the key and time themselves, as unique as their hash -#}
{% macro sqlite__snapshot_hash_arguments(args) %}
  {%- set parts = [] -%}
  {%- for a in args -%}{% do parts.append("coalesce(cast(" ~ a ~ " as text), '')") %}{%- endfor -%}
  ({{ parts | join(" || '|' || ") }})
{%- endmacro %}

{% macro dbtls_snapshot_key(unique_key) %}
  {%- if unique_key is string -%}{{ unique_key }}
  {%- else -%}{{ snapshot_hash_arguments(unique_key) }}
  {%- endif -%}
{% endmacro %}

{#- what has changed between a current snapshot row (cur) and the source row (src) -#}
{% macro dbtls_snapshot_changed(strategy, check_cols, updated_at) %}
  {%- if strategy == 'timestamp' -%}
    src.dbt_new_valid_from > cur.dbt_valid_from
  {%- else -%}
    {%- for c in check_cols -%}
      ((cur.{{ c }} <> src.{{ c }}) or (cur.{{ c }} is null and src.{{ c }} is not null) or (cur.{{ c }} is not null and src.{{ c }} is null)){% if not loop.last %} or {% endif %}
    {%- endfor -%}
  {%- endif -%}
{% endmacro %}

{#- snapshot: type-2 history of a query. The first run copies it with dbt_scd_id,
    dbt_updated_at, dbt_valid_from and an open dbt_valid_to; later runs close the rows whose
    source changed (timestamp: a newer updated_at; check: a check column differs) and insert
    their new version; rows gone from the source are left (hard_deletes: ignore), closed
    (invalidate) or closed with a deletion record (new_record, dbt_is_deleted). -#}
{% materialization snapshot, default %}
  {%- set strategy = config.get('strategy') -%}
  {%- set unique_key = config.get('unique_key') -%}
  {%- set updated_at = config.get('updated_at') -%}
  {%- set hard_deletes = config.get('hard_deletes') or ('invalidate' if config.get('invalidate_hard_deletes') else 'ignore') -%}
  {%- set valid_to_current = config.get('dbt_valid_to_current') -%}
  {%- if strategy not in ['timestamp', 'check'] -%}
    {{ exceptions.raise_compiler_error("Snapshot '" ~ model.name ~ "': strategy must be timestamp or check, not " ~ strategy) }}
  {%- endif -%}
  {%- if unique_key is none -%}
    {{ exceptions.raise_compiler_error("Snapshot '" ~ model.name ~ "' needs a unique_key") }}
  {%- endif -%}
  {%- if strategy == 'timestamp' and updated_at is none -%}
    {{ exceptions.raise_compiler_error("Snapshot '" ~ model.name ~ "' uses the timestamp strategy and needs updated_at") }}
  {%- endif -%}
  {%- set now = snapshot_get_time() -%}
  {%- set valid_from = updated_at if strategy == 'timestamp' else now -%}
  {%- set key = dbtls_snapshot_key(unique_key) -%}
  {%- set open_value = valid_to_current if valid_to_current is not none else 'null' -%}
  {%- set is_current = '(dbt_valid_to is null' ~ (' or dbt_valid_to = ' ~ valid_to_current if valid_to_current is not none else '') ~ ')' -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set existing_relation = load_relation(this) -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {% if existing_relation is none %}
    {%- set first_sql -%}
        select sbq.*,
          {{ snapshot_hash_arguments([key, valid_from]) }} as dbt_scd_id,
          {{ valid_from }} as dbt_updated_at,
          {{ valid_from }} as dbt_valid_from,
          cast({{ open_value }} as {{ dbtls_snapshot_time_type() }}) as dbt_valid_to
          {%- if hard_deletes == 'new_record' %}, 'False' as dbt_is_deleted{% endif %}
        from (
{{ sql }}
        ) sbq
    {%- endset %}
    {% call statement('main') -%}
      {{ get_create_table_as_sql(False, target_relation, first_sql) }}
    {%- endcall %}
  {% else %}
    {%- set source_relation = make_temp_relation(target_relation, '__dbt_snapshot_source') -%}
    {%- set changes_relation = make_temp_relation(target_relation, '__dbt_snapshot_changes') -%}
    {{ drop_relation_if_exists(load_relation(source_relation)) }}
    {{ drop_relation_if_exists(load_relation(changes_relation)) }}
    {% call statement('snapshot_source') -%}
      create temporary table {{ source_relation }} as
        select sbq.*,
          {{ key }} as dbt_unique_key,
          {{ valid_from }} as dbt_new_valid_from,
          {{ snapshot_hash_arguments([key, valid_from]) }} as dbt_new_scd_id
        from (
{{ sql }}
        ) sbq
    {%- endcall %}
    {%- set meta = ['dbt_unique_key', 'dbt_new_valid_from', 'dbt_new_scd_id'] -%}
    {%- set source_columns = [] -%}
    {%- for c in adapter.get_columns_in_relation(source_relation) if c.name | lower not in meta -%}
      {% do source_columns.append(c) %}
    {%- endfor -%}
    {#- new columns of the query are added to the snapshot, as dbt does -#}
    {%- set target_names = adapter.get_columns_in_relation(target_relation) | map(attribute='name') | map('lower') | list -%}
    {%- for c in source_columns if c.name | lower not in target_names -%}
      {% call statement('add_column') %}alter table {{ target_relation }} add column {{ adapter.quote(c.name) }} {{ c.data_type }}{% endcall %}
    {%- endfor -%}
    {%- set names = source_columns | map(attribute='name') | list -%}
    {%- set check_cols = config.get('check_cols') -%}
    {%- if check_cols == 'all' or check_cols is none -%}{%- set check_cols = names -%}{%- endif -%}
    {%- set cur = '(select *, ' ~ key ~ ' as dbt_unique_key from ' ~ target_relation ~ ' where ' ~ is_current ~ ') cur' -%}
    {% call statement('snapshot_changes') -%}
      create temporary table {{ changes_relation }} as
        select cur.dbt_scd_id as dbt_old_scd_id, src.dbt_new_valid_from as dbt_new_valid_to, 'update' as dbt_change_type
        from {{ cur }}
        join {{ source_relation }} src on src.dbt_unique_key = cur.dbt_unique_key
        where ({{ dbtls_snapshot_changed(strategy, check_cols, updated_at) }})
          {%- if hard_deletes == 'new_record' %} or cur.dbt_is_deleted = 'True'{% endif %}
        {%- if hard_deletes in ['invalidate', 'new_record'] %}
        union all
        select cur.dbt_scd_id, {{ now }}, 'delete'
        from {{ cur }}
        where not exists (select 1 from {{ source_relation }} src where src.dbt_unique_key = cur.dbt_unique_key)
          {%- if hard_deletes == 'new_record' %} and cur.dbt_is_deleted = 'False'{% endif %}
        {%- endif %}
    {%- endcall %}
    {% call statement('snapshot_close') -%}
      update {{ target_relation }}
      set dbt_valid_to = (select ch.dbt_new_valid_to from {{ changes_relation }} ch where ch.dbt_old_scd_id = dbt_scd_id)
      where dbt_scd_id in (select dbt_old_scd_id from {{ changes_relation }}) and {{ is_current }}
    {%- endcall %}
    {%- set quoted = get_quoted_csv(names) -%}
    {% if hard_deletes == 'new_record' %}
      {% call statement('snapshot_deletions') -%}
        insert into {{ target_relation }} ({{ quoted }}, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to, dbt_is_deleted)
        select {% for n in names %}gone.{{ adapter.quote(n) }}, {% endfor %}
          {{ snapshot_hash_arguments(['gone.dbt_scd_id', now]) }}, {{ now }}, {{ now }}, cast({{ open_value }} as {{ dbtls_snapshot_time_type() }}), 'True'
        from {{ target_relation }} gone
        join {{ changes_relation }} ch on ch.dbt_old_scd_id = gone.dbt_scd_id and ch.dbt_change_type = 'delete'
      {%- endcall %}
    {% endif %}
    {% call statement('main') -%}
      insert into {{ target_relation }} ({{ quoted }}, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to{% if hard_deletes == 'new_record' %}, dbt_is_deleted{% endif %})
      select {% for n in names %}src.{{ adapter.quote(n) }}, {% endfor %}
        src.dbt_new_scd_id, src.dbt_new_valid_from, src.dbt_new_valid_from, cast({{ open_value }} as {{ dbtls_snapshot_time_type() }}){% if hard_deletes == 'new_record' %}, 'False'{% endif %}
      from {{ source_relation }} src
      where not exists (select 1 from {{ cur }} where cur.dbt_unique_key = src.dbt_unique_key)
    {%- endcall %}
    {{ drop_relation_if_exists(load_relation(source_relation)) }}
    {{ drop_relation_if_exists(load_relation(changes_relation)) }}
  {% endif %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
