// What a first hour shows, in a fresh window: how long until the first completion list and the
// first diagnostics (beside the server's own times, measured alone), the walkthrough checking its
// steps as they are done, the views opening in one column beside the model, the lineage's first
// view whole, and a palette title typed in full running that command. Screenshots in test-output/e2e.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { serverAlone } from './serverAlone';
import { eventually, FOLDER, windowForTests } from './workbench';

const wb = windowForTests('first-hour');
const MODEL = 'models/marts/customers.sql';
const SHOTS = process.env.DBTLS_E2E_SHOTS ?? path.resolve('test-output', 'e2e');

/** Milliseconds until `probe` (run in the page, every 20 ms) is true. */
async function until(from: number, probe: () => boolean, what: string): Promise<number> {
  await wb.page.waitForFunction(probe, undefined, { polling: 20, timeout: 120_000 }).catch(() => {
    throw new Error(`${what}: not within 120 s`);
  });
  return Date.now() - from;
}

test('start-up: a model opened in a fresh window gets its first completion list and first diagnostics (timings reported)', async () => {
  const windowReady = Date.now() - wb.openedAt;
  const opening = Date.now();
  await wb.openFile(MODEL);
  const opened = Date.now() - opening;
  // a broken ref and an open ref(' at the end, as typed in the first seconds
  await wb.page.keyboard.press('Control+End');
  await wb.page.keyboard.insertText("\n{{ ref('no_such_model') }}\n{{ ref('");
  // the first error underlined: the broken ref or the unclosed {{ (whichever the server says first)
  const diagnostics = until(
    opening,
    () => document.querySelector('.monaco-editor .squiggly-error') !== null,
    'an error underlined in the model',
  );
  const dbtSql = until(
    opening,
    () => /dbt SQL/.test(document.getElementById('status.editor.mode')?.textContent ?? ''),
    'the model shown as dbt SQL',
  );
  // Ctrl+Space until the list offers the models: the first list may be words of the file
  const rows = wb.page.locator('.suggest-widget .monaco-list-row .label-name');
  let firstList: number | undefined;
  let firstListWords: string[] = [];
  let completion: number | undefined;
  const message = wb.page.locator('.suggest-widget .message');
  while (completion === undefined) {
    assert.ok(
      Date.now() - opening < 180_000,
      `no completion of the models within 180 s: ${firstListWords.join(', ')}`,
    );
    await wb.page.keyboard.press('Control+Space');
    // a list, or "No suggestions." (the server may answer nothing while it loads): then ask again
    const shown = await Promise.race([
      rows
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => 'list'),
      message
        .waitFor({ state: 'visible', timeout: 15_000 })
        .then(() => 'message')
        .catch(() => new Promise<string>(() => undefined)),
    ]).catch(() => 'nothing');
    const labels = shown === 'list' ? await rows.allInnerTexts() : [];
    if (firstList === undefined && labels.length > 0) {
      firstList = Date.now() - opening;
      firstListWords = labels;
    }
    if (labels.some((l) => l.includes('stg_orders'))) completion = Date.now() - opening;
    else {
      await wb.page.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await wb.screenshot('startup-completion');
  await wb.page.keyboard.press('Escape');
  const firstDiagnostics = await diagnostics;
  const dbtSqlAt = await dbtSql;
  await wb.command('File: Revert File');

  // the server alone, as the extension starts it, on the same project and cache
  const text = `${readFileSync(path.join(FOLDER, MODEL), 'utf8')}\n{{ ref('no_such_model') }}\n{{ ref('`;
  const store = mkdtempSync(path.join(tmpdir(), 'dbtls-e2e-store-'));
  let alone;
  try {
    alone = await serverAlone(path.resolve('server', 'dbtls.jar'), FOLDER, MODEL, text, /stg_orders/, /./, {
      ...process.env,
      XDG_CACHE_HOME: process.env.DBTLS_E2E_CACHE ?? path.join(store, 'cache'),
      DBTLS_STORE: path.join(store, 'store.db'),
    });
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
  const times = {
    windowReadyMs: windowReady,
    modelOpenMs: opened,
    editorDbtSqlMs: dbtSqlAt,
    editorFirstListMs: firstList,
    editorFirstListWasModels: firstList === completion,
    editorFirstListSample: firstListWords.slice(0, 5),
    editorFirstCompletionMs: completion,
    editorFirstDiagnosticsMs: firstDiagnostics,
    serverInitializeMs: alone.initializeMs,
    serverFirstCompletionMs: alone.completionMs,
    serverFirstDiagnosticsMs: alone.diagnosticsMs,
  };
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(path.join(SHOTS, 'startup.json'), JSON.stringify(times, null, 2));
  console.log(
    [
      'start-up (ms)                       editor (from opening the model)   server alone (from its start)',
      `first completion list in ref('      ${String(completion).padEnd(34)}${alone.completionMs}`,
      `first diagnostics (an error)        ${String(firstDiagnostics).padEnd(34)}${alone.diagnosticsMs}`,
      `(window ready ${windowReady} ms; model open ${opened} ms; dbt SQL mode at ${dbtSqlAt} ms; first list at ${firstList} ms${firstList === completion ? '' : `, words of the file: ${firstListWords.slice(0, 5).join(', ')}…`}; server initialize ${alone.initializeMs} ms)`,
    ].join('\n'),
  );
});

/** Whether the walkthrough's step shows as done. */
async function stepDone(id: string): Promise<boolean> {
  return (
    (await wb.page.locator(`[data-done-step-id$="#${id}"]`).first().getAttribute('aria-checked')) === 'true'
  );
}

/** Clicks into the model's text (the first editor group), so that a command sees it as the active editor. */
async function backInTheModel(): Promise<void> {
  await wb.page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').click();
}

test('the walkthrough checks Java and the project at once, and each step as it is done; the views share one column beside the model', async () => {
  await wb.command('View: Close All Editor Groups');
  await wb.typeCommand('Welcome: Open Walkthrough');
  const pick = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with dbtls' });
  await pick.first().click();
  await wb.page.locator('[data-done-step-id$="#java"]').first().waitFor();
  await eventually(
    async () => (await stepDone('java')) && (await stepDone('project')),
    'Java and the project are checked',
  );
  for (const step of ['preview', 'explain', 'lineage'])
    assert.equal(await stepDone(step), false, `${step} is not done yet`);
  await wb.screenshot('walkthrough-start');

  await wb.openFile(MODEL);
  await wb.command('dbt: Preview Model');
  await wb.webview('results-tabs');
  // the grid can take the focus as it loads: back in the model, as a user clicks, before the next
  await backInTheModel();
  await wb.command('dbt: Explain Model');
  await wb.webview('plan-tree');
  await backInTheModel();
  // typed in full and Enter, as a user does: the lineage of the model, not of a column
  await wb.typeCommand('dbt: Show Lineage');
  await wb.webview('lineage-graph');
  await wb.page.locator('.tabs-container .tab', { hasText: 'Lineage: customers' }).first().waitFor();
  assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: 'Column Lineage' }).count(), 0);

  const groups = await wb.groups();
  assert.equal(groups.length, 2, `one column of views beside the model: ${JSON.stringify(groups)}`);
  assert.equal(groups.flat().filter((t) => t === 'customers.sql').length, 1, 'the model is open once');
  assert.ok(groups[0].includes('customers.sql'));
  for (const view of ['dbt Results', 'Plan: customers', 'Lineage: customers'])
    assert.ok(groups[1].includes(view), `${view} is in the views' column: ${JSON.stringify(groups)}`);
  await wb.screenshot('views-one-column');

  await wb.page
    .locator('.tabs-container .tab', { hasText: /^Welcome|Walkthrough/ })
    .first()
    .click();
  await eventually(
    async () => (await stepDone('preview')) && (await stepDone('explain')) && (await stepDone('lineage')),
    'preview, explain and lineage are checked',
  );
  await wb.screenshot('walkthrough-done');
});

