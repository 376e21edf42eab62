package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns a model's SQL selects, read without rendering. */
class SelectedColumnsTest {

  @Test
  void aliasesNamesAndQualifiedNames() {
    assertEquals(
        List.of("order_id", "customer_id", "amount", "status", "Order Date", "n", "is_big"),
        SelectedColumns.of(
            """
        {{ config(materialized='table') }}
        select distinct
            o.id as order_id,
            o.customer_id,
            {{ cents_to_dollars('amount_cents') }} as amount,
            status,  -- a comment, with a comma
            "Order Date",
            count(*) over (partition by o.customer_id order by o.id) n,
            case when amount > 100 then true else false end as is_big,
            case when x then 1 end,
            a + b,
            'literal',
            42
        from {{ ref('stg_orders') }} o
        where o.id > 0
        """));
  }

  @Test
  void selectStarOfACteFollowsIt() {
    assertEquals(
        List.of("customer_id", "first_order", "number_of_orders"),
        SelectedColumns.of(
            """
        with customers as (
            select * from {{ ref('stg_customers') }}
        ),
        orders as (
            select customer_id, min(ordered_at) as first_order, count(*) as number_of_orders
            from {{ ref('stg_orders') }}
            group by 1
        ),
        final as (
            select orders.* from customers join orders using (customer_id)
        )
        select * from final
        """));
    // a star of a ref: the parent's columns, not known here
    assertEquals(List.of(), SelectedColumns.of("select * from {{ ref('a') }}"));
    assertEquals(List.of("x"), SelectedColumns.of("select 1 as x union all select 2 as y"));
  }

  @Test
  void aStringRunsAcrossJinjaAndANameMayHoldADollar() {
    // one lexer for template SQL (SqlTokens): '{{ var("x") }}' is one string, as everywhere else
    assertEquals(
        List.of("label", "amount$usd", "status"),
        SelectedColumns.of(
            """
        select '{{ var("label") }}' as label, amount$usd, status
        from {{ ref('orders') }}
        """));
  }

  @Test
  void cteDefinitionsAreReadAsEverywhereElse() {
    // one CTE reader (Ctes): column lists and `as [not] materialized` define CTEs here too
    assertEquals(
        List.of("x", "y"),
        SelectedColumns.of(
            """
        with a as materialized (select x, y from {{ ref('t') }}),
        b (p, q) as (select 1, 2)
        select * from a
        """));
  }

  @Test
  void neverThrowsOnHalfTypedSql() {
    String sql = "with a as (select x, from b), c as ( select * from a where ( select \"q from ";
    for (int i = 0; i <= sql.length(); i++) {
      assertNotNull(SelectedColumns.read(sql.substring(0, i)));
    }
    assertEquals(List.of("x"), SelectedColumns.of("with a as (select x from b) select * from a"));
  }
}
