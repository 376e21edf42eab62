import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView } from './harness';
import { recorded } from '../recorded';

// The real server's answer to dbt/explain (analyze) of jaffle_shop_lite's store_daily_sales on the test Trino
// server, recorded over LSP by server/src/test/java/dev/dbtls/lsp/TrinoProtocolTest.java
// (-Ddbtls.updateRecorded=true): Trino's distributed plan in stages, one tree.
const ANALYZED = recorded<Record<string, unknown>>('explain-trino-analyzed');

after(closeAll);
before(async () => (await openView('plan')).close());

test('Trino, explain analyze: the stages in one tree, the exchanges between them, the hot scan', async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'store_daily_sales', analyze: true, startedAt: Date.now() });
  await v.post({
    type: 'result',
    title: 'store_daily_sales',
    analyze: true,
    result: ANALYZED,
    elapsedMs: 900,
  });
  await v.page.waitForSelector('[data-testid="plan-tree"] [data-testid="plan-step"]');
  assert.equal(await v.page.getByTestId('plan-step').count(), 10);
  assert.match(
    (await v.page.getByTestId('plan-status').textContent()) ?? '',
    /^Analyzed in \d+ ms · 10 steps/,
  );
  // the steps that receive another stage's rows say which stage, and how the rows travel
  const receivers = v.page.locator('[data-testid="plan-step"]', {
    has: v.page.locator('[data-testid="plan-operator"]', { hasText: 'RemoteSource' }),
  });
  assert.equal(await receivers.count(), 2);
  const details = await receivers.locator('[data-testid="plan-detail"]').allTextContents();
  assert.deepEqual(
    details.map((d) => d.replace(/stage \d+/, 'stage N')),
    ['receives stage N (HASH)', 'receives stage N (BROADCAST)'],
  );
  // the server's heat: the scan of the sales is the hottest step, and it traces to stg_sales
  const hot = v.page.locator('[data-testid="plan-step"][data-heat="high"]');
  assert.equal(await hot.count(), 1);
  assert.equal(await hot.locator('[data-testid="plan-operator"]').textContent(), 'ScanFilterProject');
  assert.match((await hot.locator('[data-testid="plan-detail"]').textContent()) ?? '', /lite_sales/);
  await hot.click();
  assert.match((await v.page.getByTestId('plan-step-detail').textContent()) ?? '', /CPU\d/);
  // a stage's first step carries the stage: its kind, how its rows leave it, its CPU
  await receivers.first().locator('xpath=following-sibling::*[1]').click();
  const stage = (await v.page.getByTestId('plan-step-detail').textContent()) ?? '';
  assert.match(stage, /Stage\d+ \[/);
  assert.match(stage, /Stage Output partitioning/);
  await v.screenshot('trino-analyzed');
  assert.deepEqual(v.errors, []);
  await v.close();
});
