-- BROKEN (dag-cycle): cycle_b refs cycle_a, and cycle_a refs cycle_b.
select account_id from {{ ref('cycle_a') }}
