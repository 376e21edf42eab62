import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, compareValues, detailText, isLong, toTsv } from '../../webviews/results/cells';

test('cell text: scalars as they are, structured values as JSON', () => {
  assert.equal(cellText('<script>alert(1)</script>'), '<script>alert(1)</script>');
  assert.equal(cellText(3.5), '3.5');
  assert.equal(cellText(false), 'false');
  assert.equal(cellText({ a: [1] }), '{"a":[1]}');
  assert.equal(cellText(null), '');
});

test('long, multi-line and JSON values are for the detail pane', () => {
  assert.equal(isLong('short'), false);
  assert.equal(isLong('x'.repeat(81)), true);
  assert.equal(isLong('a\nb'), true);
  assert.equal(isLong('{}', 'json'), true);
  assert.equal(isLong(null, 'json'), false);
});

test('the detail pane pretty-prints JSON, and leaves other text alone', () => {
  assert.deepEqual(detailText('{"a":1,"b":[2]}', 'text'), {
    text: '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}',
    json: true,
  });
  assert.deepEqual(detailText({ a: 1 }), { text: '{\n  "a": 1\n}', json: true });
  assert.deepEqual(detailText('{not json', 'text'), { text: '{not json', json: false });
  assert.deepEqual(detailText('"quoted"', 'json'), { text: '"quoted"', json: false });
  assert.deepEqual(detailText(null), { text: 'NULL', json: false });
});

test('TSV quotes fields with tabs, line breaks or quotes; NULL is empty', () => {
  assert.equal(
    toTsv([
      [1, 'a'],
      [null, 'b\tc'],
    ]),
    '1\ta\n\t"b\tc"',
  );
  assert.equal(toTsv([['say "hi"', 'x\ny']], ['q', 'r']), 'q\tr\n"say ""hi"""\t"x\ny"');
});

test('sorting keeps NULL last and numeric columns in number order', () => {
  const values = ['10.5', null, '9', '100'];
  assert.deepEqual(
    [...values].sort((a, b) => compareValues(a, b, true)),
    ['9', '10.5', '100', null],
  );
  assert.deepEqual(
    [...values].sort((a, b) => compareValues(a, b, false)),
    ['10.5', '100', '9', null],
  );
  assert.ok(compareValues(false, true, false) < 0);
});
