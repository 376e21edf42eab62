{#-
  dbtls builtin hook and grant macros (namespace `dbt`), written from dbt's documented behaviour:
  a hook is its SQL and whether it runs inside the model's transaction; grants are the statements
  that give or take a privilege.
-#}

{% macro make_hook_config(sql, inside_transaction) -%}
  {{ return({'sql': sql, 'transaction': inside_transaction}) }}
{%- endmacro %}

{% macro before_begin(sql) -%}
  {{ return(make_hook_config(sql, inside_transaction=False)) }}
{%- endmacro %}

{% macro in_transaction(sql) -%}
  {{ return(make_hook_config(sql, inside_transaction=True)) }}
{%- endmacro %}

{% macro after_commit(sql) -%}
  {{ return(make_hook_config(sql, inside_transaction=False)) }}
{%- endmacro %}

{% macro get_show_grant_sql(relation) -%}
  {{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_show_grant_sql(relation) -%}
show grants on {{ relation.render() }}
{%- endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_grant_sql(relation, privilege, grantees) -%}
grant {{ privilege }} on {{ relation.render() }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
revoke {{ privilege }} on {{ relation.render() }} from {{ grantees | join(', ') }}
{%- endmacro %}

{#- whether one grant statement may name several grantees -#}
{% macro support_multiple_grantees_per_dcl_statement() -%}
  {{ return(adapter.dispatch('support_multiple_grantees_per_dcl_statement', 'dbt')()) }}
{%- endmacro %}

{% macro default__support_multiple_grantees_per_dcl_statement() -%}
  {{ return(True) }}
{%- endmacro %}

{#- grants already there are revoked first only when the relation is kept (not rebuilt) -#}
{% macro should_revoke(existing_relation, full_refresh_mode=True) -%}
  {%- if not existing_relation -%}
    {{ return(False) }}
  {%- elif full_refresh_mode -%}
    {{ return(existing_relation.is_table is defined and not existing_relation.is_table) }}
  {%- endif -%}
  {{ return(True) }}
{%- endmacro %}

{#- the grant (or revoke) statements of a {privilege: [grantees]} config -#}
{% macro get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {{ return(adapter.dispatch('get_dcl_statement_list', 'dbt')(relation, grant_config, get_dcl_macro)) }}
{%- endmacro %}

{% macro default__get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {%- set statements = [] -%}
  {%- for privilege, grantees in grant_config.items() if grantees -%}
    {%- if support_multiple_grantees_per_dcl_statement() -%}
      {%- do statements.append(get_dcl_macro(relation, privilege, grantees)) -%}
    {%- else -%}
      {%- for grantee in grantees -%}
        {%- do statements.append(get_dcl_macro(relation, privilege, [grantee])) -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(statements) }}
{%- endmacro %}
