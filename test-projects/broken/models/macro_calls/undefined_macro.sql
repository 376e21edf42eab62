-- BROKEN (undefined-macro): no macro `cents_to_euros` exists in this project, its packages or dbt.
select
    account_id,
    {{ cents_to_euros('account_id') }} as not_money
from {{ ref('stg_accounts') }}
