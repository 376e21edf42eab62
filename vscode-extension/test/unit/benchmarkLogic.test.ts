// The benchmark's plain logic: following a job (poll, finished notification, cancel, a lost
// server), the verdict in words with its interval, the statistics row, box numbers, progress,
// history lines and the quick pick's recommendations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BenchmarkPoll, FAILURES_TO_GIVE_UP, PollEvent, PollTimer } from '../../src/benchmark/benchmarkPoll';
import {
  boxOf,
  endedText,
  factor,
  historyLines,
  ms,
  progressFraction,
  progressText,
  statsRow,
  verdictText,
} from '../../src/benchmark/benchmarkFormat';
import { benchmarkTitle, recommendationChoices } from '../../src/benchmark/compareChoices';
import type { BenchmarkState, BenchmarkStatus, Recommendation } from '../../src/protocol.generated';

/** A timer the test fires by hand. */
class HandTimer implements PollTimer {
  pending: Array<{ fn: () => void; ms: number }> = [];
  set(fn: () => void, ms: number): unknown {
    const h = { fn, ms };
    this.pending.push(h);
    return h;
  }
  clear(h: unknown): void {
    this.pending = this.pending.filter((x) => x !== h);
  }
  fire(): void {
    const all = this.pending.splice(0);
    for (const h of all) h.fn();
  }
}

const flush = () => new Promise((r) => setImmediate(r));
const running = (done: number): BenchmarkStatus => ({
  id: 'j1',
  state: 'running',
  done,
  total: 24,
  message: `run ${done}`,
});
const ended = (state: BenchmarkState): BenchmarkStatus => ({
  id: 'j1',
  state,
  done: 24,
  total: 24,
  message: 'done',
  report: { millis: 900, status: state },
});

function harness(answers: Array<BenchmarkStatus | null | Error>) {
  const events: PollEvent[] = [];
  const calls: string[] = [];
  const timer = new HandTimer();
  let cancelAnswer: BenchmarkStatus | null = null;
  const poll = new BenchmarkPoll(
    'j1',
    {
      status: async (id) => {
        calls.push(`status ${id}`);
        const a = answers.shift();
        if (a instanceof Error) throw a;
        return a ?? null;
      },
      cancel: async (id) => {
        calls.push(`cancel ${id}`);
        return cancelAnswer;
      },
    },
    (e) => events.push(e),
    timer,
  );
  return { poll, events, calls, timer, setCancelAnswer: (s: BenchmarkStatus | null) => (cancelAnswer = s) };
}

test('poll: progress every interval until the job ends; ended is reported once and the timer stops', async () => {
  const h = harness([running(3), running(9), ended('ok')]);
  h.poll.start();
  assert.equal(h.timer.pending[0].ms, 500);
  h.timer.fire();
  await flush();
  h.timer.fire();
  await flush();
  assert.deepEqual(
    h.events.map((e) => (e.kind === 'progress' ? e.status.done : e.kind)),
    [3, 9],
  );
  h.timer.fire();
  await flush();
  assert.deepEqual(
    h.events.map((e) => e.kind),
    ['progress', 'progress', 'ended'],
  );
  assert.equal(h.poll.state, 'ended');
  assert.equal(h.timer.pending.length, 0);
  h.poll.finished(ended('ok')); // the notification after the poll saw the end: nothing more
  assert.equal(h.events.length, 3);
});

test("poll: dbt/benchmarkFinished ends it at once; another job's notification is ignored", async () => {
  const h = harness([running(1)]);
  h.poll.start();
  h.poll.finished({ ...ended('ok'), id: 'other' });
  assert.equal(h.events.length, 0);
  h.poll.finished(ended('stopped'));
  assert.deepEqual(
    h.events.map((e) => e.kind),
    ['ended'],
  );
  assert.equal((h.events[0] as { status: BenchmarkStatus }).status.state, 'stopped');
  assert.equal(h.timer.pending.length, 0);
});

