// The demo book in Chromium at Sheets' 300 px: My book lists every Red account, the Account view follows any
// sheet's row, the forms read the chain, and axe-core finds no serious or critical violation on any view.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Preview, preparePreview } from '../../local/preview';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { launchChromium, type ResolvedChromium } from './chromium';
import { seriousViolations } from './axe';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Screenshots go to docs/ only when asked (`npm run docs:screenshots`), so a test run leaves the work tree clean.
const DOCS =
  process.env.RL_DOCS_SCREENSHOTS === '1' ? join(root, 'docs') : join(root, 'test-output', 'screenshots');

let dir: string;
let preview: Preview;
let server: PreviewServer;
let browser: Browser;
let found: ResolvedChromium;
let page: Page;
const pageErrors: string[] = [];

/** LADDER's answer as records, each Account ID once (a duplicated ID is read from its first row, as the rules do). */
function ladderRows(): { id: string; name: string; owner: string; segment: string; health: string }[] {
  const [header, ...rows] = preview.ladder.map((r) => r.map(String));
  const at = (h: string) => header.indexOf(h);
  const seen = new Set<string>();
  const out = [];
  for (const r of rows) {
    const id = r[at('Account ID')];
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      name: r[at('Account')],
      owner: r[at('Owner')],
      segment: r[at('Segment')],
      health: r[at('Health')],
    });
  }
  return out;
}

/** axe-core's serious and critical violations on the page as it is now, as "rule: target" lines. */

async function openBook(): Promise<void> {
  await page.getByRole('tab', { name: 'My book' }).click();
  await page.locator('#panel-book').getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => page.locator('#panel-book .counts').count()).toBeGreaterThan(0);
}

