import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView, OpenView } from './harness';

after(closeAll);
// Chromium asks the harness for /favicon.ico on the browser's first page: open that one here
before(async () => (await openView('plan')).close());

const MODEL = 'file:///work/shop/models/big_customer.sql';
const range = (line: number, from: number, to: number) => ({
  start: { line, character: from },
  end: { line, character: to },
});
const ordersRef = {
  kind: 'ref',
  name: 'orders',
  nodeId: 'model.shop.orders',
  uri: MODEL,
  range: range(3, 14, 31),
};

/** An analyzed PostgreSQL plan (EXPLAIN ANALYZE, BUFFERS) as the server reads it. */
function analyzedResult(): Record<string, unknown> {
  return {
    uri: MODEL,
    nodeId: 'model.shop.big_customer',
    target: 'dev',
    analyzed: true,
    millis: 412,
    shareBasis: 'time',
    compiledSql:
      'with recent as (select * from "shop"."orders" where ordered_at > now() - interval \'7 days\')\nselect ...',
    sql: 'explain (analyze, buffers, format json) with recent as (...) select ...',
    inlined: [],
    tableRows: { 'shop.orders': 1000000, 'shop.customers': 5000 },
    problems: [],
    plan: {
      id: '0',
      operator: 'Hash Join',
      joinType: 'Inner',
      condition: '(o.customer_id = c.id)',
      estimatedRows: 40,
      actualRows: 9800,
      estimatedCost: 21000,
      actualTimeMs: 405,
      loops: 1,
      selfTimeMs: 30,
      timeShare: 0.074,
      share: 0.074,
      heat: 'none',
      misestimate: 245,
      properties: { 'Hash Cond': '(o.customer_id = c.id)' },
      children: [
        {
          id: '0.0',
          operator: 'Seq Scan',
          relation: 'orders',
          schema: 'shop',
          alias: 'o',
          filter: '(customer_id = 4242)',
          estimatedRows: 10,
          actualRows: 9,
          estimatedCost: 17906,
          actualTimeMs: 350,
          loops: 1,
          selfTimeMs: 350,
          timeShare: 0.864,
          share: 0.864,
          heat: 'high',
          properties: { 'Rows Removed by Filter': '999991', 'Shared Read Blocks': '8334' },
          source: ordersRef,
          children: [],
        },
        {
          id: '0.1',
          operator: 'Hash',
          estimatedRows: 5000,
          actualRows: 5000,
          estimatedCost: 90,
          actualTimeMs: 25,
          loops: 1,
          selfTimeMs: 4,
          timeShare: 0.01,
          share: 0.01,
          heat: 'none',
          properties: { Buckets: '8192' },
          children: [
            {
              id: '0.1.0',
              operator: 'Seq Scan',
              relation: '<script>alert(1)</script>',
              schema: 'shop',
              alias: 'c',
              estimatedRows: 5000,
              actualRows: 5000,
              estimatedCost: 80,
              actualTimeMs: 21,
              loops: 1,
              selfTimeMs: 21,
              timeShare: 0.052,
              share: 0.052,
              heat: 'none',
              properties: {},
              children: [],
              source: {
                kind: 'source',
                name: 'shop.customers',
                nodeId: 'source.shop.shop.customers',
                uri: MODEL,
                range: range(4, 9, 38),
              },
            },
          ],
        },
      ],
    },
    findings: [
      {
        kind: 'seq-scan-selective-filter',
        planNodeId: '0.0',
        title:
          'Full scan of shop.orders keeps 0.001% of 1,000,000 rows: an index on (customer_id) would serve the filter',
        evidence: [
          'shop.orders: 1,000,000 rows (table statistics)',
          'filter (customer_id = 4242) keeps 9 (0.001%, measured)',
          'Rows Removed by Filter: 999,991',
        ],
        confidence: 'high',
        confidenceReason: 'measured with analyze',
        index: {
          table: 'shop.orders',
          columns: ['customer_id'],
          name: 'dbtls_orders_customer_id_idx',
          createSql: 'create index dbtls_orders_customer_id_idx on shop.orders (customer_id)',
          rollbackSql: 'drop index shop.dbtls_orders_customer_id_idx',
        },
        recommendationId: 7,
        status: 'pending',
      },
      {
        kind: 'row-estimate-off',
        planNodeId: '0',
        title: 'The planner expected 40 rows from the join, 9,800 came',
        evidence: ['estimated 40 rows, actual 9,800 (245x)'],
        confidence: 'medium',
        confidenceReason: 'one run',
      },
    ],
  };
}

