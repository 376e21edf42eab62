// End-to-end tests in a real VS Code (code-server 1.100 from ../shared/tools/vscode-web) driven
// by Chromium through playwright-core: installs the packaged dbtls.vsix into a private
// extensions folder, opens a copy of test-projects/vscode_shop, and runs test/e2e/*.test.ts
// (compiled to out-test/e2e) against it. Screenshots: test-output/e2e/.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// the package a user of this machine's platform gets (packages/, made by npm run package), else the
// universal one; when it carries a Java runtime, the editor runs with no other Java to find
const target = `${process.platform}-${process.arch}`;
const summaryFile = path.join(root, 'packages', 'summary.json');
const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : {};
const vsix = path.join(root, summary[target]?.file ?? 'dbtls.vsix');
const bundledJava = Boolean(summary[target]?.runtime);
if (!existsSync(vsix)) fail(`${vsix} is missing: run npm run package first`);
console.log(
  `e2e: ${path.relative(root, vsix)}${bundledJava ? ', with its own Java runtime and no other Java on PATH' : ''}`,
);
if (!existsSync(path.join(root, 'out-test', 'e2e')))
  fail('out-test/e2e is missing: run node esbuild.mjs --tests first');

// the editor, Chromium and playwright-core (idempotent; prints the variables on its last line)
const install = path.resolve(root, '..', '..', 'shared', 'tools', 'vscode-web', 'install.sh');
const vars = execFileSync('bash', [install], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop();
for (const kv of vars.split(/\s+/)) {
  const i = kv.indexOf('=');
  if (i > 0) process.env[kv.slice(0, i)] = kv.slice(i + 1);
}
for (const v of ['CODE_SERVER', 'PLAYWRIGHT_CORE', 'CHROMIUM'])
  if (!process.env[v]) fail(`install.sh did not give ${v}`);

const work = mkdtempSync(path.join(tmpdir(), 'dbtls-e2e-'));
const folder = path.join(work, 'vscode_shop');
const project = path.join(root, '..', 'test-projects', 'vscode_shop');
cpSync(project, folder, {
  recursive: true,
  filter: (f) => !/^(target|logs)([\\/]|$)|\.duckdb/.test(path.relative(project, f)),
});
const extensions = path.join(work, 'extensions');
const userData = path.join(work, 'user-data');
mkdirSync(path.join(userData, 'User'), { recursive: true });
writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.minimap.enabled': false,
      'files.autoSave': 'off',
      'window.commandCenter': false,
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // typed YAML keeps the indentation the test gives it (pasted lines are not re-indented)
      '[yaml]': { 'editor.autoIndent': 'none' },
    },
    null,
    2,
  ),
);

const server = process.env.CODE_SERVER;
execFileSync(
  'node',
  [server, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix],
  { stdio: 'inherit' },
);

const port = await freePort();
const editor = spawn(
  'node',
  [
    server,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    folder,
  ],
  // the server's caches and query history go to the test's folder, not the user's
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...(bundledJava ? withoutJava(process.env, path.join(work, 'path')) : process.env),
      XDG_CACHE_HOME: path.join(work, 'cache'),
      DBTLS_STORE: path.join(work, 'store.db'),
    },
  },
);
let editorLog = '';
editor.stdout.on('data', (d) => (editorLog += d));
editor.stderr.on('data', (d) => (editorLog += d));
const url = `http://127.0.0.1:${port}`;
await waitForHttp(url, 60_000);

let code = 1;
try {
  const files = process.argv.slice(2);
  const tests = spawn(
    'node',
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      ...(files.length
        ? files.map((f) => path.join('out-test', 'e2e', f.replace(/\.ts$/, '.js')))
        : ['out-test/e2e/']),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        DBTLS_E2E_URL: url,
        DBTLS_E2E_FOLDER: folder,
        DBTLS_E2E_SHOTS: path.join(root, 'test-output', 'e2e'),
        // the editor's server cache, for the start-up test's server alone
        DBTLS_E2E_CACHE: path.join(work, 'cache'),
      },
    },
  );
  code = await new Promise((r) => tests.on('exit', (c) => r(c ?? 1)));
  // the server ran on the package's own runtime: the dbtls output says where its Java came from
  if (
    bundledJava &&
    code === 0 &&
    !outputLogs(path.join(userData, 'logs')).some((t) =>
      t.includes('from the Java runtime bundled with dbtls'),
    )
  ) {
    console.error('e2e: the dbtls output does not say the server ran on the bundled Java runtime');
    code = 1;
  }
} finally {
  try {
    process.kill(-editor.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  if (code !== 0) console.error(`--- code-server log ---\n${editorLog.slice(-4000)}`);
  if (!process.env.DBTLS_E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(code);

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

/**
 * The environment without a Java: no JAVA_HOME or JDK_HOME, and each PATH folder that holds a
 * `java` replaced by a folder of links to everything else in it.
 */
function withoutJava(env, shadowRoot) {
  const dirs = (env.PATH ?? '').split(path.delimiter).map((dir, i) => {
    if (!dir || !existsSync(path.join(dir, 'java'))) return dir;
    const shadow = path.join(shadowRoot, String(i));
    mkdirSync(shadow, { recursive: true });
    for (const name of readdirSync(dir))
      if (!/^(java|javac|jshell|jar|jlink|jdeps)$/.test(name))
        symlinkSync(path.join(dir, name), path.join(shadow, name));
    return shadow;
  });
  const { JAVA_HOME, JDK_HOME, ...rest } = env;
  return { ...rest, PATH: dirs.join(path.delimiter) };
}

/** The text of every output channel log VS Code wrote under `dir`. */
function outputLogs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.log') && statSync(f).isFile())
    .map((f) => readFileSync(f, 'utf8'));
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(u, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${u}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  fail(`code-server did not answer on ${u} within ${timeout / 1000} s:\n${editorLog}`);
}
