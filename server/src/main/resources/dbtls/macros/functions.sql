{#- dbtls' own macros for user-defined functions (dbt 1.11): the function materialization creates a
    scalar SQL function from its body (`sql`, the compiled function file) and its YAML properties
    (`model.arguments`, `model.returns`, `config.volatility`), under dbt's macro names so a
    project's or an adapter's override wins. -#}

{% materialization function, default %}
  {%- set target_relation = this.incorporate(type='function') -%}
  {%- set function_type = config.get('type') or 'scalar' -%}
  {%- if function_type != 'scalar' or (model.language or 'sql') != 'sql' -%}
    {{ exceptions.raise_compiler_error("Function '" ~ model.name ~ "': dbtls builds scalar SQL functions only, not " ~ (model.language or 'sql') ~ " " ~ function_type ~ " functions") }}
  {%- endif -%}
  {{ run_hooks(pre_hooks) }}
  {% call statement('main') -%}
    {{ scalar_function_sql(target_relation) }}
  {%- endcall %}
  {% do adapter.commit() %}
  {{ run_hooks(post_hooks) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{% macro scalar_function_sql(target_relation) -%}
  {{ return(adapter.dispatch('scalar_function_sql', 'dbt')(target_relation)) }}
{%- endmacro %}

{#- PostgreSQL, Redshift and most warehouses: a SQL function over typed arguments -#}
{% macro default__scalar_function_sql(target_relation) -%}
create or replace function {{ target_relation }}({{ dbtls_function_arguments(true) }})
returns {{ model.returns.data_type }}
{{ dbtls_function_volatility() }}
as $$
  {{ sql }}
$$ language sql
{%- endmacro %}

{#- DuckDB: a scalar macro (DuckDB's functions are macros: untyped arguments, an expression) -#}
{% macro duckdb__scalar_function_sql(target_relation) -%}
create or replace macro {{ target_relation }}({{ dbtls_function_arguments(false) }}) as (
  {{ sql }}
)
{%- endmacro %}

{% macro dbtls_function_arguments(typed) -%}
  {%- set parts = [] -%}
  {%- for arg in model.arguments -%}
    {%- set part = arg.name ~ ((' ' ~ arg.data_type) if typed and arg.data_type else '') -%}
    {%- if typed and arg.default_value is not none -%}
      {%- set part = part ~ ' default ' ~ arg.default_value -%}
    {%- endif -%}
    {%- do parts.append(part) -%}
  {%- endfor -%}
  {{ parts | join(', ') }}
{%- endmacro %}

{#- dbt's volatility config in the warehouse's words; none lets the warehouse decide -#}
{% macro dbtls_function_volatility() -%}
  {%- set volatility = config.get('volatility') -%}
  {%- if volatility == 'deterministic' -%}immutable
  {%- elif volatility == 'stable' -%}stable
  {%- elif volatility == 'non-deterministic' -%}volatile
  {%- endif -%}
{%- endmacro %}
