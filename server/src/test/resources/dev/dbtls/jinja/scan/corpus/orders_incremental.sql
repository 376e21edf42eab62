{{ config(
    materialized = 'incremental',
    unique_key = 'order_id',
    on_schema_change = 'append_new_columns',
    incremental_strategy = "delete+insert",
    partition_by = {'field': 'order_date', 'data_type': 'date', 'granularity': 'day'},
    cluster_by = none,
    full_refresh = False,
    batch_size = 10000,
    ratio = -0.5
) }}

select
    o.order_id,
    o.customer_id,
    c.segment,
    o.amount,
    current_timestamp as loaded_at
from {{ ref('stg_orders', v=2) }} as o
join {{ ref('crm', 'dim_customers') }} as c on c.customer_id = o.customer_id
left join {{ ref('fx_rates', version=1) }} as fx on fx.day = o.order_date

{% if is_incremental() %}
  -- only new rows since the last run
  where o.order_date > (select max(order_date) from {{ this }})
{% endif %}
