// Real answers of the server (server/target/dbtls.jar) to dbt/columnLineage, recorded over LSP:
// the jar started as `java -jar dbtls.jar lsp` on copies of test-projects/jaffle_shop and
// test-projects/vscode_shop in /tmp/vsc-rec (initialize with the folder, then the request
// below each constant), the JSON of each result pasted as is.
import type { ColumnLineageResult } from '../../src/protocol.generated';

/** {"uri": ".../jaffle_shop/models/marts/customers_v2.sql", "column": "lifetime_value"} */
export const JAFFLE_LIFETIME_VALUE: ColumnLineageResult = {
  nodeId: 'model.jaffle_shop.customers.v2',
  column: 'lifetime_value',
  columns: [
    {
      nodeId: 'model.jaffle_shop.customers.v2',
      column: 'lifetime_value',
      resourceType: 'model',
      nodeName: 'customers',
      description:
        'Everything a customer has paid over all their orders, in euros, returned orders excluded.',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/customers_v2.sql',
      range: {
        start: {
          line: 46,
          character: 8,
        },
        end: {
          line: 46,
          character: 69,
        },
      },
      depth: 0,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      column: 'is_returned',
      resourceType: 'model',
      nodeName: 'orders',
      type: 'boolean',
      typeOrigin: 'yaml',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/_marts.yml',
      range: {
        start: {
          line: 46,
          character: 8,
        },
        end: {
          line: 48,
          character: 6,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      column: 'amount',
      resourceType: 'model',
      nodeName: 'orders',
      type: 'decimal(28,6)',
      typeOrigin: 'yaml',
      description: 'Total paid for the order, in euros.',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/orders.sql',
      range: {
        start: {
          line: 33,
          character: 8,
        },
        end: {
          line: 33,
          character: 86,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      column: 'customer_id',
      resourceType: 'model',
      nodeName: 'orders',
      type: 'integer',
      typeOrigin: 'yaml',
      description: "The customer's identifier, unique per customer, assigned when they sign up.",
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/_marts.yml',
      range: {
        start: {
          line: 23,
          character: 8,
        },
        end: {
          line: 32,
          character: 6,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.stg_customers',
      column: 'customer_id',
      resourceType: 'model',
      nodeName: 'stg_customers',
      description: "The customer's identifier, unique per customer, assigned when they sign up.",
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/_staging.yml',
      range: {
        start: {
          line: 28,
          character: 8,
        },
        end: {
          line: 33,
          character: 6,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.stg_orders',
      column: 'is_returned',
      resourceType: 'model',
      nodeName: 'stg_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/stg_orders.sql',
      range: {
        start: {
          line: 17,
          character: 8,
        },
        end: {
          line: 17,
          character: 63,
        },
      },
      depth: -2,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.stg_payments',
      column: 'order_id',
      resourceType: 'model',
      nodeName: 'stg_payments',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/stg_payments.sql',
      range: {
        start: {
          line: 10,
          character: 8,
        },
        end: {
          line: 10,
          character: 16,
        },
      },
      depth: -2,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.stg_orders',
      column: 'order_id',
      resourceType: 'model',
      nodeName: 'stg_orders',
      description: "The order's identifier, unique per order.",
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/_staging.yml',
      range: {
        start: {
          line: 50,
          character: 8,
        },
        end: {
          line: 55,
          character: 6,
        },
      },
      depth: -2,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.stg_payments',
      column: 'amount',
      resourceType: 'model',
      nodeName: 'stg_payments',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/stg_payments.sql',
      range: {
        start: {
          line: 13,
          character: 8,
        },
        end: {
          line: 13,
          character: 69,
        },
      },
      depth: -2,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.jaffle_shop.shop_orders',
      column: 'status',
      resourceType: 'seed',
      nodeName: 'shop_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/seeds/shop_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -3,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.jaffle_shop.shop_orders',
      column: 'ordered_at',
      resourceType: 'seed',
      nodeName: 'shop_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/seeds/shop_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -3,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'source.jaffle_shop.shop_raw.shop_payments',
      column: 'amount_cents',
      resourceType: 'source',
      nodeName: 'shop_payments',
      description: 'Amount paid, in euro cents.',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/_staging.yml',
      depth: -3,
      nodeColumnsComplete: false,
    },
  ],
  edges: [
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'is_returned',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'lifetime_value',
      kind: 'aggregated',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'amount',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'lifetime_value',
      kind: 'aggregated',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'lifetime_value',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_customers',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      toColumn: 'lifetime_value',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'is_returned',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'is_returned',
      kind: 'passed_through',
    },
    {
      fromNode: 'model.jaffle_shop.stg_payments',
      fromColumn: 'order_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'is_returned',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'order_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'is_returned',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_payments',
      fromColumn: 'amount',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'amount',
      kind: 'aggregated',
    },
    {
      fromNode: 'model.jaffle_shop.stg_payments',
      fromColumn: 'order_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'amount',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'order_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'amount',
      kind: 'filter_join',
    },
    {
      fromNode: 'seed.jaffle_shop.shop_orders',
      fromColumn: 'status',
      toNode: 'model.jaffle_shop.stg_orders',
      toColumn: 'is_returned',
      kind: 'computed',
    },
    {
      fromNode: 'seed.jaffle_shop.shop_orders',
      fromColumn: 'ordered_at',
      toNode: 'model.jaffle_shop.stg_orders',
      toColumn: 'is_returned',
      kind: 'filter_join',
    },
    {
      fromNode: 'source.jaffle_shop.shop_raw.shop_payments',
      fromColumn: 'amount_cents',
      toNode: 'model.jaffle_shop.stg_payments',
      toColumn: 'amount',
      kind: 'computed',
    },
  ],
  notes: [],
  truncated: false,
};

/** {"uri": ".../jaffle_shop/models/staging/stg_orders.sql", "column": "customer_id"} */
export const JAFFLE_STG_ORDERS_CUSTOMER_ID: ColumnLineageResult = {
  nodeId: 'model.jaffle_shop.stg_orders',
  column: 'customer_id',
  columns: [
    {
      nodeId: 'model.jaffle_shop.stg_orders',
      column: 'customer_id',
      resourceType: 'model',
      nodeName: 'stg_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/staging/_staging.yml',
      range: {
        start: {
          line: 55,
          character: 8,
        },
        end: {
          line: 62,
          character: 6,
        },
      },
      depth: 0,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.jaffle_shop.shop_orders',
      column: 'customer_id',
      resourceType: 'seed',
      nodeName: 'shop_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/seeds/shop_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.jaffle_shop.shop_orders',
      column: 'ordered_at',
      resourceType: 'seed',
      nodeName: 'shop_orders',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/seeds/shop_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      column: 'customer_id',
      resourceType: 'model',
      nodeName: 'orders',
      type: 'integer',
      typeOrigin: 'yaml',
      description: "The customer's identifier, unique per customer, assigned when they sign up.",
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/_marts.yml',
      range: {
        start: {
          line: 23,
          character: 8,
        },
        end: {
          line: 32,
          character: 6,
        },
      },
      depth: 1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.orders',
      column: 'customer_order_number',
      resourceType: 'model',
      nodeName: 'orders',
      type: 'bigint',
      typeOrigin: 'yaml',
      description: "1 for a customer's first order, 2 for their second, ...",
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/orders.sql',
      range: {
        start: {
          line: 36,
          character: 8,
        },
        end: {
          line: 39,
          character: 62,
        },
      },
      depth: 1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'snapshot.jaffle_shop.orders_snapshot',
      column: 'customer_id',
      resourceType: 'snapshot',
      nodeName: 'orders_snapshot',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/snapshots/orders_snapshot.sql',
      depth: 1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.customers.v1',
      resourceType: 'model',
      nodeName: 'customers',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/customers_v1.sql',
      depth: 2,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.jaffle_shop.customers.v2',
      resourceType: 'model',
      nodeName: 'customers',
      uri: 'file:///tmp/vsc-rec/jaffle_shop/models/marts/customers_v2.sql',
      depth: 2,
      nodeColumnsComplete: true,
    },
  ],
  edges: [
    {
      fromNode: 'seed.jaffle_shop.shop_orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.stg_orders',
      toColumn: 'customer_id',
      kind: 'passed_through',
    },
    {
      fromNode: 'seed.jaffle_shop.shop_orders',
      fromColumn: 'ordered_at',
      toNode: 'model.jaffle_shop.stg_orders',
      toColumn: 'customer_id',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'customer_id',
      kind: 'passed_through',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.orders',
      toColumn: 'customer_order_number',
      kind: 'computed',
    },
    {
      fromNode: 'model.jaffle_shop.stg_orders',
      fromColumn: 'customer_id',
      toNode: 'snapshot.jaffle_shop.orders_snapshot',
      toColumn: 'customer_id',
      kind: 'passed_through',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v1',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.jaffle_shop.orders',
      fromColumn: 'customer_id',
      toNode: 'model.jaffle_shop.customers.v2',
      kind: 'filter_join',
    },
  ],
  notes: [],
  truncated: false,
};

/** {"uri": ".../vscode_shop/models/staging/stg_orders.sql", "column": "amount"} */
export const SHOP_STG_ORDERS_AMOUNT: ColumnLineageResult = {
  nodeId: 'model.vscode_shop.stg_orders',
  column: 'amount',
  columns: [
    {
      nodeId: 'model.vscode_shop.stg_orders',
      column: 'amount',
      resourceType: 'model',
      nodeName: 'stg_orders',
      type: 'decimal (10, 2)',
      typeOrigin: 'sql',
      uri: 'file:///tmp/vsc-rec/vscode_shop/models/staging/stg_orders.sql',
      range: {
        start: {
          line: 5,
          character: 4,
        },
        end: {
          line: 5,
          character: 44,
        },
      },
      depth: 0,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.vscode_shop.raw_orders',
      column: 'amount',
      resourceType: 'seed',
      nodeName: 'raw_orders',
      uri: 'file:///tmp/vsc-rec/vscode_shop/seeds/raw_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'seed.vscode_shop.raw_orders',
      column: 'status',
      resourceType: 'seed',
      nodeName: 'raw_orders',
      uri: 'file:///tmp/vsc-rec/vscode_shop/seeds/raw_orders.csv',
      range: {
        start: {
          line: 0,
          character: 0,
        },
        end: {
          line: 0,
          character: 0,
        },
      },
      depth: -1,
      nodeColumnsComplete: true,
    },
    {
      nodeId: 'model.vscode_shop.customers',
      column: 'lifetime_value',
      resourceType: 'model',
      nodeName: 'customers',
      description: "Sum of the amounts of the customer's orders.",
      uri: 'file:///tmp/vsc-rec/vscode_shop/models/marts/customers.sql',
      range: {
        start: {
          line: 15,
          character: 4,
        },
        end: {
          line: 15,
          character: 51,
        },
      },
      depth: 1,
      nodeColumnsComplete: true,
    },
  ],
  edges: [
    {
      fromNode: 'seed.vscode_shop.raw_orders',
      fromColumn: 'amount',
      toNode: 'model.vscode_shop.stg_orders',
      toColumn: 'amount',
      kind: 'computed',
    },
    {
      fromNode: 'seed.vscode_shop.raw_orders',
      fromColumn: 'status',
      toNode: 'model.vscode_shop.stg_orders',
      toColumn: 'amount',
      kind: 'filter_join',
    },
    {
      fromNode: 'model.vscode_shop.stg_orders',
      fromColumn: 'amount',
      toNode: 'model.vscode_shop.customers',
      toColumn: 'lifetime_value',
      kind: 'aggregated',
    },
  ],
  notes: [],
  truncated: false,
};

/** {"uri": ".../vscode_shop/models/marts/customers.sql", "column": "nope"} */
export const SHOP_NO_COLUMN: ColumnLineageResult = {
  message: 'customers has no column nope',
  columns: [],
  edges: [],
  notes: [],
  truncated: false,
};
