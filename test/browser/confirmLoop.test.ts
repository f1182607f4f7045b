// The whole confirmation loop at 300 px, in Chromium: the sidebar's log form names no validator; Ask opens a mail whose
// link is the preview's /exec page (the web-app bundle over the same workbook); Confirm there records the customer's
// words and turns the account Result/Green; a second ask answered Not yet records that and changes nothing else.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConfirmationPageUrl } from '../../local/preview';
import { createRuntime, type Runtime } from '../../local/runtime/index';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { DEFAULT_SEGMENTS, HEADERS } from '../../src/sheets/layout';
import { launchChromium } from './chromium';

const USER = 'csm@acme.example';
const WORDS = 'Yes <b>approvals</b> take 5 days now =SUM(1)';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Globex (SMB): a measurable named result, adopted, an attributed value moving toward target; no validation yet. */
function loopBook(): Record<string, unknown[][]> {
  const weeks = ['2026-11-02', '2026-11-09', '2026-11-16'];
  return {
    Segments: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    Accounts: [
      [...HEADERS.accounts],
      [
        'A-1',
        'Globex',
        'SMB',
        USER,
        day('2026-09-01'),
        day('2027-08-31'),
        'Invoices take 9 days to approve',
        'One approval queue',
        'Approve invoices in 3 days',
        'Days to approve',
        9,
        3,
        'Ann Buyer',
        'Buyer',
        'Open',
        'ann@globex.example',
      ],
      // Initech: its 90-day check said No (an intervention trigger).
      [
        'A-2',
        'Initech',
        'SMB',
        USER,
        day('2026-08-03'),
        day('2027-08-02'),
        'Tickets take 5 days',
        'Self-serve answers',
        'Halve ticket time to 2.5 days',
        'Days per ticket',
        5,
        2.5,
        'Eleanor Vance',
        'Buyer',
        'Open',
        'eleanor@initech.example',
      ],
    ],
    Usage: [[...HEADERS.usage], ...weeks.map((w) => [day(w), 'A-1', 4, 40])],
    Results: [
      [...HEADERS.results],
      [day('2026-11-20'), 'A-1', 5, 'Yes', '', '', '', 'Approval report', USER],
    ],
    Checks: [
      [...HEADERS.checks],
      [day('2026-09-03'), 'A-1', 'Kickoff', '', 'Kickoff held', USER],
      [day('2026-08-05'), 'A-2', 'Kickoff', '', 'Kickoff held', USER],
      [day('2026-10-30'), 'A-2', '90-day', 'No', 'Could not name a result', USER],
    ],
  };
}

