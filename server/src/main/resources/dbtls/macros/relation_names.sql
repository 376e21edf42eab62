{#-
  dbtls builtin relation-naming macros (namespace `dbt`), with dbt's documented default
  behaviour. A project overrides them either by defining a macro of the same public name
  (generate_schema_name, ...) or by defining its own default__/<adapter>__ variant.
-#}

{#- Schema: the target schema, or "<target schema>_<custom schema>" when a node sets +schema. -#}
{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) }}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
{%- if custom_schema_name is none -%}
{{ target.schema }}
{%- else -%}
{{ target.schema }}_{{ custom_schema_name | trim }}
{%- endif -%}
{%- endmacro %}

{#- Alias: the custom alias when a node sets +alias, else the node's name, with "_v<version>"
    appended for versioned models (dots in a version become underscores). -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) }}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name, node) -%}
{%- if custom_alias_name -%}
{{ custom_alias_name | trim }}
{%- elif node is not none and node.version is defined and node.version -%}
{{ node.name }}_v{{ node.version | string | replace('.', '_') }}
{%- else -%}
{{ node.name }}
{%- endif -%}
{%- endmacro %}

{#- Database: the target database, or the custom one when a node sets +database. -#}
{% macro generate_database_name(custom_database_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) }}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name, node) -%}
{%- if custom_database_name is none -%}
{{ target.database }}
{%- else -%}
{{ custom_database_name | trim }}
{%- endif -%}
{%- endmacro %}
