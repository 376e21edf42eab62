select store_id
from "test"."dbtls_jaffle"."stg_stores"
where store_id is null