test('poll: cancel asks the server; its answer ends the job, or the poll does when it still runs', async () => {
  const h = harness([ended('cancelled')]);
  h.poll.start();
  h.setCancelAnswer(ended('cancelled'));
  await h.poll.cancel();
  assert.deepEqual(h.calls, ['cancel j1']);
  assert.deepEqual(
    h.events.map((e) => e.kind),
    ['ended'],
  );
  await h.poll.cancel(); // twice: nothing more
  assert.equal(h.calls.length, 1);

  const g = harness([ended('cancelled')]);
  g.poll.start();
  g.setCancelAnswer(running(5)); // the statement is being cancelled
  await g.poll.cancel();
  assert.equal(g.poll.state, 'cancelling');
  assert.equal(g.events.length, 0);
  g.timer.fire();
  await flush();
  assert.deepEqual(
    g.events.map((e) => e.kind),
    ['ended'],
  );
});

test('poll: a forgotten job or a server that stops answering is given up with a message', async () => {
  const h = harness([null]);
  h.poll.start();
  h.timer.fire();
  await flush();
  assert.equal(h.events[0].kind, 'lost');
  assert.match((h.events[0] as { message: string }).message, /no longer knows/);

  const errors = Array.from({ length: FAILURES_TO_GIVE_UP }, () => new Error('connection closed'));
  const g = harness([new Error('busy'), running(2), ...errors]);
  g.poll.start();
  for (let i = 0; i < 2 + FAILURES_TO_GIVE_UP; i++) {
    g.timer.fire();
    await flush();
  }
  assert.deepEqual(
    g.events.map((e) => e.kind),
    ['progress', 'lost'],
    'one failure is retried; three in a row give up',
  );
  assert.match((g.events[1] as { message: string }).message, /connection closed/);
  assert.equal(g.timer.pending.length, 0);
});

test('poll: dispose stops it silently', async () => {
  const h = harness([running(1)]);
  h.poll.start();
  h.poll.dispose();
  assert.equal(h.timer.pending.length, 0);
  h.poll.finished(ended('ok'));
  assert.equal(h.events.length, 0);
});

test('verdict: faster and slower as speed factors with the interval; no difference; not enough runs', () => {
  const faster = verdictText({
    variant: 'with recommendation 7',
    baseline: 'without',
    ratio: 0.0257,
    low: 0.0249,
    high: 0.0263,
    verdict: 'faster',
  });
  assert.equal(faster.tone, 'faster');
  assert.equal(faster.headline, "'with recommendation 7' is 38.9× faster than 'without'");
  assert.match(
    faster.interval,
    /^95 % interval: 38\.0× to 40\.2× faster \(median ratio 0\.026, 95 % interval 0\.025 to 0\.026\)$/,
  );

  const slower = verdictText({
    variant: 'buffer',
    baseline: 'saved file',
    ratio: 1.42,
    low: 1.3,
    high: 1.55,
    verdict: 'slower',
  });
  assert.equal(slower.headline, "'buffer' is 1.42× slower than 'saved file'");
  assert.match(slower.interval, /^95 % interval: 1\.30× to 1\.55× slower/);

  const same = verdictText({
    variant: 'buffer',
    baseline: 'git HEAD',
    ratio: 0.98,
    low: 0.91,
    high: 1.05,
    verdict: 'no significant difference',
  });
  assert.equal(same.tone, 'same');
  assert.match(same.interval, /includes 1 \(median ratio 0\.980, 95 % interval 0\.910 to 1\.050\)/);

  const few = verdictText({
    variant: 'buffer',
    baseline: 'saved file',
    verdict: 'not enough runs',
    summary: 'not enough runs for a verdict: 1',
  });
  assert.deepEqual(few, { tone: 'unknown', headline: 'not enough runs for a verdict: 1', interval: '' });
});

