// The real server's answers that the view and unit tests draw: recorded over stdio by the server's
// protocol tests into protocol-ext/recorded/ (ViewAnswersProtocolTest for these, TrinoProtocolTest
// for Trino's plan; run them with -Ddbtls.updateRecorded=true after a protocol change), the same
// files the IntelliJ view tests read. Each test bundle sits in out-test/<folder>/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ColumnLineageResult, ErdResult, ExplainResult } from '../src/protocol.generated';

/** The recorded answer `name` (protocol-ext/recorded/`name`.json), as the client reads it. */
export function recorded<T>(name: string): T {
  const file = path.resolve(__dirname, '../../../protocol-ext/recorded', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** dbt/erd of jaffle_shop's orders.sql, `+orders+`, maxNodes 40 (a foreign_key constraint added). */
export const JAFFLE_ORDERS_FAMILY = recorded<ErdResult>('erd-jaffle-orders-family');
/** dbt/erd `orders` without a document. */
export const JAFFLE_ORDERS_NO_URI = recorded<ErdResult>('erd-jaffle-orders-no-uri');
/** dbt/erd `+nope+`: nothing selected. */
export const JAFFLE_NOTHING_SELECTED = recorded<ErdResult>('erd-jaffle-nothing-selected');
/** dbt/erd `+orders+` cut at 3 nodes. */
export const JAFFLE_TRUNCATED = recorded<ErdResult>('erd-jaffle-truncated');
/** dbt/erd on a DuckDB file declaring foreign keys (one composite) beside the YAML's. */
export const SHOP_WAREHOUSE_KEYS = recorded<ErdResult>('erd-shop-warehouse-keys');
/** The same project with a PostgreSQL profile where nothing listens. */
export const SHOP_WAREHOUSE_DOWN = recorded<ErdResult>('erd-shop-warehouse-down');
/** dbt/columnLineage of jaffle_shop's customers_v2.lifetime_value. */
export const JAFFLE_LIFETIME_VALUE = recorded<ColumnLineageResult>('column-lineage-jaffle-lifetime-value');
/** dbt/columnLineage of jaffle_shop's stg_orders.customer_id. */
export const JAFFLE_STG_ORDERS_CUSTOMER_ID = recorded<ColumnLineageResult>(
  'column-lineage-jaffle-stg-orders-customer-id',
);
/** dbt/columnLineage of vscode_shop's stg_orders.amount. */
export const SHOP_STG_ORDERS_AMOUNT = recorded<ColumnLineageResult>('column-lineage-shop-stg-orders-amount');
/** dbt/columnLineage of a column vscode_shop's customers does not have. */
export const SHOP_NO_COLUMN = recorded<ColumnLineageResult>('column-lineage-shop-no-column');
/** dbt/explain analyze of jaffle_shop's customers_v2 on its DuckDB file (parents inlined). */
export const JAFFLE_CUSTOMERS_ANALYZED = recorded<ExplainResult>('explain-jaffle-customers-analyzed');
/** dbt/explain (estimates only) of the same model. */
export const JAFFLE_CUSTOMERS_ESTIMATED = recorded<ExplainResult>('explain-jaffle-customers');
