-- the old order feed: dbt_project.yml enables this folder only with --vars use_legacy_orders,
-- and config() also needs legacy_feed_online
{{ config(enabled=(var('use_legacy_orders') and var('legacy_feed_online', false))) }}
select order_id, amount_cents from {{ ref('stg_orders') }}
