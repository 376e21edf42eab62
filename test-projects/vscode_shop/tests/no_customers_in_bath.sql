-- a singular data test that fails on purpose (Eve Moss lives in Bath): the Testing view's failure
select customer_id, full_name, city
from {{ ref('stg_customers') }}
where city = 'Bath'
