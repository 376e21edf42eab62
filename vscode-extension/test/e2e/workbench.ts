// A real VS Code window (code-server, started by scripts/e2e.mjs) driven through Chromium: open
// files, run commands from the palette, type, and read what the user sees. Every test writes
// screenshots to test-output/e2e/ — look at them.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before } from 'node:test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromium } = require(
  process.env.PLAYWRIGHT_CORE ?? 'playwright-core',
) as typeof import('playwright-core');
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;
type Frame = import('playwright-core').Frame;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const FOLDER = process.env.DBTLS_E2E_FOLDER ?? '';
const URL = process.env.DBTLS_E2E_URL ?? '';
const SHOTS = process.env.DBTLS_E2E_SHOTS ?? path.resolve('test-output', 'e2e');
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly name: string,
    /** When the window was asked for (Date.now()). */
    readonly openedAt: number,
  ) {}

  /** Opens the test project in a new VS Code window and waits for the workbench. */
  static async open(name: string): Promise<Workbench> {
    if (!URL || !FOLDER)
      throw new Error('run through scripts/e2e.mjs (DBTLS_E2E_URL and DBTLS_E2E_FOLDER are not set)');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    const openedAt = Date.now();
    await page.goto(`${URL}/?folder=${encodeURIComponent(FOLDER)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
    mkdirSync(SHOTS, { recursive: true });
    return new Workbench(page, browser, name, openedAt);
  }

  async screenshot(step: string): Promise<string> {
    const file = path.join(SHOTS, `${this.name}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Quick Open (Ctrl+P) a file by its path relative to the project. */
  async openFile(relative: string): Promise<void> {
    const base = path.basename(relative);
    const active = this.page
      .locator('.tabs-container .tab.active', { hasText: new RegExp(`^${base.replace('.', '\\.')}`) })
      .first();
    // a webview that has the focus (a view a test just clicked in) can let the first quick open
    // go nowhere: try again, a few times, from a closed palette
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(`${MOD}+P`);
      const input = this.page.locator('.quick-input-widget input');
      // click the row itself: Enter could still pick the row of a list not yet filtered
      const row = this.page
        .locator('.quick-input-list .monaco-list-row', { hasText: base })
        .filter({ hasText: path.dirname(relative).split('/').pop() ?? '' })
        .first();
      try {
        await input.waitFor({ timeout: 5_000 });
        await input.fill(relative, { timeout: 5_000 });
        await row.click({ timeout: 10_000 });
      } catch (e) {
        // a walkthrough that moves to its next step as one is checked takes the focus, and the
        // palette it had just opened closes: open it again, as a user would (not Escape, which
        // takes a walkthrough back to the Welcome page)
        if (attempt >= 4) throw e;
        await this.page.waitForTimeout(1_000);
        continue;
      }
      try {
        await active.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
        // the file may already be open in another group, behind the view that kept the focus:
        // its tab, clicked, is what a user would do
        const tab = this.page
          .locator('.tabs-container .tab', { hasText: new RegExp(`^${base.replace('.', '\\.')}`) })
          .first();
        if ((await tab.count()) > 0) {
          await tab.click();
          try {
            await active.waitFor({ timeout: 5_000 });
            break;
          } catch {
            // quick open again
          }
        }
      }
    }
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command from the palette (F1) by its title, e.g. "dbt: Preview Model". */
  async command(title: string): Promise<void> {
    await this.palette(`>${title}`);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: title }).first().waitFor();
    // the row of exactly this title (another title may match what is typed, sorted before it)
    const exact = rows.filter({
      has: this.page.locator('.label-name', {
        hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      }),
    });
    if (await exact.count()) await exact.first().click();
    else await this.page.keyboard.press('Enter');
    await this.page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  /**
   * Opens the command palette (F1) and types `text` into it once it is visible. A view that has just
   * opened can take the focus a moment later (the results grid focuses its first cell), which
   * closes the palette: then F1 is pressed again, as a user would.
   */
  private async palette(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(text, { timeout: 5_000 });
        return;
      } catch (e) {
        if (attempt === 4) throw e;
      }
    }
  }

  /** Types a title into the palette (F1) and presses Enter, as a user does: runs whatever is first. */
  async typeCommand(title: string): Promise<void> {
    await this.palette(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  /** The editor groups, left to right: the titles of their tabs. */
  async groups(): Promise<string[][]> {
    return this.page
      .locator('.part.editor .editor-group-container')
      .evaluateAll((gs) =>
        gs.map((g) =>
          [...g.querySelectorAll('.tabs-container .tab .label-name')].map((t) =>
            (t.textContent ?? '').trim(),
          ),
        ),
      );
  }

  /** Puts the cursor on a line and column (1-based) of the active editor (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press(`${MOD}+G`);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  /** The text of the active editor's visible lines. */
  async editorText(): Promise<string> {
    return text(await this.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 20 });
  }

  /** The suggestion list after Ctrl+Space: its labels. */
  async completions(): Promise<string[]> {
    await this.page.keyboard.press(`${MOD}+Space`);
    const rows = this.page.locator('.suggest-widget .monaco-list-row .label-name');
    // the first answer may wait for the server's first load of the project
    await rows.first().waitFor({ timeout: 90_000 });
    return rows.allInnerTexts();
  }

  /**
   * The frame of the webview that shows an element with this data-testid (each webview is an
   * iframe holding the view's own frame; the view is found by what it shows).
   */
  async webview(testid: string, timeout = 60_000): Promise<Frame> {
    return eventually<Frame | undefined>(
      async () => {
        for (const f of this.page.frames()) {
          if (f === this.page.mainFrame()) continue;
          if (
            await f
              .locator(`[data-testid="${testid}"]`)
              .count()
              .catch(() => 0)
          )
            return f;
        }
        return undefined;
      },
      `a webview showing ${testid}`,
      timeout,
    ) as Promise<Frame>;
  }

  /** The text of the status bar (includes the language status and problem counts). */
  async statusBar(): Promise<string> {
    return this.page.locator('.part.statusbar').innerText();
  }

  /** Reverts the active editor when it has unsaved edits (tests edit only the active one). */
  async revertEdits(): Promise<void> {
    try {
      await this.page.keyboard.press('Escape');
      if (await this.page.locator('.tabs-container .tab.active.dirty').count())
        await this.command('File: Revert File');
    } catch (e) {
      console.error(`e2e: could not revert the edits of the test: ${String(e)}`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Polls until `probe` returns a truthy value (returns it) or the time is up (throws with the last value). */
export async function eventually<T>(probe: () => Promise<T>, what: string, timeout = 60_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until)
      throw new Error(`${what}: not within ${timeout / 1000} s (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Text as read from the screen: the editor's non-breaking spaces as spaces. */
export function text(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

/**
 * One VS Code window for the tests of a file: opened before them, a screenshot after each test
 * (test-output/e2e/<name>-end-<test>.png, whatever its outcome), closed after them all.
 */
export function windowForTests(name: string): Workbench {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await Workbench.open(name);
  });
  afterEach(async (t) => {
    await wb?.screenshot(`end-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`);
    await wb?.revertEdits(); // whatever a test typed, the next one starts from the files on disk
  });
  after(async () => {
    await wb?.close();
  });
  // the window opens in the first hook: the tests reach it through this stand-in
  return new Proxy({} as Workbench, {
    get: (_, key) => {
      if (!wb) throw new Error('the VS Code window did not open');
      const v = (wb as unknown as Record<string | symbol, unknown>)[key];
      return typeof v === 'function' ? v.bind(wb) : v;
    },
  });
}
