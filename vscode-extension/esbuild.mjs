// Bundles the extension (Node, CommonJS) and one browser bundle per webview. `--production`
// minifies and writes what each bundle took from node_modules to out-meta/ (the third-party notices,
// scripts/notices.mjs, are made from it); `--tests` also compiles the unit tests to out-test/ for Node's test runner.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  metafile: production,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
if (tests) rmSync('out-test', { recursive: true, force: true });

const builds = [
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
];

// every folder of webviews/ with a main.ts(x) is one view, bundled to dist/webviews/<name>.js(.css)
for (const name of readdirSync('webviews')) {
  const entry = ['main.tsx', 'main.ts'].map((f) => `webviews/${name}/${f}`).find(existsSync);
  if (!entry) continue;
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: { [name]: entry },
      outdir: 'dist/webviews',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    }),
  );
}

if (tests) {
  const suites = ['unit', 'views', 'e2e'].flatMap((d) =>
    readdirSync(`test/${d}`)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `test/${d}/${f}`),
  );
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: suites,
      outbase: 'test',
      outdir: 'out-test',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'playwright-core'],
    }),
  );
}

const results = await Promise.all(builds);
if (production) {
  rmSync('out-meta', { recursive: true, force: true });
  mkdirSync('out-meta');
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].sort();
  writeFileSync('out-meta/bundled-inputs.json', JSON.stringify(inputs, null, 1));
}