const step = (v: OpenView, id: string) => v.page.locator(`[data-testid="plan-step"][data-step-id="${id}"]`);
const sentOf = async (v: OpenView, type: string) => (await v.sent()).filter((m) => m.type === type);
const textOf = async (v: OpenView, testid: string) =>
  (await v.page.getByTestId(testid).first().textContent()) ?? '';

test('an analyzed plan: tree rows with share %, the hot step highlighted, misestimates flagged, findings with evidence and SQL', async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'big_customer', analyze: true, startedAt: Date.now() - 200 });
  await v.post({
    type: 'result',
    title: 'big_customer',
    analyze: true,
    result: analyzedResult(),
    elapsedMs: 430,
  });
  await v.page.waitForSelector('[data-testid="plan-tree"] [data-testid="plan-step"]');

  assert.equal(await v.page.getByTestId('plan-step').count(), 4);
  assert.match(await textOf(v, 'plan-status'), /^Analyzed in 412 ms · 4 steps · target dev$/);
  assert.equal(await textOf(v, 'plan-elapsed'), '412 ms');
  assert.ok(await v.page.getByTestId('plan-cancel').isHidden(), 'Cancel is still shown after the answer');
  assert.equal(await v.page.getByTestId('plan-estimates').count(), 0, 'an analyzed plan said estimates only');

  // share per step, indented by depth
  assert.deepEqual(
    await v.page.locator('[data-testid="plan-step"] [data-testid="plan-share"]').allTextContents(),
    ['7.4 %', '86 %', '1.0 %', '5.2 %'],
  );
  assert.deepEqual(
    await v.page
      .locator('[data-testid="plan-step"]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.depth)),
    ['0', '1', '1', '2'],
  );
  assert.equal(await step(v, '0.0').locator('[data-testid="plan-operator"]').textContent(), 'Seq Scan');
  assert.equal(
    await step(v, '0.0').locator('[data-testid="plan-detail"]').textContent(),
    'shop.orders as o · filter (customer_id = 4242)',
  );
  assert.equal(await step(v, '0.0').locator('[data-testid="plan-source"]').textContent(), 'ref orders');

  // the hot step: data-hot, a class, and drawn in the charts' red
  assert.equal(await step(v, '0.0').getAttribute('data-hot'), 'true');
  assert.equal(await step(v, '0.0').getAttribute('data-heat'), 'high');
  assert.match((await step(v, '0.0').getAttribute('class')) ?? '', /\bhot\b/);
  assert.equal(await v.page.locator('[data-testid="plan-step"][data-hot="true"]').count(), 1);
  const barColour = await step(v, '0.0')
    .locator('[data-testid="plan-bar"]')
    .evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(barColour, 'rgb(241, 76, 76)', 'the hot bar is not --vscode-charts-red');
  const barWidth = await step(v, '0.0')
    .locator('[data-testid="plan-bar"]')
    .evaluate((e) => e.getBoundingClientRect().width);
  const trackWidth = await step(v, '0.0')
    .locator('.plan-bar')
    .evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(Math.abs(barWidth / trackWidth - 0.864) < 0.02, `bar ${barWidth} of ${trackWidth}`);

  // rows actual / estimated, the 245x misestimate flagged, time per step
  assert.match(
    (await step(v, '0').locator('[data-testid="plan-rows"]').textContent()) ?? '',
    /^9,800 \/ 40 ▲245×$/,
  );
  assert.equal(await step(v, '0').getAttribute('data-misestimate'), 'true');
  assert.equal(await step(v, '0.0').getAttribute('data-misestimate'), null);
  assert.equal(await v.page.locator('[data-testid="plan-misestimate"]').count(), 1);
  assert.equal(await step(v, '0.0').locator('[data-testid="plan-time"]').textContent(), '350 ms');

  // a relation named <script> is text
  assert.equal(
    await step(v, '0.1.0').locator('[data-testid="plan-detail"]').textContent(),
    'shop.<script>alert(1)</script> as c',
  );
  assert.equal(await v.page.locator('body script:not([src])').count(), 0, 'a <script> element was created');

  // findings: title, evidence, confidence, suggested SQL and its rollback, as text
  const findings = v.page.getByTestId('plan-finding');
  assert.equal(await findings.count(), 2);
  const first = findings.first();
  assert.match(
    (await first.getByTestId('plan-finding-title').textContent()) ?? '',
    /^Full scan of shop.orders keeps 0.001% of 1,000,000 rows/,
  );
  assert.deepEqual(
    await first.locator('[data-testid="plan-evidence"] li').allTextContents(),
    analyzedResult().findings
      ? [
          'shop.orders: 1,000,000 rows (table statistics)',
          'filter (customer_id = 4242) keeps 9 (0.001%, measured)',
          'Rows Removed by Filter: 999,991',
        ]
      : [],
  );
  assert.equal(await first.getAttribute('data-severity'), 'high');
  assert.match(
    (await first.getByTestId('plan-confidence').textContent()) ?? '',
    /Confidence: high — measured with analyze/,
  );
  assert.equal(
    await first.getByTestId('plan-suggested-sql').textContent(),
    'create index dbtls_orders_customer_id_idx on shop.orders (customer_id)',
  );
  assert.equal(
    await first.getByTestId('plan-rollback-sql').textContent(),
    'drop index shop.dbtls_orders_customer_id_idx',
  );
  await first.getByTestId('plan-copy').click();
  assert.deepEqual(await sentOf(v, 'copy'), [
    {
      type: 'copy',
      text: 'create index dbtls_orders_customer_id_idx on shop.orders (customer_id)',
      what: 'suggested SQL',
    },
  ]);
  assert.equal(
    await findings.nth(1).getByTestId('plan-suggested-sql').count(),
    0,
    'advice without an index shows SQL',
  );

  // the hot step is selected: its details and its finding
  assert.match((await step(v, '0.0').getAttribute('class')) ?? '', /\bselected\b/);
  assert.match(await textOf(v, 'plan-step-detail'), /Rows Removed by Filter999991/);
  await v.screenshot('analyzed');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('clicking a step opens the model at its ref/source; collapsing hides the steps under it', async () => {
  const v = await openView('plan');
  await v.post({
    type: 'result',
    title: 'big_customer',
    analyze: true,
    result: analyzedResult(),
    elapsedMs: 430,
  });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  await step(v, '0.0').click();
  assert.deepEqual(await sentOf(v, 'open'), [{ type: 'open', uri: MODEL, range: range(3, 14, 31) }]);
  await step(v, '0.1.0').click();
  assert.deepEqual((await sentOf(v, 'open'))[1], { type: 'open', uri: MODEL, range: range(4, 9, 38) });
  // a step without a location opens nothing
  await step(v, '0.1').click();
  assert.equal((await sentOf(v, 'open')).length, 2);

  await step(v, '0.1').getByTestId('plan-toggle').click();
  assert.ok(await step(v, '0.1.0').isHidden(), "the collapsed step's child is visible");
  assert.equal(await step(v, '0.1').getAttribute('aria-expanded'), 'false');
  await v.page.getByTestId('plan-expand-all').click();
  assert.ok(await step(v, '0.1.0').isVisible());
  await v.page.getByTestId('plan-collapse-all').click();
  assert.ok(await step(v, '0.1.0').isHidden());
  // a finding's step link reveals the step
  await v.page.getByTestId('plan-finding').nth(0).getByTestId('plan-finding-step').click();
  assert.ok(await step(v, '0.0').isVisible());
  // the toolbar re-runs with analyze on or off
  await v.page.getByTestId('plan-explain').click();
  await v.page.getByTestId('plan-analyze').click();
  assert.deepEqual(await sentOf(v, 'rerun'), [
    { type: 'rerun', analyze: false },
    { type: 'rerun', analyze: true },
  ]);
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('an estimate-only plan says so and shows the share of cost', async () => {
  const v = await openView('plan');
  await v.post({
    type: 'result',
    title: 'big_customer',
    analyze: false,
    elapsedMs: 30,
    result: {
      uri: MODEL,
      nodeId: 'model.shop.big_customer',
      target: 'dev',
      analyzed: false,
      millis: 3,
      inlined: ['stg_orders'],
      shareBasis: 'cost',
      tableRows: { 'shop.orders': 1000000 },
      problems: [],
      plan: {
        id: '0',
        operator: 'Seq Scan',
        relation: 'orders',
        schema: 'shop',
        filter: '(customer_id = 4242)',
        estimatedRows: 10,
        estimatedCost: 17906,
        share: 1,
        heat: 'high',
        properties: {},
        children: [],
        source: ordersRef,
      },
      findings: [
        {
          kind: 'seq-scan-selective-filter',
          planNodeId: '0',
          title: 'Full scan of shop.orders keeps 0.001% of 1,000,000 rows',
          evidence: ['shop.orders: 1,000,000 rows (table statistics)'],
          confidence: 'medium',
          confidenceReason: "from the planner's estimate; analyze to measure",
          index: {
            createSql: 'create index dbtls_orders_customer_id_idx on shop.orders (customer_id)',
            rollbackSql: 'drop index shop.dbtls_orders_customer_id_idx',
          },
        },
      ],
    },
  });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  assert.match(
    await textOf(v, 'plan-estimates'),
    /Estimates only: the query was not run.*share of the planner's cost/,
  );
  assert.match(await textOf(v, 'plan-status'), /^Explained in 3 ms · 1 step/);
  assert.equal(await step(v, '0').locator('[data-testid="plan-share"]').textContent(), '100 %');
  assert.equal(await step(v, '0').locator('[data-testid="plan-rows"]').textContent(), '10');
  assert.equal(await step(v, '0').locator('[data-testid="plan-time"]').textContent(), '17,906');
  assert.match((await v.page.locator('.plan-header').textContent()) ?? '', /Share of cost/);
  assert.match(await textOf(v, 'plan-inlined'), /stg_orders/);
  await v.screenshot('estimates');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('waiting: a running timer and Cancel, which posts cancel; the timer stops when cancelled', async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'big_customer', analyze: true, startedAt: Date.now() - 1500 });
  await v.page.getByTestId('plan-cancel').waitFor();
  assert.match(await textOf(v, 'plan-status'), /Running the query/);
  const t1 = await textOf(v, 'plan-elapsed');
  await v.page.waitForTimeout(350);
  const t2 = await textOf(v, 'plan-elapsed');
  assert.notEqual(t1, t2, `the timer does not count (${t1})`);
  assert.match(t2, /^\d+\.\d s$/);
  assert.ok(parseFloat(t2) >= 1.5);
  assert.ok(await v.page.getByTestId('plan-analyze').isDisabled());
  await v.screenshot('running');
  await v.page.getByTestId('plan-cancel').click();
  assert.deepEqual(await sentOf(v, 'cancel'), [{ type: 'cancel' }]);
  assert.equal(await textOf(v, 'plan-status'), 'Cancelling…');
  await v.post({ type: 'failed', state: 'cancelled', message: 'Cancelled.', elapsedMs: 1900 });
  assert.equal(await textOf(v, 'plan-status'), 'Cancelled');
  assert.equal(await textOf(v, 'plan-elapsed'), '1.9 s');
  await v.page.waitForTimeout(250);
  assert.equal(await textOf(v, 'plan-elapsed'), '1.9 s', 'the timer went on after the cancel');
  assert.ok(await v.page.getByTestId('plan-cancel').isHidden());
  assert.match(await textOf(v, 'plan-error'), /Cancelled/);
  assert.ok(await v.page.getByTestId('plan-analyze').isEnabled());
  assert.deepEqual(v.errors, []);
  await v.close();
});

test("errors show the server's message: not running, warehouse error, compile problems", async () => {
  const v = await openView('plan');
  await v.post({ type: 'running', title: 'big_customer', analyze: false, startedAt: Date.now() });
  await v.post({
    type: 'failed',
    state: 'error',
    message: 'The dbtls server is not running: no Java 17 found.',
    elapsedMs: 5,
  });
  assert.equal(await textOf(v, 'plan-error'), 'The dbtls server is not running: no Java 17 found.');
  assert.equal(await textOf(v, 'plan-status'), 'Failed');

  await v.post({
    type: 'result',
    title: 'big_customer',
    analyze: false,
    elapsedMs: 40,
    result: {
      uri: MODEL,
      analyzed: false,
      millis: 0,
      findings: [],
      problems: [],
      error: {
        code: 'warehouse-query',
        message: 'Catalog Error: Table with name <b>nope</b> does not exist!',
      },
    },
  });
  assert.equal(
    await textOf(v, 'plan-error'),
    'Catalog Error: Table with name <b>nope</b> does not exist! (warehouse-query)',
  );
  assert.equal(await v.page.locator('[data-testid="plan-error"] b').count(), 0);
  await v.screenshot('error');

  await v.post({
    type: 'result',
    title: 'big_customer',
    analyze: false,
    elapsedMs: 40,
    result: {
      uri: MODEL,
      analyzed: false,
      millis: 0,
      findings: [],
      problems: [
        {
          uri: MODEL,
          range: range(2, 10, 20),
          severity: 'error',
          message: "ref('ordrs') is not a model of the project",
        },
      ],
      error: { code: 'compile-failed', message: 'The model does not compile.' },
    },
  });
  assert.match(await textOf(v, 'plan-error'), /^The model does not compile\. \(compile-failed\)/);
  await v.page.getByTestId('plan-problem').click();
  assert.deepEqual(await sentOf(v, 'open'), [{ type: 'open', uri: MODEL, range: range(2, 10, 20) }]);
  assert.match(await textOf(v, 'plan-problem'), /ref\('ordrs'\) is not a model of the project \(line 3\)/);
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('a warehouse whose plan dbtls does not read: the raw plan as text', async () => {
  const v = await openView('plan');
  await v.post({
    type: 'result',
    title: 'x',
    analyze: false,
    elapsedMs: 40,
    result: {
      uri: MODEL,
      analyzed: false,
      millis: 8,
      target: 'jdbc',
      raw: '{"plan": "<script>alert(1)</script>"}',
      findings: [],
      problems: [],
    },
  });
  assert.equal(await textOf(v, 'plan-raw'), '{"plan": "<script>alert(1)</script>"}');
  assert.match(await textOf(v, 'plan-no-findings'), /Nothing looks wrong/);
  assert.deepEqual(v.errors, []);
  await v.close();
});

/** An analyzed DuckDB plan shaped like jaffle_shop's customers (golden plan customers_v2), with CTE reads. */
function duckdbResult(): Record<string, unknown> {
  const cteSource = (name: string, line: number) => ({
    kind: 'cte',
    name,
    uri: MODEL,
    range: range(line, 5, 5 + name.length),
  });
  let n = 0;
  const s = (operator: string, over: Record<string, unknown>, children: Record<string, unknown>[] = []) => ({
    operator,
    properties: {},
    children,
    ...over,
    _k: n++,
  });
  const tree = s('CTE', { cte: 'orders', actualRows: 73, estimatedRows: 73, selfTimeMs: 0.1 }, [
    s('PROJECTION', { actualRows: 101, estimatedRows: 101, selfTimeMs: 0.2 }, [
      s('WINDOW', { actualRows: 101, estimatedRows: 101, selfTimeMs: 3.1 }, [
        s(
          'HASH_JOIN',
          {
            joinType: 'Inner',
            condition: 'order_id = order_id',
            actualRows: 101,
            estimatedRows: 101,
            selfTimeMs: 1.4,
          },
          [
            s('HASH_GROUP_BY', { actualRows: 101, estimatedRows: 101, selfTimeMs: 0.9 }, [
              s('READ_CSV_AUTO', {
                relation: 'raw_payments',
                actualRows: 161,
                estimatedRows: 161,
                selfTimeMs: 6.5,
                source: { kind: 'ref', name: 'stg_payments', uri: MODEL, range: range(2, 10, 30) },
              }),
            ]),
            s(
              'FILTER',
              {
                filter: "(ordered_at >= '2023-01-01 00:00:00'::TIMESTAMP)",
                actualRows: 30,
                estimatedRows: 30,
                selfTimeMs: 0.3,
              },
              [
                s('READ_CSV_AUTO', {
                  relation: 'raw_orders',
                  actualRows: 150,
                  estimatedRows: 150,
                  selfTimeMs: 5.2,
                  source: { kind: 'ref', name: 'stg_orders', uri: MODEL, range: range(1, 10, 28) },
                }),
              ],
            ),
          ],
        ),
      ]),
    ]),
    s('PROJECTION', { actualRows: 73, estimatedRows: 73, selfTimeMs: 0.1 }, [
      s(
        'HASH_JOIN',
        {
          joinType: 'Inner',
          condition: 'customer_id = customer_id',
          actualRows: 730,
          estimatedRows: 4,
          selfTimeMs: 0.7,
        },
        [
          s('READ_CSV_AUTO', {
            relation: 'raw_customers',
            actualRows: 72,
            estimatedRows: 72,
            selfTimeMs: 4.8,
            source: { kind: 'source', name: 'jaffle.raw_customers', uri: MODEL, range: range(0, 10, 40) },
          }),
          s('HASH_GROUP_BY', { actualRows: 73, estimatedRows: 73, selfTimeMs: 0.4 }, [
            s('CTE_SCAN', {
              cte: 'orders',
              actualRows: 101,
              estimatedRows: 101,
              selfTimeMs: 0.1,
              source: cteSource('orders', 8),
            }),
          ]),
        ],
      ),
    ]),
  ]);
  const total = 23.8;
  const withIds = (x: Record<string, unknown>, id: string): Record<string, unknown> => {
    const { _k, ...rest } = x;
    void _k;
    // the server's marks (PlanHeat): the three reads of 20 % or more hot, the first red; 730 of 4 rows off
    const heat =
      x.relation === 'raw_payments'
        ? 'high'
        : x.relation === 'raw_orders' || x.relation === 'raw_customers'
          ? 'warm'
          : 'none';
    return {
      ...rest,
      id,
      timeShare: (x.selfTimeMs as number) / total,
      share: (x.selfTimeMs as number) / total,
      heat,
      misestimate: x.actualRows === 730 ? 182.5 : undefined,
      children: (x.children as Record<string, unknown>[]).map((c, i) => withIds(c, `${id}.${i}`)),
    };
  };
  return {
    uri: MODEL,
    nodeId: 'model.jaffle_shop.customers',
    target: 'dev',
    analyzed: true,
    millis: 31,
    shareBasis: 'time',
    inlined: ['stg_orders', 'stg_payments'],
    plan: withIds(tree, '0'),
    findings: [],
    problems: [],
  };
}

test('a DuckDB plan of many steps in a narrow panel: indented rows, hot reads, a CTE location', async () => {
  const v = await openView('plan', { width: 720, height: 760 });
  await v.post({ type: 'result', title: 'customers', analyze: true, result: duckdbResult(), elapsedMs: 60 });
  await v.page.waitForSelector('[data-testid="plan-step"]');
  assert.equal(await v.page.getByTestId('plan-step').count(), 13);
  const hot = await v.page
    .locator('[data-testid="plan-step"][data-hot="true"] [data-testid="plan-detail"]')
    .allTextContents();
  assert.deepEqual(hot, ['raw_payments', 'raw_orders', 'raw_customers']);
  assert.deepEqual(
    await v.page
      .locator('[data-testid="plan-step"][data-hot="true"]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.heat)),
    ['high', 'warm', 'warm'],
  );
  assert.equal(
    await v.page
      .locator('[data-testid="plan-step"][data-misestimate="true"] [data-testid="plan-operator"]')
      .allTextContents()
      .then((x) => x.join()),
    'HASH_JOIN',
  );
  const cteScan = v.page.locator('[data-testid="plan-step"]', {
    has: v.page.locator('[data-testid="plan-source"]', { hasText: 'CTE orders' }),
  });
  await cteScan.click();
  assert.deepEqual((await sentOf(v, 'open')).at(-1), { type: 'open', uri: MODEL, range: range(8, 5, 11) });
  assert.match(await textOf(v, 'plan-no-findings'), /Nothing looks wrong/);
  await v.screenshot('duckdb-narrow');
  assert.deepEqual(v.errors, []);
  await v.close();
});
