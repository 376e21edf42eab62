// What a dbt developer sees in the editor: the status item, dbt SQL highlighting, completion of
// ref on the first try after opening, go to definition, hover, problems as you type, compiled SQL
// beside the model, switching target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowForTests, eventually, text as plain } from './workbench';

const wb = windowForTests('editor');

/** What the language status item says (its hover, read from its accessible label). */
async function languageStatus(): Promise<string> {
  return (await wb.page.locator('.statusbar-item#status\\.languageStatus').getAttribute('aria-label')) ?? '';
}

test('a model opens as dbt SQL; completion inside ref( lists the models on the first try', async () => {
  await wb.openFile('models/marts/customers.sql');
  const language = wb.page.locator('.statusbar-item#status\\.editor\\.mode');
  await eventually(
    async () => (await language.innerText()).includes('dbt SQL'),
    'the language mode is dbt SQL',
  );
  // the Jinja of the model is highlighted by our grammar: its delimiters are not plain text
  const tokenClass = async (line: string, token: string) =>
    wb.page
      .locator('.view-line', { hasText: line })
      .first()
      .locator('span > span', { hasText: token })
      .first()
      .getAttribute('class');
  // (the editor tokenizes again with the new grammar after the switch to dbt SQL: wait for it)
  await eventually(
    async () => {
      const jinja = await tokenClass("ref('stg_orders')", '{{');
      return jinja && jinja !== (await tokenClass('group by customer_id', 'customer_id'));
    },
    '{{ is coloured, not plain text',
    30_000,
  );
  await wb.page.keyboard.press('Control+End'); // the empty last line
  await wb.type("{{ ref('");
  const labels = await wb.completions(); // once: no retry
  await wb.screenshot('ref-completion');
  for (const model of ['stg_orders', 'stg_customers', 'raw_orders', 'slow_report']) {
    assert.ok(
      labels.some((l) => l.includes(model)),
      `${model} is not offered: ${labels.join(', ')}`,
    );
  }
  await wb.page.keyboard.press('Escape');
});

test('a ref to a missing model shows in Problems as you type', async () => {
  await wb.openFile('models/marts/customers.sql');
  await wb.page.keyboard.press('Control+End');
  await wb.page.keyboard.insertText("{{ ref('no_such_model') }}"); // as pasted: no brackets closed for us
  await wb.page.keyboard.press(`Control+Shift+M`);
  const problems = wb.page.locator('.markers-panel');
  await eventually(
    async () => (await problems.innerText()).includes('no_such_model'),
    'the broken ref is in Problems',
  );
  await wb.screenshot('problems');
  const text = await problems.innerText();
  assert.match(text, /customers\.sql/);
  // back to the file as on disk: the problem goes away
  await wb.command('File: Revert File');
  await eventually(
    async () => !(await problems.innerText()).includes('no_such_model'),
    'the problem is gone after the revert',
  );
  await wb.page.keyboard.press(`Control+Shift+M`);
});

test('hover on a ref shows the model description; F12 opens the model', async () => {
  await wb.goTo(7, 20); // from {{ ref('stg_orders') }}
  assert.match(await wb.editorText(), /ref\('stg_orders'\)/);
  await wb.page.keyboard.press('Control+K');
  await wb.page.keyboard.press('Control+I');
  const hover = wb.page.locator('.monaco-hover:visible');
  await eventually(
    async () => (await hover.innerText()).includes('Orders that were not returned'),
    'the hover shows the description',
  );
  await wb.screenshot('hover');
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('F12');
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'stg_orders.sql' }).waitFor();
  await eventually(
    async () => /from \{\{ ref\('raw_orders'\) \}\}/.test(await wb.editorText()),
    'the model stg_orders is shown',
    15_000,
  );
});

