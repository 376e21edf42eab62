import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import { emptyTabs } from './vscodeParts';
import type * as Placement from '../../src/webview/viewColumn';

let placeView: typeof Placement.placeView;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? emptyTabs : load(request, ...rest);
  ({ placeView } = await import('../../src/webview/viewColumn'));
});

test('the first view opens beside the source', () => {
  assert.deepEqual(placeView([{ column: 1, hasViews: false }], 1), {
    column: 'beside',
    moveSourceLeft: false,
  });
});

test('the next views open in the column of the first, wherever the source is', () => {
  const groups = [
    { column: 1, hasViews: false },
    { column: 2, hasViews: true },
    { column: 3, hasViews: false },
  ];
  assert.deepEqual(placeView(groups, 1), { column: 2, moveSourceLeft: false });
  assert.deepEqual(placeView(groups, 3), { column: 2, moveSourceLeft: false });
  assert.deepEqual(placeView(groups, undefined), { column: 2, moveSourceLeft: false });
});

test("a source opened in the views' column moves out of it (to its left) rather than being hidden or opened twice", () => {
  const groups = [
    { column: 1, hasViews: false },
    { column: 2, hasViews: true },
  ];
  assert.deepEqual(placeView(groups, 2), { column: 2, moveSourceLeft: true });
  assert.deepEqual(placeView([{ column: 1, hasViews: true }], 1), { column: 1, moveSourceLeft: true });
});
