{#-
  dbtls builtin cross-database array macros (namespace `dbt`).

  Written for dbtls from the documented behaviour of dbt's array macros and of each adapter's
  variants. `inputs` is a list of SQL expressions of one type; `data_type` types an empty array.
-#}

{#- -------------------------------------------------------------- array_construct -#}
{% macro array_construct(inputs=[], data_type=api.Column.translate_type('integer')) -%}
  {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{#- An empty array literal needs its element type, as the postgres cast spells it. -#}
{% macro default__array_construct(inputs, data_type) -%}
{%- if inputs | length > 0 -%}
array[ {{ inputs | join(' , ') }} ]
{%- else -%}
array[]::{{ data_type }}[]
{%- endif -%}
{%- endmacro %}

{% macro bigquery__array_construct(inputs, data_type) -%}
{%- if inputs | length > 0 -%}
[ {{ inputs | join(' , ') }} ]
{%- else -%}
ARRAY<{{ data_type }}>[]
{%- endif -%}
{%- endmacro %}

{% macro redshift__array_construct(inputs, data_type) -%}
array( {{ inputs | join(' , ') }} )
{%- endmacro %}

{% macro snowflake__array_construct(inputs, data_type) -%}
array_construct( {{ inputs | join(' , ') }} )
{%- endmacro %}

{% macro spark__array_construct(inputs, data_type) -%}
array( {{ inputs | join(' , ') }} )
{%- endmacro %}

{#- Trino has no typed empty array literal: no inputs is null. -#}
{% macro trino__array_construct(inputs, data_type) -%}
{%- if not inputs -%}
null
{%- else -%}
array[ {{ inputs | join(' , ') }} ]
{%- endif -%}
{%- endmacro %}

{#- ---------------------------------------------------------------- array_concat -#}
{% macro array_concat(array_1, array_2) -%}
  {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro bigquery__array_concat(array_1, array_2) -%}
array_concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro redshift__array_concat(array_1, array_2) -%}
array_concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro spark__array_concat(array_1, array_2) -%}
concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro trino__array_concat(array_1, array_2) -%}
concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{#- ---------------------------------------------------------------- array_append -#}
{#- The new element has the type of the array's elements. Where the warehouse has no
    array_append, the element becomes a one-element array, concatenated. -#}
{% macro array_append(array, new_element) -%}
  {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro bigquery__array_append(array, new_element) -%}
{{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro redshift__array_append(array, new_element) -%}
{{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro spark__array_append(array, new_element) -%}
{{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro trino__array_append(array, new_element) -%}
{{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}
