// The preview server in headless Chromium: the real Sidebar.html shows the selected demo account, answered by the runtime.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Preview, preparePreview } from '../../local/preview';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { launchChromium } from './chromium';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOTS = join(root, 'test-output', 'screenshots');

let dir: string;
let preview: Preview;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-browser-'));
  preview = await preparePreview({
    today: '2026-11-24',
    timeZone: 'America/New_York',
    emailsDir: join(dir, 'emails'),
  });
  server = await startPreviewServer({ runtime: preview.runtime, port: 0 });
  ({ browser } = await launchChromium());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the preview server', () => {
  it("serves the sidebar, which shows the selected account's data from the runtime", async () => {
    // Sheets' sidebar is 300 px wide.
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    // preparePreview selected Accounts row 2: the first account of the demo book. It is not the (leader) user's own
    // account, so the sidebar first lands on My book (issue 25); the Account tab shows the selected row.
    await page.getByRole('tab', { name: 'My book', selected: true }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Account' }).click();
    const [, first] = preview.ladder;
    const [id, name, , , rung, health] = first.map(String);
    await page.getByText(name, { exact: false }).first().waitFor({ timeout: 15_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered text counts; the inlined script names every rung too
    const text = await page.locator('body').innerText();
    expect(text).toContain(name);
    expect(text).toContain(rung);
    expect(text).toContain(health);
    expect(id).toBe('AC-1001');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-account.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers google.script.run from the same in-memory workbook the terminal table came from', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const view = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google
            .script.run;
          const withHandlers = (
            run.withSuccessHandler as (f: (v: unknown) => void) => Record<string, unknown>
          )(resolve);
          const call = (
            withHandlers.withFailureHandler as (f: (e: Error) => void) => Record<string, unknown>
          )(reject);
          (call.getMyBook as () => void)();
        }),
    );
    const book = view as { accounts: { id: string; health: string }[] };
    const healthAt = preview.ladder[0].indexOf('Health');
    const fromLadder = new Map<string, string>();
    // A duplicated Account ID is read from its first row, as the rules do.
    for (const r of preview.ladder.slice(1))
      if (!fromLadder.has(String(r[0]))) fromLadder.set(String(r[0]), String(r[healthAt]));
    expect(book.accounts.length).toBeGreaterThanOrEqual(35);
    for (const a of book.accounts) expect(a.health).toBe(fromLadder.get(a.id));
    await page.close();
  });
});
