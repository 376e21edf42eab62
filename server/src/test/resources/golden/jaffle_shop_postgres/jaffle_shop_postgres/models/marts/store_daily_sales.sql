with sales as (

    select * from "test"."dbtls_jaffle"."stg_sales"

),

stores as (

    select * from "test"."dbtls_jaffle"."stg_stores"

)

select
    stores.store_id,
    min(stores.store_name) as store_name,
    sales.sold_on,
    count(*) as sales,
    count(*) filter (where sales.channel <> 'till') as online_sales,
    sum(sales.total) as revenue,
    percentile_cont(0.5) within group (order by sales.total) as median_basket_value,
    string_agg(distinct sales.channel, ', ' order by sales.channel) as channels,
    (((sales.sold_on)::timestamp)::date - ((min(stores.opened_on))::timestamp)::date) as days_since_opening
from sales
join stores using (store_id)
group by stores.store_id, sales.sold_on