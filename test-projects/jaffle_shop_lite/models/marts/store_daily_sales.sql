with sales as (

    select * from {{ ref('stg_sales') }}

),

stores as (

    select * from {{ ref('stg_stores') }}

)

select
    stores.store_id,
    stores.store_name,
    sales.sold_on,
    count(*) as sales,
    sum(case when sales.channel <> 'till' then 1 else 0 end) as online_sales,
    sum(sales.total) as revenue
from sales
join stores on stores.store_id = sales.store_id
group by stores.store_id, stores.store_name, sales.sold_on
