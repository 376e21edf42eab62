-- BROKEN (node-duplicate): models/dupes/finance/accounts_summary.sql has the same model name.
select region, count(*) as accounts
from {{ ref('stg_accounts') }}
group by region
