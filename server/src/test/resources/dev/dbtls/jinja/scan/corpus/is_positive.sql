{% test is_positive(model, column_name, allow_zero=false) %}
{# Fails for every row where the column is negative (or zero unless allowed). #}
select *
from {{ model }}
where {{ column_name }} {{ '<' if allow_zero else '<=' }} 0
{% endtest %}
