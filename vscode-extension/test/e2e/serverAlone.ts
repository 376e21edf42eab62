// The server alone, over stdio as the extension starts it (same jar, same JVM options): how long
// from its start to its first correct completion in `ref('` and to its first diagnostics, for
// the start-up timings the end-to-end suite reports beside the editor's.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverCommand } from '../../src/server/launch';

export interface ServerTimes {
  /** Start to the answer of `initialize`. */
  initializeMs: number;
  /** Start to the first completion in `ref('` that lists the project's models. */
  completionMs: number;
  /** Start to the first diagnostics of the opened model that name the expected problem. */
  diagnosticsMs: number;
}

/**
 * Starts the jar on `folder`, opens `relative` with `text`, asks for completion at its end until
 * an item matches `expect`, and waits for an error whose message matches `problem`.
 */
export async function serverAlone(
  jar: string,
  folder: string,
  relative: string,
  text: string,
  expect: RegExp,
  problem: RegExp,
  env: NodeJS.ProcessEnv,
): Promise<ServerTimes> {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const launch = serverCommand({ java, jar, vmargs: '', maxHeap: '2g' });
  const started = Date.now();
  const child = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  let buffer: Buffer = Buffer.alloc(0);
  let nextId = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  let diagnosticsAt: number | undefined;
  let diagnosed: () => void = () => undefined;
  const diagnostics = new Promise<void>((r) => (diagnosed = r));
  const uri = pathToFileURL(path.join(folder, relative)).toString();
  child.stderr.resume();
  child.stdout.on('data', (d: Buffer) => {
    buffer = Buffer.concat([buffer, d] as Uint8Array[]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) return;
      const m = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
      buffer = buffer.subarray(end + 4 + length);
      if (m.id !== undefined && m.method === undefined) waiting.get(m.id)?.(m.result);
      else if (m.id !== undefined)
        send({ jsonrpc: '2.0', id: m.id, result: null }); // a request of the server's
      else if (
        m.method === 'textDocument/publishDiagnostics' &&
        m.params.uri === uri &&
        diagnosticsAt === undefined &&
        m.params.diagnostics.some(
          (d: { message: string; severity?: number }) => d.severity === 1 && problem.test(d.message),
        )
      ) {
        diagnosticsAt = Date.now();
        diagnosed();
      }
    }
  });
  function send(m: object): void {
    const body = Buffer.from(JSON.stringify(m));
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  const request = (method: string, params: object) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      send({ jsonrpc: '2.0', id, method, params });
    });
  try {
    const root = pathToFileURL(folder).toString();
    await request('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(folder) }],
      capabilities: { textDocument: { publishDiagnostics: {} }, window: { workDoneProgress: false } },
    });
    const initializeMs = Date.now() - started;
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    send({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'jinja-sql', version: 1, text } },
    });
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    let completionMs: number | undefined;
    while (completionMs === undefined) {
      const r = (await request('textDocument/completion', { textDocument: { uri }, position })) as
        | { items?: Array<{ label: string }> }
        | Array<{ label: string }>
        | null;
      const items = Array.isArray(r) ? r : (r?.items ?? []);
      if (items.some((i) => expect.test(i.label))) completionMs = Date.now() - started;
      else if (Date.now() - started > 120_000) throw new Error('no completion of the models within 120 s');
      else await new Promise((w) => setTimeout(w, 50));
    }
    await Promise.race([diagnostics, new Promise((w) => setTimeout(w, 60_000))]);
    if (diagnosticsAt === undefined) throw new Error('no diagnostics within 60 s of the completion');
    return { initializeMs, completionMs, diagnosticsMs: diagnosticsAt - started };
  } finally {
    child.kill();
  }
}
