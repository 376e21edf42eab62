// What the command palette does with a title typed in full: VS Code keeps the commands whose
// label matches it (a prefix, a contiguous substring, or its characters at word starts in order)
// and, for commands not used before, sorts them by label. Enter runs the first. A title typed in
// full must therefore come first among ours: "dbt: Show Lineage" must not run another command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const SEPARATORS = new Set('()[]{}<>`\'"-/;:,.?!'.split(''));
const isSeparator = (c: string | undefined) => c !== undefined && (/\s/.test(c) || SEPARATORS.has(c));

/** Each typed character matches the next character, or the start of a later word. */
function matchesWords(typed: string, label: string): boolean {
  const w = typed.toLowerCase();
  const t = label.toLowerCase();
  const at = (wi: number, ti: number): boolean => {
    if (wi === w.length) return true;
    if (ti >= t.length) return false;
    const same = w[wi] === t[ti] || (isSeparator(w[wi]) && isSeparator(t[ti]));
    if (!same) return false;
    if (at(wi + 1, ti + 1)) return true;
    for (let next = ti + 1; next < t.length; next++)
      if ((isSeparator(t[next]) || isSeparator(t[next - 1])) && at(wi + 1, next)) return true;
    return false;
  };
  for (let start = 0; start < t.length; start++)
    if ((start === 0 || isSeparator(t[start]) || isSeparator(t[start - 1])) && at(0, start)) return true;
  return false;
}

const matches = (typed: string, label: string) =>
  label.toLowerCase().startsWith(typed.toLowerCase()) ||
  label.toLowerCase().includes(typed.toLowerCase()) ||
  matchesWords(typed, label);

interface Contributed {
  command: string;
  title: string;
  category?: string;
}
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
const hidden = new Set<string>(
  (pkg.contributes.menus.commandPalette as Array<{ command: string; when: string }>)
    .filter((m) => m.when === 'false')
    .map((m) => m.command),
);
const palette = (pkg.contributes.commands as Contributed[])
  .filter((c) => !hidden.has(c.command))
  .map((c) => ({ id: c.command, label: c.category ? `${c.category}: ${c.title}` : c.title }));

test('the palette filter as VS Code has it: "dbt: Show Lineage" also matches "dbt: Show Column Lineage"', () => {
  assert.ok(matches('dbt: Show Lineage', 'dbt: Show Column Lineage'));
  assert.ok(matches('dbt: Build Model', 'dbt: Build Model and Parents'));
  assert.ok(!matches('dbt: Show ERD', 'dbt: Show Compiled SQL'));
});

test('every command title typed in full in the palette picks that command first', () => {
  const wrong: string[] = [];
  for (const typed of palette) {
    const first = palette
      .filter((c) => matches(typed.label, c.label))
      .sort((a, b) => a.label.localeCompare(b.label))[0];
    if (first.id !== typed.id) wrong.push(`typing "${typed.label}" runs "${first.label}"`);
  }
  assert.deepEqual(wrong, []);
});

test('no two commands share a title', () => {
  const labels = palette.map((c) => c.label);
  assert.deepEqual(
    labels.filter((l, i) => labels.indexOf(l) !== i),
    [],
  );
});