test("the lineage's first view shows the model, its parents and their seeds whole", async () => {
  await wb.page.locator('.tabs-container .tab', { hasText: 'Lineage: customers' }).first().click();
  const view = await wb.webview('lineage-graph');
  const cards = view.locator('[data-testid="lineage-node"]');
  await eventually(async () => (await cards.count()) >= 5, 'the lineage nodes are drawn');
  await new Promise((r) => setTimeout(r, 500));
  const pane = (await view.locator('[data-testid="lineage-graph"]').boundingBox())!;
  for (const card of await cards.all()) {
    const b = (await card.boundingBox())!;
    assert.ok(
      b.x >= pane.x - 1 &&
        b.x + b.width <= pane.x + pane.width + 1 &&
        b.y >= pane.y - 1 &&
        b.y + b.height <= pane.y + pane.height + 1,
      `${await card.getAttribute('data-id')} is cut: ${JSON.stringify(b)} in ${JSON.stringify(pane)}`,
    );
  }
  await wb.screenshot('lineage-first-view');
});

test("a model opened in the views' column moves beside them when a view is asked for, instead of opening twice", async () => {
  // a click in a view makes its column the active one: quick open then opens the file there
  const view = await wb.webview('lineage-graph');
  await view.locator('[data-testid="lineage-graph"]').click({ position: { x: 5, y: 5 } });
  await wb.openFile('models/staging/stg_orders.sql');
  await wb.command('dbt: Preview Model');
  await eventually(async () => {
    const groups = await wb.groups();
    return (
      groups.length === 2 &&
      groups[0].includes('stg_orders.sql') &&
      !groups[1].includes('stg_orders.sql') &&
      groups[1].includes('dbt Results')
    );
  }, 'stg_orders.sql moved to the left of the views');
  await wb.screenshot('views-source-moved');
});
