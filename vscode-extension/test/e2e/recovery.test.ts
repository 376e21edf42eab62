// When the server cannot run, the user is told why and can recover: a workspace that sets JVM
// options needs the user's consent first; a server that runs out of memory (a real JVM with a
// metaspace too small for it, and no class-data archive: the archive's classes do not count
// against the metaspace, and with it the server fits in a few MB) is reported as such, not
// restarted in a loop; fixing the setting and restarting brings it back.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FOLDER, eventually, windowForTests } from './workbench';

const wb = windowForTests('recovery');
const SETTINGS = path.join(FOLDER, '.vscode', 'settings.json');

function setWorkspaceSetting(key: string, value: unknown): void {
  mkdirSync(path.dirname(SETTINGS), { recursive: true });
  const settings = existsSync(SETTINGS)
    ? (JSON.parse(readFileSync(SETTINGS, 'utf8')) as Record<string, unknown>)
    : {};
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  writeFileSync(SETTINGS, JSON.stringify(settings, null, 2));
}

async function languageStatus(): Promise<string> {
  return (await wb.page.locator('.statusbar-item#status\\.languageStatus').getAttribute('aria-label')) ?? '';
}

/** Clicks a button of the notification that says `text`. */
async function answerNotification(text: RegExp, button: string): Promise<void> {
  const toast = wb.page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: 60_000 });
  await toast.locator('.monaco-button', { hasText: button }).first().click();
}

test('JVM options set by the workspace need consent; running out of memory is said, not looped', async () => {
  await wb.openFile('models/marts/customers.sql');
  await eventually(async () => /dbt: vscode_shop ·/.test(await languageStatus()), 'the server runs');

  setWorkspaceSetting('dbtls.server.vmargs', '-Xshare:off -XX:MaxMetaspaceSize=8m');
  await answerNotification(/restart the server to use the new Java settings/, 'Restart');
  const dialog = wb.page.locator('.monaco-dialog-box', { hasText: 'dbtls.server.vmargs' });
  await dialog.waitFor();
  assert.match(
    await dialog.innerText(),
    /This workspace sets dbtls\.server\.vmargs to "-Xshare:off -XX:MaxMetaspaceSize=8m"/,
  );
  await wb.screenshot('consent');
  await dialog.locator('.monaco-button', { hasText: 'Allow' }).click();

  const oom = wb.page.locator('.notification-toast', { hasText: /ran out of memory/ }).first();
  await oom.waitFor({ timeout: 60_000 });
  assert.match(await oom.innerText(), /was not restarted/);
  // the JVM wrote a heap dump into the extension's log folder, and the message names it
  const dump = /heap dump, for a bug report: (\S+\.hprof)/.exec(await oom.innerText())?.[1];
  assert.ok(dump && existsSync(dump), `the message names a heap dump that exists: ${dump}`);
  await eventually(
    async () => /dbtls stopped/.test(await languageStatus()),
    'the status item says the server stopped',
  );
  await wb.screenshot('out-of-memory');

  // the user fixes the setting and restarts from the message: the server is back
  setWorkspaceSetting('dbtls.server.vmargs', undefined);
  // once the editor has read the changed file (it offers a restart with the new settings): a
  // restart before that started the server with the old options, which ran out of memory again
  await wb.page
    .locator('.notification-toast', { hasText: /restart the server to use the new Java settings/ })
    .first()
    .waitFor({ timeout: 60_000 });
  await answerNotification(/ran out of memory/, 'Restart');
  // running again and done with its start (no progress left in the status): what the shot shows
  await eventually(
    async () => /dbt: vscode_shop · .*, (no|\d+) problems?/.test(await languageStatus()),
    'the server runs again',
    90_000,
  );
  await wb.screenshot('recovered');
});