/** Account IDs My book lists under its Red groups. */
async function redIdsShown(): Promise<string[]> {
  const ids = await page
    .locator('#panel-book .red [data-account-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id') ?? ''));
  return [...new Set(ids)].sort();
}

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'ladder-book-'));
  preview = await preparePreview({ today: '2026-11-24', timeZone: 'UTC', emailsDir: join(dir, 'emails') });
  server = await startPreviewServer({ runtime: preview.runtime, port: 0 });
  ({ browser, chromium: found } = await launchChromium());
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the sidebar on the demo book at 300 px', () => {
  it('finds Chromium', () => {
    expect(existsSync(found.executablePath)).toBe(true);
  });

  it('arrives with the first Account view in the page, without asking the server for it', async () => {
    const fresh = await browser.newPage({ viewport: { width: 300, height: 900 } });
    fresh.setDefaultTimeout(10_000);
    const asked: string[] = [];
    fresh.on('request', (req) => {
      if (req.url().endsWith('/rpc')) asked.push(String(JSON.parse(req.postData() ?? '{}').fn));
    });
    await fresh.goto(`${server.url}shown-sidebar`);
    const first = ladderRows()[0];
    await expect.poll(() => fresh.locator('#panel-account .account-title').textContent()).toBe(first.name);
    expect(asked).not.toContain('getAccountView');
    expect(await fresh.locator('html').getAttribute('lang')).toBe('en');
    expect(await fresh.title()).toMatch(/Results Ladder/);
    expect(await fresh.locator('main').count()).toBe(1);
    await fresh.close();
  });

  it('My book lists every account LADDER reports as Red, for the leader', async () => {
    await openBook();
    const red = ladderRows()
      .filter((r) => r.health === 'Red')
      .map((r) => r.id)
      .sort();
    expect(red.length).toBeGreaterThan(4);
    expect(await redIdsShown()).toEqual(red);
    const counts = page.locator('#panel-book .health-counts');
    expect(await counts.textContent()).toContain(`${red.length}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(DOCS, 'sidebar-my-book.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows My book at 200% zoom (150 CSS px) without sideways scroll', async () => {
    await page.setViewportSize({ width: 150, height: 900 });
    try {
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(DOCS, 'sidebar-my-book-150.png') });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 300, height: 900 });
    }
  });

  it('filters by health and finds an account by name or ID', async () => {
    const panel = page.locator('#panel-book');
    await panel.getByRole('button', { name: /Green/ }).first().click();
    const shown = panel.locator('.filtered [data-account-id]');
    const green = ladderRows().filter((r) => r.health === 'Green');
    await expect.poll(() => shown.count()).toBe(green.length);
    // Pressing it again clears the filter.
    await panel.getByRole('button', { name: /Green/ }).first().click();
    await expect.poll(() => shown.count()).toBe(0);
    const target = ladderRows()[3];
    await panel.getByLabel('Find an account').fill(target.id);
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.first().getAttribute('data-account-id')).toBe(target.id);
    await panel.getByLabel('Find an account').fill(target.name.slice(0, 5).toLowerCase());
    await expect.poll(() => shown.count()).toBeGreaterThanOrEqual(1);
    // Choosing it opens the account, and focus lands on its heading.
    await shown.first().getByRole('button').click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('account-title')))
      .toBe(true);
    await panel.getByLabel('Find an account').fill('', { force: true });
  });

  it('My book lists every Red account of one CSM', async () => {
    const rows = ladderRows();
    const owner = rows.find((r) => r.health === 'Red' && r.owner !== '')?.owner ?? '';
    preview.runtime.setUser(owner);
    await openBook();
    const red = rows
      .filter((r) => r.health === 'Red' && r.owner.toLowerCase() === owner.toLowerCase())
      .map((r) => r.id)
      .sort();
    expect(red.length).toBeGreaterThan(0);
    expect(await redIdsShown()).toEqual(red);
    preview.runtime.setUser(preview.user);
  });

  it('follows a selected row on Ladder and on Results to its account', async () => {
    await page.getByRole('tab', { name: 'Account' }).click();
    const title = page.locator('#panel-account .account-title');
    const rows = ladderRows();
    const onLadder = rows[5];
    // What Sheets shows on Ladder (and what a script reads there): LADDER's answer.
    preview.runtime.setValues('Ladder', preview.ladder);
    const ladderRow = preview.runtime.values('Ladder').findIndex((r) => String(r[0]) === onLadder.id) + 1;
    preview.runtime.setActiveCell('Ladder', ladderRow);
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(onLadder.name);

    const results = preview.runtime.values('Results');
    const idAt = results[0].map(String).indexOf('Account ID');
    const resultId = String(results[1][idAt]);
    preview.runtime.setActiveCell('Results', 2);
    const expected = rows.find((r) => r.id === resultId)?.name;
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(expected);
  });

  it('logs a result without naming a validator, and shows metric, baseline and target', async () => {
    const accounts = preview.runtime.values('Accounts');
    const h = accounts[0].map(String);
    const row = accounts.findIndex(
      (r, i) => i > 0 && r[h.indexOf('Segment')] === 'SMB' && String(r[h.indexOf('Validator')]) !== '',
    );
    const validator = String(accounts[row][h.indexOf('Validator')]);
    preview.runtime.setActiveCell('Accounts', row + 1);
    const title = page.locator('#panel-account .account-title');
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(String(accounts[row][1]));
    await page.locator('summary', { hasText: 'Log a result value' }).click();
    const form = page.locator('form[aria-label="Log a result value"]');
    // Logging a value is not a confirmation: the form names no validator and asks for no role or words.
    expect(await form.getByLabel('Validated by').count()).toBe(0);
    expect(await form.getByLabel('Their role').count()).toBe(0);
    expect(await form.getByLabel("Customer's words").count()).toBe(0);
    expect(await form.textContent()).not.toContain(validator);
    expect(await form.getByLabel('Attributed to the product').isChecked()).toBe(false);
    const metric = String(accounts[row][h.indexOf('Metric')]);
    expect(await form.textContent()).toContain(metric);
    expect(await form.textContent()).toMatch(/→/);
    // ISO dates: a text field in YYYY-MM-DD, never a locale date picker.
    expect(await form.getByLabel('Date', { exact: true }).getAttribute('type')).toBe('text');
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(preview.today);
    // A value logged without validation: the view offers a prepared email asking the validator to confirm.
    const baseline = Number(accounts[row][h.indexOf('Baseline')]);
    const target = Number(accounts[row][h.indexOf('Target')]);
    await form.getByLabel('Value').fill(String((baseline + target) / 2));
    await form.getByRole('button', { name: 'Log result' }).click();
    await expect.poll(() => form.locator('.status').textContent()).toBe('Logged in the Results sheet.');
    const ask = page.getByRole('button', { name: `Ask ${validator} to confirm the result` });
    await expect.poll(() => ask.count()).toBe(1);
  });

  it('gives an A + B account a validator field per role', async () => {
    const accounts = preview.runtime.values('Accounts');
    const h = accounts[0].map(String);
    const row = accounts.findIndex(
      (r, i) => i > 0 && r[h.indexOf('Segment')] === 'Mid-Market' && String(r[h.indexOf('Validator')]) !== '',
    );
    preview.runtime.setActiveCell('Accounts', row + 1);
    const title = page.locator('#panel-account .account-title');
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(String(accounts[row][1]));
    const chain = page.locator('form[aria-label="Three-Link Chain"]');
    expect(await chain.getByLabel('Validator (Team lead)').count()).toBe(1);
    expect(await chain.getByLabel('Validator (Manager)').count()).toBe(1);
    expect(await chain.getByLabel('Validator (Manager)').inputValue()).not.toBe('');
    // The view as it opens: the two tasks closed, one click away.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details[open]')) d.removeAttribute('open');
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(DOCS, 'sidebar-account.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows Reminders & settings with no serious accessibility violation', async () => {
    await page.getByRole('tab', { name: 'Reminders' }).click();
    await expect.poll(() => page.locator('#panel-settings').getByText('Last runs').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(DOCS, 'sidebar-reminders-settings.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the QBR brief in the sidebar, customer-facing, with no serious accessibility violation', async () => {
    await page.getByRole('tab', { name: 'Account' }).click();
    const before = preview.runtime.ui.dialogs.length;
    await page.getByRole('button', { name: 'QBR brief' }).click();
    const brief = page.locator('#panel-account section.qbr-brief');
    await expect.poll(() => brief.isVisible()).toBe(true);
    // Google: dialogs are for choices (docs/platform.md); the brief is reading matter, so it stays in the sidebar.
    expect(preview.runtime.ui.dialogs.length).toBe(before);
    expect(await brief.textContent()).not.toMatch(/@|\b(Red|Yellow|Green)\b/);
    await brief.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 48));
    await page.screenshot({ path: join(DOCS, 'sidebar-qbr-brief.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a failed read as a friendly message with Retry, never under "Loading…"', async () => {
    const fresh = await browser.newPage({ viewport: { width: 300, height: 900 } });
    fresh.setDefaultTimeout(10_000);
    let failing = true;
    let refused = 0;
    await fresh.route('**/rpc', async (route) => {
      const fn = String(JSON.parse(route.request().postData() ?? '{}').fn);
      if (failing && fn === 'getAccountView') {
        refused += 1;
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: 'Exception: Service Spreadsheets timed out while accessing document',
          }),
        });
      } else await route.continue();
    });
    await fresh.goto(server.url);
    const panel = fresh.locator('#panel-account');
    const retry = panel.getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    expect(await panel.getByText('Loading…').isVisible()).toBe(false);
    expect(await panel.locator('.status.error').textContent()).toMatch(
      /^Couldn't load the account: Service Spreadsheets timed out/,
    );
    // The first poll finds the selection and tries once more (and fails the same way, keeping the one
    // message); after that only Retry reads again, so the click below is what brings the account.
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await panel.locator('.status.error').count()).toBe(1);
    failing = false;
    await retry.click();
    await expect.poll(() => panel.locator('.account-title').isVisible()).toBe(true);
    expect(await panel.locator('.status.error').count()).toBe(0);
    await fresh.close();
  });

  it('ran without a page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
