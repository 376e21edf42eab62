// Opens a bundled webview (dist/webviews/<view>.js) in headless Chromium the way VS Code shows
// it: the real HTML shell and Content-Security-Policy of src/webview/viewHtml.ts, VS Code's
// theme variables (dark), and a stand-in for acquireVsCodeApi that records what the view sends.
// Any console error, page error or CSP violation is collected: a view test fails on them.
import { createServer, Server } from 'node:http';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { newNonce, viewHtml } from '../../src/webview/viewHtml';

// playwright-core comes from the project's devDependencies (or PLAYWRIGHT_CORE, see ../../../shared/tools/vscode-web)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromium } = require(
  process.env.PLAYWRIGHT_CORE ?? 'playwright-core',
) as typeof import('playwright-core');
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'test-output', 'views');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenView {
  page: Page;
  /** Sends a message to the view, as the extension's postMessage does. */
  post(message: unknown): Promise<void>;
  /** Messages the view sent (ready included). */
  sent(): Promise<Array<{ type: string; [k: string]: unknown }>>;
  /** Console errors, page errors and CSP violations so far. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let browser: Browser | undefined;
let server: Server | undefined;
let origin = '';
const pages = new Map<string, string>();

async function start(): Promise<void> {
  if (server) return;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // Chromium asks every new page for one
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const file = path.join(ROOT, path.normalize(url.pathname));
    if (!file.startsWith(ROOT) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function openView(view: string, size = { width: 1100, height: 700 }): Promise<OpenView> {
  await start();
  const nonce = newNonce();
  let html = viewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webviews/${view}.js`,
    styleUri: `${origin}/dist/webviews/${view}.css`,
    title: view,
  });
  // VS Code puts its theme variables and acquireVsCodeApi into every webview; so does this harness
  html = html
    .replace('<title>', `<link rel="stylesheet" href="${origin}/test/views/theme-dark.css">\n<title>`)
    .replace(
      '<script nonce',
      `<script nonce="${nonce}" src="${origin}/test/views/fake-vscode.js"></script>\n<script nonce`,
    );
  const route = `/page-${pages.size}.html`;
  pages.set(route, html);
  const page = await browser!.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(origin + route);
  await page.waitForFunction(() =>
    (window as unknown as { __sent: Array<{ type: string }> }).__sent?.some((m) => m.type === 'ready'),
  );
  mkdirSync(SHOTS, { recursive: true });
  return {
    page,
    errors,
    post: async (m) => {
      // resolves once the view has handled the message (postMessage dispatches it later, in a
      // task of its own): a check right after post() sees what the message did, also on a busy machine
      await page.evaluate(
        (msg) =>
          new Promise<void>((resolve) => {
            const handled = (): void => {
              window.removeEventListener('message', handled);
              setTimeout(resolve, 0);
            };
            window.addEventListener('message', handled);
            window.postMessage(msg, '*');
          }),
        m,
      );
    },
    sent: () =>
      page.evaluate(() => (window as unknown as { __sent: Array<{ type: string }> }).__sent) as never,
    screenshot: async (name) => {
      const file = path.join(SHOTS, `${view}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: () => page.close(),
  };
}

export async function closeAll(): Promise<void> {
  await browser?.close();
  browser = undefined;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
}
