-- BROKEN (ref-unknown): no model, seed or snapshot is named `stg_acounts` (a typo of stg_accounts).
select account_id
from {{ ref('stg_acounts') }}
