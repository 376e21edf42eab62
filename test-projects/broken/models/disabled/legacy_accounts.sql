-- Disabled on purpose; models/disabled/uses_legacy_accounts.sql still refs it.
{{ config(enabled=false) }}
select account_id, account_name from {{ ref('stg_accounts') }}
