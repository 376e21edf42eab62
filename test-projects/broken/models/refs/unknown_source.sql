-- BROKEN (source-unknown): source `crm` exists but has no table `raw_contacts`.
select *
from {{ source('crm', 'raw_contacts') }}
