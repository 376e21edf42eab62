-- BROKEN (ref-disabled): legacy_accounts exists but is disabled with enabled=false.
select *
from {{ ref('legacy_accounts') }}
