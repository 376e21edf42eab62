{% set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}

with customers as (
    select * from {{ ref('stg_customers') }}
),

orders as (
    select * from {{ ref("stg_orders") }}
),

payments as (
    select * from {{ ref('stg_payments') }}
),

customer_payments as (
    select
        orders.customer_id,
        {% for method in payment_methods -%}
        sum(case when payments.payment_method = '{{ method }}' then payments.amount else 0 end)
            as {{ method }}_amount{{ "," if not loop.last }}
        {% endfor %}
    from payments
    left join orders on payments.order_id = orders.order_id
    group by 1
)

select
    customers.customer_id,
    customers.first_name,
    {#- total over every method -#}
    {% for method in payment_methods %}coalesce(customer_payments.{{ method }}_amount, 0){% if not loop.last %} + {% endif %}{% endfor %} as lifetime_value
from customers
left join customer_payments using (customer_id)
