{% macro grant_select(relation, roles=var('reader_roles', ['reporter'])) %}
  {%- set grantees = roles if roles is iterable and roles is not string else [roles] -%}
  {% set sql -%}
    {%- for role in grantees %}
    grant select on {{ relation }} to {{ adapter.quote(role) }};
    {%- endfor %}
  {%- endset %}
  {% if execute and env_var('DBT_GRANTS', 'on') == 'on' %}
    {% do run_query(sql) %}
    {{ log("granted select on " ~ relation ~ " to " ~ grantees | join(', '), info=True) }}
  {% endif %}
{% endmacro %}

{% macro show_template() %}
  {% raw %}
    {{ this is printed as is }} {% if not parsed %}
  {% endraw %}
  {% filter upper %}shouting {{ target.name }}{% endfilter %}
  {% with n = 3 %}{{ range(n) | list | length }}{% endwith %}
  {%- set parts = {"a": [1, 2.5, -3], 'b': none} -%}
  {% for k, v in parts.items() if v is not none %}{{ k }}={{ v }}{% else %}{% endfor %}
{% endmacro %}
