select
    customer_id,
    full_name,
    city,
    cast(signed_up_on as date) as signed_up_on
from {{ ref('raw_customers') }}
