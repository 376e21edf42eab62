package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnHoverTest {
  private static Optional<HoverInfo> hover(String extra) {
    NavFixture f = NavFixture.with(extra);
    return Hover.find(f.snapshot(), f.file(), f.text(), f.offset());
  }

  @Test
  void aColumnOfARelationTheFileReads() {
    HoverInfo h =
        hover(
                """
        -- file: models/x.sql
        select i$0d from {{ ref('customers') }}
        """)
            .orElseThrow();
    assertEquals(
        "**column** `id` `integer` · model `customers` (`shop.main.customers`)\n\nThe key.",
        h.markdown());
    assertEquals(7, h.start());
    assertEquals(9, h.end());
  }

  @Test
  void aColumnEntryInPropertyYaml() {
    HoverInfo h =
        hover(
                """
        -- file: models/more.yml
        version: 2
        models:
          - name: stg_orders
            columns:
              - name: order_i$0d
                data_type: bigint
                description: One per order.
        """)
            .orElseThrow();
    assertEquals(
        "**column** `order_id` `bigint` · model `stg_orders` (`shop.main.stg_orders`)\n\nOne per order.",
        h.markdown());
  }

  @Test
  void nothingForAWordThatIsNoKnownColumnOrInsideJinja() {
    assertEquals(
        Optional.empty(),
        hover(
            """
        -- file: models/x.sql
        select nick$0name from {{ ref('customers') }}
        """));
    assertEquals(
        Optional.empty(),
        hover(
            """
        -- file: models/x.sql
        select {{ i$0d }} from {{ ref('customers') }}
        """));
    assertEquals(
        Optional.empty(),
        hover(
            """
        -- file: models/x.sql
        select 'i$0d' as s from {{ ref('customers') }}
        """));
    assertEquals(
        Optional.empty(),
        hover(
            """
        -- file: models/x.sql
        select 1 as s -- the i$0d
        from {{ ref('customers') }}
        """));
  }
}
