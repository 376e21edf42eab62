// Real answers of the server (server/target/dbtls.jar) to dbt/erd, recorded over LSP: the jar
// started as `java -jar dbtls.jar lsp` on a copy of test-projects/jaffle_shop in /tmp/erd-jaffle,
// with one line added to the copy's models/marts/_marts.yml so that both sources of a relationship
// appear: a foreign_key constraint on orders.customer_id (to: ref('stg_customers'), to_columns:
// [customer_id]). A small Node JSON-RPC script sent initialize with the folder, initialized, then
// the request above each constant; the JSON of each result is pasted as is.
import type { ErdResult } from '../../src/protocol.generated';

/** {"uri": ".../models/marts/orders.sql", "select": ["+orders+"], "maxNodes": 40} */
export const JAFFLE_ORDERS_FAMILY: ErdResult = {
  entities: [
    {
      nodeId: 'model.jaffle_shop.customers.v1',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/customers_v1.sql',
      selected: true,
      columns: [
        {
          name: 'customer_id',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'first_order_date',
        },
        {
          name: 'most_recent_order_date',
        },
        {
          name: 'number_of_orders',
        },
        {
          name: 'full_name',
          description: 'First and last name.',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.customers.v2',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/customers_v2.sql',
      selected: true,
      columns: [
        {
          name: 'customer_id',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'first_name',
        },
        {
          name: 'last_name',
        },
        {
          name: 'country_code',
        },
        {
          name: 'signed_up_on',
        },
        {
          name: 'first_order_date',
        },
        {
          name: 'most_recent_order_date',
        },
        {
          name: 'number_of_orders',
        },
        {
          name: 'lifetime_value',
          description:
            'Everything a customer has paid over all their orders, in euros, returned orders excluded.',
        },
        {
          name: 'average_order_value',
        },
        {
          name: 'days_to_first_order',
        },
        {
          name: 'has_returned_an_order',
        },
        {
          name: 'activity',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.order_payments',
      name: 'order_payments',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/order_payments.sql',
      selected: true,
      columns: [],
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      name: 'orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/orders.sql',
      selected: true,
      columns: [
        {
          name: 'order_id',
          type: 'integer',
          description: "The order's identifier, unique per order.",
        },
        {
          name: 'customer_id',
          type: 'integer',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'order_date',
          type: 'date',
        },
        {
          name: 'ordered_at',
          type: 'timestamp',
        },
        {
          name: 'store_code',
          type: 'varchar',
        },
        {
          name: 'status',
          type: 'varchar',
          description:
            'Where an order is in its life:\n\n| status         | meaning                                              |\n|----------------|------------------------------------------------------|\n| placed         | ordered, not yet paid or prepared                    |\n| shipped        | paid and handed to the courier                       |\n| completed      | delivered to the customer                            |\n| return_pending | the customer asked to return it; not yet received    |\n| returned       | returned and refunded                                |',
        },
        {
          name: 'is_returned',
          type: 'boolean',
        },
        {
          name: 'credit_card_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'gift_card_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'bank_transfer_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'coupon_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'amount',
          type: 'decimal(28,6)',
          description: 'Total paid for the order, in euros.',
        },
        {
          name: 'value_band',
          type: 'varchar',
          description: 'Band of the amount; see the `order_value_band` macro.',
        },
        {
          name: 'minutes_to_pay',
          type: 'bigint',
        },
        {
          name: 'customer_order_number',
          type: 'bigint',
          description: "1 for a customer's first order, 2 for their second, ...",
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.stg_orders',
      name: 'stg_orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/staging/stg_orders.sql',
      selected: true,
      columns: [
        {
          name: 'order_id',
          description: "The order's identifier, unique per order.",
        },
        {
          name: 'customer_id',
        },
        {
          name: 'status',
          description:
            'Where an order is in its life:\n\n| status         | meaning                                              |\n|----------------|------------------------------------------------------|\n| placed         | ordered, not yet paid or prepared                    |\n| shipped        | paid and handed to the courier                       |\n| completed      | delivered to the customer                            |\n| return_pending | the customer asked to return it; not yet received    |\n| returned       | returned and refunded                                |',
        },
        {
          name: 'store_code',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.stg_payments',
      name: 'stg_payments',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/staging/stg_payments.sql',
      selected: true,
      columns: [
        {
          name: 'payment_id',
        },
        {
          name: 'order_id',
        },
        {
          name: 'payment_method',
          description: 'How a payment was made: `credit_card`, `gift_card`, `bank_transfer` or `coupon`.',
        },
        {
          name: 'amount',
        },
      ],
    },
    {
      nodeId: 'seed.jaffle_shop.shop_orders',
      name: 'shop_orders',
      resourceType: 'seed',
      uri: 'file:///tmp/erd-jaffle/seeds/shop_orders.csv',
      selected: true,
      columns: [],
    },
    {
      nodeId: 'source.jaffle_shop.shop_raw.shop_payments',
      name: 'shop_payments',
      resourceType: 'source',
      uri: 'file:///tmp/erd-jaffle/models/staging/_staging.yml',
      selected: true,
      columns: [
        {
          name: 'payment_id',
        },
        {
          name: 'amount_cents',
          description: 'Amount paid, in euro cents.',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.stg_customers',
      name: 'stg_customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/staging/stg_customers.sql',
      selected: false,
      columns: [],
    },
  ],
  relationships: [
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'customer_id',
      source: 'relationships_test',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.stg_customers',
      toColumn: 'customer_id',
      source: 'relationships_test',
    },
    {
      fromNode: 'model.jaffle_shop.stg_payments',
      fromColumn: 'order_id',
      toNode: 'model.jaffle_shop.stg_orders',
      toColumn: 'order_id',
      source: 'relationships_test',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.stg_customers',
      toColumn: 'customer_id',
      source: 'foreign_key_constraint',
    },
  ],
  truncated: false,
};

/** {"select": ["orders"]} (sent after the first, once the project had loaded) */
export const JAFFLE_ORDERS_NO_URI: ErdResult = {
  entities: [
    {
      nodeId: 'model.jaffle_shop.orders',
      name: 'orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/orders.sql',
      selected: true,
      columns: [
        {
          name: 'order_id',
          type: 'integer',
          description: "The order's identifier, unique per order.",
        },
        {
          name: 'customer_id',
          type: 'integer',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'order_date',
          type: 'date',
        },
        {
          name: 'ordered_at',
          type: 'timestamp',
        },
        {
          name: 'store_code',
          type: 'varchar',
        },
        {
          name: 'status',
          type: 'varchar',
          description:
            'Where an order is in its life:\n\n| status         | meaning                                              |\n|----------------|------------------------------------------------------|\n| placed         | ordered, not yet paid or prepared                    |\n| shipped        | paid and handed to the courier                       |\n| completed      | delivered to the customer                            |\n| return_pending | the customer asked to return it; not yet received    |\n| returned       | returned and refunded                                |',
        },
        {
          name: 'is_returned',
          type: 'boolean',
        },
        {
          name: 'credit_card_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'gift_card_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'bank_transfer_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'coupon_amount',
          type: 'decimal(28,6)',
        },
        {
          name: 'amount',
          type: 'decimal(28,6)',
          description: 'Total paid for the order, in euros.',
        },
        {
          name: 'value_band',
          type: 'varchar',
          description: 'Band of the amount; see the `order_value_band` macro.',
        },
        {
          name: 'minutes_to_pay',
          type: 'bigint',
        },
        {
          name: 'customer_order_number',
          type: 'bigint',
          description: "1 for a customer's first order, 2 for their second, ...",
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.customers.v2',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/customers_v2.sql',
      selected: false,
      columns: [],
    },
    {
      nodeId: 'model.jaffle_shop.stg_customers',
      name: 'stg_customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/staging/stg_customers.sql',
      selected: false,
      columns: [],
    },
  ],
  relationships: [
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'customer_id',
      source: 'relationships_test',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.stg_customers',
      toColumn: 'customer_id',
      source: 'foreign_key_constraint',
    },
  ],
  truncated: false,
};

/** {"uri": ".../models/marts/orders.sql", "select": ["+nope+"], "maxNodes": 40} */
export const JAFFLE_NOTHING_SELECTED: ErdResult = {
  entities: [],
  relationships: [],
  truncated: false,
};

/** {"uri": ".../models/marts/orders.sql", "select": ["+orders+"], "maxNodes": 3} */
export const JAFFLE_TRUNCATED: ErdResult = {
  entities: [
    {
      nodeId: 'model.jaffle_shop.customers.v1',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/customers_v1.sql',
      selected: true,
      columns: [
        {
          name: 'customer_id',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'first_order_date',
        },
        {
          name: 'most_recent_order_date',
        },
        {
          name: 'number_of_orders',
        },
        {
          name: 'full_name',
          description: 'First and last name.',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.customers.v2',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/customers_v2.sql',
      selected: true,
      columns: [
        {
          name: 'customer_id',
          description: "The customer's identifier, unique per customer, assigned when they sign up.",
        },
        {
          name: 'first_name',
        },
        {
          name: 'last_name',
        },
        {
          name: 'country_code',
        },
        {
          name: 'signed_up_on',
        },
        {
          name: 'first_order_date',
        },
        {
          name: 'most_recent_order_date',
        },
        {
          name: 'number_of_orders',
        },
        {
          name: 'lifetime_value',
          description:
            'Everything a customer has paid over all their orders, in euros, returned orders excluded.',
        },
        {
          name: 'average_order_value',
        },
        {
          name: 'days_to_first_order',
        },
        {
          name: 'has_returned_an_order',
        },
        {
          name: 'activity',
        },
      ],
    },
    {
      nodeId: 'model.jaffle_shop.order_payments',
      name: 'order_payments',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/order_payments.sql',
      selected: true,
      columns: [],
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      name: 'orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-jaffle/models/marts/orders.sql',
      selected: false,
      columns: [],
    },
  ],
  relationships: [
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'customer_id',
      source: 'relationships_test',
    },
  ],
  truncated: true,
};

// Recorded the same way from a project of our own in /tmp/erd-wh (five models on a DuckDB file,
// wh.duckdb, whose tables dbt would have built, with foreign keys declared in DuckDB: orders ->
// customers, order_items -> orders and products, shipments (order_id, product_id) -> order_items,
// a composite key; the YAML declares a relationships test on orders.customer_id and a foreign_key
// constraint on order_items.product_id, which the warehouse's keys confirm).
/** {"uri": ".../models/orders.sql", "select": ["+orders+"], "maxNodes": 40} */
export const SHOP_WAREHOUSE_KEYS: ErdResult = {
  entities: [
    {
      nodeId: 'model.shop.customers',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-wh/models/customers.sql',
      selected: true,
      columns: [
        {
          name: 'id',
          type: 'integer',
        },
        {
          name: 'name',
          type: 'varchar',
        },
      ],
    },
    {
      nodeId: 'model.shop.order_items',
      name: 'order_items',
      resourceType: 'model',
      uri: 'file:///tmp/erd-wh/models/order_items.sql',
      selected: true,
      columns: [
        {
          name: 'order_id',
          type: 'integer',
        },
        {
          name: 'product_id',
          type: 'integer',
        },
        {
          name: 'quantity',
          type: 'integer',
        },
      ],
    },
    {
      nodeId: 'model.shop.orders',
      name: 'orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-wh/models/orders.sql',
      selected: true,
      columns: [
        {
          name: 'id',
          type: 'integer',
        },
        {
          name: 'customer_id',
          type: 'integer',
        },
        {
          name: 'ordered_at',
        },
      ],
    },
    {
      nodeId: 'model.shop.shipments',
      name: 'shipments',
      resourceType: 'model',
      uri: 'file:///tmp/erd-wh/models/shipments.sql',
      selected: true,
      columns: [
        {
          name: 'order_id',
          type: 'integer',
        },
        {
          name: 'product_id',
          type: 'integer',
        },
        {
          name: 'shipped_at',
        },
      ],
    },
    {
      nodeId: 'model.shop.products',
      name: 'products',
      resourceType: 'model',
      uri: 'file:///tmp/erd-wh/models/products.sql',
      selected: false,
      columns: [],
    },
  ],
  relationships: [
    {
      fromNode: 'model.shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.shop.customers',
      toColumn: 'id',
      source: 'relationships_test',
      sources: ['relationships_test', 'warehouse_foreign_key'],
      constraint: 'orders_customer_id_id_fkey',
    },
    {
      fromNode: 'model.shop.order_items',
      fromColumn: 'product_id',
      toNode: 'model.shop.products',
      toColumn: 'id',
      source: 'foreign_key_constraint',
      sources: ['foreign_key_constraint', 'warehouse_foreign_key'],
      constraint: 'order_items_product_id_id_fkey',
    },
    {
      fromNode: 'model.shop.order_items',
      fromColumn: 'order_id',
      toNode: 'model.shop.orders',
      toColumn: 'id',
      source: 'warehouse_foreign_key',
      sources: ['warehouse_foreign_key'],
      constraint: 'order_items_order_id_id_fkey',
    },
    {
      fromNode: 'model.shop.shipments',
      fromColumn: 'order_id',
      toNode: 'model.shop.order_items',
      toColumn: 'order_id',
      source: 'warehouse_foreign_key',
      sources: ['warehouse_foreign_key'],
      constraint: 'shipments_order_id_product_id_order_id_product_id_fkey',
    },
    {
      fromNode: 'model.shop.shipments',
      fromColumn: 'product_id',
      toNode: 'model.shop.order_items',
      toColumn: 'product_id',
      source: 'warehouse_foreign_key',
      sources: ['warehouse_foreign_key'],
      constraint: 'shipments_order_id_product_id_order_id_product_id_fkey',
    },
  ],
  truncated: false,
};

// The same project with a PostgreSQL profile on a port where nothing listens (/tmp/erd-down).
/** {"uri": ".../models/orders.sql", "select": ["orders"]} */
export const SHOP_WAREHOUSE_DOWN: ErdResult = {
  message:
    "warehouse foreign keys not read: cannot connect to postgres target 'dev' at 127.0.0.1:1: connection refused",
  entities: [
    {
      nodeId: 'model.shop.orders',
      name: 'orders',
      resourceType: 'model',
      uri: 'file:///tmp/erd-down/models/orders.sql',
      selected: true,
      columns: [
        {
          name: 'id',
        },
        {
          name: 'customer_id',
        },
      ],
    },
    {
      nodeId: 'model.shop.customers',
      name: 'customers',
      resourceType: 'model',
      uri: 'file:///tmp/erd-down/models/customers.sql',
      selected: false,
      columns: [],
    },
  ],
  relationships: [
    {
      fromNode: 'model.shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.shop.customers',
      toColumn: 'id',
      source: 'relationships_test',
      sources: ['relationships_test'],
    },
  ],
  truncated: false,
};
