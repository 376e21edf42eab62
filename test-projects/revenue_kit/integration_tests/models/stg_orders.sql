select
    id as order_id,
    cast(ordered_at as {{ dbt.type_timestamp() }}) as ordered_at,
    amount_cents,
    {{ revenue_kit.as_label('status') }} as status
from {{ ref('raw_orders') }}
