-- Raw orders with every column the package expects, whatever the connector synced.
with base as (
    select * from {{ source('kit_raw', 'orders') }}
),

fields as (
    select
        {{ revenue_kit.fill_staging_columns(
            source_columns=adapter.get_columns_in_relation(source('kit_raw', 'orders')),
            staging_columns=revenue_kit.kit_order_columns()) }}
    from base
)

select * from fields
