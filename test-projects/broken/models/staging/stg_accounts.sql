-- Healthy model: the others ref it.
select
    account_id,
    account_name,
    region,
    cast(opened_on as date) as opened_on
from {{ source('crm', 'raw_accounts') }}
where region = '{{ var("region") }}'
