// The Benchmark view in headless Chromium under the real CSP: the running state (done/total,
// Cancel posts cancel), the finished report (chart drawn on a canvas, statistics, verdict with
// its interval, notes, history), a recommendation's Apply…, failures, and markup as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView, OpenView } from './harness';

after(closeAll);
before(async () => (await openView('benchmark')).close());

const MODEL = 'file:///work/shop/models/big_customer.sql';

const stats = (runs: number[]) => {
  const s = [...runs].sort((a, b) => a - b);
  const q = (p: number) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
  };
  const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
  const sd = Math.sqrt(runs.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs.length - 1));
  return {
    runs: runs.length,
    min: s[0],
    median: q(0.5),
    p95: q(0.95),
    max: s[s.length - 1],
    mean,
    stddev: sd,
  };
};

const without = [352.1, 348.9, 361.4, 350.2, 355.7, 349.3, 347.8, 366.0, 351.5, 353.9];
const withIndex = [9.12, 8.87, 9.4, 9.05, 11.8, 8.93, 9.21, 9.02, 8.99, 9.3];

/** A finished PostgreSQL benchmark against recommendation 7 (an index), as dbt/benchmarkStatus answers it. */
function finishedStatus(): Record<string, unknown> {
  return {
    id: 'bm-3',
    state: 'ok',
    done: 24,
    total: 24,
    message:
      "'with recommendation 7' is faster than 'without': median ratio 0.026 (95 % interval 0.025 to 0.027), about 38.9x",
    report: {
      storedId: 12,
      label: 'model big_customer: without vs with recommendation 7',
      nodeId: 'model.shop.big_customer',
      target: 'dev',
      status: 'ok',
      sandbox: 'sandbox: PostgreSQL transaction, rolled back',
      notes: [
        'PostgreSQL has no result cache: nothing to bypass',
        'the setup ran in a PostgreSQL transaction rolled back at the end: the index never existed outside the benchmark',
      ],
      variants: [
        {
          label: 'without',
          sql: 'select * from "shop"."orders" where customer_id = 4242',
          runsMs: without,
          rows: 9,
          stats: stats(without),
          warehouse: { sharedHitBlocks: 120, sharedReadBlocks: 8334 },
        },
        {
          label: 'with recommendation 7',
          sql: 'select * from "shop"."orders" where customer_id = 4242',
          runsMs: withIndex,
          rows: 9,
          stats: stats(withIndex),
          warehouse: { sharedHitBlocks: 4, sharedReadBlocks: 0 },
        },
      ],
      comparisons: [
        {
          variant: 'with recommendation 7',
          baseline: 'without',
          ratio: 0.0257,
          low: 0.0249,
          high: 0.0263,
          verdict: 'faster',
          summary:
            "'with recommendation 7' is faster than 'without': median ratio 0.026 (95 % interval 0.025 to 0.026), about 38.9x",
        },
      ],
      millis: 4210,
    },
  };
}

const recommendation = {
  id: 7,
  nodeId: 'model.shop.big_customer',
  target: 'dev',
  kind: 'missing-index',
  title:
    'Full scan of shop.orders keeps 0.001% of 1,000,000 rows: an index on (customer_id) would serve the filter',
  evidence: [
    'shop.orders: 1,000,000 rows (table statistics)',
    'filter (customer_id = 4242) keeps 9 (0.001%, measured)',
  ],
  confidence: 'high',
  applySql: 'create index dbtls_orders_customer_id_idx on shop.orders (customer_id)',
  rollbackSql: 'drop index shop.dbtls_orders_customer_id_idx',
  status: 'benchmarked',
  updatedAt: 1763884800000,
};

const text = (v: OpenView, id: string) => v.page.getByTestId(id).first().textContent();
const sentOf = async (v: OpenView, type: string) => (await v.sent()).filter((m) => m.type === type);

