import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { before, test } from 'node:test';
import type * as Contexts from '../../src/walkthrough/contexts';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let contextsOf: typeof Contexts.contextsOf;
let VIEW_CONTEXTS: typeof Contexts.VIEW_CONTEXTS;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? {} : load(request, ...rest));
  ({ contextsOf, VIEW_CONTEXTS } = await import('../../src/walkthrough/contexts'));
});

test('the contexts: Java found once the server runs, the project and target once it reports them', () => {
  assert.deepEqual(contextsOf(false, []), {
    'dbtls.running': false,
    'dbtls.javaFound': false,
    'dbtls.projectFound': false,
    'dbtls.targetFound': false,
  });
  // a project whose profile is missing: found, but no target to run on
  assert.deepEqual(contextsOf(true, [{ name: 'shop', nodes: 3 }]), {
    'dbtls.running': true,
    'dbtls.javaFound': true,
    'dbtls.projectFound': true,
    'dbtls.targetFound': false,
  });
  assert.equal(
    contextsOf(true, [{ name: 'shop', nodes: 3, target: 'dev', adapter: 'duckdb' }])['dbtls.targetFound'],
    true,
  );
});

test('every walkthrough step has its media and completes on a context the extension sets or a command it has', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const contexts = new Set([...Object.keys(contextsOf(true, [])), ...Object.values(VIEW_CONTEXTS)]);
  assert.deepEqual(
    walkthrough.steps.map((s: { id: string }) => s.id),
    ['java', 'project', 'preview', 'explain', 'lineage'],
  );
  for (const step of walkthrough.steps) {
    const media = step.media.markdown ?? step.media.image;
    assert.ok(existsSync(path.join(ROOT, media)), `${step.id}: ${media} is missing`);
    assert.ok(
      step.completionEvents.some((e: string) => e.endsWith(' && activeEditor == gettingStartedPage')),
      `${step.id} is never checked when done before the walkthrough is first shown`,
    );
    for (const event of step.completionEvents) {
      const kind = event.slice(0, event.indexOf(':'));
      const what = event.slice(event.indexOf(':') + 1);
      if (kind === 'onCommand') assert.ok(commands.has(what), `${step.id}: ${what} is no command of ours`);
      else if (kind === 'onContext') {
        // ours, or ours once the walkthrough's page is the active editor (see registerContexts)
        const [ours, seen] = what.split(' && ');
        assert.ok(contexts.has(ours), `${step.id}: nothing sets ${ours}`);
        assert.ok(seen === undefined || seen === 'activeEditor == gettingStartedPage', `${step.id}: ${what}`);
      } else assert.fail(`${step.id}: ${event}`);
    }
    // the buttons of a step run commands that exist
    for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)/g))
      assert.ok(commands.has(command) || !command.startsWith('dbtls.'), `${step.id}: ${command}`);
  }
});
