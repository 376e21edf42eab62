{#-
  dbtls builtin cross-database aggregate macros (namespace `dbt`).
  Written for dbtls from the documented behaviour of dbt's cross-database macros.
-#}

{#- ----------------------------------------------------------------- listagg -#}
{#- Joins the values of `measure` into one string.
    delimiter_text: a SQL string literal, e.g. "', '".
    order_by_clause: the whole clause as SQL text, e.g. "order by order_date".
    limit_num: keep only the first limit_num values. -#}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
  {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{#- Snowflake's spelling: listagg ... within group; a limit slices the ordered array. -#}
{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
array_to_string(array_slice(array_agg({{ measure }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}, 0, {{ limit_num }}), {{ delimiter_text }})
{%- else -%}
listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endif -%}
{%- endmacro %}

{#- Redshift has no array_agg: a limit keeps the first limit_num values of the joined text with
    a regular expression (so it is wrong when a value contains the delimiter). -#}
{% macro redshift__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- set joined -%}
listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endset -%}
{%- if limit_num -%}
{%- set ns = namespace(d=delimiter_text | trim("'")) -%}
{%- for c in ['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}'] -%}
{%- set ns.d = ns.d | replace(c, '\\' ~ c) -%}
{%- endfor -%}
regexp_substr({{ joined }}, '([^{{ ns.d }}]+{{ ns.d }}){1,{{ limit_num - 1 }}}[^{{ ns.d }}]+')
{%- else -%}
{{ joined }}
{%- endif -%}
{%- endmacro %}

{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
{%- else -%}
string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
{%- endif -%}
{%- endmacro %}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
array_to_string(list_slice(array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}), 1, {{ limit_num }}), {{ delimiter_text }})
{%- else -%}
string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
{%- endif -%}
{%- endmacro %}

{% macro bigquery__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}{% if limit_num %} limit {{ limit_num }}{% endif %})
{%- endmacro %}

{#- Spark's collect_list has no order by: an order is dropped with a warning. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if order_by_clause -%}
{%- do exceptions.warn("order_by_clause is not supported for listagg on Spark/Databricks") -%}
{%- endif -%}
{%- if limit_num -%}
array_join(slice(collect_list({{ measure }}), 1, {{ limit_num }}), {{ delimiter_text }})
{%- else -%}
array_join(collect_list({{ measure }}), {{ delimiter_text }})
{%- endif -%}
{%- endmacro %}

{% macro trino__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
array_join(slice(array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}), 1, {{ limit_num }}), {{ delimiter_text }})
{%- else -%}
array_join(array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}), {{ delimiter_text }})
{%- endif -%}
{%- endmacro %}

{#- group_concat takes a literal separator; the limit keeps the text before the n-th one. -#}
{% macro mysql__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}
substring_index(group_concat({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %} separator {{ delimiter_text }}), {{ delimiter_text }}, {{ limit_num }})
{%- else -%}
group_concat({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %} separator {{ delimiter_text }})
{%- endif -%}
{%- endmacro %}

{#- An order by inside group_concat needs SQLite 3.44 or later. group_concat has no limit:
    limit_num is ignored, as dbt-sqlite ignores it. -#}
{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
group_concat({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
{%- endmacro %}

{#- --------------------------------------------------------------- any_value -#}
{#- Any one value of the expression in the group. -#}
{% macro any_value(expression) -%}
  {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__any_value(expression) -%}
any_value({{ expression }})
{%- endmacro %}

{#- min() works on every PostgreSQL version (any_value arrived in 16) and on MariaDB. -#}
{% macro postgres__any_value(expression) -%}
min({{ expression }})
{%- endmacro %}

{% macro redshift__any_value(expression) -%}
any_value({{ expression }})
{%- endmacro %}

{% macro spark__any_value(expression) -%}
first({{ expression }})
{%- endmacro %}

{% macro trino__any_value(expression) -%}
arbitrary({{ expression }})
{%- endmacro %}

{% macro mysql__any_value(expression) -%}
min({{ expression }})
{%- endmacro %}

{% macro sqlite__any_value(expression) -%}
min({{ expression }})
{%- endmacro %}

{#- ----------------------------------------------------------------- bool_or -#}
{#- True when the boolean expression is true for at least one row of the group. -#}
{% macro bool_or(expression) -%}
  {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
bool_or({{ expression }})
{%- endmacro %}

{% macro snowflake__bool_or(expression) -%}
boolor_agg({{ expression }})
{%- endmacro %}

{% macro bigquery__bool_or(expression) -%}
logical_or({{ expression }})
{%- endmacro %}

{#- MySQL and SQLite booleans are 1/0 integers, so max() is "any true". -#}
{% macro mysql__bool_or(expression) -%}
max({{ expression }})
{%- endmacro %}

{% macro sqlite__bool_or(expression) -%}
max({{ expression }})
{%- endmacro %}
