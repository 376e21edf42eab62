{#-
  dbtls builtin series macros (namespace `dbt`): a numbered series of rows, and a spine of
  dates built on it.

  Written for dbtls from the documented behaviour of dbt's generate_series, get_intervals_between
  and date_spine. The number of intervals between two dates is a query; without a warehouse it
  answers as an empty result does, and the macro then counts 1, as dbt does while parsing.
-#}

{#- --------------------------------------------------------------- get_powers_of_two -#}
{#- The smallest n (1 to 99) with 2**n >= upper_bound. -#}
{% macro get_powers_of_two(upper_bound) -%}
  {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
{%- if upper_bound <= 0 -%}
{{ exceptions.raise_compiler_error("upper bound must be positive") }}
{%- endif -%}
{%- for n in range(1, 100) -%}
{%- if upper_bound <= 2 ** n -%}{{ return(n) }}{%- endif -%}
{%- endfor -%}
{%- endmacro %}

{#- ----------------------------------------------------------------- generate_series -#}
{#- A query of one column, generated_number, counting 1 to upper_bound: where the warehouse has
    no series function, a cross join of n two-row tables read as the bits of a number. -#}
{% macro generate_series(upper_bound) -%}
  {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{%- endmacro %}

{% macro default__generate_series(upper_bound) -%}
{%- set n = dbt.get_powers_of_two(upper_bound) -%}
with p as (
    select 0 as generated_number union all select 1
), unioned as (
    select
    {%- for i in range(n) %}
    p{{ i }}.generated_number * power(2, {{ i }}){{ ' +' if not loop.last }}
    {%- endfor %}
    + 1 as generated_number
    from
    {%- for i in range(n) %}
    p as p{{ i }}{{ ' cross join' if not loop.last }}
    {%- endfor %}
)
select *
from unioned
where generated_number <= {{ upper_bound }}
order by generated_number
{%- endmacro %}

{% macro duckdb__generate_series(upper_bound) -%}
select generate_series as generated_number
from generate_series(1, {{ upper_bound }})
{%- endmacro %}

{#- ----------------------------------------------------------- get_intervals_between -#}
{#- The number of `datepart` intervals from start_date to end_date, asked of the warehouse. -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
  {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
{%- call statement('get_intervals_between', fetch_result=True) -%}
select {{ dbt.datediff(start_date, end_date, datepart) }}
{%- endcall -%}
{%- set result = load_result('get_intervals_between') -%}
{%- if result and result['data'] -%}
{{ return((result['data'] | map(attribute=0) | list)[0]) }}
{%- else -%}
{{ return(1) }}
{%- endif -%}
{%- endmacro %}

{#- ---------------------------------------------------------------------- date_spine -#}
{#- One row per `datepart` from start_date up to end_date, in a column date_<datepart>. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
with rawdata as (
{{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}
),
all_periods as (
    select (
        {{ dbt.dateadd(datepart, "row_number() over (order by 1) - 1", start_date) }}
    ) as date_{{ datepart }}
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_{{ datepart }} <= {{ end_date }}
)
select * from filtered
{%- endmacro %}

{#- Trino compares dates only with dates: both ends are cast. -#}
{% macro trino__date_spine(datepart, start_date, end_date) -%}
with rawdata as (
{{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}
),
all_periods as (
    select (
        {{ dbt.dateadd(datepart, "row_number() over (order by 1) - 1", "cast(" ~ start_date ~ " as date)") }}
    ) as date_{{ datepart }}
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_{{ datepart }} <= cast({{ end_date }} as date)
)
select * from filtered
{%- endmacro %}