test('times, factors, statistics row, box numbers, progress', () => {
  assert.deepEqual([0.423, 8.314, 42.71, 380.4, 2412, 61000, undefined].map(ms), [
    '0.42 ms',
    '8.31 ms',
    '42.7 ms',
    '380 ms',
    '2.41 s',
    '61.0 s',
    '–',
  ]);
  assert.deepEqual([1.07, 38.93, 412.2, Infinity].map(factor), ['1.07×', '38.9×', '412×', '∞×']);
  assert.deepEqual(
    statsRow({
      label: 'buffer',
      rows: 9,
      stats: { runs: 10, min: 8.87, median: 9.09, p95: 10.7, max: 11.8, mean: 9.37, stddev: 0.87 },
    }),
    ['buffer', '10', '8.87 ms', '9.09 ms', '10.7 ms', '11.8 ms', '9.37 ms', '0.87 ms'],
  );
  assert.deepEqual(statsRow({ label: 'x', rows: 0 }), ['x', '–', '–', '–', '–', '–', '–', '–']);
  assert.deepEqual(boxOf([5, 1, 3, 2, 4]), [1, 2, 3, 4, 5]);
  assert.equal(boxOf([]), undefined);
  assert.equal(progressFraction({ done: 6, total: 24 }), 0.25);
  assert.equal(progressFraction({ done: 0, total: 0 }), 0);
  assert.equal(progressText({ done: 6, total: 24 }), '6 / 24 runs');
  assert.match(endedText({ state: 'stopped', done: 1, total: 2 }), /time budget/);
});

test('history lines: medians per variant and the verdict', () => {
  const [line] = historyLines([
    {
      storedId: 4,
      label: 'model orders: buffer vs saved file',
      target: 'dev',
      status: 'ok',
      millis: 2100,
      variants: [
        {
          label: 'saved file',
          rows: 1,
          stats: { runs: 10, min: 1, median: 12.5, p95: 2, max: 2, mean: 1, stddev: 0 },
        },
        {
          label: 'buffer',
          rows: 1,
          stats: { runs: 10, min: 1, median: 6.25, p95: 2, max: 2, mean: 1, stddev: 0 },
        },
      ],
      comparisons: [
        { variant: 'buffer', baseline: 'saved file', ratio: 0.5, low: 0.45, high: 0.55, verdict: 'faster' },
      ],
    },
  ]);
  assert.deepEqual(line, {
    storedId: 4,
    label: 'model orders: buffer vs saved file',
    status: 'ok',
    target: 'dev',
    medians: 'saved file: 12.5 ms · buffer: 6.25 ms',
    verdict: "'buffer' is 2.00× faster than 'saved file'",
    tone: 'faster',
    took: '2.10 s',
  });
});

test("quick pick: recommendations with SQL to apply, not dismissed, this model's first", () => {
  const rec = (id: number, over: Partial<Recommendation>): Recommendation => ({
    id,
    nodeId: 'model.shop.other',
    target: 'dev',
    title: `rec ${id}`,
    applySql: `create index i${id} on t (a)`,
    status: 'pending',
    updatedAt: id,
    ...over,
  });
  const choices = recommendationChoices(
    [
      rec(1, {}),
      rec(2, { nodeId: 'model.shop.orders' }),
      rec(3, { applySql: undefined }),
      rec(4, { status: 'dismissed' }),
      rec(5, {}),
    ],
    'model.shop.orders',
  );
  assert.deepEqual(
    choices.map((c) => c.recommendationId),
    [2, 5, 1],
  );
  assert.equal(choices[0].compare, 'recommendation');
  assert.equal(choices[0].description, '#2 · pending · target dev');
  assert.equal(choices[1].description, '#5 · pending · target dev · model.shop.other');
  assert.equal(choices[0].detail, 'create index i2 on t (a)');
  assert.equal(benchmarkTitle('file:///w/shop/models/big%20customer.sql'), 'big customer');
  assert.equal(benchmarkTitle('file:///w/x.sql', 'model.shop.orders'), 'orders');
});
