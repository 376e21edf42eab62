// Benchmark (not a test): how long the Database Explorer takes to build its rows from a catalog
// answer of 10,000 and 100,000 project nodes (half built, with two columns each; half not built),
// in Node as the extension host runs it. Median of 5 runs each. Usage: node scripts/explorer-benchmark.mjs
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'dbtls-explorer-'));
const outfile = join(dir, 'catalogTree.cjs');
await esbuild.build({
  entryPoints: ['src/trees/catalogTree.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const { explorerItems } = createRequire(import.meta.url)(outfile);

function catalog(n) {
  const relations = [];
  const notBuilt = [];
  for (let i = 0; i < n; i++) {
    const folder = `d${i % 40}/web${i % 7}`;
    const name = `m_${i % 40}_${i}`;
    const nodeId = `model.big.${name}`;
    const uri = `file:///w/big/models/${folder}/${name}.sql`;
    if (i % 2)
      notBuilt.push({
        nodeId,
        name,
        resourceType: 'model',
        uri,
        database: 'db',
        schema: 'main',
        identifier: name,
      });
    else
      relations.push({
        database: 'db',
        schema: 'main',
        name,
        kind: 'table',
        nodeId,
        resourceType: 'model',
        uri,
        columns: [
          { name: 'id', type: 'INTEGER' },
          { name: 'label', type: 'VARCHAR' },
        ],
      });
  }
  return {
    project: { name: 'big', uri: 'file:///w/big' },
    result: { target: 'dev', relations, notBuilt, cut: false, millis: 1 },
  };
}

for (const n of [10_000, 100_000]) {
  const c = catalog(n);
  const times = [];
  let rows = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    const items = explorerItems([c]);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    rows = 0;
    const walk = (item) => {
      rows++;
      (item.children ?? []).forEach(walk);
    };
    items.forEach(walk);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${n.toLocaleString('en-US')} nodes: ${rows.toLocaleString('en-US')} rows in ${times[2].toFixed(0)} ms (median; runs ${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
}
rmSync(dir, { recursive: true, force: true });