test('the language status item shows the project, its target and adapter', async () => {
  await wb.openFile('models/marts/customers.sql');
  await eventually(
    async () => /dbt: vscode_shop · dev \(duckdb\), no problems/.test(await languageStatus()),
    'the status names the project and target',
  );
  await wb.page.locator('.statusbar-item#status\\.languageStatus').hover();
  await wb.page.locator('.context-view', { hasText: 'vscode_shop · dev (duckdb)' }).waitFor();
  await wb.screenshot('status');
  await wb.page.keyboard.press('Escape');
});

test("a generic test v2 refuses shows with dbt's deprecation name; its quick fix moves the arguments", async () => {
  await wb.openFile('models/schema.yml');
  await wb.page.keyboard.press('Control+End'); // the empty line after the last model, slow_report
  // as pasted (YAML is not auto-indented in these tests: the lines keep their own indentation)
  await wb.page.keyboard.insertText(
    '    columns:\n      - name: pairs\n        data_tests:\n          - accepted_values:\n              values: [0, 1]\n',
  );
  await eventually(async () => /values: \[0, 1\]/.test(await wb.editorText()), 'the test is typed');
  await wb.page.keyboard.press('Control+Shift+M');
  const problems = wb.page.locator('.markers-panel');
  await eventually(
    async () =>
      (await problems.innerText()).includes('missing-arguments-property-in-generic-test-deprecation'),
    "the deprecation is in Problems, under dbt's name",
  );
  const shown = await problems.innerText();
  assert.match(shown, /Arguments to generic tests should be nested under the `arguments` property/);
  await wb.screenshot('deprecation');
  // the quick fix, from the light bulb menu at the key
  await wb.goTo(28, 15);
  await wb.page.keyboard.press('Control+.');
  const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'under `arguments:`' });
  await fix.first().waitFor({ timeout: 30_000 });
  await wb.screenshot('deprecation-quick-fix');
  // the pointer is blocked over the menu: choose the fix from the keyboard, as most users do
  const focused = wb.page.locator('.action-widget .monaco-list-row.focused');
  await eventually(
    async () => /under `arguments:`/.test((await focused.getAttribute('aria-label')) ?? ''),
    'the fix is chosen',
  );
  await wb.page.keyboard.press('Enter');
  await eventually(
    async () => /- accepted_values:\s+arguments:\s+values: \[0, 1\]/.test(await wb.editorText()),
    'the arguments are nested under arguments:',
  );
  await eventually(
    async () =>
      !(await problems.innerText()).includes('missing-arguments-property-in-generic-test-deprecation'),
    'the deprecation is gone once fixed',
  );
  await wb.screenshot('deprecation-fixed');
  await wb.page.keyboard.press('Control+Shift+M');
  await wb.command('File: Revert File');
  await wb.openFile('models/marts/customers.sql'); // where the next test starts
});

test('compiled SQL shows beside the model, without Jinja', async () => {
  await wb.command('dbt: Show Compiled SQL');
  const tab = wb.page.locator('.tabs-container .tab', { hasText: 'customers.sql.compiled.sql' });
  await tab.first().waitFor();
  const compiled = wb.page.locator('.editor-instance', { has: wb.page.locator('.monaco-editor') }).last();
  await eventually(async () => /stg_orders/.test(await compiled.innerText()), 'the compiled SQL is shown');
  await wb.screenshot('compiled');
  const text = plain(await compiled.innerText());
  assert.doesNotMatch(text, /\{\{/);
  assert.match(text, /left join/);
});

test('switch target: the status item follows', async () => {
  await wb.page
    .locator('.tabs-container .tab', { hasText: /^customers\.sql/ })
    .first()
    .click();
  await wb.command('dbt: Switch Target');
  const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'scratch' });
  await row.waitFor();
  await wb.screenshot('switch-target');
  await row.click();
  await eventually(
    async () => /vscode_shop · scratch \(duckdb\)/.test(await languageStatus()),
    'the status shows the new target',
  );
  await wb.page.locator('.statusbar-item#status\\.languageStatus').hover();
  await wb.page.locator('.context-view', { hasText: 'scratch' }).waitFor();
  await wb.screenshot('switched');
});
