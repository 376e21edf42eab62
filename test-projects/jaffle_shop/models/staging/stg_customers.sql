with source as (

    select * from {{ ref('shop_customers') }}

),

renamed as (

    select
        customer_id,
        first_name,
        last_name,
        {{ dbt.concat(['first_name', "' '", 'last_name']) }} as full_name,
        lower(email) as email,
        {{ dbt.hash('lower(email)') }} as email_hash,
        {{ dbt.split_part('email', "'@'", 2) }} as email_domain,
        signed_up_on,
        upper(country_code) as country_code
    from source

)

select * from renamed
