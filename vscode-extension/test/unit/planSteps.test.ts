import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanNode } from '../../src/protocol.generated';
import {
  ancestors,
  misestimate,
  misestimateText,
  planSteps,
  planTitle,
  shareText,
  stepDetail,
} from '../../src/plan/planSteps';

const node = (id: string, over: Partial<PlanNode> = {}, children: PlanNode[] = []): PlanNode => ({
  id,
  operator: 'X',
  properties: {},
  children,
  heat: 'none',
  ...over,
});

// an analyzed DuckDB-like plan: the server's timeShare, share, heat and misestimate on each step
// (how the server decides them: PlanHeatTest)
const analyzed = node(
  '0',
  { operator: 'PROJECTION', timeShare: 0.02, share: 0.02, selfTimeMs: 2, actualRows: 73, estimatedRows: 73 },
  [
    node(
      '0.0',
      {
        operator: 'HASH_JOIN',
        condition: 'customer_id = customer_id',
        timeShare: 0.55,
        share: 0.55,
        heat: 'high',
        selfTimeMs: 55,
        actualRows: 7300,
        estimatedRows: 2,
        misestimate: 3650,
      },
      [
        node('0.0.0', {
          operator: 'SEQ_SCAN',
          relation: 'orders',
          schema: 'main',
          filter: "status = 'x'",
          timeShare: 0.3,
          share: 0.3,
          heat: 'warm',
          selfTimeMs: 30,
          actualRows: 0,
          estimatedRows: 5000,
          misestimate: 5000,
        }),
        node('0.0.1', {
          operator: 'SEQ_SCAN',
          relation: 'customers',
          timeShare: 0.13,
          share: 0.13,
          selfTimeMs: 13,
          actualRows: 100,
          estimatedRows: 90,
        }),
      ],
    ),
  ],
);

test('rows depth first with depth, parent and children, findings attached to their step', () => {
  const { steps, basis } = planSteps(analyzed, 'time', [
    { kind: 'seq-scan-selective-filter', confidence: 'high', planNodeId: '0.0.0', title: 'Full scan' },
  ]);
  assert.equal(basis, 'time');
  assert.deepEqual(
    steps.map((s) => [s.id, s.depth, s.parentId, s.hasChildren]),
    [
      ['0', 0, undefined, true],
      ['0.0', 1, '0', true],
      ['0.0.0', 2, '0.0', false],
      ['0.0.1', 2, '0.0', false],
    ],
  );
  assert.deepEqual(
    steps.map((s) => s.share),
    [0.02, 0.55, 0.3, 0.13],
  );
  assert.deepEqual(
    steps.find((s) => s.id === '0.0.0')!.findings.map((f) => f.title),
    ['Full scan'],
  );
  assert.equal(steps[0].findings.length, 0);
  assert.deepEqual(ancestors(steps, '0.0.1'), ['0.0', '0']);
});

test('hot steps and misestimates: drawn as the server marks them', () => {
  const { steps } = planSteps(analyzed, 'time');
  assert.deepEqual(
    steps.map((s) => s.heat),
    [undefined, 'high', 'warm', undefined],
  );
  const m = steps.map((s) => s.misestimate);
  assert.equal(m[0], undefined);
  assert.deepEqual([m[1]!.flagged, m[1]!.direction, Math.round(m[1]!.factor)], [true, 'under', 3650]);
  assert.deepEqual([m[2]!.flagged, m[2]!.direction, m[2]!.factor], [true, 'over', 5000]);
  assert.equal(m[3], undefined);
  assert.equal(misestimate(node('0', { actualRows: 20, estimatedRows: 4 })), undefined);
  assert.equal(misestimateText(m[2]!), '5,000× fewer rows than estimated');
  assert.equal(
    misestimateText({ factor: 5, direction: 'under', flagged: true }),
    '5.0× more rows than estimated',
  );
  // no shares from the server: no share, nothing hot
  const duck = node('0', { estimatedRows: 5 }, [node('0.0', { estimatedRows: 9 })]);
  const none = planSteps(duck, 'none');
  assert.equal(none.basis, 'none');
  assert.ok(none.steps.every((s) => s.share === undefined && s.heat === undefined));
});

test('no plan: no steps', () => {
  assert.deepEqual(planSteps(undefined, 'time'), { steps: [], basis: 'none' });
});

test('a step in one line: relation, alias, CTE, join, index, condition, filter; SQLite detail', () => {
  assert.equal(
    stepDetail({
      relation: 'orders',
      schema: 'shop',
      alias: 'o',
      index: 'ix',
      condition: '(o.id = c.id)',
      filter: '(amount > 5)',
      joinType: 'Inner',
    }),
    'shop.orders as o · Inner join · index ix · (o.id = c.id) · filter (amount > 5)',
  );
  assert.equal(stepDetail({ relation: 'orders', alias: 'orders' }), 'orders');
  assert.equal(stepDetail({ cte: 'recent' }), 'CTE recent');
  assert.equal(stepDetail({ detail: 'SCAN orders USING INDEX ix' }), 'SCAN orders USING INDEX ix');
  assert.equal(stepDetail({}), '');
});

test('share text and titles', () => {
  assert.deepEqual([0.42, 0.055, 0.0004, 0, undefined].map(shareText), [
    '42 %',
    '5.5 %',
    '< 0.1 %',
    '0 %',
    '',
  ]);
  assert.equal(planTitle('file:///p/models/big%20customer.sql'), 'big customer');
  assert.equal(planTitle('file:///p/models/x.sql', 'model.shop.orders'), 'orders');
  assert.equal(planTitle(undefined), 'model');
});
