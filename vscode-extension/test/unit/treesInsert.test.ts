import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnText, nodeLabel, parseNodeId, refText, sourceText } from '../../src/trees/insertText';

test('unique ids split into type, package, name, version and source name', () => {
  assert.deepEqual(parseNodeId('model.shop.orders'), {
    resourceType: 'model',
    packageName: 'shop',
    name: 'orders',
  });
  assert.deepEqual(parseNodeId('model.shop.orders.v2'), {
    resourceType: 'model',
    packageName: 'shop',
    name: 'orders',
    version: '2',
  });
  assert.deepEqual(parseNodeId('source.shop.raw.payments'), {
    resourceType: 'source',
    packageName: 'shop',
    sourceName: 'raw',
    name: 'payments',
  });
  assert.equal(parseNodeId('orders'), undefined);
});

test('ref() names the model, its package when it is another one, and its version', () => {
  assert.equal(refText('model.shop.orders', 'shop'), "{{ ref('orders') }}");
  assert.equal(refText('seed.shop.countries'), "{{ ref('countries') }}");
  assert.equal(refText('snapshot.shop.orders_snapshot', 'shop'), "{{ ref('orders_snapshot') }}");
  assert.equal(refText('model.dbt_utils.date_spine', 'shop'), "{{ ref('dbt_utils', 'date_spine') }}");
  assert.equal(refText('model.shop.orders.v2', 'shop'), "{{ ref('orders', v=2) }}");
  assert.equal(refText("model.shop.it's", 'shop'), "{{ ref('it\\'s') }}");
  assert.equal(refText('source.shop.raw.payments', 'shop'), undefined);
});

test('source() names the source and the table', () => {
  assert.equal(sourceText('source.shop.raw.payments'), "{{ source('raw', 'payments') }}");
  assert.equal(sourceText('model.shop.orders'), undefined);
});

test('a column is inserted by its name; labels read as dbt says them', () => {
  assert.equal(columnText('order_id'), 'order_id');
  assert.equal(nodeLabel('source.shop.raw.payments'), 'raw.payments');
  assert.equal(nodeLabel('model.shop.orders.v2'), 'orders v2');
  assert.equal(nodeLabel('weird', 'fallback'), 'fallback');
});
