-- only built when the storefront's GraphQL API is the one in use
{{ config(enabled=(var('api', 'rest') == var('storefront_api', 'graphql'))) }}
select order_id, amount_cents from {{ ref('stg_orders') }}
