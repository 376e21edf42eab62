{#-
  dbtls builtin cross-database date and time macros (namespace `dbt`).

  Written for dbtls from the documented behaviour of dbt's cross-database macros; every public
  macro dispatches through adapter.dispatch(name, 'dbt') so a project or package can supply its
  own `<adapter>__name` variant. Arguments are SQL text: `datepart` is a bare unit word
  (day, week, month, quarter, year, hour, minute, second), the others are SQL expressions.
-#}

{#- ---------------------------------------------------------------- dateadd -#}
{#- Adds `interval` units of `datepart` to a date or timestamp expression.
    PostgreSQL has no 'quarter' interval unit, so a quarter is written as 3 months. -#}
{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
  {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{%- endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
{%- set unit = '3 month' if datepart | lower == 'quarter' else '1 ' ~ datepart -%}
({{ from_date_or_timestamp }} + ((interval '{{ unit }}') * ({{ interval }})))
{%- endmacro %}

{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
{%- set unit = '3 month' if datepart | lower == 'quarter' else '1 ' ~ datepart -%}
({{ from_date_or_timestamp }} + ((interval '{{ unit }}') * ({{ interval }})))
{%- endmacro %}

{#- Redshift has a native dateadd, so it does not take the postgres interval arithmetic. -#}
{% macro redshift__dateadd(datepart, interval, from_date_or_timestamp) -%}
{{ dbt.default__dateadd(datepart, interval, from_date_or_timestamp) }}
{%- endmacro %}

{% macro bigquery__dateadd(datepart, interval, from_date_or_timestamp) -%}
datetime_add(cast({{ from_date_or_timestamp }} as datetime), interval {{ interval }} {{ datepart }})
{%- endmacro %}

{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
timestampadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro trino__dateadd(datepart, interval, from_date_or_timestamp) -%}
date_add('{{ datepart }}', {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro mysql__dateadd(datepart, interval, from_date_or_timestamp) -%}
date_add({{ from_date_or_timestamp }}, interval {{ interval }} {{ datepart }})
{%- endmacro %}

{#- SQLite has no interval type: date modifiers such as '3 day' or '-2 month' do the work.
    Weeks and quarters are not modifiers, so they become days and months. SQLite lets a month
    overflow ('2024-01-31' + 1 month is March 2nd); other warehouses clamp to the month's last
    day, so month-based results are capped at the last day of the target month (same time). -#}
{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
{%- set part = datepart | lower -%}
{%- set x = from_date_or_timestamp -%}
{%- if part in ['year', 'quarter', 'month'] -%}
{#- parenthesised: in SQLite || binds tighter than * -#}
{%- set months = {'year': '((' ~ interval ~ ') * 12)', 'quarter': '((' ~ interval ~ ') * 3)', 'month': '(' ~ interval ~ ')'}[part] -%}
min(datetime({{ x }}, {{ months }} || ' month'), datetime(date({{ x }}, 'start of month', ({{ months }} + 1) || ' month', '-1 day') || ' ' || time({{ x }})))
{%- elif part == 'week' -%}
datetime({{ x }}, (({{ interval }}) * 7) || ' day')
{%- elif part in ['day', 'hour', 'minute', 'second'] -%}
datetime({{ from_date_or_timestamp }}, ({{ interval }}) || ' {{ part }}')
{%- else -%}
{{ exceptions.raise_compiler_error("dateadd: datepart '" ~ datepart ~ "' is not supported on sqlite") }}
{%- endif -%}
{%- endmacro %}

{#- --------------------------------------------------------------- datediff -#}
{#- Number of `datepart` boundaries crossed going from first_date to second_date
    (second minus first), as Snowflake's datediff counts them. -#}
{% macro datediff(first_date, second_date, datepart) -%}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{%- endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{#- DuckDB's date_diff counts boundaries for most parts but whole weeks for 'week', so both
    ends are truncated to the unit first, as for Spark and Trino below. -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
date_diff('{{ datepart }}', date_trunc('{{ datepart }}', cast({{ first_date }} as timestamp)), date_trunc('{{ datepart }}', cast({{ second_date }} as timestamp)))
{%- endmacro %}

{% macro postgres__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set f = '(' ~ first_date ~ ')::timestamp' -%}
{%- set s = '(' ~ second_date ~ ')::timestamp' -%}
{%- set years = '(date_part(\'year\', ' ~ s ~ ') - date_part(\'year\', ' ~ f ~ '))' -%}
{%- if part == 'year' -%}
{{ years }}
{%- elif part == 'quarter' -%}
({{ years }} * 4 + date_part('quarter', {{ s }}) - date_part('quarter', {{ f }}))
{%- elif part == 'month' -%}
({{ years }} * 12 + date_part('month', {{ s }}) - date_part('month', {{ f }}))
{%- elif part == 'week' -%}
((date_trunc('week', {{ s }})::date - date_trunc('week', {{ f }})::date) / 7)
{%- elif part == 'day' -%}
(({{ s }})::date - ({{ f }})::date)
{%- elif part in ['hour', 'minute', 'second', 'millisecond', 'microsecond'] -%}
{%- set seconds = {'hour': '3600', 'minute': '60', 'second': '1', 'millisecond': '0.001', 'microsecond': '0.000001'}[part] -%}
round(extract(epoch from (date_trunc('{{ part }}', {{ s }}) - date_trunc('{{ part }}', {{ f }}))) / {{ seconds }})::bigint
{%- else -%}
{{ exceptions.raise_compiler_error("datediff: datepart '" ~ datepart ~ "' is not supported on postgres") }}
{%- endif -%}
{%- endmacro %}

{% macro redshift__datediff(first_date, second_date, datepart) -%}
{{ dbt.default__datediff(first_date, second_date, datepart) }}
{%- endmacro %}

{#- BigQuery's datetime_diff counts boundaries; its weeks start on Sunday. -#}
{% macro bigquery__datediff(first_date, second_date, datepart) -%}
datetime_diff(cast({{ second_date }} as datetime), cast({{ first_date }} as datetime), {{ datepart }})
{%- endmacro %}

{#- Spark's and Trino's diff functions count whole elapsed units, so both ends are truncated
    to the unit first, which turns elapsed units into boundaries crossed. -#}
{% macro spark__datediff(first_date, second_date, datepart) -%}
timestampdiff({{ datepart }}, date_trunc('{{ datepart }}', {{ first_date }}), date_trunc('{{ datepart }}', {{ second_date }}))
{%- endmacro %}

{% macro trino__datediff(first_date, second_date, datepart) -%}
date_diff('{{ datepart }}', date_trunc('{{ datepart }}', cast({{ first_date }} as timestamp)), date_trunc('{{ datepart }}', cast({{ second_date }} as timestamp)))
{%- endmacro %}

{% macro mysql__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set f = first_date -%}
{%- set s = second_date -%}
{%- if part == 'year' -%}
(year({{ s }}) - year({{ f }}))
{%- elif part == 'quarter' -%}
((year({{ s }}) - year({{ f }})) * 4 + quarter({{ s }}) - quarter({{ f }}))
{%- elif part == 'month' -%}
((year({{ s }}) - year({{ f }})) * 12 + month({{ s }}) - month({{ f }}))
{%- elif part == 'week' -%}
(datediff(date_sub(date({{ s }}), interval weekday({{ s }}) day), date_sub(date({{ f }}), interval weekday({{ f }}) day)) div 7)
{%- elif part == 'day' -%}
datediff({{ s }}, {{ f }})
{%- elif part == 'hour' -%}
timestampdiff(hour, date_format({{ f }}, '%Y-%m-%d %H:00:00'), date_format({{ s }}, '%Y-%m-%d %H:00:00'))
{%- elif part == 'minute' -%}
timestampdiff(minute, date_format({{ f }}, '%Y-%m-%d %H:%i:00'), date_format({{ s }}, '%Y-%m-%d %H:%i:00'))
{%- elif part == 'second' -%}
timestampdiff(second, date_format({{ f }}, '%Y-%m-%d %H:%i:%s'), date_format({{ s }}, '%Y-%m-%d %H:%i:%s'))
{%- else -%}
{{ exceptions.raise_compiler_error("datediff: datepart '" ~ datepart ~ "' is not supported on mysql") }}
{%- endif -%}
{%- endmacro %}

{#- SQLite: dates are text; julianday() turns them into fractional day numbers. -#}
{% macro sqlite__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set f = first_date -%}
{%- set s = second_date -%}
{%- set years = "(cast(strftime('%Y', " ~ s ~ ") as integer) - cast(strftime('%Y', " ~ f ~ ") as integer))" -%}
{%- set months = "(cast(strftime('%m', " ~ s ~ ") as integer) - cast(strftime('%m', " ~ f ~ ") as integer))" -%}
{%- if part == 'year' -%}
{{ years }}
{%- elif part == 'quarter' -%}
({{ years }} * 4 + (cast(strftime('%m', {{ s }}) as integer) - 1) / 3 - (cast(strftime('%m', {{ f }}) as integer) - 1) / 3)
{%- elif part == 'month' -%}
({{ years }} * 12 + {{ months }})
{%- elif part == 'week' -%}
(cast(julianday(date({{ s }}, '-6 day', 'weekday 1')) - julianday(date({{ f }}, '-6 day', 'weekday 1')) as integer) / 7)
{%- elif part == 'day' -%}
cast(julianday(date({{ s }})) - julianday(date({{ f }})) as integer)
{%- elif part == 'hour' -%}
cast(round((julianday(strftime('%Y-%m-%d %H:00:00', {{ s }})) - julianday(strftime('%Y-%m-%d %H:00:00', {{ f }}))) * 24) as integer)
{%- elif part == 'minute' -%}
cast(round((julianday(strftime('%Y-%m-%d %H:%M:00', {{ s }})) - julianday(strftime('%Y-%m-%d %H:%M:00', {{ f }}))) * 1440) as integer)
{%- elif part == 'second' -%}
cast(round((julianday(strftime('%Y-%m-%d %H:%M:%S', {{ s }})) - julianday(strftime('%Y-%m-%d %H:%M:%S', {{ f }}))) * 86400) as integer)
{%- else -%}
{{ exceptions.raise_compiler_error("datediff: datepart '" ~ datepart ~ "' is not supported on sqlite") }}
{%- endif -%}
{%- endmacro %}

{#- ------------------------------------------------------------- date_trunc -#}
{#- Truncates a date or timestamp to the start of its `datepart` period. Weeks start on Monday,
    except on BigQuery (Sunday) and on Snowflake, where the WEEK_START session setting decides. -#}
{% macro date_trunc(datepart, date) -%}
  {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
date_trunc('{{ datepart }}', {{ date }})
{%- endmacro %}

{% macro bigquery__date_trunc(datepart, date) -%}
timestamp_trunc(cast({{ date }} as timestamp), {{ datepart }})
{%- endmacro %}

{% macro mysql__date_trunc(datepart, date) -%}
{%- set part = datepart | lower -%}
{%- if part == 'year' -%}
cast(date_format({{ date }}, '%Y-01-01') as date)
{%- elif part == 'quarter' -%}
(makedate(year({{ date }}), 1) + interval (quarter({{ date }}) - 1) quarter)
{%- elif part == 'month' -%}
cast(date_format({{ date }}, '%Y-%m-01') as date)
{%- elif part == 'week' -%}
date_sub(date({{ date }}), interval weekday({{ date }}) day)
{%- elif part == 'day' -%}
date({{ date }})
{%- elif part == 'hour' -%}
cast(date_format({{ date }}, '%Y-%m-%d %H:00:00') as datetime)
{%- elif part == 'minute' -%}
cast(date_format({{ date }}, '%Y-%m-%d %H:%i:00') as datetime)
{%- elif part == 'second' -%}
cast(date_format({{ date }}, '%Y-%m-%d %H:%i:%s') as datetime)
{%- else -%}
{{ exceptions.raise_compiler_error("date_trunc: datepart '" ~ datepart ~ "' is not supported on mysql") }}
{%- endif -%}
{%- endmacro %}

{% macro sqlite__date_trunc(datepart, date) -%}
{%- set part = datepart | lower -%}
{%- if part == 'year' -%}
date({{ date }}, 'start of year')
{%- elif part == 'quarter' -%}
date({{ date }}, 'start of month', '-' || ((cast(strftime('%m', {{ date }}) as integer) - 1) % 3) || ' month')
{%- elif part == 'month' -%}
date({{ date }}, 'start of month')
{%- elif part == 'week' -%}
date({{ date }}, '-6 day', 'weekday 1')
{%- elif part == 'day' -%}
date({{ date }})
{%- elif part == 'hour' -%}
strftime('%Y-%m-%d %H:00:00', {{ date }})
{%- elif part == 'minute' -%}
strftime('%Y-%m-%d %H:%M:00', {{ date }})
{%- elif part == 'second' -%}
strftime('%Y-%m-%d %H:%M:%S', {{ date }})
{%- else -%}
{{ exceptions.raise_compiler_error("date_trunc: datepart '" ~ datepart ~ "' is not supported on sqlite") }}
{%- endif -%}
{%- endmacro %}

{#- -------------------------------------------------------- current_timestamp -#}
{#- The current date and time of the warehouse session. -#}
{% macro current_timestamp() -%}
  {{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp() -%}
current_timestamp
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
now()
{%- endmacro %}

{% macro postgres__current_timestamp() -%}
now()
{%- endmacro %}

{% macro redshift__current_timestamp() -%}
getdate()
{%- endmacro %}

{% macro snowflake__current_timestamp() -%}
current_timestamp()
{%- endmacro %}

{% macro bigquery__current_timestamp() -%}
current_timestamp()
{%- endmacro %}

{% macro spark__current_timestamp() -%}
current_timestamp()
{%- endmacro %}

{#- ---------------------------------- current_timestamp_backcompat (dbt < 1.3 names) -#}
{#- The session's time as a timestamp without time zone, as packages written for older dbt call
    it; the _in_utc variant converts to UTC first where the adapter does. -#}
{% macro current_timestamp_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp_backcompat() -%}
current_timestamp::timestamp
{%- endmacro %}

{% macro postgres__current_timestamp_backcompat() -%}
current_timestamp::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro snowflake__current_timestamp_backcompat() -%}
current_timestamp::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_backcompat() -%}
getdate()
{%- endmacro %}

{% macro bigquery__current_timestamp_backcompat() -%}
current_timestamp
{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro postgres__current_timestamp_in_utc_backcompat() -%}
(current_timestamp at time zone 'utc')::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro snowflake__current_timestamp_in_utc_backcompat() -%}
convert_timezone('UTC', {{ dbt.snowflake__current_timestamp_backcompat() }})::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_in_utc_backcompat() -%}
getdate()
{%- endmacro %}

{#- ----------------------------------------------------------------- last_day -#}
{#- The last day (a date) of the `datepart` period that contains `date`. -#}
{% macro last_day(date, datepart) -%}
  {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{%- endmacro %}

{#- Start of the period, plus one period, minus one day. -#}
{% macro default__last_day(date, datepart) -%}
cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{% macro snowflake__last_day(date, datepart) -%}
last_day({{ date }}, '{{ datepart }}')
{%- endmacro %}

{% macro bigquery__last_day(date, datepart) -%}
last_day(cast({{ date }} as date), {{ datepart }})
{%- endmacro %}

{% macro spark__last_day(date, datepart) -%}
{%- if datepart | lower == 'month' -%}
last_day({{ date }})
{%- else -%}
{{ dbt.default__last_day(date, datepart) }}
{%- endif -%}
{%- endmacro %}

{% macro mysql__last_day(date, datepart) -%}
{%- if datepart | lower == 'month' -%}
last_day({{ date }})
{%- else -%}
{{ dbt.default__last_day(date, datepart) }}
{%- endif -%}
{%- endmacro %}

{% macro trino__last_day(date, datepart) -%}
{%- if datepart | lower == 'month' -%}
last_day_of_month({{ date }})
{%- else -%}
{{ dbt.default__last_day(date, datepart) }}
{%- endif -%}
{%- endmacro %}

{#- SQLite casts text to a number when asked for `date`, so it stays with date(). -#}
{% macro sqlite__last_day(date, datepart) -%}
{%- set part = datepart | lower -%}
{%- if part == 'week' -%}
date({{ dbt.date_trunc('week', date) }}, '+6 day')
{%- elif part == 'quarter' -%}
date({{ dbt.date_trunc('quarter', date) }}, '+3 month', '-1 day')
{%- elif part in ['year', 'month'] -%}
date({{ dbt.date_trunc(part, date) }}, '+1 {{ part }}', '-1 day')
{%- else -%}
{{ exceptions.raise_compiler_error("last_day: datepart '" ~ datepart ~ "' is not supported on sqlite") }}
{%- endif -%}
{%- endmacro %}

{#- --------------------------------------------------------------------- date -#}
{#- A date literal from three numbers (checked as Python's datetime.date checks them). -#}
{% macro date(year, month, day) -%}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
to_date('{{ modules.datetime.date(year, month, day).strftime('%Y-%m-%d') }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro bigquery__date(year, month, day) -%}
date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

{% macro spark__date(year, month, day) -%}
to_date('{{ modules.datetime.date(year, month, day).strftime('%Y-%m-%d') }}', 'yyyy-MM-dd')
{%- endmacro %}

{% macro duckdb__date(year, month, day) -%}
make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}
