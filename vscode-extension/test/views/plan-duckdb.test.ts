import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView } from './harness';

import { shareText } from '../../src/plan/planSteps';
import type { ExplainResult, PlanNode } from '../../src/protocol.generated';
import { JAFFLE_CUSTOMERS_ANALYZED, JAFFLE_CUSTOMERS_ESTIMATED } from '../recorded';

// The real server's answers to dbt/explain on jaffle_shop's customers_v2 (DuckDB), recorded by
// ViewAnswersProtocolTest. Timings differ from one recording to the next, so what the view must
// show is read from the answer: its steps, its time, the steps the server marked hot.
const ANALYZED = JAFFLE_CUSTOMERS_ANALYZED as ExplainResult & { plan: PlanNode };
const ESTIMATED = JAFFLE_CUSTOMERS_ESTIMATED as ExplainResult & { plan: PlanNode };
const steps = (n: PlanNode): PlanNode[] => [n, ...(n.children ?? []).flatMap(steps)];
const URI = ANALYZED.uri;

after(closeAll);
before(async () => (await openView('plan')).close());

test('the real DuckDB answer, analyzed: every step a row, the steps the server marks hot, CTE reads open the model at the ref', async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'customers', analyze: true, startedAt: Date.now() });
  await v.post({ type: 'result', title: 'customers', analyze: true, result: ANALYZED, elapsedMs: 260 });
  await v.page.waitForSelector('[data-testid="plan-tree"] [data-testid="plan-step"]');
  const all = steps(ANALYZED.plan);
  assert.equal(await v.page.getByTestId('plan-step').count(), all.length);
  assert.equal(
    (await v.page.getByTestId('plan-status').textContent()) ?? '',
    `Analyzed in ${ANALYZED.millis} ms · ${all.length} steps · target dev`,
  );
  const marked = all.filter((n) => n.heat && n.heat !== 'none');
  const high = all.filter((n) => n.heat === 'high');
  assert.ok(high.length > 0, 'the recorded answer marks a step hot');
  const hot = v.page.locator('[data-testid="plan-step"][data-hot="true"]');
  assert.deepEqual(
    await hot.evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('data-step-id')} ${r.getAttribute('data-heat')}`),
    ),
    marked.map((n) => `${n.id} ${n.heat}`),
  );
  const top = v.page.locator(`[data-testid="plan-step"][data-step-id="${high[0].id}"]`);
  assert.equal(await top.locator('[data-testid="plan-operator"]').textContent(), high[0].operator);
  assert.equal(await top.locator('[data-testid="plan-share"]').textContent(), shareText(high[0].share));
  // small row counts are not flagged (the CTE step puts out 0 of 73)
  assert.equal(await v.page.locator('[data-testid="plan-step"][data-misestimate="true"]').count(), 0);
  const scans = v.page.locator('[data-testid="plan-step"]', {
    has: v.page.locator('[data-testid="plan-operator"]', { hasText: 'CTE_SCAN' }),
  });
  assert.equal(await scans.count(), 2);
  await scans.first().click();
  const open = (
    await v.page.evaluate(() => (window as unknown as { __sent: Array<{ type: string }> }).__sent)
  ).filter((m) => m.type === 'open');
  assert.deepEqual(open, [
    {
      type: 'open',
      uri: URI,
      range: { start: { line: 11, character: 21 }, end: { line: 11, character: 34 } },
    },
  ]);
  assert.match((await v.page.getByTestId('plan-inlined').textContent()) ?? '', /stg_orders/);
  await v.screenshot('duckdb-analyzed');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('the real DuckDB answer, estimates only: rows estimated, no cost to share, said so', async () => {
  const v = await openView('plan');
  await v.post({ type: 'result', title: 'customers', analyze: false, result: ESTIMATED, elapsedMs: 280 });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  assert.equal(await v.page.getByTestId('plan-step').count(), steps(ESTIMATED.plan).length);
  assert.match(
    (await v.page.getByTestId('plan-estimates').textContent()) ?? '',
    /Estimates only: the query was not run, and this warehouse gives no cost per step/,
  );
  assert.equal(await v.page.locator('[data-testid="plan-step"][data-hot="true"]').count(), 0);
  assert.equal(
    await v.page
      .locator('[data-testid="plan-step"]')
      .first()
      .locator('[data-testid="plan-rows"]')
      .textContent(),
    String(ESTIMATED.plan.estimatedRows),
  );
  await v.screenshot('duckdb-estimated');
  assert.deepEqual(v.errors, []);
  await v.close();
});

/** Each step name as shown: whether it is whole (not cut by its cell) and whether it has a hover title. */
async function names(v: Awaited<ReturnType<typeof openView>>) {
  return v.page.locator('[data-testid="plan-operator"]').evaluateAll((els) =>
    els.map((e) => ({
      name: e.textContent ?? '',
      whole: e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= innerWidth,
      title: e.getAttribute('title'),
    })),
  );
}

for (const [panel, width] of [
  ['a third of the window', 340],
  ['half the window', 530],
] as const) {
  test(`in a panel ${panel} wide, every step name shows whole beside the figures (wrapped at its underscores)`, async () => {
    const v = await openView('plan', { width, height: 700 });
    for (const [result, analyze] of [
      [ESTIMATED, false],
      [ANALYZED, true],
    ] as const) {
      await v.post({ type: 'result', title: 'customers', analyze, result, elapsedMs: 280 });
      await v.page.waitForSelector('[data-testid="plan-step"]');
      await v.page.waitForTimeout(100); // (the hover titles are set a frame after drawing)
      const shown = await names(v);
      await v.screenshot(`duckdb-${width}px-${analyze ? 'analyzed' : 'estimated'}`);
      assert.deepEqual(
        shown.map((n) => n.name),
        steps(result.plan).map((n) => n.operator),
      );
      for (const n of shown) {
        assert.ok(n.whole, `${n.name} is cut in a ${width} px panel`);
        assert.equal(n.title, null, `${n.name} fits: no hover title needed`);
      }
    }
    assert.deepEqual(v.errors, []);
    await v.close();
  });
}

test('a step name wider than the narrowest panel is cut with an ellipsis and says itself on hover', async () => {
  const v = await openView('plan', { width: 260, height: 500 });
  const long = 'AVERYLONGOPERATORNAMEWITHOUTANYPLACETOBREAKIT';
  const plan = { ...ESTIMATED.plan, children: [{ ...ESTIMATED.plan.children![0], operator: long }] };
  await v.post({
    type: 'result',
    title: 'customers',
    analyze: false,
    result: { ...ESTIMATED, plan },
    elapsedMs: 1,
  });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  await v.page.waitForTimeout(100);
  const cut = (await names(v)).find((n) => n.name === long);
  assert.ok(cut && !cut.whole, 'the long name is cut');
  assert.equal(cut.title, long);
  await v.screenshot('duckdb-cut-name');
  assert.deepEqual(v.errors, []);
  await v.close();
});