function cell(rt: Runtime, sheet: string, row: number, header: string): string {
  const values = rt.values(sheet);
  const index = values[0].map((h: unknown) => String(h).trim()).indexOf(header);
  if (index < 0) throw new Error(`${sheet} has no column ${header}`);
  return String(values[row - 1]?.[index] ?? '').replace(/^'/, '');
}

describe('the confirmation loop in Chromium at 300 px', () => {
  let rt: Runtime;
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const alerts: string[] = [];

  const guard = async (p: Page) => {
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await p.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => route.abort(),
    );
  };
  const opened = () => page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  const summary = () => page.locator('#panel-account').textContent();
  const refresh = () => page.locator('#panel-account').getByRole('button', { name: 'Refresh' }).click();
  const rungAndHealth = async () => [
    await page.locator('#panel-account .pill').first().textContent(),
    await page.locator('#panel-account .ladder').textContent(),
    await page.locator('#panel-account .next-step').textContent(),
  ];

  /** Presses Ask and returns the link the opened mail carries. */
  async function ask(): Promise<string> {
    const before = (await opened()).length;
    await page.getByRole('button', { name: 'Ask Ann Buyer to confirm the result' }).click();
    await expect.poll(async () => (await opened()).length).toBe(before + 1);
    const mailto = (await opened())[before];
    expect(mailto).toMatch(/^mailto:ann(@|%40)globex\.example\?/);
    const body = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1)).get('body') ?? '';
    const link = /(http:\/\/127\.0\.0\.1:\d+\/exec\?c=\S+)/.exec(body)?.[1];
    expect(link, body).toBeTruthy();
    // The first ask creates the hidden Confirmation asks sheet: the selection stays on the account's row.
    expect(rt.call<{ sheet: string; row: number }>('getSelection')).toMatchObject({
      sheet: 'Accounts',
      row: 2,
    });
    return link as string;
  }

  /** Opens the link in a new page, types the words and presses `button`; returns what the page then says. */
  async function answer(link: string, button: 'Confirm' | 'Not yet', words: string): Promise<string> {
    const customer = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await guard(customer);
    await customer.goto(link);
    await customer.getByLabel('In your words (optional)').fill(words);
    await customer.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => customer.locator('h1').textContent()).toMatch(/^Thank you/);
    const said = (await customer.locator('main').textContent()) ?? '';
    expect(await customer.locator('b').count()).toBe(0);
    await customer.close();
    return said;
  }

  beforeAll(async () => {
    rt = createRuntime({
      timeZone: 'UTC',
      now: new Date('2026-11-24T15:00:00Z'),
      user: USER,
      sheets: loopBook(),
    });
    rt.load();
    rt.call('setUpWorkbook');
    rt.setActiveCell('Accounts', 2);
    server = await startPreviewServer({ runtime: rt });
    setConfirmationPageUrl(rt, `${server.url}exec`);
    ({ browser } = await launchChromium(['--disable-gpu', '--no-first-run', '--disable-sync']));
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await guard(page);
    await page.goto(server.url);
    await page.evaluate(() => {
      const w = window as unknown as { opened: string[] };
      w.opened = [];
      window.open = (url?: string | URL) => {
        w.opened.push(String(url));
        return null;
      };
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the account one confirmation short of Result, and a log form that names no validator', async () => {
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe('Globex');
    expect(await summary()).not.toMatch(/Result\s*·?\s*Green/);
    const log = page.locator('form[aria-label="Log a result value"]');
    expect(await log.count()).toBe(1);
    expect(await log.getByLabel(/Validat/).count()).toBe(0);
    expect(await log.getByLabel(/role/i).count()).toBe(0);
    expect(await log.textContent()).not.toContain('Ann Buyer');
  });

  // Once the account is a Result the sidebar offers no Ask, so the Not yet answer comes first and Confirm second.
  it('an ask answered Not yet is recorded as not yet and changes no Results row, rung or health', async () => {
    const results = JSON.stringify(rt.values('Results'));
    const before = await rungAndHealth();
    const link = await ask();
    const said = await answer(link, 'Not yet', 'Not yet — the audit is next month');
    expect(said).toContain('Nothing was confirmed');
    expect(JSON.stringify(rt.values('Results'))).toBe(results);
    await refresh();
    await expect
      .poll(() => page.locator('#panel-account .asks').textContent())
      .toMatch(/Asked Ann Buyer on 2026-11-24 \(not yet on 2026-11-24\)/);
    expect(await rungAndHealth()).toEqual(before);
    expect(before[0]).not.toBe('Green');
  });

  it('a second Ask → the link → Confirm records their words and turns the account Result/Green', async () => {
    const before = rt.values('Results').length;
    const link = await ask();
    // My book lists the ask as waiting for the customer; pressing it opens the account.
    await page.getByRole('tab', { name: 'My book' }).click();
    const waiting = page.locator('#panel-book ul.waiting');
    await expect.poll(() => waiting.locator('li').count()).toBe(1);
    expect(await waiting.textContent()).toContain('Ann Buyer · asked on 2026-11-24');
    expect(await page.locator('#panel-book').textContent()).toContain('Waiting for the customer (1)');
    await waiting.getByRole('button', { name: 'Globex' }).click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe('Globex');
    const said = await answer(link, 'Confirm', WORDS);
    expect(said).toContain('is recorded');
    expect(rt.values('Results').length).toBe(before + 1);
    const last = before + 1;
    expect(cell(rt, 'Results', last, 'Account ID')).toBe('A-1');
    expect(cell(rt, 'Results', last, 'Validated by')).toBe('Ann Buyer');
    expect(cell(rt, 'Results', last, 'Confirmed via')).toBe('link');
    expect(cell(rt, 'Results', last, "Customer's words")).toBe(WORDS);
    await refresh();
    await expect.poll(() => page.locator('#panel-account .pill').first().textContent()).toBe('Green');
    expect(
      await page
        .locator('#panel-account strong')
        .filter({ hasText: /^Result$/ })
        .count(),
    ).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('#panel-account .asks').textContent())
      .toMatch(/Asked Ann Buyer on 2026-11-24 \(confirmed on 2026-11-24\)/);
    // Answered: no longer waiting in My book.
    await page.getByRole('tab', { name: 'My book' }).click();
    await page.locator('#panel-book').getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => page.locator('#panel-book').textContent())
      .toContain('Waiting for the customer (0)');
    await page.getByRole('tab', { name: 'Account' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  });

  it('records an intervention after a 90-day No: the next step proves the re-planned result, health stays Red', async () => {
    rt.setActiveCell('Accounts', 3);
    await expect
      .poll(() => page.locator('#panel-account .account-title').textContent(), { timeout: 10_000 })
      .toBe('Initech');
    expect(await page.locator('#panel-account .pill').first().textContent()).toBe('Red');
    await page.locator('summary', { hasText: 'Record a check' }).click();
    const form = page.locator('form[aria-label="Record a check"]');
    // The intervention's own fields show only for an Intervention.
    expect(await form.getByLabel('Met with').isVisible()).toBe(false);
    await form.getByLabel('Check', { exact: true }).selectOption('Intervention');
    expect(await form.getByLabel('Met with').isVisible()).toBe(true);
    const before = rt.values('Checks').length;
    // Nothing typed: each required field says so next to itself, and nothing is sent.
    await form.getByRole('button', { name: 'Record check' }).click();
    const errorOf = async (label: string) =>
      page
        .locator(`#${await form.getByLabel(label, { exact: true }).getAttribute('id')}-error`)
        .textContent();
    expect(await errorOf('Met with')).toBe('Say who you met.');
    expect(await errorOf('Notes')).toBe('Say what changes.');
    expect(await errorOf('Re-planned result')).toBe('Name the re-planned result.');
    expect(await errorOf('Re-planned due')).toMatch(/YYYY-MM-DD/);
    expect(rt.values('Checks').length).toBe(before);
    await form.getByLabel('Met with').fill('Eleanor Vance');
    await form.getByLabel('Notes').fill('Weekly review of the ticket queue with her team leads');
    await form.getByLabel('Re-planned result').fill('Cut ticket time from 5 days to 3');
    // A day that is not on the calendar: the server refuses it, next to the field, and nothing is written.
    await form.getByLabel('Re-planned due').fill('2027-02-30');
    await form.getByRole('button', { name: 'Record check' }).click();
    await expect.poll(() => errorOf('Re-planned due')).toMatch(/2027-02-30/);
    expect(rt.values('Checks').length).toBe(before);
    expect(await form.getByLabel('Met with').inputValue()).toBe('Eleanor Vance');
    await form.getByLabel('Re-planned due').fill('2027-01-31');
    await form.getByRole('button', { name: 'Record check' }).click();
    await expect.poll(() => form.locator('.status').textContent()).toBe('Recorded in the Checks sheet.');
    const last = before + 1;
    expect(cell(rt, 'Checks', last, 'Check')).toBe('Intervention');
    expect(cell(rt, 'Checks', last, 'Met with')).toBe('Eleanor Vance');
    expect(cell(rt, 'Checks', last, 'Re-planned result')).toBe('Cut ticket time from 5 days to 3');
    await expect
      .poll(() => page.locator('#panel-account .next-step').textContent())
      .toMatch(/Prove the re-planned result by 2027-01-31/);
    expect(await page.locator('#panel-account .pill').first().textContent()).toBe('Red');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  });

  it('ran without a page error or an alert', () => {
    expect(pageErrors).toEqual([]);
    expect(alerts).toEqual([]);
  });
});
