import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageclient/node';
import type {
  DbtNotifications,
  DbtRequests,
  DbtServerNotifications,
  ProjectInfo,
} from '../protocol.generated';
import { consentedValue } from './consent';
import { DbtServer, ServerNotRunning, messageOf } from './dbtServer';
import { ensureExecutable, findJava, javaCandidates, noJavaMessage } from './java';
import { heapDumpFile, isOutOfMemory, serverCommand } from './launch';
import { sharedArchive } from './sharedArchive';
import { projectGlob, projectOf, projectRoots } from './projects';
import { Crash, RestartPolicy, startFailure } from './restartPolicy';
import { StartingClient } from './startingClient';
import { registerStartupBridge } from './startupBridge';
import { ServerStatus } from './status';

/** Languages of dbt files the server takes, with the file extensions it reads. */
const SERVED: [language: string, extension: string][] = [
  ['jinja-sql', 'sql'],
  ['sql', 'sql'],
  // dbt 1.12's Jinja file extensions (project flag allow_jinja_file_extensions)
  ['jinja-sql', 'sql.j2'],
  ['jinja-sql', 'sql.jinja'],
  ['jinja-sql', 'sql.jinja2'],
  ['yaml', 'yml'],
  ['yaml', 'yaml'],
];
/** Settings that change how the server process starts: a change needs a restart. */
const LAUNCH_SETTINGS = ['dbtls.java.home', 'dbtls.server.vmargs', 'dbtls.server.maxHeap'];
const STDERR_TAIL = 4000;

/**
 * The one dbtls server of the window, for every dbt project in it. Finds Java, starts the bundled
 * jar over stdio, restarts it after a crash (5 times in 3 minutes, never after running out of
 * memory), and tells the user why whenever it is not running.
 */
export class ServerClient implements DbtServer, vscode.Disposable {
  readonly extensionUri: vscode.Uri;
  /** The dbt project folders of the window (where dbt_project.yml files are). */
  projectRoots: string[] = [];
  projects: ProjectInfo[] = [];
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private notRunning = 'The dbtls server is starting.';
  private readonly log: vscode.OutputChannel;
  private readonly status: ServerStatus;
  private readonly policy: RestartPolicy;
  private readonly handlers: { method: string; handler: (p: any) => void }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  private readonly stateChanged = new vscode.EventEmitter<boolean>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly projectsChanged = new vscode.EventEmitter<ProjectInfo[]>();
  readonly onDidChangeProjects = this.projectsChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private process:
    | { child: ChildProcess; exited: Promise<Crash>; stderr: string; reported?: boolean }
    | undefined;
  private stopping = false;
  /** Whether the client of this start reached Running: a close before that is said by doStart. */
  private ranSinceStart = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.extensionUri = context.extensionUri;
    this.log = vscode.window.createOutputChannel('dbtls');
    this.status = new ServerStatus(SERVED.map(([language]) => ({ language })));
    const maxHeap = vscode.workspace.getConfiguration('dbtls').get<string>('server.maxHeap', '2g');
    this.policy = new RestartPolicy(5, 180_000, Date.now, maxHeap);
    this.disposables.push(
      this.log,
      this.status,
      this.stateChanged,
      this.projectsChanged,
      vscode.languages.onDidChangeDiagnostics(() => this.countProblems()),
      registerStartupBridge(
        SERVED.map(([language, extension]) => ({ scheme: 'file', language, pattern: `**/*.${extension}` })),
        this,
      ),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
    );
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  /** Starts the server; resolves once it runs or has said why it cannot. */
  start(): Promise<void> {
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    await this.start();
  }

  serves(document: vscode.TextDocument): boolean {
    return document.uri.scheme === 'file' && projectOf(document.uri.fsPath, this.projectRoots) !== undefined;
  }

  /** The running client once the server has started; undefined when it could not start. */
  async runningClient(): Promise<LanguageClient | undefined> {
    if (this.starting) await this.starting;
    return this.running ? this.client : undefined;
  }

  showLog(): void {
    this.log.show(true);
  }

