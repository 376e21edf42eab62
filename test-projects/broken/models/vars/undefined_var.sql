-- BROKEN (var-undefined): no var `fiscal_year_start` is defined and no default is given.
select account_id
from {{ ref('stg_accounts') }}
where opened_on >= cast('{{ var("fiscal_year_start") }}' as date)
