{# BROKEN (jinja-syntax): the if block opened on line 5 is never ended (no endif). #}
select
    account_id,
    account_name
    {% if var('region') == 'EU' %}
    , 'gdpr' as privacy_regime
from {{ ref('stg_accounts') }}
