import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { findJava, javaCandidates } from './java';
import { serverCommand } from './launch';

// VS Code's MCP API (finalised in 1.101): not in @types/vscode 1.100, the engine floor, so the
// parts used are declared here and looked up at run time.
interface McpStdioServerDefinitionCtor {
  new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string>,
    version?: string,
  ): {
    cwd?: vscode.Uri;
  };
}
/** The provider's shape, for the unit test. */
export type McpProviderForTests = McpProvider;
interface McpProvider {
  onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): Promise<unknown[]>;
}
interface McpApi {
  register(id: string, provider: McpProvider): vscode.Disposable;
  Definition: McpStdioServerDefinitionCtor;
}

/** The id package.json's contributes.mcpServerDefinitionProviders declares. */
export const MCP_PROVIDER_ID = 'dbtls';

/** The API if this VS Code has it for every extension; else why not, in one line. */
export function mcpApi(code: unknown): McpApi | string {
  const v = code as {
    version?: string;
    lm?: { registerMcpServerDefinitionProvider?: McpApi['register'] };
    McpStdioServerDefinition?: McpStdioServerDefinitionCtor;
  };
  const register = v.lm?.registerMcpServerDefinitionProvider;
  if (typeof register !== 'function' || typeof v.McpStdioServerDefinition !== 'function')
    return `VS Code ${v.version ?? ''} has no MCP API (it came in 1.101): agent mode does not see the dbt tools; dbtls mcp works with any other agent (docs/mcp.md)`;
  return { register: register.bind(v.lm), Definition: v.McpStdioServerDefinition };
}

/**
 * `dbtls mcp`'s arguments for one project, with the target and profiles the editor uses: the JVM
 * options launch.json gives the language server (its bounded heap and start, collector, quick
 * compiler, metadata threshold, UTF-8, the JVM's own messages off stdout, which carries the
 * protocol here too) after the user's own `vmargs`, without a class-data archive (the
 * language server records and maps it).
 */
export function mcpArgs(
  jar: string,
  root: string,
  config: { get<T>(key: string): T | undefined },
  vmargs = '',
  platform: NodeJS.Platform = process.platform,
): string[] {
  const server = serverCommand({
    java: 'java',
    jar,
    vmargs,
    maxHeap: config.get<string>('server.maxHeap') ?? '',
    platform,
  }).args;
  const args = [...server.slice(0, server.lastIndexOf('-jar')), '-jar', jar, 'mcp', '--project-dir', root];
  const profilesDir = config.get<string>('profilesDir');
  if (profilesDir) args.push('--profiles-dir', profilesDir);
  const target = config.get<string>('target');
  if (target) args.push('--target', target);
  return args;
}

/**
 * Offers each dbt project of the window to VS Code's agent mode as an MCP server (`dbtls mcp`,
 * read-only), unless `dbtls.mcp.enabled` is off. On a VS Code without the finalised API it
 * registers nothing and says why once, in the log.
 */
export function registerMcp(
  context: vscode.ExtensionContext,
  projects: { findProjects(): Promise<string[]> },
  code: unknown = vscode,
): boolean {
  const api = mcpApi(code);
  if (typeof api === 'string') return said(context, api);
  const changed = new vscode.EventEmitter<void>();
  const provider: McpProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: async () => {
      const config = vscode.workspace.getConfiguration('dbtls');
      if (!config.get<boolean>('mcp.enabled', true)) return [];
      const jar = vscode.Uri.joinPath(context.extensionUri, 'server', 'dbtls.jar').fsPath;
      // a Java and JVM options from the user's own settings or the environment (a workspace's
      // choice needs consent)
      const javaHome = config.inspect<string>('java.home')?.globalValue;
      const vmargs = config.inspect<string>('server.vmargs')?.globalValue ?? '';
      const bundled = vscode.Uri.joinPath(context.extensionUri, 'jre').fsPath;
      const java = (await findJava(javaCandidates(javaHome, process.env, process.platform, bundled))).found;
      if (!java || !existsSync(jar)) return [];
      const roots = await projects.findProjects();
      return roots.map((root) => {
        const name = root.split(/[\\/]/).pop() ?? root;
        const d = new api.Definition(
          `dbt: ${name}`,
          java.executable,
          mcpArgs(jar, root, config, vmargs),
          {},
          '0.1.0',
        );
        d.cwd = vscode.Uri.file(root);
        return d;
      });
    },
  };
  let registration: vscode.Disposable;
  try {
    registration = api.register(MCP_PROVIDER_ID, provider);
  } catch (e) {
    // VS Code 1.100 has the function behind the proposal mcpConfigurationProvider, which only
    // extensions in development may enable
    changed.dispose();
    const version = (code as { version?: string }).version ?? '';
    return said(
      context,
      `VS Code ${version} has the MCP API only as a proposal (${e instanceof Error ? e.message : String(e)}); it is final from 1.101: agent mode does not see the dbt tools; dbtls mcp works with any other agent (docs/mcp.md)`,
    );
  }
  context.subscriptions.push(
    changed,
    registration,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dbtls')) changed.fire();
    }),
  );
  return true;
}

/** Says once, in the dbtls MCP log, why agent mode does not get the tools; false. */
function said(context: vscode.ExtensionContext, why: string): boolean {
  const log = vscode.window.createOutputChannel('dbtls MCP');
  log.appendLine(why);
  context.subscriptions.push(log);
  return false;
}