  async request<M extends keyof DbtRequests>(
    method: M,
    params: DbtRequests[M]['params'],
    token?: vscode.CancellationToken,
  ): Promise<DbtRequests[M]['result']> {
    if (this.starting) await this.starting;
    const c = this.client;
    if (!c || c.state !== State.Running) throw new ServerNotRunning(this.notRunning);
    // (an undefined token would go out as a second parameter: params [x, null])
    return (token ? c.sendRequest(method, params, token) : c.sendRequest(method, params)) as Promise<
      DbtRequests[M]['result']
    >;
  }

  notify<M extends keyof DbtNotifications>(method: M, params: DbtNotifications[M]): void {
    if (this.running) void this.client?.sendNotification(method, params);
  }

  onNotification<M extends keyof DbtServerNotifications>(
    method: M,
    handler: (params: DbtServerNotifications[M]) => void,
  ): vscode.Disposable {
    // the language client keeps one handler per method (a second replaces the first): one
    // handler per method tells every listener
    const entry = { method, handler: handler as (p: unknown) => void };
    const first = !this.handlers.some((h) => h.method === method);
    this.handlers.push(entry);
    if (first && this.client) this.listen(this.client, method);
    return new vscode.Disposable(() => {
      const at = this.handlers.indexOf(entry);
      if (at >= 0) this.handlers.splice(at, 1);
    });
  }

  /** The client's one handler of `method`: every listener registered for it now. */
  private listen(client: LanguageClient, method: string): void {
    client.onNotification(method, (p: unknown) => {
      for (const h of this.handlers.filter((x) => x.method === method)) h.handler(p);
    });
  }

  /** Asks the server for its projects again (after a load or a target switch). */
  async refreshProjects(): Promise<ProjectInfo[]> {
    try {
      this.projects = (await this.request('dbt/projects', {}))?.projects ?? [];
      this.status.running(this.projects);
      this.projectsChanged.fire(this.projects);
    } catch (e) {
      this.log.appendLine(`dbt/projects failed: ${messageOf(e)}`);
    }
    return this.projects;
  }

