select
    store_id,
    store_name,
    country_code,
    opened_on::date as opened_on,
    split_part(store_name, ' ', 1) as city
from "test"."dbtls_jaffle"."pg_stores"