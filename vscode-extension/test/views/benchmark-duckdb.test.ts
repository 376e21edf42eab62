import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView } from './harness';

// The real server's answers to dbt/benchmark (buffer vs saved file, warmups 1, runs 8) on jaffle_shop's
// customers_v2 (DuckDB), recorded over LSP from server/target/dbtls.jar; the variants' SQL trimmed.
const REAL = JSON.parse(
  '{"started": {"id": "cdef1826", "progressToken": "dbtls-benchmark-cdef1826", "label": "model customers: buffer vs saved file", "variants": ["saved file", "buffer"], "problems": []}, "progress": {"id": "cdef1826", "state": "running", "done": 12, "total": 18, "message": "run 5/8: \'saved file\' 27.65 ms, 40 rows"}, "ended": {"id": "cdef1826", "state": "ok", "done": 18, "total": 18, "message": "no significant difference between \'buffer\' and \'saved file\': median ratio 0.981 (95 % interval 0.759 to 1.446)", "report": {"storedId": 1, "label": "model customers: buffer vs saved file", "nodeId": "model.jaffle_shop.customers.v2", "target": "dev", "status": "ok", "notes": ["DuckDB has no result cache: every run executed the query"], "variants": [{"label": "saved file", "sql": "with\\n__dbtls_upstream__shop_customers as (\\nselect * from read_csv_auto(\'/tmp/bm-js/seeds/shop_customers.csv\')\\n),\\n__dbtls...", "runsMs": [42.53, 42.688, 43.586, 27.639, 27.654, 29.105, 36.67, 43.792], "rows": 40, "stats": {"runs": 8, "min": 27.639, "median": 39.6, "p95": 43.72, "max": 43.792, "mean": 36.708, "stddev": 7.456}, "warehouse": {}}, {"label": "buffer", "sql": "with\\n__dbtls_upstream__shop_customers as (\\nselect * from read_csv_auto(\'/tmp/bm-js/seeds/shop_customers.csv\')\\n),\\n__dbtls...", "runsMs": [59.899, 41.635, 44.767, 37.258, 33.575, 30.72, 29.518, 40.42], "rows": 40, "stats": {"runs": 8, "min": 29.518, "median": 38.839, "p95": 54.603, "max": 59.899, "mean": 39.724, "stddev": 9.752}, "warehouse": {}}], "comparisons": [{"variant": "buffer", "baseline": "saved file", "ratio": 0.9807703850885049, "low": 0.7590503762806549, "high": 1.4456741134092086, "verdict": "no significant difference", "summary": "no significant difference between \'buffer\' and \'saved file\': median ratio 0.981 (95 % interval 0.759 to 1.446)"}], "millis": 1009}}}',
) as {
  started: { label: string; variants: string[] };
  progress: Record<string, unknown>;
  ended: Record<string, unknown>;
};

after(closeAll);
before(async () => (await openView('benchmark')).close());

test('the real DuckDB answers: progress as the server words it, then no significant difference with its interval', async () => {
  const v = await openView('benchmark', { width: 800, height: 760 });
  const startedAt = Date.now();
  await v.post({ type: 'starting', title: 'customers', startedAt });
  await v.post({
    type: 'started',
    title: 'customers',
    label: REAL.started.label,
    variants: REAL.started.variants,
    startedAt,
  });
  await v.post({ type: 'progress', status: REAL.progress });
  assert.equal(await v.page.getByTestId('benchmark-progress-text').textContent(), '12 / 18 runs');
  assert.equal(
    await v.page.getByTestId('benchmark-progress-message').textContent(),
    "run 5/8: 'saved file' 27.65 ms, 40 rows",
  );
  assert.equal(await v.page.getByTestId('benchmark-cancel').isVisible(), true);

  await v.post({ type: 'ended', status: REAL.ended, elapsedMs: 1100 });
  assert.equal(await v.page.getByTestId('benchmark-progress').isHidden(), true);
  assert.equal(await v.page.getByTestId('benchmark-verdict').getAttribute('data-tone'), 'same');
  assert.equal(
    await v.page.getByTestId('benchmark-verdict-headline').textContent(),
    "No significant difference between 'buffer' and 'saved file'",
  );
  assert.match(
    (await v.page.getByTestId('benchmark-interval').textContent()) ?? '',
    /median ratio 0\.981, 95 % interval 0\.759 to 1\.446/,
  );
  assert.deepEqual(await v.page.getByTestId('benchmark-stats-row').nth(0).locator('td').allTextContents(), [
    'saved file',
    '8',
    '27.6 ms',
    '39.6 ms',
    '43.7 ms',
    '43.8 ms',
    '36.7 ms',
    '7.46 ms',
    '40',
  ]);
  assert.deepEqual(await v.page.getByTestId('benchmark-note').allTextContents(), [
    'DuckDB has no result cache: every run executed the query',
  ]);
  const canvas = v.page.locator('[data-testid="benchmark-chart"] canvas');
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 300 && box.height > 100);
  await v.post({ type: 'history', reports: [(REAL.ended as { report: unknown }).report] });
  assert.equal(await v.page.getByTestId('benchmark-history-row').getAttribute('data-current'), 'true');
  await v.screenshot('duckdb');
  assert.deepEqual(v.errors, []);
  await v.close();
});
