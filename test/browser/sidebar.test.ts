// The built Sidebar.html in headless Chromium, google.script.run bridged to the built bundle in the in-memory runtime.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConfirmationPageUrl } from '../../local/preview';
import { createRuntime, type Runtime } from '../../local/runtime/index';
import { type PreviewServer, startPreviewServer } from '../../local/server';
import { DEFAULT_SEGMENTS, HEADERS } from '../../src/sheets/layout';
import { IGNORE_SYSTEM_BROWSER, launchChromium, type ResolvedChromium } from './chromium';

const SHOTS = join(process.cwd(), 'test-output/screenshots');
const HOSTILE = '<img src=x onerror=alert(1)>';
const USER = 'csm@acme.example';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Chain = readonly [string, string, string, string, number | '', number | '', string, string];
const NO_CHAIN: Chain = ['', '', '', '', '', '', '', ''];

/** One Accounts row in the spec's column order. */
function accountRow(id: string, name: string, segment: string, owner: string, start: string, chain: Chain) {
  const renewal = new Date(day(start).getTime() + 364 * 86_400_000);
  return [id, name, segment, owner, day(start), renewal, ...chain, 'Open'];
}

/** A small book with the spec's headers: the hostile-named account on row 3 is the one the test edits. */
function smallBook(): Record<string, unknown[][]> {
  const weeks = ['2026-11-02', '2026-11-09', '2026-11-16'];
  const globex: Chain = [
    'Invoices take 9 days to approve',
    'One approval queue',
    'Approve invoices in 3 days',
    'Days to approve',
    9,
    3,
    'Ann Buyer',
    'Buyer',
  ];
  const hooli: Chain = [
    'Support tickets take 5 days',
    'Self-serve answers',
    'Halve ticket time to 2.5 days',
    'Days per ticket',
    5,
    2.5,
    'Hal Buyer',
    'Buyer',
  ];
  return {
    Segments: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    Accounts: [
      [...HEADERS.accounts],
      accountRow('A-1', 'Globex', 'SMB', USER, '2026-03-02', globex),
      accountRow('A-2', HOSTILE, 'SMB', USER, '2026-05-04', NO_CHAIN),
      accountRow('A-3', 'Initech', 'Mid-Market', 'other@acme.example', '2026-01-05', NO_CHAIN),
      accountRow('A-4', 'Umbrella', 'Enterprise', USER, '2026-10-01', NO_CHAIN),
      accountRow('A-5', 'Hooli', 'SMB', USER, '2026-09-01', hooli),
    ],
    Usage: [
      [...HEADERS.usage],
      ...weeks.flatMap((w) => [
        [day(w), 'A-1', 4, 40],
        [day(w), 'A-2', 3, 12],
        [day(w), 'A-5', 2, 9],
      ]),
      // A data problem for My book to list.
      ['last week', 'A-4', 2, 5],
    ],
    Results: [[...HEADERS.results]],
    Checks: [[...HEADERS.checks], [day('2026-05-06'), 'A-2', 'Kickoff', '', 'Kickoff held', USER]],
  };
}

