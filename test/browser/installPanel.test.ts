// The Check this installation panel (Reminders & settings tab) in Chromium, google.script.run bridged to the built
// bundle: the button runs the check and shows one line per assumption and the text for the maintainers; after the
// timed trigger fires, "Show the latest report" shows what the timed run saw.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../local/runtime/index';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { ASSUMPTIONS } from '../../src/gas/installCheckAssumptions';
import { DEFAULT_SEGMENTS, HEADERS } from '../../src/sheets/layout';
import { launchChromium } from './chromium';

describe('Check this installation in the sidebar', () => {
  let rt: Runtime;
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    rt = createRuntime({
      timeZone: 'UTC',
      now: new Date('2026-11-24T15:00:00Z'),
      user: 'csm@acme.example',
      openById: 'refused',
      sheets: {
        Segments: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
        Accounts: [
          [...HEADERS.accounts],
          ['A-1', 'Globex', 'SMB', 'csm@acme.example', new Date('2026-03-02T00:00:00Z')],
        ],
      },
    });
    rt.load();
    server = await startPreviewServer({ runtime: rt });
    ({ browser } = await launchChromium(['--disable-gpu', '--no-first-run']));
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => route.abort(),
    );
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the check, then shows what the timed run saw', async () => {
    await page.getByRole('tab', { name: 'Reminders' }).click();
    const panel = page.locator('section[aria-label="Check this installation"]');
    await panel.getByRole('button', { name: 'Check this installation' }).click();
    await expect.poll(() => panel.locator('li').count()).toBe(ASSUMPTIONS.length);
    const text = panel.getByRole('textbox', { name: 'Report for the maintainers' });
    expect(await text.inputValue()).toMatch(/timedRunOpenById: COULD NOT TELL/);
    const probe = rt.triggers.find((t) => t.handler === 'installCheckProbe');
    expect(probe).toBeDefined();
    rt.fireTrigger(probe?.id as string);
    await panel.getByRole('button', { name: 'Show the latest report' }).click();
    await expect.poll(() => text.inputValue()).toMatch(/timedRunOpenById: DOES NOT HOLD/);
    expect(await panel.textContent()).toMatch(
      /add https:\/\/www\.googleapis\.com\/auth\/spreadsheets to oauthScopes/,
    );
    expect(pageErrors).toEqual([]);
  });
});
