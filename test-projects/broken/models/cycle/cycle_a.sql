-- BROKEN (dag-cycle): cycle_a refs cycle_b, and cycle_b refs cycle_a.
select account_id from {{ ref('cycle_b') }}
