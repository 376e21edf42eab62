{#-
  dbtls builtin cross-database type macros (namespace `dbt`).

  Each returns the warehouse's name for a portable data type, for use in casts and DDL.
  Written for dbtls from the documented behaviour of dbt's cross-database type macros.
  MySQL can only cast to a few target types (char, signed, decimal, double, date, datetime),
  so its variants return those cast targets.
-#}

{#- ------------------------------------------------------------- type_string -#}
{% macro type_string() -%}
  {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_string() -%}
varchar
{%- endmacro %}

{% macro postgres__type_string() -%}
text
{%- endmacro %}

{#- Redshift's bare varchar (and text) hold only 256 bytes. -#}
{% macro redshift__type_string() -%}
varchar(65535)
{%- endmacro %}

{% macro bigquery__type_string() -%}
string
{%- endmacro %}

{% macro spark__type_string() -%}
string
{%- endmacro %}

{% macro mysql__type_string() -%}
char
{%- endmacro %}

{% macro sqlite__type_string() -%}
text
{%- endmacro %}

{#- ---------------------------------------------------------- type_timestamp -#}
{#- A timestamp without time zone. -#}
{% macro type_timestamp() -%}
  {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_timestamp() -%}
timestamp
{%- endmacro %}

{% macro snowflake__type_timestamp() -%}
timestamp_ntz
{%- endmacro %}

{% macro bigquery__type_timestamp() -%}
datetime
{%- endmacro %}

{% macro mysql__type_timestamp() -%}
datetime
{%- endmacro %}

{#- SQLite keeps dates and times as ISO-8601 text; a cast to "timestamp" would make a number. -#}
{% macro sqlite__type_timestamp() -%}
text
{%- endmacro %}

{#- -------------------------------------------------------------- type_float -#}
{#- A double-precision binary floating point number. -#}
{% macro type_float() -%}
  {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_float() -%}
float
{%- endmacro %}

{% macro postgres__type_float() -%}
double precision
{%- endmacro %}

{% macro duckdb__type_float() -%}
double
{%- endmacro %}

{% macro bigquery__type_float() -%}
float64
{%- endmacro %}

{% macro spark__type_float() -%}
double
{%- endmacro %}

{% macro trino__type_float() -%}
double
{%- endmacro %}

{% macro mysql__type_float() -%}
double
{%- endmacro %}

{% macro sqlite__type_float() -%}
real
{%- endmacro %}

{#- ------------------------------------------------------------ type_numeric -#}
{#- An exact decimal number. -#}
{% macro type_numeric() -%}
  {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_numeric() -%}
numeric(28, 6)
{%- endmacro %}

{% macro duckdb__type_numeric() -%}
decimal(28, 6)
{%- endmacro %}

{#- BigQuery's numeric has a fixed precision and scale (38, 9). -#}
{% macro bigquery__type_numeric() -%}
numeric
{%- endmacro %}

{% macro spark__type_numeric() -%}
decimal(28, 6)
{%- endmacro %}

{% macro trino__type_numeric() -%}
decimal(28, 6)
{%- endmacro %}

{% macro mysql__type_numeric() -%}
decimal(28, 6)
{%- endmacro %}

{% macro sqlite__type_numeric() -%}
numeric
{%- endmacro %}

{#- ------------------------------------------------------------- type_bigint -#}
{#- A 64-bit integer. -#}
{% macro type_bigint() -%}
  {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_bigint() -%}
bigint
{%- endmacro %}

{% macro bigquery__type_bigint() -%}
int64
{%- endmacro %}

{% macro mysql__type_bigint() -%}
signed
{%- endmacro %}

{% macro sqlite__type_bigint() -%}
integer
{%- endmacro %}

{#- ---------------------------------------------------------------- type_int -#}
{#- A 32-bit integer where the warehouse has one (BigQuery and SQLite only have 64 bits). -#}
{% macro type_int() -%}
  {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_int() -%}
integer
{%- endmacro %}

{% macro bigquery__type_int() -%}
int64
{%- endmacro %}

{% macro spark__type_int() -%}
int
{%- endmacro %}

{% macro mysql__type_int() -%}
signed
{%- endmacro %}

{#- ------------------------------------------------------------ type_boolean -#}
{% macro type_boolean() -%}
  {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_boolean() -%}
boolean
{%- endmacro %}

{% macro bigquery__type_boolean() -%}
bool
{%- endmacro %}

{#- MySQL has no boolean cast target; its booleans are the integers 1 and 0. -#}
{% macro mysql__type_boolean() -%}
signed
{%- endmacro %}

{% macro sqlite__type_boolean() -%}
integer
{%- endmacro %}
