// The MCP server definition provider against stand-ins for the `vscode` module: on a VS Code with
// the finalised API each dbt project becomes a `dbtls mcp` server for agent mode (none when
// dbtls.mcp.enabled is off); on VS Code 1.100, where the function exists behind a proposal and
// throws, nothing is registered and the log says why.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { serverCommand } from '../../src/server/launch';
import type * as Mcp from '../../src/server/mcp';
import { Emitter } from './vscodeParts';

const lines: string[] = [];
let enabled = true;
const fakeVscode = {
  version: '1.101.0',
  window: {
    createOutputChannel: () => ({ appendLine: (l: string) => lines.push(l), dispose: () => {} }),
  },
  workspace: {
    getConfiguration: () => ({
      get: <T>(key: string, fallback?: T) =>
        (key === 'mcp.enabled' ? enabled : key === 'target' ? 'dev' : fallback) as T,
      inspect: () => ({ globalValue: undefined }),
    }),
    onDidChangeConfiguration: () => ({ dispose: () => {} }),
  },
  Uri: {
    joinPath: (base: { fsPath: string }, ...parts: string[]) => ({
      fsPath: [base.fsPath, ...parts].join('/'),
    }),
    file: (p: string) => ({ fsPath: p }),
  },
  EventEmitter: Emitter,
};

let mcp: typeof Mcp;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  mcp = await import('../../src/server/mcp');
});

class Definition {
  cwd?: { fsPath: string };
  constructor(
    readonly label: string,
    readonly command: string,
    readonly args: string[],
  ) {}
}

test('without the API, or with it behind the proposal, nothing is registered and the log says why', () => {
  const context = { subscriptions: [] as unknown[], extensionUri: {} };
  lines.length = 0;
  assert.equal(
    mcp.registerMcp(context as never, { findProjects: async () => [] }, { version: '1.99.0' }),
    false,
  );
  assert.match(lines[0], /has no MCP API \(it came in 1\.101\)/);
  const proposal = {
    version: '1.100.3',
    lm: {
      registerMcpServerDefinitionProvider: () => {
        throw new Error('Extension cannot use API proposal: mcpConfigurationProvider');
      },
    },
    McpStdioServerDefinition: Definition,
  };
  assert.equal(mcp.registerMcp(context as never, { findProjects: async () => [] }, proposal), false);
  assert.match(
    lines[1],
    /1\.100\.3 has the MCP API only as a proposal .*mcpConfigurationProvider.*final from 1\.101/,
  );
});

test('with the finalised API each project is a dbtls mcp server; the setting turns them off', async () => {
  // an extension folder with its jar (a stand-in: only its presence is checked)
  const extension = mkdtempSync(path.join(tmpdir(), 'dbtls-ext-'));
  mkdirSync(path.join(extension, 'server'));
  writeFileSync(path.join(extension, 'server', 'dbtls.jar'), '');
  const context = { subscriptions: [] as unknown[], extensionUri: { fsPath: extension } };
  let registered: { id: string; provider: Mcp.McpProviderForTests } | undefined;
  const api = {
    version: '1.101.0',
    lm: {
      registerMcpServerDefinitionProvider: (id: string, provider: Mcp.McpProviderForTests) => {
        registered = { id, provider };
        return { dispose: () => {} };
      },
    },
    McpStdioServerDefinition: Definition,
  };
  assert.equal(mcp.registerMcp(context as never, { findProjects: async () => ['/w/shop'] }, api), true);
  assert.equal(registered?.id, 'dbtls');
  const token = { isCancellationRequested: false };
  const servers = (await registered!.provider.provideMcpServerDefinitions(token as never)) as Definition[];
  // Java 17+ is on this machine (it runs the server's tests): one server for the one project
  assert.equal(servers.length, 1);
  assert.equal(servers[0].label, 'dbt: shop');
  assert.match(servers[0].command, /java(\.exe)?$/);
  // the JVM options launch.json gives the language server (serverStart.test.ts spells them out:
  // a bounded heap and its start, the collector, quick compiler and metadata threshold, UTF-8, the
  // JVM's messages off stdout), with no class-data archive
  const vm = servers[0].args.slice(0, servers[0].args.indexOf('-jar'));
  const lsp = serverCommand({
    java: 'java',
    jar: 'dbtls.jar',
    vmargs: '',
    maxHeap: '',
    platform: process.platform,
  });
  assert.deepEqual(vm, lsp.args.slice(0, lsp.args.indexOf('-jar')));
  assert.ok(vm.includes('-Xmx2g') && vm.includes('-XX:+UseSerialGC'), vm.join(' '));
  assert.deepEqual(servers[0].args.slice(vm.length), [
    '-jar',
    path.join(extension, 'server', 'dbtls.jar'),
    'mcp',
    '--project-dir',
    '/w/shop',
    '--target',
    'dev',
  ]);
  assert.equal(servers[0].cwd?.fsPath, '/w/shop');
  enabled = false;
  assert.deepEqual(await registered!.provider.provideMcpServerDefinitions(token as never), []);
  enabled = true;
});

test("the user's own JVM options come first and take the place of launch.json's they override", () => {
  const args = mcp.mcpArgs(
    '/x/dbtls.jar',
    '/w/shop',
    { get: () => undefined },
    '-Xmx6g -XX:+UseG1GC',
    'linux',
  );
  assert.deepEqual(args.slice(0, 2), ['-Xmx6g', '-XX:+UseG1GC']);
  for (const own of ['-Xmx2g', '-XX:+UseSerialGC', '-Xms256m', '-XX:MaxNewSize=256m', '-XX:NewRatio=5'])
    assert.ok(!args.includes(own), `${own} beside the user's own: ${args.join(' ')}`);
  assert.deepEqual(args.slice(args.indexOf('-jar')), [
    '-jar',
    '/x/dbtls.jar',
    'mcp',
    '--project-dir',
    '/w/shop',
  ]);
});
