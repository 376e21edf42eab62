{#-
  dbtls builtin cross-database type macros (namespace `dbt`).

  Each returns the warehouse's name for a portable data type, for use in casts and DDL, as dbt
  renders it: the adapter's own `api.Column.translate_type` label of the portable name (dbtls
  keeps each adapter's labels in dev.dbtls.project.AdapterTypes), or the name itself where the
  adapter has no label for it; numeric through `api.Column.numeric_type`. Trino's adapter
  spells four of them itself. Written for dbtls from the documented behaviour of dbt's
  cross-database type macros and of the adapters' Column classes.
-#}

{#- ---------------------------------------------------------------- type_string -#}
{% macro type_string() -%}
  {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_string() -%}
  {{ return(api.Column.translate_type('string')) }}
{%- endmacro %}

{% macro trino__type_string() -%}
varchar
{%- endmacro %}

{#- ------------------------------------------------------------- type_timestamp -#}
{% macro type_timestamp() -%}
  {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_timestamp() -%}
  {{ return(api.Column.translate_type('timestamp')) }}
{%- endmacro %}

{#- ----------------------------------------------------------------- type_float -#}
{% macro type_float() -%}
  {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_float() -%}
  {{ return(api.Column.translate_type('float')) }}
{%- endmacro %}

{% macro trino__type_float() -%}
double
{%- endmacro %}

{#- --------------------------------------------------------------- type_numeric -#}
{% macro type_numeric() -%}
  {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_numeric() -%}
  {{ return(api.Column.numeric_type('numeric', 28, 6)) }}
{%- endmacro %}

{% macro trino__type_numeric() -%}
decimal(28, 6)
{%- endmacro %}

{#- ---------------------------------------------------------------- type_bigint -#}
{% macro type_bigint() -%}
  {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_bigint() -%}
  {{ return(api.Column.translate_type('bigint')) }}
{%- endmacro %}

{#- ------------------------------------------------------------------- type_int -#}
{% macro type_int() -%}
  {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_int() -%}
  {{ return(api.Column.translate_type('integer')) }}
{%- endmacro %}

{% macro trino__type_int() -%}
integer
{%- endmacro %}

{#- --------------------------------------------------------------- type_boolean -#}
{% macro type_boolean() -%}
  {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_boolean() -%}
  {{ return(api.Column.translate_type('boolean')) }}
{%- endmacro %}

{#- ----------------------------------------------------------------------- cast -#}
{#- Casts a SQL expression to a type. Snowflake's spatial types are made by functions. -#}
{% macro cast(field, type) -%}
  {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__cast(field, type) -%}
cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro snowflake__cast(field, type) -%}
{%- if type | upper == 'GEOGRAPHY' -%}
to_geography({{ field }})
{%- elif type | upper == 'GEOMETRY' -%}
to_geometry({{ field }})
{%- else -%}
cast({{ field }} as {{ type }})
{%- endif -%}
{%- endmacro %}