/** A full-page PNG, scrolled to the top first so the sticky tab strip is drawn where it belongs. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

function column(rt: Runtime, sheet: string, header: string): number {
  const index = rt
    .values(sheet)[0]
    .map((h: unknown) => String(h).trim())
    .indexOf(header);
  if (index < 0) throw new Error(`${sheet} has no column ${header}`);
  return index;
}

/** What a cell shows, without the apostrophe Sheets uses to keep text that starts with '=' from being a formula. */
function cell(rt: Runtime, sheet: string, row: number, header: string): string {
  return String(rt.values(sheet)[row - 1]?.[column(rt, sheet, header)] ?? '').replace(/^'/, '');
}

describe('Sidebar.html in Chromium', () => {
  let rt: Runtime;
  let server: PreviewServer;
  let browser: Browser;
  let found: ResolvedChromium;
  let page: Page;
  const alerts: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    rt = createRuntime({
      timeZone: 'UTC',
      now: new Date('2026-11-24T15:00:00Z'),
      user: USER,
      sheets: smallBook(),
    });
    rt.load();
    if (typeof (rt.context as Record<string, unknown>).setUpWorkbook === 'function') rt.call('setUpWorkbook');
    rt.setActiveCell('Accounts', 3);
    server = await startPreviewServer({ runtime: rt });
    ({ browser, chromium: found } = await launchChromium([
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ]));
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // add-ons1.css and anything else off this machine: refuse at once instead of waiting for a timeout.
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

  it('runs in the Chromium the README promises (the npm package when the system browser is ignored)', () => {
    console.info(`browser tests use ${found.description}`);
    expect(existsSync(found.executablePath)).toBe(true);
    if (process.env[IGNORE_SYSTEM_BROWSER] === '1') expect(found.source).toBe('npm');
  });

  it('follows the selected Accounts row and shows an account name as text, never as markup', async () => {
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(alerts).toEqual([]);
    expect(await page.locator('#panel-account .ladder li').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('#panel-account .next-step').textContent()).toMatch(/Next step: \S/);
    await shot(page, 'account.png');
  });

  it('hints live whether the named result is measurable', async () => {
    const result = page.getByLabel('Named result');
    const hint = page.locator(`#${await result.getAttribute('id')}-hint`);
    await result.fill('Improve conversion');
    expect(await hint.textContent()).toMatch(/^Too vague to measure/);
    await result.fill('Five users on the team are running reports weekly');
    expect(await hint.textContent()).toMatch(/^Reads as adoption/);
    await result.fill('Cut month-end close from 10 days to 6');
    expect(await hint.textContent()).toBe('Measurable.');
  });

  it('saves the Three-Link Chain to the Accounts row, showing progress while the server works', async () => {
    await page.getByLabel('Business pain').fill('Month-end close takes 10 days and 3 people');
    await page.getByLabel('Solution value').fill('+ one reconciliation queue instead of spreadsheets');
    await page.getByLabel('Named result').fill('Cut month-end close from 10 days to 6');
    await page.getByLabel('Metric').fill('Days to close');
    await page.getByLabel('Baseline').fill('10');
    await page.getByLabel('Target').fill('6');
    await page.getByLabel('Validator', { exact: true }).fill('Bea Buyer');
    await page.getByLabel('Validator role').selectOption('Buyer');
    // Hold the answer back a moment so the progress indicator can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/rpc', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Save chain' }).click();
    await expect.poll(() => page.locator('.progress.on').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Saving…' }).isDisabled()).toBe(true);
    release();
    await page.unroute('**/rpc');
    const status = page.locator('form[aria-label="Three-Link Chain"] .status');
    await expect.poll(() => status.textContent()).toBe('Saved to the Accounts sheet.');
    // The bar goes off once nothing is in flight (a selection poll held back with the save may still be answering).
    await expect.poll(() => page.locator('.progress.on').count()).toBe(0);

    expect(cell(rt, 'Accounts', 3, 'Business pain')).toBe('Month-end close takes 10 days and 3 people');
    expect(cell(rt, 'Accounts', 3, 'Solution value')).toBe(
      '+ one reconciliation queue instead of spreadsheets',
    );
    expect(cell(rt, 'Accounts', 3, 'Named result')).toBe('Cut month-end close from 10 days to 6');
    expect(Number(cell(rt, 'Accounts', 3, 'Baseline'))).toBe(10);
    expect(Number(cell(rt, 'Accounts', 3, 'Target'))).toBe(6);
    expect(cell(rt, 'Accounts', 3, 'Validator')).toBe('Bea Buyer');
    expect(cell(rt, 'Accounts', 3, 'Validator role')).toBe('Buyer');
    // The other rows are untouched.
    expect(cell(rt, 'Accounts', 2, 'Business pain')).toBe('Invoices take 9 days to approve');
    expect(cell(rt, 'Accounts', 4, 'Account')).toBe('Initech');
  });

  it('refuses a save over a row changed since it was read, says so, and keeps what was typed', async () => {
    const typed = 'Close takes 10 days, 40 overtime hours a month';
    await page.getByLabel('Business pain').fill(typed);
    // Meanwhile someone edits another cell of the same row in the sheet.
    const rows = rt.values('Accounts');
    rows[2][column(rt, 'Accounts', 'Metric')] = 'Close days (finance)';
    rt.setValues('Accounts', rows);

    await page.getByRole('button', { name: 'Save chain' }).click();
    const status = page.locator('form[aria-label="Three-Link Chain"] .status');
    await expect.poll(() => status.getAttribute('class')).toContain('error');
    expect(await status.textContent()).toMatch(/kept/);
    expect(await page.getByLabel('Business pain').inputValue()).toBe(typed);
    expect(cell(rt, 'Accounts', 3, 'Business pain')).toBe('Month-end close takes 10 days and 3 people');
    expect(cell(rt, 'Accounts', 3, 'Metric')).toBe('Close days (finance)');
    // The field the person did not touch now shows the sheet's new value, so saving again cannot revert it.
    await expect.poll(() => page.getByLabel('Metric').inputValue()).toBe('Close days (finance)');

    await page.getByRole('button', { name: 'Save chain' }).click();
    await expect.poll(() => status.textContent()).toBe('Saved to the Accounts sheet.');
    expect(cell(rt, 'Accounts', 3, 'Business pain')).toBe(typed);
    expect(cell(rt, 'Accounts', 3, 'Metric')).toBe('Close days (finance)');
  });

  it('logs a result value into Results', async () => {
    const before = rt.values('Results').length;
    await page.locator('summary', { hasText: 'Log a result value' }).click();
    const form = page.locator('form[aria-label="Log a result value"]');
    await form.getByLabel('Date', { exact: true }).fill('2026-11-20');
    await form.getByLabel('Value').fill('7');
    await form.getByLabel('Attributed to the product').check();
    await form.getByLabel('Evidence').fill('November close report');
    await form.getByRole('button', { name: 'Log result' }).click();
    await expect.poll(() => form.locator('.status').textContent()).toBe('Logged in the Results sheet.');
    const results = rt.values('Results');
    expect(results.length).toBe(before + 1);
    const last = results.length;
    expect(cell(rt, 'Results', last, 'Account ID')).toBe('A-2');
    expect(Number(cell(rt, 'Results', last, 'Value'))).toBe(7);
    expect(cell(rt, 'Results', last, 'Evidence')).toBe('November close report');
    // Logging is not a confirmation: nobody is named as having validated it.
    expect(cell(rt, 'Results', last, 'Validated by')).toBe('');
    expect(cell(rt, 'Results', last, 'Validator role')).toBe('');
    // The form is cleared for the next value.
    expect(await form.getByLabel('Value').inputValue()).toBe('');
  });

  it('records the validator confirming a logged value, with what they said', async () => {
    const before = rt.values('Results').length;
    const item = page
      .locator('#panel-account li')
      .filter({ hasText: '2026-11-20', has: page.locator('summary') })
      .first();
    await item.locator('summary', { hasText: 'Record a confirmation' }).click();
    const form = item.locator('form[aria-label="Record a confirmation of 2026-11-20"]');
    // What they said is required: nothing is sent without it.
    await form.getByLabel('Who confirmed').fill('Bea Buyer');
    await form.getByLabel('Their role').selectOption('Buyer');
    await form.getByLabel('How').selectOption('email reply');
    await form.getByRole('button', { name: 'Record confirmation' }).click();
    await expect.poll(() => form.textContent()).toContain('Write what they said.');
    expect(rt.values('Results').length).toBe(before);
    await form.getByLabel('What they said').fill('We closed November in 7 days.');
    await form.getByRole('button', { name: 'Record confirmation' }).click();
    await expect.poll(() => rt.values('Results').length).toBe(before + 1);
    const last = before + 1;
    expect(cell(rt, 'Results', last, 'Account ID')).toBe('A-2');
    expect(Number(cell(rt, 'Results', last, 'Value'))).toBe(7);
    expect(cell(rt, 'Results', last, 'Attributed')).toBe('Yes');
    expect(cell(rt, 'Results', last, 'Validated by')).toBe('Bea Buyer');
    expect(cell(rt, 'Results', last, 'Validator role')).toBe('Buyer');
    expect(cell(rt, 'Results', last, "Customer's words")).toBe('We closed November in 7 days.');
    await expect
      .poll(() => page.locator('#panel-account').textContent())
      .toContain('We closed November in 7 days.');
  });

  it('records a 90-day check into Checks', async () => {
    const before = rt.values('Checks').length;
    await page.locator('summary', { hasText: 'Record a check' }).click();
    const form = page.locator('form[aria-label="Record a check"]');
    await form.getByLabel('Check', { exact: true }).selectOption('90-day');
    await form.getByRole('radio', { name: 'Yes' }).check();
    await form.getByLabel('Notes').fill('=Named the close-time result');
    await form.getByRole('button', { name: 'Record check' }).click();
    await expect.poll(() => form.locator('.status').textContent()).toBe('Recorded in the Checks sheet.');
    const checks = rt.values('Checks');
    expect(checks.length).toBe(before + 1);
    const last = checks.length;
    expect(cell(rt, 'Checks', last, 'Account ID')).toBe('A-2');
    expect(cell(rt, 'Checks', last, 'Check')).toBe('90-day');
    expect(cell(rt, 'Checks', last, 'Result named')).toBe('Yes');
    // Stored as text, never as a formula.
    expect(cell(rt, 'Checks', last, 'Notes')).toBe('=Named the close-time result');
    await shot(page, 'account-after-writes.png');
  });

  it('shows the QBR brief in the sidebar, customer-facing, with the account name as text', async () => {
    const before = rt.ui.dialogs.length;
    await page.getByRole('button', { name: 'QBR brief' }).click();
    const brief = page.locator('#panel-account section.qbr-brief');
    await expect.poll(() => brief.isVisible()).toBe(true);
    // Google: dialogs are for choices; the brief is reading matter, so no dialog opens (docs/platform.md).
    expect(rt.ui.dialogs.length).toBe(before);
    expect(await page.locator('#panel-account .status.error').count()).toBe(0);
    const text = (await brief.textContent()) ?? '';
    expect(text).toContain(HOSTILE);
    expect(text).toContain('We closed November in 7 days.');
    // Customer-facing: no owner email, no internal health.
    expect(text).not.toContain(USER);
    expect(text).not.toMatch(/\b(Red|Yellow|Green)\b/);
    expect(await brief.locator('img').count()).toBe(0);
    await shot(page, 'qbr-brief.png');
  });

  it('shows My book, and a click selects the row in the sheet', async () => {
    await page.getByRole('tab', { name: 'My book' }).click();
    const panel = page.locator('#panel-book');
    await expect.poll(() => panel.locator('.counts').count()).toBe(1);
    expect(await panel.locator('img').count()).toBe(0);
    await shot(page, 'my-book.png');

    const globex = panel.getByRole('button', { name: 'Globex' });
    const initech = panel.getByRole('button', { name: 'Initech' });
    const target = (await globex.count()) > 0 ? globex.first() : initech.first();
    const name = (await target.textContent()) ?? '';
    await target.click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe(name);
  });

  it('moves between tabs with the arrow keys and shows Reminders & settings', async () => {
    await page.getByRole('tab', { name: 'Account' }).focus();
    await page.keyboard.press('ArrowLeft');
    const tab = page.getByRole('tab', { name: 'Reminders' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-settings');
    const panel = page.locator('#panel-settings');
    await expect.poll(() => panel.getByText('Last runs').count()).toBe(1);
    await expect.poll(() => panel.getByText(/Emails left today: \d+/).count()).toBe(1);
    await shot(page, 'reminders-settings.png');
  });

  it('shows a refused setting next to its field and keeps the input', async () => {
    const form = page.locator('form[aria-label="Reminder settings and thresholds"]');
    const leader = form.getByLabel('Leader email');
    await leader.fill('not an address');
    await form.getByRole('button', { name: 'Save settings' }).click();
    const fieldError = page.locator(`#${await leader.getAttribute('id')}-error`);
    await expect.poll(() => fieldError.textContent()).toMatch(/\S/);
    expect(await leader.getAttribute('aria-invalid')).toBe('true');
    expect(await leader.inputValue()).toBe('not an address');
    expect(await form.locator('.status').getAttribute('class')).toContain('error');
  });

  it('turns reminders on only after showing recipients, leader and domains, and off again', async () => {
    const panel = page.locator('#panel-settings');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await panel.getByRole('button', { name: 'Turn reminders on…' }).click();
    const confirm = panel.locator('.confirm').first();
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toMatch(/Allowed recipient domains: acme\.example/);
    expect(await confirm.textContent()).toMatch(/Owners who may get a digest/);
    await panel.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Turn reminders off' }).count()).toBe(1);
    expect(rt.triggers.filter((t) => t.user === USER)).toHaveLength(1);
    expect(await panel.textContent()).toMatch(/Reminders are on: daily at 08:00 \(UTC\)/);
    await shot(page, 'reminders-on.png');
    await panel.getByRole('button', { name: 'Turn reminders off' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Turn reminders on…' }).count()).toBe(1);
    expect(rt.triggers.filter((t) => t.user === USER)).toHaveLength(0);
  });

  it('shows reminder settings read-only to anyone but their owner, and thresholds to anyone but the leader', async () => {
    const key = 'resultsLadder.settings';
    const stored = JSON.parse(rt.properties.document.get(key) ?? '{}') as Record<string, unknown>;
    rt.properties.document.set(
      key,
      JSON.stringify({ ...stored, remindersOwner: 'boss@acme.example', leaderEmail: 'boss@acme.example' }),
    );
    rt.properties.document.set('resultsLadder.reminders', JSON.stringify({ owner: 'boss@acme.example' }));
    const panel = page.locator('#panel-settings');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    const form = page.locator('form[aria-label="Reminder settings and thresholds"]');
    await expect.poll(() => form.getByLabel('Leader email').getAttribute('readonly')).not.toBeNull();
    expect(await form.getByLabel('Cadence').isDisabled()).toBe(true);
    expect(await form.textContent()).toContain('only boss@acme.example');
    expect(await form.getByLabel('Stalled after (days)').getAttribute('readonly')).not.toBeNull();
    expect(await form.textContent()).toContain('only the leader (boss@acme.example)');
    // The signed-in CSM becomes the leader: thresholds open, and saving them asks to confirm first.
    rt.properties.document.set(
      key,
      JSON.stringify({ ...stored, remindersOwner: 'boss@acme.example', leaderEmail: USER }),
    );
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => form.getByLabel('Stalled after (days)').getAttribute('readonly')).toBeNull();
    await form.getByLabel('Stalled after (days)').fill('45');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => form.locator('.confirm').textContent())
      .toMatch(/Stalled after \(days\): 60 → 45/);
    expect(JSON.parse(rt.properties.document.get(key) ?? '{}').stalledDays).not.toBe(45);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => form.locator('.status').textContent()).toBe('Settings saved.');
    const saved = JSON.parse(rt.properties.document.get(key) ?? '{}') as Record<string, unknown>;
    expect(saved.stalledDays).toBe(45);
    expect(saved.remindersOwner).toBe('boss@acme.example');
  });

  it('keeps unsaved input when the selection moves, and follows it once the person agrees', async () => {
    await page.getByRole('tab', { name: 'Account' }).click();
    const title = page.locator('#panel-account .account-title');
    const shown = await title.textContent();
    await page.getByLabel('Business pain').fill('Draft: onboarding takes 6 weeks');
    // Usage row 4 names A-5 (Hooli), an account My book's click above did not open.
    rt.setActiveCell('Usage', 4);
    const banner = page.locator('#panel-account .banner');
    await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await title.textContent()).toBe(shown);
    expect(await page.getByLabel('Business pain').inputValue()).toBe('Draft: onboarding takes 6 weeks');
    // A Usage row names its Account ID, so the view follows it to that account.
    await banner.getByRole('button', { name: 'Show it and drop my edits' }).click();
    await expect.poll(() => title.textContent()).toBe('Hooli');

    rt.setActiveCell('Accounts', 3);
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(HOSTILE);
  });

  it('polls only where the selection is while it stays put, reading no cells', async () => {
    await page.getByRole('tab', { name: 'Account' }).click();
    await expect.poll(() => page.locator('#panel-account .account-title').textContent()).toBe(HOSTILE);
    const asked: string[] = [];
    const onRequest = (req: { url(): string; postData(): string | null }) => {
      if (req.url().endsWith('/rpc')) asked.push(String(JSON.parse(req.postData() ?? '{}').fn));
    };
    page.on('request', onRequest);
    rt.calls.reset();
    await expect
      .poll(() => asked.filter((fn) => fn === 'getSelection').length, { timeout: 15_000 })
      .toBeGreaterThan(1);
    page.off('request', onRequest);
    expect(asked).not.toContain('getAccountView');
    expect(rt.calls.count('Range.getValues')).toBe(0);
  });

  it('asks the validator to confirm at 300 px: the endpoint prepares the mail, with To and a signed link', async () => {
    rt.setActiveCell('Accounts', 2);
    const title = page.locator('#panel-account .account-title');
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe('Globex');
    // A value logged (not a confirmation) is what the ask quotes.
    await page
      .locator('details:has(form[aria-label="Log a result value"])')
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const log = page.locator('form[aria-label="Log a result value"]');
    await log.getByLabel('Value').fill('5');
    await log.getByRole('button', { name: 'Log result' }).click();
    await expect.poll(() => log.locator('.status').textContent()).toBe('Logged in the Results sheet.');
    // The mail app is the CSM's: record what the sidebar opens instead of leaving the page.
    await page.evaluate(() => {
      const w = window as unknown as { opened: string[] };
      w.opened = [];
      window.open = (url?: string | URL) => {
        w.opened.push(String(url));
        return null;
      };
    });
    const opened = () => page.evaluate(() => (window as unknown as { opened: string[] }).opened);
    const ask = page.getByRole('button', { name: 'Ask Ann Buyer to confirm the result' });
    await expect.poll(() => ask.count()).toBe(1);
    // No address yet: refused next to the button, pointing to the chain form's field; nothing opened.
    await ask.click();
    const askBox = page.locator('#panel-account .ask');
    await expect.poll(() => askBox.textContent()).toContain('Validator email');
    expect(await opened()).toEqual([]);
    await page.getByLabel('Validator email').fill('ann@globex.example');
    await page.getByRole('button', { name: 'Save chain' }).click();
    const chainStatus = page.locator('form[aria-label="Three-Link Chain"] .status');
    await expect.poll(() => chainStatus.textContent()).toBe('Saved to the Accounts sheet.');
    // The confirmation page is its own project; its /exec address goes into Settings (here, straight into them).
    setConfirmationPageUrl(rt, `${server.url}exec`);
    await page.getByRole('button', { name: 'Ask Ann Buyer to confirm the result' }).click();
    await expect.poll(async () => (await opened()).length).toBe(1);
    const mailto = (await opened())[0];
    expect(mailto).toMatch(/^mailto:ann(@|%40)globex\.example\?/);
    expect(decodeURIComponent(mailto)).toContain('?c=');
    await expect.poll(() => askBox.textContent()).toContain('ann@globex.example');
    // The ask is on the record, under the results.
    await expect
      .poll(() => page.locator('#panel-account .asks').textContent())
      .toContain('Asked Ann Buyer on 2026-11-24 (pending)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  });

  it('ran without a page error or an alert', () => {
    expect(pageErrors).toEqual([]);
    expect(alerts).toEqual([]);
  });
});
