import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView } from './harness';

// The real server's answers to dbt/explain on jaffle_shop's customers_v2 (DuckDB, test-projects/jaffle_shop),
// recorded over LSP from server/target/dbtls.jar; trimmed of raw/sql/compiledSql and most step properties.
const ANALYZED = JSON.parse(
  '{"uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","nodeId":"model.jaffle_shop.customers.v2","target":"dev","plan":{"id":"0","operator":"CTE","cte":"orders","estimatedRows":73,"actualRows":0,"actualTimeMs":0.04893299999999999,"selfTimeMs":0.04893299999999999,"timeShare":0.0027123038924412677,"properties":{"cpu_time":"0.018041119999999997","Table Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[{"id":"0.0","operator":"PROJECTION","estimatedRows":101,"actualRows":90,"actualTimeMs":0.125265,"selfTimeMs":0.125265,"timeShare":0.006943305071968925,"properties":{"cpu_time":"0.016202193999999996","Projections":"order_id, customer_id, order_date, is_returned, amount"},"children":[{"id":"0.0.0","operator":"PROJECTION","estimatedRows":101,"actualRows":90,"actualTimeMs":0.013527,"selfTimeMs":0.013527,"timeShare":0.0007497871529040328,"properties":{"cpu_time":"0.016076928999999997","Projections":"#0, #1, #2, #3, #4, #5, #6"},"children":[{"id":"0.0.0.0","operator":"WINDOW","actualRows":90,"actualTimeMs":13.881159999999998,"selfTimeMs":13.881159999999998,"timeShare":0.7694178631925291,"properties":{"cpu_time":"0.016063401999999997","Projections":"ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at ASC NULLS LAST, order_id ASC NULLS LAST)"},"children":[{"id":"0.0.0.0.0","operator":"HASH_JOIN","condition":"order_id = order_id","joinType":"RIGHT","estimatedRows":101,"actualRows":90,"actualTimeMs":0.818288,"selfTimeMs":0.818288,"timeShare":0.045356829287760414,"properties":{"cpu_time":"0.002182242"},"children":[{"id":"0.0.0.0.0.0","operator":"HASH_GROUP_BY","estimatedRows":101,"actualRows":83,"actualTimeMs":1.12552,"selfTimeMs":1.12552,"timeShare":0.0623863706909549,"properties":{"cpu_time":"0.001232149","Groups":"#0","Aggregates":"sum(#1)"},"children":[{"id":"0.0.0.0.0.0.0","operator":"PROJECTION","estimatedRows":161,"actualRows":95,"actualTimeMs":0.00026,"selfTimeMs":0.00026,"timeShare":1.441152212279504e-05,"properties":{"cpu_time":"1.06629E-4","Projections":"order_id, amount"},"children":[{"id":"0.0.0.0.0.0.0.0","operator":"PROJECTION","estimatedRows":161,"actualRows":95,"actualTimeMs":0.070411,"selfTimeMs":0.070411,"timeShare":0.0039028064776466215,"properties":{"cpu_time":"1.06369E-4","Projections":"order_id, amount"},"children":[{"id":"0.0.0.0.0.0.0.0.0","operator":"READ_CSV_AUTO","estimatedRows":161,"actualRows":95,"actualTimeMs":0.035958,"selfTimeMs":0.035958,"timeShare":0.001993113509582554,"properties":{"cpu_time":"3.5958E-5","Function":"READ_CSV_AUTO","Projections":"order_id, amount_cents"},"children":[]}]}]}]},{"id":"0.0.0.0.0.1","operator":"PROJECTION","estimatedRows":30,"actualRows":90,"actualTimeMs":0.036548000000000004,"selfTimeMs":0.036548000000000004,"timeShare":0.002025816579015051,"properties":{"cpu_time":"1.3180500000000003E-4","Projections":"order_id, customer_id, ordered_at, order_date, ((status = \'returned\') OR (status = \'return_pending\'))"},"children":[{"id":"0.0.0.0.0.1.0","operator":"FILTER","condition":"(ordered_at >= \'2023-01-01 00:00:00\'::TIMESTAMP)","filter":"(ordered_at >= \'2023-01-01 00:00:00\'::TIMESTAMP)","estimatedRows":30,"actualRows":90,"actualTimeMs":0.016399,"selfTimeMs":0.016399,"timeShare":0.0009089790434296764,"properties":{"cpu_time":"9.525700000000001E-5"},"children":[{"id":"0.0.0.0.0.1.0.0","operator":"READ_CSV_AUTO","estimatedRows":150,"actualRows":90,"actualTimeMs":0.07885800000000001,"selfTimeMs":0.07885800000000001,"timeShare":0.004371014659843736,"properties":{"cpu_time":"7.885800000000001E-5","Function":"READ_CSV_AUTO","Projections":"order_id, customer_id, ordered_at, status"},"children":[]}]}]}]}]}]}]},{"id":"0.1","operator":"PROJECTION","estimatedRows":73,"actualRows":40,"actualTimeMs":0.115726,"selfTimeMs":0.115726,"timeShare":0.006414568496856073,"properties":{"cpu_time":"0.0017899930000000001","Projections":"customer_id, first_name, last_name, country_code, signed_up_on, first_order_date, most_recent_order_date, number_of_orders, lifetime_value, average_order_value, days_to_first_order, has_returned_an_order, activity"},"children":[{"id":"0.1.0","operator":"HASH_JOIN","condition":"customer_id = customer_id","joinType":"LEFT","estimatedRows":73,"actualRows":40,"actualTimeMs":0.416895,"selfTimeMs":0.416895,"timeShare":0.023108044289933224,"properties":{"cpu_time":"0.0016742670000000001"},"children":[{"id":"0.1.0.0","operator":"CROSS_PRODUCT","actualRows":40,"actualTimeMs":0.054702,"selfTimeMs":0.054702,"timeShare":0.0030320733967735933,"properties":{"cpu_time":"1.47464E-4"},"children":[{"id":"0.1.0.0.0","operator":"PROJECTION","estimatedRows":72,"actualRows":40,"actualTimeMs":0.017823,"selfTimeMs":0.017823,"timeShare":0.0009879098415175999,"properties":{"cpu_time":"7.0481E-5","Projections":"customer_id, first_name, last_name, signed_up_on, country_code"},"children":[{"id":"0.1.0.0.0.0","operator":"READ_CSV_AUTO","estimatedRows":72,"actualRows":40,"actualTimeMs":0.052658,"selfTimeMs":0.052658,"timeShare":0.002918776661315928,"properties":{"cpu_time":"5.2658E-5","Function":"READ_CSV_AUTO","Projections":"customer_id, first_name, last_name, signed_up_on, country_code"},"children":[]}]},{"id":"0.1.0.0.1","operator":"UNGROUPED_AGGREGATE","actualRows":1,"actualTimeMs":0.00524,"selfTimeMs":0.00524,"timeShare":0.00029044759970556157,"properties":{"cpu_time":"2.2281E-5","Aggregates":"max(#0)"},"children":[{"id":"0.1.0.0.1.0","operator":"PROJECTION","estimatedRows":101,"actualRows":90,"actualTimeMs":0.001472,"selfTimeMs":0.001472,"timeShare":8.159138678751654e-05,"properties":{"cpu_time":"1.7040999999999998E-5","Projections":"order_date"},"children":[{"id":"0.1.0.0.1.0.0","operator":"CTE_SCAN","cte":"orders","estimatedRows":101,"actualRows":90,"actualTimeMs":0.015569,"selfTimeMs":0.015569,"timeShare":0.0008629730304992153,"properties":{"cpu_time":"1.5569E-5","CTE Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[]}]}]}]},{"id":"0.1.0.1","operator":"HASH_GROUP_BY","estimatedRows":73,"actualRows":34,"actualTimeMs":1.073109,"selfTimeMs":1.073109,"timeShare":0.059481284975655635,"properties":{"cpu_time":"0.001109908","Groups":"#0","Aggregates":"min(#1), max(#2), count(#3), sum(#4), bool_or(#5)"},"children":[{"id":"0.1.0.1.0","operator":"PROJECTION","estimatedRows":101,"actualRows":90,"actualTimeMs":0.030357000000000002,"selfTimeMs":0.030357000000000002,"timeShare":0.001682656065698804,"properties":{"cpu_time":"3.6799E-5","Projections":"customer_id, order_date, order_date, order_id, CASE  WHEN ((NOT is_returned)) THEN (amount) ELSE 0.000000 END, is_returned"},"children":[{"id":"0.1.0.1.0.0","operator":"CTE_SCAN","cte":"orders","estimatedRows":101,"actualRows":90,"actualTimeMs":0.006442000000000001,"selfTimeMs":0.006442000000000001,"timeShare":0.0003570731750578679,"properties":{"cpu_time":"6.442E-6","CTE Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[]}]}]}]}]}]},"analyzed":true,"millis":212,"inlined":["shop_customers","stg_customers","shop_orders","stg_orders","shop_payments","stg_payments","orders"],"tableRows":{},"findings":[],"problems":[]}',
) as Record<string, unknown>;
const ESTIMATED = JSON.parse(
  '{"uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","nodeId":"model.jaffle_shop.customers.v2","target":"dev","plan":{"id":"0","operator":"CTE","cte":"orders","estimatedRows":73,"properties":{"Table Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[{"id":"0.0","operator":"PROJECTION","estimatedRows":101,"properties":{"Projections":"order_id, customer_id, order_date, is_returned, amount"},"children":[{"id":"0.0.0","operator":"PROJECTION","estimatedRows":101,"properties":{"Projections":"#0, #1, #2, #3, #4, #5, #6"},"children":[{"id":"0.0.0.0","operator":"WINDOW","properties":{"Projections":"ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at ASC NULLS LAST, order_id ASC NULLS LAST)"},"children":[{"id":"0.0.0.0.0","operator":"HASH_JOIN","condition":"order_id = order_id","joinType":"RIGHT","estimatedRows":101,"properties":{},"children":[{"id":"0.0.0.0.0.0","operator":"HASH_GROUP_BY","estimatedRows":101,"properties":{"Groups":"#0","Aggregates":"sum(#1)"},"children":[{"id":"0.0.0.0.0.0.0","operator":"PROJECTION","estimatedRows":161,"properties":{"Projections":"order_id, amount"},"children":[{"id":"0.0.0.0.0.0.0.0","operator":"PROJECTION","estimatedRows":161,"properties":{"Projections":"order_id, amount"},"children":[{"id":"0.0.0.0.0.0.0.0.0","operator":"READ_CSV_AUTO","estimatedRows":161,"properties":{"Function":"READ_CSV_AUTO","Projections":"order_id, amount_cents"},"children":[]}]}]}]},{"id":"0.0.0.0.0.1","operator":"PROJECTION","estimatedRows":30,"properties":{"Projections":"order_id, customer_id, ordered_at, order_date, ((status = \'returned\') OR (status = \'return_pending\'))"},"children":[{"id":"0.0.0.0.0.1.0","operator":"FILTER","condition":"(ordered_at >= \'2023-01-01 00:00:00\'::TIMESTAMP)","filter":"(ordered_at >= \'2023-01-01 00:00:00\'::TIMESTAMP)","estimatedRows":30,"properties":{},"children":[{"id":"0.0.0.0.0.1.0.0","operator":"READ_CSV_AUTO","estimatedRows":150,"properties":{"Function":"READ_CSV_AUTO","Projections":"order_id, customer_id, ordered_at, status"},"children":[]}]}]}]}]}]}]},{"id":"0.1","operator":"PROJECTION","estimatedRows":73,"properties":{"Projections":"customer_id, first_name, last_name, country_code, signed_up_on, first_order_date, most_recent_order_date, number_of_orders, lifetime_value, average_order_value, days_to_first_order, has_returned_an_order, activity"},"children":[{"id":"0.1.0","operator":"HASH_JOIN","condition":"customer_id = customer_id","joinType":"LEFT","estimatedRows":73,"properties":{},"children":[{"id":"0.1.0.0","operator":"CROSS_PRODUCT","properties":{},"children":[{"id":"0.1.0.0.0","operator":"PROJECTION","estimatedRows":72,"properties":{"Projections":"customer_id, first_name, last_name, signed_up_on, country_code"},"children":[{"id":"0.1.0.0.0.0","operator":"READ_CSV_AUTO","estimatedRows":72,"properties":{"Function":"READ_CSV_AUTO","Projections":"customer_id, first_name, last_name, signed_up_on, country_code"},"children":[]}]},{"id":"0.1.0.0.1","operator":"UNGROUPED_AGGREGATE","properties":{"Aggregates":"max(#0)"},"children":[{"id":"0.1.0.0.1.0","operator":"PROJECTION","estimatedRows":101,"properties":{"Projections":"order_date"},"children":[{"id":"0.1.0.0.1.0.0","operator":"CTE_SCAN","cte":"orders","estimatedRows":101,"properties":{"CTE Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[]}]}]}]},{"id":"0.1.0.1","operator":"HASH_GROUP_BY","estimatedRows":73,"properties":{"Groups":"#0","Aggregates":"min(#1), max(#2), count(#3), sum(#4), bool_or(#5)"},"children":[{"id":"0.1.0.1.0","operator":"PROJECTION","estimatedRows":101,"properties":{"Projections":"customer_id, order_date, order_date, order_id, CASE  WHEN ((NOT is_returned)) THEN (amount) ELSE 0.000000 END, is_returned"},"children":[{"id":"0.1.0.1.0.0","operator":"CTE_SCAN","cte":"orders","estimatedRows":101,"properties":{"CTE Index":"8"},"source":{"kind":"ref","name":"orders","nodeId":"model.jaffle_shop.orders","uri":"file:///tmp/planbench-js/models/marts/customers_v2.sql","range":{"start":{"line":11,"character":21},"end":{"line":11,"character":34}}},"children":[]}]}]}]}]}]},"analyzed":false,"millis":264,"inlined":["shop_customers","stg_customers","shop_orders","stg_orders","shop_payments","stg_payments","orders"],"tableRows":{},"findings":[],"problems":[]}',
) as Record<string, unknown>;

