// Issue 25 on the demo book at Sheets' 300 px and at 200% zoom (150 CSS px): no sideways scroll, My book keeps the
// person's place, every account once with all its reasons, counts that add up, next steps that lead to their form,
// the leader's owner filter, where the sidebar first lands, and the customer-facing QBR brief in the sidebar.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Preview, preparePreview } from '../../local/preview';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { launchChromium } from './chromium';
import { seriousViolations } from './axe';

const SAM = 'sam.ortiz@acme.example';

let dir: string;
let preview: Preview;
let server: PreviewServer;
let browser: Browser;
const pageErrors: string[] = [];

interface Row {
  row: number;
  id: string;
  name: string;
  owner: string;
}

/** The demo book's Accounts rows (1-based sheet rows). */
function accountRows(): Row[] {
  const [header, ...rows] = preview.runtime.values('Accounts').map((r) => r.map(String));
  const at = (h: string) => header.indexOf(h);
  return rows.map((r, i) => ({ row: i + 2, id: r[at('Account ID')], name: r[1], owner: r[at('Owner')] }));
}

/** LADDER's health per Account ID. */
function healthOf(): Map<string, string> {
  const [header, ...rows] = preview.ladder.map((r) => r.map(String));
  return new Map(rows.map((r) => [r[header.indexOf('Account ID')], r[header.indexOf('Health')]]));
}

/** What scrolls sideways or is cut off: the page itself, and any tab, tile or text field narrower than its content. */
async function sidewaysOverflow(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    const visible = (e: Element) => (e as HTMLElement).offsetParent !== null;
    // Date fields must show a whole YYYY-MM-DD (other text fields scroll their long text inside, as fields do).
    for (const e of document.querySelectorAll<HTMLElement>(
      '[role=tab], button.count, input[pattern], select',
    )) {
      if (!visible(e)) continue;
      if (e.scrollWidth > e.clientWidth + 1)
        out.push(
          `${e.tagName} "${e.textContent || (e as HTMLInputElement).value}" ${e.scrollWidth} > ${e.clientWidth}`,
        );
      const r = e.getBoundingClientRect();
      if (r.right > doc.clientWidth + 0.5) out.push(`${e.tagName} "${e.textContent}" ends at ${r.right}`);
    }
    // Text cut without a tooltip: an ellipsis is fine only where the whole text is in the title.
    for (const e of document.querySelectorAll<HTMLElement>('.clip')) {
      if (visible(e) && e.scrollWidth > e.clientWidth && e.title !== e.textContent)
        out.push(`clip ${e.textContent}`);
    }
    return out;
  });
}

async function newPage(width: number, path = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
  await page.goto(`${server.url}${path}`);
  return page;
}