test("running: done/total, the server's message, a live timer and Cancel, which posts cancel", async () => {
  const v = await openView('benchmark');
  const startedAt = Date.now();
  await v.post({ type: 'starting', title: 'big_customer', startedAt });
  await v.post({
    type: 'started',
    title: 'big_customer',
    label: 'model big_customer: buffer vs saved file',
    variants: ['saved file', 'buffer'],
    startedAt,
  });
  await v.post({
    type: 'progress',
    status: {
      id: 'bm-1',
      state: 'running',
      done: 7,
      total: 24,
      message: "run 3/10: 'buffer' 12.31 ms, 9 rows",
    },
  });
  const progress = v.page.getByTestId('benchmark-progress');
  await progress.waitFor();
  assert.equal(await text(v, 'benchmark-progress-text'), '7 / 24 runs');
  assert.equal(await progress.getAttribute('data-done'), '7');
  assert.equal(await progress.getAttribute('data-total'), '24');
  assert.match((await text(v, 'benchmark-progress-message')) ?? '', /run 3\/10: 'buffer' 12\.31 ms/);
  assert.equal(await text(v, 'benchmark-label'), 'model big_customer: buffer vs saved file');
  const t1 = await text(v, 'benchmark-elapsed');
  await v.page.waitForTimeout(450);
  assert.notEqual(await text(v, 'benchmark-elapsed'), t1, 'the timer runs');
  const fillWidth = await v.page.locator('.bm-progress-fill').evaluate((e) => (e as HTMLElement).style.width);
  assert.equal(fillWidth, '29%');
  await v.screenshot('running');
  await v.page.getByTestId('benchmark-cancel').click();
  assert.equal((await sentOf(v, 'cancel')).length, 1);
  assert.equal(await text(v, 'benchmark-status'), 'Cancelling…');
  assert.equal(await v.page.getByTestId('benchmark-cancel').isDisabled(), true);
  // the job ends cancelled with the runs done
  const done = [12.3, 12.9, 12.1];
  await v.post({
    type: 'ended',
    elapsedMs: 1500,
    status: {
      id: 'bm-1',
      state: 'cancelled',
      done: 7,
      total: 24,
      message: 'cancelled',
      report: {
        storedId: 3,
        label: 'model big_customer: buffer vs saved file',
        target: 'dev',
        status: 'cancelled',
        notes: ['cancelled: the runs done before are kept'],
        variants: [
          { label: 'saved file', sql: 'select 1', runsMs: done, rows: 9, stats: stats(done) },
          { label: 'buffer', sql: 'select 1', runsMs: [12.2], rows: 9, stats: stats([12.2, 12.2]) },
        ],
        comparisons: [
          {
            variant: 'buffer',
            baseline: 'saved file',
            verdict: 'not enough runs',
            summary: 'not enough runs for a verdict: 1',
          },
        ],
        millis: 1500,
      },
    },
  });
  assert.equal(await progress.isHidden(), true);
  assert.match((await text(v, 'benchmark-status')) ?? '', /^Cancelled/);
  assert.match((await text(v, 'benchmark-partial')) ?? '', /runs done/);
  assert.equal(await text(v, 'benchmark-verdict-headline'), 'not enough runs for a verdict: 1');
  const t2 = await text(v, 'benchmark-elapsed');
  await v.page.waitForTimeout(300);
  assert.equal(await text(v, 'benchmark-elapsed'), t2, 'the timer stopped');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('finished: the runs drawn on a canvas, the statistics, the verdict with its interval, notes and history', async () => {
  const v = await openView('benchmark');
  await v.post({ type: 'starting', title: 'big_customer', startedAt: Date.now() });
  await v.post({ type: 'recommendation', recommendation });
  await v.post({ type: 'ended', status: finishedStatus(), elapsedMs: 4300 });
  await v.post({
    type: 'history',
    reports: [
      finishedStatus().report as Record<string, unknown>,
      {
        storedId: 9,
        label: 'model big_customer: buffer vs saved file',
        target: 'dev',
        status: 'ok',
        millis: 2100,
        variants: [
          { label: 'saved file', rows: 9, stats: stats(without) },
          { label: 'buffer', rows: 9, stats: stats(without.map((x) => x + 1)) },
        ],
        comparisons: [
          {
            variant: 'buffer',
            baseline: 'saved file',
            ratio: 1.003,
            low: 0.99,
            high: 1.02,
            verdict: 'no significant difference',
            summary: '...',
          },
        ],
      },
    ],
  });

  const verdict = v.page.getByTestId('benchmark-verdict');
  assert.equal(await verdict.getAttribute('data-tone'), 'faster');
  assert.equal(
    await text(v, 'benchmark-verdict-headline'),
    "'with recommendation 7' is 38.9× faster than 'without'",
  );
  assert.match((await text(v, 'benchmark-interval')) ?? '', /^95 % interval: 38\.0× to 40\.2× faster/);
  assert.equal(await text(v, 'benchmark-status'), 'Finished');
  assert.equal(await text(v, 'benchmark-elapsed'), '4.2 s');

  // the chart: an ECharts canvas with a size, and pixels drawn
  const canvas = v.page.locator('[data-testid="benchmark-chart"] canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 300 && box.height > 100, `canvas ${JSON.stringify(box)}`);
  const painted = await canvas.evaluate((c) => {
    const cv = c as HTMLCanvasElement;
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(painted > 1000, `painted pixels: ${painted}`);

  const rows = v.page.getByTestId('benchmark-stats-row');
  assert.equal(await rows.count(), 2);
  const cells = async (i: number) => rows.nth(i).locator('td').allTextContents();
  assert.deepEqual(await cells(0), [
    'without',
    '10',
    '348 ms',
    '352 ms',
    '364 ms',
    '366 ms',
    '354 ms',
    '5.88 ms',
    '9',
  ]);
  assert.deepEqual(await cells(1), [
    'with recommendation 7',
    '10',
    '8.87 ms',
    '9.09 ms',
    '10.7 ms',
    '11.8 ms',
    '9.37 ms',
    '0.87 ms',
    '9',
  ]);
  assert.deepEqual(
    await v.page.getByTestId('benchmark-note').allTextContents(),
    (finishedStatus().report as { notes: string[] }).notes,
  );
  assert.equal(await text(v, 'benchmark-sandbox'), 'sandbox: PostgreSQL transaction, rolled back');
  assert.match((await text(v, 'benchmark-warehouse')) ?? '', /sharedReadBlocks8334/);

  const history = v.page.getByTestId('benchmark-history-row');
  assert.equal(await history.count(), 2);
  assert.equal(await history.nth(0).getAttribute('data-current'), 'true');
  assert.match(
    (await history.nth(1).textContent()) ?? '',
    /No significant difference between 'buffer' and 'saved file'/,
  );

  assert.equal(await text(v, 'benchmark-apply-sql'), recommendation.applySql);
  assert.equal(await v.page.getByTestId('benchmark-apply').isEnabled(), true);
  await v.screenshot('finished');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test("Apply… posts apply; the server's refusal and a done apply show as text", async () => {
  const v = await openView('benchmark', { width: 900, height: 700 });
  await v.post({ type: 'starting', title: 'big_customer', startedAt: Date.now() });
  await v.post({ type: 'ended', status: finishedStatus(), elapsedMs: 4300 });
  await v.post({ type: 'recommendation', recommendation });
  await v.page.getByTestId('benchmark-apply').click();
  assert.deepEqual((await sentOf(v, 'apply')).at(-1), { type: 'apply', action: 'apply' });
  assert.equal(await v.page.getByTestId('benchmark-apply').isDisabled(), true);
  await v.post({
    type: 'applied',
    ok: false,
    recommendation,
    message:
      'applying recommendations is off; set dbtls.recommendations.allowApply to true to allow it (each use is confirmed and audited)',
  });
  const result = v.page.getByTestId('benchmark-apply-result');
  assert.equal(await result.getAttribute('data-ok'), 'false');
  assert.match((await result.textContent()) ?? '', /dbtls\.recommendations\.allowApply/);
  assert.equal(await v.page.getByTestId('benchmark-apply').isEnabled(), true, 'can ask again');
  await v.screenshot('apply-refused');
  await v.post({
    type: 'applied',
    ok: true,
    message: `Ran ${recommendation.applySql} (audit #4).`,
    recommendation: { ...recommendation, status: 'applied' },
  });
  assert.equal(await result.getAttribute('data-ok'), 'true');
  assert.match((await text(v, 'benchmark-recommendation-status')) ?? '', /status applied/);
  assert.equal(await v.page.getByTestId('benchmark-apply').isDisabled(), true);
  assert.equal(await v.page.getByTestId('benchmark-rollback').isVisible(), true);
  await v.page.getByTestId('benchmark-rollback').click();
  assert.deepEqual((await sentOf(v, 'apply')).at(-1), { type: 'apply', action: 'rollback' });
  assert.deepEqual(v.errors, []);
  await v.close();
});

test("failures show the server's message and compile problems; markup in labels shows as text", async () => {
  const v = await openView('benchmark');
  await v.post({ type: 'starting', title: 'big_customer', startedAt: Date.now() });
  await v.post({
    type: 'failed',
    elapsedMs: 80,
    message: 'compile failed: model big_customer',
    problems: [
      {
        severity: 'error',
        message: "ref('<script>alert(1)</script>') is not a model of this project",
        code: 'ref-unknown',
        uri: MODEL,
        range: { start: { line: 3, character: 4 }, end: { line: 3, character: 30 } },
      },
    ],
  });
  assert.equal(await text(v, 'benchmark-status'), 'Failed');
  assert.match((await text(v, 'benchmark-error')) ?? '', /compile failed/);
  assert.equal(
    await text(v, 'benchmark-problem'),
    "error: ref('<script>alert(1)</script>') is not a model of this project (line 4)",
  );
  assert.equal(await v.page.getByTestId('benchmark-progress').isHidden(), true);
  assert.equal(await v.page.getByTestId('benchmark-rerun').isEnabled(), true);
  await v.screenshot('failed');

  // a report whose labels hold markup: text in the table and the verdict, no script ran
  const s = finishedStatus();
  const r = s.report as { variants: Array<{ label: string }>; comparisons: Array<{ variant: string }> };
  r.variants[1].label = '<script>alert(1)</script>';
  r.comparisons[0].variant = '<script>alert(1)</script>';
  await v.post({ type: 'ended', status: s, elapsedMs: 4300 });
  assert.equal(
    await v.page.getByTestId('benchmark-stats-row').nth(1).locator('td').first().textContent(),
    '<script>alert(1)</script>',
  );
  assert.equal(
    await text(v, 'benchmark-verdict-headline'),
    "'<script>alert(1)</script>' is 38.9× faster than 'without'",
  );
  assert.equal(await v.page.locator('.bm-content script').count(), 0);
  await v.post({ type: 'history', reports: [], error: 'the store cannot be read: disk full' });
  assert.equal(await text(v, 'benchmark-history-error'), 'the store cannot be read: disk full');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('a BigQuery benchmark not run for its cost says what it would scan and cost, as a question, not a failure', async () => {
  const v = await openView('benchmark');
  await v.post({ type: 'starting', title: 'orders', startedAt: Date.now() });
  // the server's words (BigQueryRestContractTest) for runs above dbtls.benchmark.confirmBytesAbove
  const message =
    "not run yet: BigQuery's dry runs say the benchmark would scan 240.0 GB (a run: 'saved file' 10.0 GB, 'buffer' 10.0 GB) in 12 runs per variant, warm-ups included, about $1.37 on demand at the US list price ($6.25 per TiB; the minimum of 10 MB per query billed aside), more than dbtls.benchmark.confirmBytesAbove (107.4 GB); confirm to run it";
  await v.post({
    type: 'ended',
    elapsedMs: 2100,
    status: {
      id: 'bq-1',
      state: 'error',
      done: 0,
      total: 24,
      message,
      report: {
        label: 'model orders: buffer vs saved file',
        target: 'bq',
        status: 'error',
        notes: [],
        variants: [],
        comparisons: [],
        millis: 2100,
        error: { code: 'benchmark-cost-unconfirmed', message },
        scanBytes: 240_000_000_000,
      },
    },
  });
  assert.equal(
    await text(v, 'benchmark-status'),
    'Not run: the warehouse bills for it, and you have not accepted the cost yet',
  );
  assert.equal(await text(v, 'benchmark-cost'), `${message} — Run again to be asked once more.`);
  assert.equal(await v.page.getByTestId('benchmark-error').count(), 0, 'not drawn as a failure');
  assert.equal(await v.page.getByTestId('benchmark-rerun').isEnabled(), true);
  await v.screenshot('cost-unconfirmed');
  assert.deepEqual(v.errors, []);
  await v.close();
});
