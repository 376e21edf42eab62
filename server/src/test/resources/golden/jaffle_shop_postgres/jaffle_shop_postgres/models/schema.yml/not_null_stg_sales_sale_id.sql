select sale_id
from "test"."dbtls_jaffle"."stg_sales"
where sale_id is null