async function openBook(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'My book' }).click();
  await page.locator('#panel-book').getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => page.locator('#panel-book .counts').count()).toBeGreaterThan(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-narrow-'));
  preview = await preparePreview({ today: '2026-11-24', timeZone: 'UTC', emailsDir: join(dir, 'emails') });
  server = await startPreviewServer({ runtime: preview.runtime, port: 0 });
  ({ browser } = await launchChromium());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([300, 150])('the sidebar at %i CSS px', (width) => {
  let page: Page;
  beforeAll(async () => {
    preview.runtime.setUser(SAM);
    const own = accountRows().find((r) => r.owner === SAM && r.id === 'AC-3009');
    if (!own) throw new Error('the demo book has no AC-3009 of Sam');
    preview.runtime.setActiveCell('Accounts', own.row);
    page = await newPage(width);
  });
  afterAll(async () => {
    await page?.close();
    preview.runtime.setUser(preview.user);
  });

  it('every view fits without sideways scroll, and has no serious accessibility violation', async () => {
    // Sam's own account is selected: the sidebar lands on it.
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#panel-account .account-title').isVisible()).toBe(true);
    await page.locator('summary', { hasText: 'Log a result value' }).click();
    const date = page.locator('form[aria-label="Log a result value"]').getByLabel('Date', { exact: true });
    expect(await date.inputValue()).toBe(preview.today);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await openBook(page);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Reminders' }).click();
    await expect.poll(() => page.locator('#panel-settings').getByText('Last runs').count()).toBe(1);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists each account once, with all its reasons, and counts that add up', async () => {
    await openBook(page);
    const panel = page.locator('#panel-book');
    const ids = await panel
      .locator('section[aria-label]:not(.filtered) [data-account-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id')));
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    // The Red overdue account shows once, under its Red group, and says it is overdue there.
    const overdue = panel.locator('[data-account-id="AC-3009"]');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.locator('xpath=ancestor::section[contains(@class,"red")]').count()).toBe(1);
    expect(await overdue.textContent()).toMatch(/overdue by 20 days/);
    // The overdue list does not list it again, and says where it is.
    expect(await panel.locator('[data-list="overdue"]').textContent()).toMatch(/listed above/);
    // Tiles + churned = the accounts listed, and the churned one is named.
    const healthSum = await panel
      .locator('.health-counts button.count strong')
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent), 0));
    const mine = accountRows().filter((r) => r.owner === SAM);
    const churned = mine.filter((r) => healthOf().get(r.id) === 'Churned');
    expect(churned.length).toBe(1);
    expect(healthSum + churned.length).toBe(mine.length);
    expect(await panel.locator('h2').textContent()).toContain(`(${mine.length})`);
    expect(await panel.locator('.tally').first().textContent()).toContain(churned[0].name);
  });

  it('shows chain gaps and results to validate in My book, each with a next step', async () => {
    const panel = page.locator('#panel-book');
    const chain = panel.locator('[data-list="chain"] [data-account-id]');
    const validate = panel.locator('[data-list="validate"] [data-account-id]');
    expect(await chain.count()).toBeGreaterThan(0);
    expect(await validate.count()).toBeGreaterThan(0);
    expect(await validate.first().textContent()).toMatch(/Next: Get (it|the result)/);
  });

  it('gets to the first Red account in two key presses from the tabs', async () => {
    await page.getByRole('tab', { name: 'My book' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('section.red [data-account-id]')))
      .toBe(true);
  });

  it('keeps the pressed tile where it was, and lists below it', async () => {
    const panel = page.locator('#panel-book');
    const tile = panel.locator('.health-counts button.count.Yellow');
    await tile.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const before = await tile.evaluate((e) => e.getBoundingClientRect().top);
    await tile.click();
    await expect.poll(() => panel.locator('.filtered [data-account-id]').count()).toBeGreaterThan(0);
    expect(await tile.evaluate((e) => e.getBoundingClientRect().top)).toBe(before);
    const foundTop = await panel.locator('.filtered').evaluate((e) => e.getBoundingClientRect().top);
    expect(foundTop).toBeGreaterThan(before);
    await tile.click();
  });

  it('keeps filter, search and scroll position when coming back from an account', async () => {
    const panel = page.locator('#panel-book');
    const search = panel.getByLabel('Find an account');
    await search.fill('ac-');
    await panel.locator('.health-counts button.count.Yellow').click();
    const found = panel.locator('.filtered [data-account-id]');
    await expect.poll(() => found.count()).toBeGreaterThan(2);
    const pick = found.nth(2);
    await pick.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await pick.getByRole('button').first().click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('tab', { name: 'My book' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await search.inputValue()).toBe('ac-');
    expect(await panel.locator('.health-counts button.count.Yellow').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await panel.getByRole('button', { name: 'Clear' }).click();
  });

  it('opens a single search match on Enter', async () => {
    const panel = page.locator('#panel-book');
    const target = accountRows().find((r) => r.id === 'AC-2003');
    await panel.getByLabel('Find an account').fill('AC-2003');
    await expect.poll(() => panel.locator('.filtered [data-account-id]').count()).toBe(1);
    await panel.getByLabel('Find an account').press('Enter');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe(target?.name);
    await page.getByRole('tab', { name: 'My book' }).click();
    await panel.getByLabel('Find an account').fill('');
  });

  it("links a triage account's next step to the chain form, focused", async () => {
    const triage = accountRows().find((r) => r.id === 'AC-3006');
    if (!triage) throw new Error('no AC-3006');
    preview.runtime.setActiveCell('Accounts', triage.row);
    await page.getByRole('tab', { name: 'Account' }).click();
    await expect
      .poll(() => page.locator('#panel-account .account-title').textContent(), { timeout: 10_000 })
      .toBe(triage.name);
    await page
      .locator('#panel-account .next-step')
      .getByRole('button', { name: /Fix the chain/ })
      .click();
    await expect
      .poll(() =>
        page.evaluate(() => !!document.activeElement?.closest('form[aria-label="Three-Link Chain"]')),
      )
      .toBe(true);
    const top = await page
      .locator('form[aria-label="Three-Link Chain"]')
      .evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(800);
    expect(top).toBeGreaterThanOrEqual(0);
  });

  it('shows a customer-facing QBR brief in the sidebar, with a proposed next result that is not the current one', async () => {
    const account = accountRows().find((r) => r.id === 'AC-3009');
    if (!account) throw new Error('no AC-3009');
    preview.runtime.setActiveCell('Accounts', account.row);
    await expect
      .poll(() => page.locator('#panel-account .account-title').textContent(), { timeout: 10_000 })
      .toBe(account.name);
    const dialogs = preview.runtime.ui.dialogs.length;
    await page.getByRole('button', { name: 'QBR brief' }).click();
    const brief = page.locator('#panel-account section.qbr-brief');
    await expect.poll(() => brief.isVisible()).toBe(true);
    expect(preview.runtime.ui.dialogs.length).toBe(dialogs);
    const text = (await brief.textContent()) ?? '';
    expect(text).not.toContain('@');
    expect(text).not.toMatch(/\b(Red|Yellow|Green)\b/);
    const named =
      (await brief.locator('h4:text-is("The result we are working toward") + p').textContent()) ?? '';
    const proposed = (await brief.locator('.proposed-next').textContent()) ?? '';
    expect(proposed).not.toBe('');
    expect(proposed).not.toBe(named);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("the leader's lists and the first open", () => {
  it('land on My book when the selected row is not one of the user’s accounts', async () => {
    preview.runtime.setUser(preview.user);
    const other = accountRows().find((r) => r.owner === SAM);
    if (!other) throw new Error('no account of Sam');
    preview.runtime.setActiveCell('Accounts', other.row);
    const page = await newPage(300, 'shown-sidebar');
    await expect
      .poll(() => page.getByRole('tab', { name: 'My book' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#panel-book .counts').count()).toBe(1);
    await page.close();
  });

  it('give the leader reasons and an owner filter, and name the ignored duplicate row', async () => {
    preview.runtime.setUser(preview.user);
    const page = await newPage(150);
    await openBook(page);
    const panel = page.locator('#panel-book');
    expect(await panel.locator('.tally').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/row 39 \(Duplicate Account ID 'AC-1012'/)]),
    );
    await panel.getByLabel('Owner').selectOption(SAM);
    const red = panel.locator('section.red [data-account-id]');
    const owners = await red.evaluateAll((els) =>
      els.map((e) => e.querySelector('.clip')?.getAttribute('title')),
    );
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([SAM]));
    // The tiles count the chosen owner's accounts.
    expect(await panel.locator('.health-counts button.count.Red strong').textContent()).toBe(
      String(owners.length),
    );
    await panel.locator('.health-counts button.count.Red').click();
    const found = panel.locator('.filtered [data-account-id]');
    await expect.poll(() => found.count()).toBe(owners.length);
    // Each found account says why (its reasons) and what to do next.
    for (const text of await found.allTextContents()) expect(text).toMatch(/Next: /);
    expect(await found.first().textContent()).toMatch(/said No|overdue|window|triage|Segment/);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('ran without a page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
