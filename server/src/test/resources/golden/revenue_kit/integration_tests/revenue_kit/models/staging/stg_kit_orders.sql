-- Raw orders with every column the package expects, whatever the connector synced.
with base as (
    select * from "revenue_kit"."main"."raw_orders"
),

fields as (
    select
        
    id as order_id,
    ordered_at,
    amount_cents,
    cast(null as TEXT) as currency
    from base
)

select * from fields