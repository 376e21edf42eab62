import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compiledText, sqlSpansOf, templateSpanOf } from '../../src/compiled/sourceMap';
import type { SourceMapSegment } from '../../src/protocol.generated';

// docs/protocol.md's example: select id, {{ var('factor', 2) }} * id as doubled\nfrom {{ ref('stg_orders') }}
const map: SourceMapSegment[] = [
  { sqlStart: 0, sqlEnd: 11, templateStart: 0, templateEnd: 11, kind: 'text' },
  { sqlStart: 11, sqlEnd: 12, templateStart: 11, templateEnd: 33, kind: 'expression' },
  { sqlStart: 12, sqlEnd: 34, templateStart: 33, templateEnd: 55, kind: 'text' },
  { sqlStart: 34, sqlEnd: 60, templateStart: 55, templateEnd: 78, kind: 'expression' },
];

test('text maps character for character, both ways', () => {
  assert.deepEqual(sqlSpansOf(map, 7), [{ start: 7, end: 8 }]);
  assert.deepEqual(sqlSpansOf(map, 40), [{ start: 19, end: 20 }]);
  assert.deepEqual(templateSpanOf(map, 19), { start: 40, end: 41 });
});

test('a Jinja piece maps to all it produced, and back to the whole piece', () => {
  assert.deepEqual(sqlSpansOf(map, 20), [{ start: 11, end: 12 }]);
  assert.deepEqual(sqlSpansOf(map, 60), [{ start: 34, end: 60 }]);
  assert.deepEqual(templateSpanOf(map, 50), { start: 55, end: 78 });
});

test('a loop repeats text: every place is found', () => {
  const loop: SourceMapSegment[] = [
    { sqlStart: 0, sqlEnd: 4, templateStart: 30, templateEnd: 34, kind: 'text' },
    { sqlStart: 10, sqlEnd: 14, templateStart: 30, templateEnd: 34, kind: 'text' },
  ];
  assert.deepEqual(sqlSpansOf(loop, 31), [
    { start: 1, end: 2 },
    { start: 11, end: 12 },
  ]);
});

test('SQL no piece produced (an injected ephemeral CTE) maps nowhere', () => {
  assert.equal(templateSpanOf(map, 500), undefined);
  assert.deepEqual(sqlSpansOf(map, 500), []);
});

test('the compiled document says why there is no SQL', () => {
  assert.equal(compiledText({ sql: 'select 1' }, 'orders'), 'select 1\n');
  assert.match(compiledText(null, 'notes.yml'), /not a model/);
  const failed = compiledText(
    { failed: true, problems: [{ message: "'nope' is undefined", range: { start: { line: 2 } } }] },
    'orders',
  );
  assert.match(failed, /orders did not compile:\n-- {3}line 3: 'nope' is undefined/);
});
