with source as (

    select * from "jaffle_shop"."main_raw"."shop_customers"

),

renamed as (

    select
        customer_id,
        first_name,
        last_name,
        first_name || ' ' || last_name as full_name,
        lower(email) as email,
        md5(cast(lower(email) as TEXT)) as email_hash,
        split_part(email, '@', 2) as email_domain,
        signed_up_on,
        upper(country_code) as country_code
    from source

)

select * from renamed