{#- Keeps the history of each order's status: a new row whenever the status changes. -#}
{% snapshot orders_snapshot %}

{{
    config(
        target_schema='snapshots',
        unique_key='order_id',
        strategy='check',
        check_cols=['status', 'store_code'],
        invalidate_hard_deletes=true
    )
}}

select
    order_id,
    customer_id,
    store_code,
    status,
    ordered_at
from {{ ref('stg_orders') }}

{% endsnapshot %}
