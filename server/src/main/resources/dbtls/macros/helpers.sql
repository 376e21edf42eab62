{#-
  dbtls builtin helper macros (namespace `dbt`) that dbt's cross-database macros and packages
  call by name, written from dbt's documented behaviour.
-#}

{#- start of the period, one period later, one day back -#}
{% macro default_last_day(date, datepart) -%}
cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{#- split_part with a negative part number (-1: the last part), counting the parts from the end -#}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
split_part(
    {{ string_text }},
    {{ delimiter_text }},
    (length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, ''))) / length({{ delimiter_text }}) + 2 + {{ part_number }}
)
{%- endmacro %}

{#- now, as digits to microseconds (names of temporary relations) -#}
{% macro py_current_timestring() -%}
  {{ return(modules.datetime.datetime.now().strftime('%Y%m%d%H%M%S%f')) }}
{%- endmacro %}

{% macro convert_datetime(date_str, date_fmt) -%}
  {{ return(modules.datetime.datetime.strptime(date_str, date_fmt)) }}
{%- endmacro %}

{#- every day from start to end (both included), formatted -#}
{% macro dates_in_range(start_date_str, end_date_str=none, in_fmt="%Y%m%d", out_fmt="%Y%m%d") -%}
  {%- set end_date_str = start_date_str if end_date_str is none else end_date_str -%}
  {%- set start = convert_datetime(start_date_str, in_fmt) -%}
  {%- set end = convert_datetime(end_date_str, in_fmt) -%}
  {%- set days = (end - start).days -%}
  {%- set out = [] -%}
  {%- for n in range(days + 1) -%}
    {%- do out.append((start + modules.datetime.timedelta(days=n)).strftime(out_fmt)) -%}
  {%- endfor -%}
  {{ return(out) }}
{%- endmacro %}

{#- 'start,end' or 'day' as the list of days it covers -#}
{% macro partition_range(raw_partition_date, date_fmt='%Y%m%d') -%}
  {%- set parts = raw_partition_date.split(',') -%}
  {%- if parts | length == 2 -%}
    {{ return(dates_in_range(parts[0].strip(), parts[1].strip(), in_fmt=date_fmt, out_fmt=date_fmt)) }}
  {%- elif parts | length == 1 -%}
    {{ return(dates_in_range(parts[0].strip(), parts[0].strip(), in_fmt=date_fmt, out_fmt=date_fmt)) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error("partition_range takes 'start,end' or one date, got '" ~ raw_partition_date ~ "'") }}
{%- endmacro %}