// the server's marks (PlanHeat; recorded before the server sent them): WINDOW, 77 % of the time, is the one hot step
const marks = (n: Record<string, unknown>, analyzed: boolean): void => {
  n.share = analyzed ? n.timeShare : undefined;
  n.heat = analyzed && n.id === '0.0.0.0' ? 'high' : 'none';
  (n.children as Record<string, unknown>[]).forEach((c) => marks(c, analyzed));
};
marks(ANALYZED.plan as Record<string, unknown>, true);
ANALYZED.shareBasis = 'time';
marks(ESTIMATED.plan as Record<string, unknown>, false);
ESTIMATED.shareBasis = 'none';

after(closeAll);
before(async () => (await openView('plan')).close());

test('the real DuckDB answer, analyzed: every step a row, WINDOW the hot step, CTE reads open the model at the ref', async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'customers', analyze: true, startedAt: Date.now() });
  await v.post({ type: 'result', title: 'customers', analyze: true, result: ANALYZED, elapsedMs: 260 });
  await v.page.waitForSelector('[data-testid="plan-tree"] [data-testid="plan-step"]');
  assert.equal(await v.page.getByTestId('plan-step').count(), 23);
  assert.match(
    (await v.page.getByTestId('plan-status').textContent()) ?? '',
    /^Analyzed in 212 ms · 23 steps · target dev$/,
  );
  const hot = v.page.locator('[data-testid="plan-step"][data-hot="true"]');
  assert.equal(await hot.count(), 1);
  assert.equal(await hot.getAttribute('data-step-id'), '0.0.0.0');
  assert.equal(await hot.getAttribute('data-heat'), 'high');
  assert.equal(await hot.locator('[data-testid="plan-operator"]').textContent(), 'WINDOW');
  assert.equal(await hot.locator('[data-testid="plan-share"]').textContent(), '77 %');
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
      uri: 'file:///tmp/planbench-js/models/marts/customers_v2.sql',
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
  assert.equal(await v.page.getByTestId('plan-step').count(), 23);
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
    '73',
  );
  await v.screenshot('duckdb-estimated');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('in a panel a third of the window wide, the step names stay readable beside the figures', async () => {
  const v = await openView('plan', { width: 340, height: 700 });
  await v.post({ type: 'result', title: 'customers', analyze: false, result: ESTIMATED, elapsedMs: 280 });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  const name = v.page.locator('[data-testid="plan-step"]').nth(1).locator('.plan-operator');
  assert.equal(await name.textContent(), 'PROJECTION');
  const box = await name.boundingBox();
  assert.ok(box && box.width >= 60, `the step name is squeezed to ${box?.width} px`);
  await v.screenshot('duckdb-third');
  assert.deepEqual(v.errors, []);
  await v.close();
});
