import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanNode } from '../../src/protocol.generated';
import {
  ancestors, hotSteps, misestimate, misestimateText, planSteps, planTitle, shareText, stepDetail, stepShares,
} from '../../src/plan/planSteps';

const node = (id: string, over: Partial<PlanNode> = {}, children: PlanNode[] = []): PlanNode =>
  ({ id, operator: 'X', properties: {}, children, ...over });

// an analyzed DuckDB-like plan: the server's timeShare on each step
const analyzed = node('0', { operator: 'PROJECTION', timeShare: 0.02, selfTimeMs: 2, actualRows: 73, estimatedRows: 73 }, [
  node('0.0', { operator: 'HASH_JOIN', condition: 'customer_id = customer_id', timeShare: 0.55, selfTimeMs: 55, actualRows: 7300, estimatedRows: 2 }, [
    node('0.0.0', { operator: 'SEQ_SCAN', relation: 'orders', schema: 'main', filter: 'status = \'x\'', timeShare: 0.3, selfTimeMs: 30, actualRows: 0, estimatedRows: 5000 }),
    node('0.0.1', { operator: 'SEQ_SCAN', relation: 'customers', timeShare: 0.13, selfTimeMs: 13, actualRows: 100, estimatedRows: 90 }),
  ]),
]);

test('rows depth first with depth, parent and children, findings attached to their step', () => {
  const { steps, basis } = planSteps(analyzed, true, [{ planNodeId: '0.0.0', title: 'Full scan' }]);
  assert.equal(basis, 'time');
  assert.deepEqual(steps.map((s) => [s.id, s.depth, s.parentId, s.hasChildren]),
    [['0', 0, undefined, true], ['0.0', 1, '0', true], ['0.0.0', 2, '0.0', false], ['0.0.1', 2, '0.0', false]]);
  assert.deepEqual(steps.map((s) => s.share), [0.02, 0.55, 0.3, 0.13]);
  assert.deepEqual(steps.find((s) => s.id === '0.0.0')!.findings.map((f) => f.title), ['Full scan']);
  assert.equal(steps[0].findings.length, 0);
  assert.deepEqual(ancestors(steps, '0.0.1'), ['0.0', '0']);
});

test('hot steps: any at 20 % or more, red from 40 %; small steps never hot', () => {
  const { steps } = planSteps(analyzed, true);
  assert.deepEqual(steps.map((s) => s.heat), [undefined, 'high', 'warm', undefined]);
  // the top steps making most of the time are hot even under 20 % each, but not crumbs
  assert.deepEqual(hotSteps([0.15, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1]), ['warm', 'warm', 'warm', 'warm', undefined, undefined, undefined, undefined]);
  assert.deepEqual(hotSteps(Array.from({ length: 30 }, () => 1 / 30)), Array.from({ length: 30 }, () => undefined));
  assert.deepEqual(hotSteps([undefined, 0, 1]), [undefined, undefined, 'high']);
  // the hottest step is red from 20 %, the others orange under 40 %
  assert.deepEqual(hotSteps([0.22, 0.27, 0.2, 0.05]), ['warm', 'high', 'warm', undefined]);
});

test('misestimates: flagged at 10x either way on 100 rows or more, zero rows count as one', () => {
  const { steps } = planSteps(analyzed, true);
  const m = steps.map((s) => s.misestimate);
  assert.equal(m[0]!.flagged, false);
  assert.deepEqual([m[1]!.flagged, m[1]!.direction, Math.round(m[1]!.factor)], [true, 'under', 3650]);
  assert.deepEqual([m[2]!.flagged, m[2]!.direction, m[2]!.factor], [true, 'over', 5000]);
  assert.equal(m[3]!.flagged, false);
  assert.equal(misestimate(undefined, 10), undefined);
  assert.equal(misestimate(100, 10)!.flagged, true);
  assert.equal(misestimate(99, 10)!.flagged, false);
  // small numbers are no news: DuckDB's CTE step puts out 0 of 73 expected rows
  assert.equal(misestimate(0, 73)!.flagged, false);
  assert.equal(misestimate(0, 100)!.flagged, true);
  assert.equal(misestimateText(m[2]!), '5,000× fewer rows than estimated');
  assert.equal(misestimateText(misestimate(20, 4)!), '5.0× more rows than estimated');
  // estimate-only: no actual rows, no flags
  assert.ok(planSteps(analyzed, false).steps.every((s) => s.misestimate === undefined));
});

test('analyzed without timeShare: shares of the self times', () => {
  const plain = node('0', { selfTimeMs: 30 }, [node('0.0', { selfTimeMs: 10 }), node('0.1', {})]);
  const { shares, basis } = stepShares(plain, true);
  assert.equal(basis, 'time');
  assert.deepEqual(shares, [0.75, 0.25, undefined]);
});

test('estimate-only: shares of the cost of each step alone (PostgreSQL costs include the children)', () => {
  const pg = node('0', { operator: 'Hash Join', estimatedCost: 100 }, [
    node('0.0', { operator: 'Seq Scan', estimatedCost: 60 }),
    node('0.1', { operator: 'Hash', estimatedCost: 30 }, [node('0.1.0', { operator: 'Seq Scan', estimatedCost: 25 })]),
  ]);
  const { shares, basis } = stepShares(pg, false);
  assert.equal(basis, 'cost');
  assert.deepEqual(shares.map((s) => Math.round(s! * 100)), [10, 60, 5, 25]);
  // timings are ignored when not analyzed
  assert.equal(stepShares(analyzed, false).basis, 'none');
  // costs that are not cumulative (a child above its parent) are each step's own
  const flat = node('0', { estimatedCost: 10 }, [node('0.0', { estimatedCost: 30 })]);
  assert.deepEqual(stepShares(flat, false).shares, [0.25, 0.75]);
  // no cost at all: nothing to share
  const duck = node('0', { estimatedRows: 5 }, [node('0.0', { estimatedRows: 9 })]);
  const none = planSteps(duck, false);
  assert.equal(none.basis, 'none');
  assert.ok(none.steps.every((s) => s.share === undefined && s.heat === undefined));
});

test('no plan: no steps', () => {
  assert.deepEqual(planSteps(undefined, true), { steps: [], basis: 'none' });
});

test('a step in one line: relation, alias, CTE, join, index, condition, filter; SQLite detail', () => {
  assert.equal(stepDetail({ relation: 'orders', schema: 'shop', alias: 'o', index: 'ix', condition: '(o.id = c.id)', filter: '(amount > 5)', joinType: 'Inner' }),
    'shop.orders as o · Inner join · index ix · (o.id = c.id) · filter (amount > 5)');
  assert.equal(stepDetail({ relation: 'orders', alias: 'orders' }), 'orders');
  assert.equal(stepDetail({ cte: 'recent' }), 'CTE recent');
  assert.equal(stepDetail({ detail: 'SCAN orders USING INDEX ix' }), 'SCAN orders USING INDEX ix');
  assert.equal(stepDetail({}), '');
});

test('share text and titles', () => {
  assert.deepEqual([0.42, 0.055, 0.0004, 0, undefined].map(shareText), ['42 %', '5.5 %', '< 0.1 %', '0 %', '']);
  assert.equal(planTitle('file:///p/models/big%20customer.sql'), 'big customer');
  assert.equal(planTitle('file:///p/models/x.sql', 'model.shop.orders'), 'orders');
  assert.equal(planTitle(undefined), 'model');
});
