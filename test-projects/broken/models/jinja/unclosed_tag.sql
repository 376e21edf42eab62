{# BROKEN (jinja-syntax): the set tag opened on line 3 is never closed. #}
select
    {% set threshold = 10
    account_id
from {{ ref('stg_accounts') }}
