-- BROKEN (node-duplicate): models/dupes/sales/accounts_summary.sql has the same model name.
select count(*) as accounts
from {{ ref('stg_accounts') }}
