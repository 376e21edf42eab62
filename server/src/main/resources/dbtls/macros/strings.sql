{#-
  dbtls builtin cross-database string macros (namespace `dbt`).

  Written for dbtls from the documented behaviour of dbt's cross-database macros. Arguments are
  SQL expressions (column names, quoted literals) unless a macro says otherwise.
-#}

{#- ----------------------------------------------------------------- concat -#}
{#- Concatenates a list of SQL expressions. -#}
{% macro concat(fields) -%}
  {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
concat({{ fields | join(', ') }})
{%- endmacro %}

{% macro postgres__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{% macro duckdb__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{% macro sqlite__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{% macro trino__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{#- ------------------------------------------------------------------- hash -#}
{#- The md5 of the expression's text, as 32 lower-case hex characters. -#}
{% macro hash(field) -%}
  {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{% macro bigquery__hash(field) -%}
to_hex(md5(cast({{ field }} as {{ dbt.type_string() }})))
{%- endmacro %}

{% macro trino__hash(field) -%}
lower(to_hex(md5(to_utf8(cast({{ field }} as {{ dbt.type_string() }})))))
{%- endmacro %}

{#- MySQL casts to char, not to its TEXT column type. -#}
{% macro mysql__hash(field) -%}
md5(cast({{ field }} as char))
{%- endmacro %}

{#- SQLite has no built-in md5: as dbt-sqlite, this relies on an md5 function the connection
    loads (dbt-sqlite's crypto extension), and gives null for null. -#}
{% macro sqlite__hash(field) -%}
case when {{ field }} is not null then lower(hex(md5(cast({{ field }} as {{ api.Column.translate_type('string') }})))) end
{%- endmacro %}

{#- -------------------------------------------------------------- safe_cast -#}
{#- Casts, giving null instead of an error where the warehouse can. -#}
{% macro safe_cast(field, type) -%}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro duckdb__safe_cast(field, type) -%}
try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- Snowflake's try_cast only accepts text input, so the value goes through varchar first. -#}
{% macro snowflake__safe_cast(field, type) -%}
try_cast(cast({{ field }} as varchar) as {{ type }})
{%- endmacro %}

{% macro bigquery__safe_cast(field, type) -%}
safe_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro spark__safe_cast(field, type) -%}
try_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro trino__safe_cast(field, type) -%}
try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- ------------------------------------------------------------- split_part -#}
{#- The part_number-th piece (1-based) of string_text split on delimiter_text. -#}
{% macro split_part(string_text, delimiter_text, part_number) -%}
  {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{% macro bigquery__split_part(string_text, delimiter_text, part_number) -%}
split({{ string_text }}, {{ delimiter_text }})[safe_offset({{ part_number }} - 1)]
{%- endmacro %}

{#- substring_index keeps everything before the n-th delimiter; the outer call keeps its last
    piece. Past the last delimiter MySQL returns the last piece rather than ''. -#}
{% macro mysql__split_part(string_text, delimiter_text, part_number) -%}
substring_index(substring_index({{ string_text }}, {{ delimiter_text }}, {{ part_number }}), {{ delimiter_text }}, -1)
{%- endmacro %}

{#- SQLite has no split function: for a literal part number the macro peels off one piece
    per step with instr/substr. Past the last delimiter the result is ''. -#}
{% macro sqlite__split_part(string_text, delimiter_text, part_number) -%}
{%- set n = part_number | int(0) -%}
{%- if n < 1 or (n | string) != (part_number | string | trim) -%}
{#- not a literal: the plain split_part call dbt-sqlite writes (it needs a split_part function) -#}
{{ return(dbt.default__split_part(string_text, delimiter_text, part_number)) }}
{%- endif -%}
{#- rests[k] is string_text without its first k pieces -#}
{%- set rests = [string_text] -%}
{%- for _ in range(n - 1) -%}
{%- set prev = rests | last -%}
{%- do rests.append('substr(' ~ prev ~ ', instr(' ~ prev ~ ' || ' ~ delimiter_text ~ ', ' ~ delimiter_text ~ ') + length(' ~ delimiter_text ~ '))') -%}
{%- endfor -%}
{%- set rest = rests | last -%}
substr({{ rest }}, 1, instr({{ rest }} || {{ delimiter_text }}, {{ delimiter_text }}) - 1)
{%- endmacro %}

{#- ------------------------------------------------------ escape_single_quotes -#}
{#- Escapes single quotes in a Jinja string so it can sit inside a SQL string literal. -#}
{% macro escape_single_quotes(expression) -%}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
{{ expression | replace("'", "''") }}
{%- endmacro %}

{% macro bigquery__escape_single_quotes(expression) -%}
{{ expression | replace("'", "\\'") }}
{%- endmacro %}

{% macro spark__escape_single_quotes(expression) -%}
{{ expression | replace("'", "\\'") }}
{%- endmacro %}

{#- ---------------------------------------------------------- string_literal -#}
{#- A SQL string literal holding the Jinja value. -#}
{% macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
'{{ dbt.escape_single_quotes(value | string) }}'
{%- endmacro %}

{#- ---------------------------------------------------------- cast_bool_to_text -#}
{#- A boolean as the text 'true' or 'false' (null stays null). -#}
{% macro cast_bool_to_text(field) -%}
  {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) -%}
cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}

{#- MySQL and SQLite booleans are the integers 1 and 0. -#}
{% macro mysql__cast_bool_to_text(field) -%}
case when {{ field }} is null then null when {{ field }} then 'true' else 'false' end
{%- endmacro %}

{% macro sqlite__cast_bool_to_text(field) -%}
case when {{ field }} is null then null when {{ field }} then 'true' else 'false' end
{%- endmacro %}

{#- ------------------------------------------------------------------- right -#}
{#- The last length_expression characters of string_text. -#}
{% macro right(string_text, length_expression) -%}
  {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
right({{ string_text }}, {{ length_expression }})
{%- endmacro %}

{#- Start position clamped to 1; a length of 0 starts past the end and yields ''. -#}
{% macro sqlite__right(string_text, length_expression) -%}
substr({{ string_text }}, max(length({{ string_text }}) - ({{ length_expression }}) + 1, 1))
{%- endmacro %}

{% macro trino__right(string_text, length_expression) -%}
substr({{ string_text }}, greatest(length({{ string_text }}) - ({{ length_expression }}) + 1, 1))
{%- endmacro %}

{#- ------------------------------------------------------------------ length -#}
{#- Number of characters (not bytes). -#}
{% macro length(expression) -%}
  {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__length(expression) -%}
length({{ expression }})
{%- endmacro %}

{% macro mysql__length(expression) -%}
char_length({{ expression }})
{%- endmacro %}

{#- ---------------------------------------------------------------- position -#}
{#- 1-based position of substring_text in string_text, 0 when absent. -#}
{% macro position(substring_text, string_text) -%}
  {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}

{% macro default__position(substring_text, string_text) -%}
position({{ substring_text }} in {{ string_text }})
{%- endmacro %}

{% macro bigquery__position(substring_text, string_text) -%}
strpos({{ string_text }}, {{ substring_text }})
{%- endmacro %}

{% macro spark__position(substring_text, string_text) -%}
locate({{ substring_text }}, {{ string_text }})
{%- endmacro %}

{% macro sqlite__position(substring_text, string_text) -%}
instr({{ string_text }}, {{ substring_text }})
{%- endmacro %}

{#- ----------------------------------------------------------------- replace -#}
{#- Replaces every occurrence of old_chars in field with new_chars. -#}
{% macro replace(field, old_chars, new_chars) -%}
  {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}