  async dispose(): Promise<void> {
    await this.stop();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** The dbt projects of the window: the folders of their dbt_project.yml files. */
  async findProjects(): Promise<string[]> {
    const found = await vscode.workspace.findFiles(
      '**/dbt_project.yml',
      '**/{node_modules,dbt_packages,dbt_modules,site-packages}/**',
    );
    this.projectRoots = projectRoots(found.map((u) => u.fsPath));
    void vscode.commands.executeCommand('setContext', 'dbtls.active', this.projectRoots.length > 0);
    return this.projectRoots;
  }

  private async doStart(): Promise<void> {
    this.ranSinceStart = false;
    this.status.starting();
    await this.findProjects();
    if (this.projectRoots.length === 0)
      return this.cannotStart('No dbt_project.yml in this window: dbtls serves the files of dbt projects.');

    const config = vscode.workspace.getConfiguration('dbtls');
    const javaHome = await this.consented(config, 'java.home');
    const vmargs = (await this.consented(config, 'server.vmargs')) ?? '';
    const bundled = vscode.Uri.joinPath(this.extensionUri, 'jre').fsPath;
    ensureExecutable(path.join(bundled, 'bin', 'java'));
    const search = await findJava(javaCandidates(javaHome, process.env, process.platform, bundled));
    if (!search.found) {
      const message = noJavaMessage(search);
      void vscode.window
        .showErrorMessage(`dbtls cannot start: ${message}`, 'Open Settings', 'Show Log')
        .then((a) => {
          if (a === 'Open Settings')
            void vscode.commands.executeCommand('workbench.action.openSettings', 'dbtls.java.home');
          if (a === 'Show Log') this.showLog();
        });
      return this.cannotStart(message);
    }
    const jar = vscode.Uri.joinPath(this.extensionUri, 'server', 'dbtls.jar').fsPath;
    if (!existsSync(jar))
      return this.cannotStart(`The server jar is missing from the extension (${jar}): reinstall dbtls.`);
    const launch = serverCommand({
      java: search.found.executable,
      jar,
      vmargs,
      maxHeap: config.get<string>('server.maxHeap', '2g'),
      heapDumpDir: this.context.logUri.fsPath,
      archive: sharedArchive(jar, search.found),
    });
    mkdirSync(this.context.logUri.fsPath, { recursive: true });
    this.log.appendLine(
      `Starting: ${launch.command} ${launch.args.join(' ')} (Java ${search.found.version}, from ${search.found.source})`,
    );

    const client = new StartingClient(
      'dbtls',
      'dbtls',
      () => this.spawnServer(launch.command, launch.args),
      this.clientOptions(),
    );
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.ranSinceStart = true;
        client.markRunning();
        void this.onRunning();
      }
      this.stateChanged.fire(e.newState === State.Running);
    });
    for (const method of new Set(this.handlers.map((h) => h.method))) this.listen(client, method);
    try {
      await client.start();
    } catch (e) {
      if (this.client !== client) return; // stopped (a restart) while it started: nothing failed
      // a server that ran out of memory before it answered initialize is said to have, as one
      // that ran out later is (its heap dump named), not as a start that merely failed
      const crash = await this.howItEnded();
      if (crash.outOfMemory) return this.outOfMemoryBeforeRunning(this.process, crash);
      this.didNotStart(startFailure(messageOf(e), crash));
    }
  }

  /**
   * A server that ran out of memory before it was running (before it answered initialize): said
   * once, as a crash after its start is, with its heap dump; not restarted.
   */
  private outOfMemoryBeforeRunning(p: { reported?: boolean } | undefined, crash: Crash): void {
    if (!p || p.reported || this.stopping) return;
    p.reported = true;
    const decision = this.policy.onCrash(crash);
    // after the language client's own messages of the failed start, so that this one is on top
    if (!decision.restart) setTimeout(() => this.stopped(decision), 1000);
  }

  /** How the server process ended: waited for 3 s at most (unknown then). */
  private async howItEnded(): Promise<Crash> {
    const ended = this.process?.exited;
    return ended
      ? await Promise.race([
          ended,
          new Promise<Crash>((r) =>
            setTimeout(
              () =>
                r({ code: null, signal: null, outOfMemory: false, lastWords: this.process?.stderr ?? '' }),
              3000,
            ),
          ),
        ])
      : { code: null, signal: null, outOfMemory: false, lastWords: '' };
  }

  /** A start that failed (not for want of memory): said once, with a way back. */
  private didNotStart(reason: string): void {
    if (this.stopping || this.process?.reported) return;
    if (this.process) this.process.reported = true;
    this.stopped({ reason });
  }

  /** The server is not restarted: the status item and a message say why, with a way back. */
  private stopped(decision: { reason: string }): void {
    this.notRunning = decision.reason;
    this.status.stopped(decision.reason);
    this.log.appendLine(decision.reason);
    void vscode.window.showErrorMessage(decision.reason, 'Show Log', 'Restart').then((a) => {
      if (a === 'Show Log') this.showLog();
      if (a === 'Restart') void this.restart();
    });
  }

  private clientOptions(): LanguageClientOptions {
    const documentSelector = this.projectRoots.flatMap((root) =>
      SERVED.map(([language, extension]) => ({
        scheme: 'file',
        language,
        pattern: projectGlob(root, extension),
      })),
    );
    return {
      documentSelector,
      outputChannel: this.log,
      synchronize: { configurationSection: 'dbtls' },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => this.closed(),
      },
      // a failed initialize is said by start's caller, with the server's exit; not retried
      initializationFailedHandler: () => false,
    };
  }

  private spawnServer(command: string, args: string[]): Promise<ChildProcess> {
    const child = spawn(command, args, { stdio: 'pipe', env: process.env });
    const p = {
      child,
      stderr: '',
      exited: undefined as unknown as Promise<Crash>,
      reported: false as boolean | undefined,
    };
    p.exited = new Promise<Crash>((resolve) => {
      child.on('exit', (code, signal) => {
        const outOfMemory = isOutOfMemory(code, p.stderr);
        const dump = outOfMemory ? heapDumpFile(this.context.logUri.fsPath, child.pid) : undefined;
        const crash = {
          code,
          signal,
          outOfMemory,
          lastWords: p.stderr,
          heapDump: dump && existsSync(dump) ? dump : undefined,
        };
        resolve(crash);
        // the client never ran (its start failed or is failing): its closed handler does not say why
        if (outOfMemory && this.client?.state !== State.Running) this.outOfMemoryBeforeRunning(p, crash);
      });
      child.on('error', (e) =>
        resolve({ code: null, signal: null, outOfMemory: false, lastWords: e.message }),
      );
    });
    child.stderr?.on('data', (d: Buffer) => (p.stderr = (p.stderr + d.toString()).slice(-STDERR_TAIL)));
    this.process = p;
    return Promise.resolve(child);
  }

  /** The connection closed: restart, or stop and say why. */
  private async closed(): Promise<{ action: CloseAction; handled: boolean }> {
    if (this.stopping || this.process?.reported) return { action: CloseAction.DoNotRestart, handled: true };
    // closed before it ever ran (during initialize): not retried; the failed start says why
    if (!this.ranSinceStart) return { action: CloseAction.DoNotRestart, handled: true };
    const crash = await this.howItEnded();
    const decision = this.policy.onCrash(crash);
    if (decision.restart) {
      this.log.appendLine(`The server stopped (${crash.code ?? crash.signal}); restarting it.`);
      this.status.starting();
      return { action: CloseAction.Restart, handled: true };
    }
    this.stopped(decision);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private async onRunning(): Promise<void> {
    this.notRunning = 'The dbtls server is starting.';
    // progress of loading and indexing: in the window's progress and in the status item
    this.client?.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => this.trackProgress(token));
    this.countProblems();
    await this.refreshProjects();
  }

  private trackProgress(token: string | number): void {
    const c = this.client;
    if (!c) return;
    let report: ((v: { message?: string; increment?: number }) => void) | undefined;
    let finish: (() => void) | undefined;
    let last = 0;
    const sub = c.onProgress(WorkDoneProgress.type, token, (v) => {
      if (v.kind === 'begin') {
        this.status.indexing(v.message ?? v.title);
        void vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: `dbt: ${v.title}` },
          (p) => {
            report = (x) => p.report(x);
            return new Promise<void>((resolve) => (finish = resolve));
          },
        );
      } else if (v.kind === 'report') {
        this.status.indexing(v.message);
        const increment = v.percentage !== undefined ? v.percentage - last : undefined;
        if (v.percentage !== undefined) last = v.percentage;
        report?.({ message: v.message, increment });
      } else {
        sub.dispose();
        finish?.();
        this.status.indexing(undefined);
        void this.refreshProjects();
      }
    });
  }

  /** What the Problems view shows: hints (e.g. an undocumented column) are not problems. */
  private countProblems(): void {
    let n = 0;
    this.client?.diagnostics?.forEach(
      (_uri, d) => (n += d.filter((x) => x.severity !== vscode.DiagnosticSeverity.Hint).length),
    );
    this.status.problemCount(n);
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!LAUNCH_SETTINGS.some((s) => e.affectsConfiguration(s))) return;
    void vscode.window
      .showInformationMessage('dbtls: restart the server to use the new Java settings.', 'Restart')
      .then((a) => {
        if (a === 'Restart') void this.restart();
      });
  }

  /** A setting that starts a program: a workspace's value only with the user's consent. */
  private consented(config: vscode.WorkspaceConfiguration, key: string): Promise<string | undefined> {
    const i = config.inspect<string>(key);
    return consentedValue(
      key,
      { user: i?.globalValue, workspace: i?.workspaceFolderValue ?? i?.workspaceValue },
      this.context.globalState,
      async (setting, value) => {
        const allow = 'Allow';
        const a = await vscode.window.showWarningMessage(
          `This workspace sets dbtls.${setting} to "${value}", which dbtls would run. Allow it?`,
          {
            modal: true,
            detail:
              'A workspace can set any value; allow it only if you trust this workspace. Otherwise your own setting is used.',
          },
          allow,
          'Use my setting',
        );
        return a === undefined ? undefined : a === allow;
      },
    );
  }

  private async cannotStart(reason: string): Promise<void> {
    this.notRunning = reason;
    this.status.stopped(reason);
    this.log.appendLine(reason);
  }

  private async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (!c) return;
    this.stopping = true;
    try {
      if (c.state !== State.Stopped) await c.stop(5000);
    } catch (e) {
      this.log.appendLine(`Stopping the server: ${messageOf(e)}`);
      this.process?.child.kill();
    } finally {
      this.stopping = false;
      this.stateChanged.fire(false);
    }
  }
}
