{% materialization my_table, adapter='duckdb' %}
  {%- set identifier = model['alias'] -%}
  {%- set target_relation = api.Relation.create(identifier=identifier,
                                                schema=schema,
                                                database=database,
                                                type='table') -%}
  {%- set existing = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}

  {% if existing is not none %}
    {% do adapter.drop_relation(existing) %}
  {% endif %}

  {% call statement('main') -%}
    create table {{ target_relation }} as (
      {{ sql }}
    )
  {%- endcall %}

  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {% do persist_docs(target_relation, model) %}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
