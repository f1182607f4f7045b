// Issue 22 (items 3–7), through the built bundle: what the add-on keeps in the team's spreadsheet — the values Ladder,
// the hidden Usage summary, the sheets it finds by their mark, the text it writes — stays true when people sort, paste
// over, rename and type into the book.
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, MyBookView } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { chainPayload, loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const MAYA = 'maya@acme.example';
const LEAD = 'lead@acme.example';
const SETTINGS = 'resultsLadder.settings';
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

function account(id: string, name: string) {
  return [
    id,
    name,
    'SMB',
    MAYA,
    date('2026-09-01'),
    date('2027-06-01'),
    'Month-end close takes 9 days',
    'Reconciliation the controller trusts, so close needs no second pass',
    'Cut month-end close from 9 to 5 days',
    'Close days',
    9,
    5,
    'Bea Buyer',
    'Buyer',
    'Open',
  ];
}

/** A-1 used the product every week (Adoption), A-2 not at all (None); sorted by week, as an export is. */
const WEEKS = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
function usageRows(users: Record<string, readonly number[]>): unknown[][] {
  const rows: unknown[][] = [[...HEADERS.usage]];
  WEEKS.forEach((w, i) => {
    for (const [id, list] of Object.entries(users)) rows.push([date(w), id, list[i], list[i] * 3]);
  });
  return rows;
}
const BASE_USAGE = usageRows({ 'A-1': [10, 10, 10, 10], 'A-2': [0, 0, 0, 0] });

function book(): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [
      [...HEADERS.accounts],
      account('A-1', 'Alpha'),
      account('A-2', 'Beta'),
      account('+1-555', 'Gamma'),
      account('A-4', 'Delta'),
    ],
    [SHEET.usage]: BASE_USAGE,
    [SHEET.results]: [[...HEADERS.results]],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}

function start(settings: Record<string, unknown> = {}, opts: RuntimeOptions = {}): Runtime {
  const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets: book(), ...opts });
  rt.properties.document.set(SETTINGS, JSON.stringify({ leaderEmail: LEAD, ...settings }));
  rt.call('setUpWorkbook');
  return rt;
}

/** LADDER over the sheets as they are now: Account ID → [Rung, Health]. */
function ladderNow(rt: Runtime): Map<string, [unknown, unknown]> {
  const table = rt.call<unknown[][]>(
    'LADDER',
    rt.values(SHEET.accounts),
    rt.values(SHEET.usage),
    rt.values(SHEET.results),
    rt.values(SHEET.checks),
    rt.values(SHEET.segments),
    TODAY,
  );
  const rung = table[0].indexOf('Rung');
  return new Map(table.slice(1).map((r) => [String(r[0]), [r[rung], r[rung + 1]]]));
}

const rowOf = (rt: Runtime, id: string) => rt.values(SHEET.accounts).findIndex((r) => r[0] === id) + 1;

/** My book and the Account view agree with LADDER on, or say plainly that usage is stale. */
function expectAgreementOrStale(rt: Runtime): void {
  const expected = ladderNow(rt);
  const mine = rt.call<MyBookView & { usageStale?: boolean }>('getMyBook');
  for (const id of ['A-1', 'A-2']) {
    const inBook = mine.accounts.find((a) => a.id === id);
    if (mine.usageStale) expect(mine.usageFreshness).toMatch(/usage changed since/i);
    else expect([inBook?.rungName, inBook?.health], `My book ${id}`).toEqual(expected.get(id));
    const view = rt.call<AccountView & { usageStale?: boolean }>('getAccountView', rowOf(rt, id));
    if (view.usageStale) expect(view.usageFreshness).toMatch(/usage changed since/i);
    else expect([view.rungName, view.health], `Account view ${id}`).toEqual(expected.get(id));
  }
}

describe('the Usage summary knows when Usage changed under it', () => {
  it('Usage pasted over with the same row count: My book and the Account view agree with LADDER', () => {
    const rt = start();
    rt.call('refreshDashboard');
    expect(rt.call<AccountView>('getAccountView', 2).rungName).toBe('Adoption');
    // A new export pasted over the old rows: the same number of rows, A-1 and A-2 the other way round.
    rt.setValues(SHEET.usage, usageRows({ 'A-1': [0, 0, 0, 0], 'A-2': [10, 10, 10, 10] }));
    const expected = ladderNow(rt);
    expect(expected.get('A-1')?.[0]).toBe('None');
    expect(expected.get('A-2')?.[0]).toBe('Adoption');
    expectAgreementOrStale(rt);
  });

  it('the oldest week deleted and this week appended (same last row): they agree with LADDER', () => {
    const rt = start();
    rt.call('refreshDashboard');
    const rows = rt.values(SHEET.usage);
    const kept = rows.slice(3);
    kept.push([date('2026-11-23'), 'A-1', 0, 0], [date('2026-11-23'), 'A-2', 5, 9]);
    rt.setValues(SHEET.usage, [rows[0], ...kept]);
    expect(rt.values(SHEET.usage)).toHaveLength(rows.length);
    expect(ladderNow(rt).get('A-2')?.[0]).toBe('Activity');
    expectAgreementOrStale(rt);
  });

  it('rows only appended since the summary: still read from the summary plus the new rows', () => {
    const rt = start();
    rt.call('refreshDashboard');
    const rows = rt.values(SHEET.usage);
    rt.setValues(SHEET.usage, [...rows, [date('2026-11-23'), 'A-2', 5, 9]]);
    const view = rt.call<AccountView & { usageStale?: boolean }>('getAccountView', 3);
    expect(view.usageStale ?? false).toBe(false);
    expect(view.usageFreshness).toMatch(/Usage summary\) and 1 newer Usage row/);
    expect(view.rungName).toBe('Activity');
  });
});

/** The Usage summary's remembered state (developer metadata on the hidden sheet), as an editor could read it. */
function summaryState(rt: Runtime): string | null {
  const ss = rt.context.SpreadsheetApp.getActiveSpreadsheet() as {
    getSheetByName(n: string): { getDeveloperMetadata(): { getKey(): string; getValue(): string }[] } | null;
  };
  const mark = ss
    .getSheetByName('Usage summary')
    ?.getDeveloperMetadata()
    .find((m) => m.getKey() === 'resultsLadder.usageSummaryState');
  return mark ? mark.getValue() : null;
}

describe('the summary state is written only when it changes', () => {
  it('a second refresh an hour later over the same Usage rewrites neither the summary nor its fingerprint', () => {
    const rt = start();
    rt.call('refreshDashboard');
    const before = summaryState(rt);
    expect(before).toMatch(/"builtAt":"2026-11-24T15:00/);
    rt.setNow(new Date(`${TODAY}T16:00:00Z`));
    rt.call('refreshDashboard');
    expect(summaryState(rt)).toBe(before);
    // A changed Usage gets a new fingerprint, stamped with the time of the run that saw it.
    rt.setValues(SHEET.usage, usageRows({ 'A-1': [0, 0, 0, 0], 'A-2': [10, 10, 10, 10] }));
    rt.call('refreshDashboard');
    expect(summaryState(rt)).toMatch(/"builtAt":"2026-11-24T16:00/);
  });
});

describe('a big book whose Usage changed says so instead of showing stale usage as current', () => {
  it('the Account view says usage changed since the summary and offers Refresh', () => {
    const sheets = generateBook({ accounts: 600, weeks: 52, today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets });
    rt.properties.document.set(SETTINGS, JSON.stringify({ leaderEmail: LEAD }));
    rt.call('setUpWorkbook');
    const usage = rt.values(SHEET.usage);
    expect(usage.length).toBeGreaterThan(25_000);
    // One row near the top pasted over (same row count).
    usage[1] = [usage[1][0], usage[1][1], Number(usage[1][2]) + 7, usage[1][3]];
    rt.setValues(SHEET.usage, usage);
    const view = rt.call<AccountView & { usageStale?: boolean }>('getAccountView', 10);
    expect(view.empty).toBe(false);
    expect(view.usageStale).toBe(true);
    expect(view.usageFreshness).toMatch(
      /usage changed since \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*Refresh dashboard/i,
    );
    expect(view.usageFreshness).not.toMatch(/^Usage as of/);
  }, 120_000);
});

describe('the values Ladder is kept by Account ID', () => {
  it('sorting Accounts between a refresh and a save leaves every Ladder row with its own account', () => {
    const rt = start({ ladderMode: 'values' });
    rt.call('refreshDashboard');
    const stampBefore = String(rt.values(SHEET.ladder)[0][9]);
    // Sort Accounts by name, descending: every account moves.
    const accounts = rt.values(SHEET.accounts);
    rt.setValues(SHEET.accounts, [accounts[0], ...accounts.slice(1).reverse()]);
    rt.setNow(new Date(`${TODAY}T16:30:00Z`));
    const view = rt.call<AccountView>('getAccountView', rowOf(rt, 'A-2'));
    const saved = rt.call<{ ok: boolean; message?: string }>(
      'saveChain',
      chainPayload(view, { namedResult: 'Cut month-end close from 9 to 4 days' }),
    );
    expect(saved.ok, saved.message).toBe(true);
    const ladder = rt.values(SHEET.ladder);
    const ids = ladder.slice(1).map((r) => String(r[0]));
    expect([...ids].sort()).toEqual(['+1-555', 'A-1', 'A-2', 'A-4']);
    // Each row is LADDER's row for that account.
    const expected = ladderNow(rt);
    for (const r of ladder.slice(1)) expect([r[4], r[5]]).toEqual(expected.get(String(r[0])));
    // The stamp does not claim the whole table is as of the save: it keeps the refresh's time and names the save.
    const stamp = String(ladder[0][9]);
    expect(stamp).toContain(stampBefore.match(/as of [^·]+/)?.[0].trim() ?? 'missing');
    expect(stamp).toMatch(/A-2 updated 2026-11-24 16:30 UTC/);
  });

  it('an account the Ladder does not list yet: the Ladder is marked stale and says so', () => {
    const rt = start({ ladderMode: 'values' });
    rt.call('refreshDashboard');
    const accounts = rt.values(SHEET.accounts);
    rt.setValues(SHEET.accounts, [...accounts, account('A-9', 'New one')]);
    const view = rt.call<AccountView>('getAccountView', accounts.length + 1);
    expect(rt.call<{ ok: boolean }>('saveChain', chainPayload(view, { metric: 'Days' })).ok).toBe(true);
    const ladder = rt.values(SHEET.ladder);
    expect(ladder.filter((r) => r[0] === 'A-9')).toHaveLength(0);
    expect(String(ladder[0][9])).toMatch(/stale.*A-9.*Refresh dashboard/i);
  });

  it('an Account ID such as +1-555 stays text in the values Ladder', () => {
    const rt = start({ ladderMode: 'values' });
    rt.call('refreshDashboard');
    const ladder = rt.values(SHEET.ladder);
    expect(ladder.map((r) => r[0])).toContain('+1-555');
    expect(
      rt.spreadsheet
        .formulas(SHEET.ladder)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });
});

describe('the text guard on every write', () => {
  for (const typed of ['+1-555', '1e3', '=1+1', 'TRUE', '2026-03-01', '40%', '1.5E-3']) {
    it(`'${typed}' typed into Metric and Validator is stored as that text`, () => {
      const rt = start();
      const view = rt.call<AccountView>('getAccountView', 2);
      const saved = rt.call<{ ok: boolean; message?: string }>(
        'saveChain',
        chainPayload(view, { metric: typed, validator: typed }),
      );
      expect(saved.ok, saved.message).toBe(true);
      const row = rt.values(SHEET.accounts)[1];
      const header = rt.values(SHEET.accounts)[0];
      expect(row[header.indexOf('Metric')]).toBe(typed);
      expect(row[header.indexOf('Validator')]).toBe(typed);
    });
  }

  it("the Usage summary keeps an Account ID such as '1e3', 'TRUE' or '40%' as text", () => {
    const sheets = book();
    sheets[SHEET.accounts].push(account('1e3', 'Epsilon'), account('TRUE', 'Zeta'), account('40%', 'Eta'));
    const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets });
    rt.properties.document.set(SETTINGS, JSON.stringify({ leaderEmail: LEAD }));
    rt.call('setUpWorkbook');
    const ids = rt.values('Usage summary').map((r) => r[0]);
    for (const id of ['1e3', 'TRUE', '40%', '+1-555']) expect(ids).toContain(id);
  });
});

describe('a timed run without document properties', () => {
  it('refreshes the Usage summary and the Ladder', () => {
    const rt = start({ ladderMode: 'values' });
    rt.ui.replies.push({ button: 'YES' });
    expect(rt.call<{ ok: boolean; message: string }>('turnRemindersOn').ok).toBe(true);
    rt.setValues(SHEET.usage, usageRows({ 'A-1': [0, 0, 0, 0], 'A-2': [10, 10, 10, 10] }));
    const run = rt.fireTrigger<{ status: string; detail: string }>(rt.triggers[0].id);
    expect(run.detail).not.toMatch(/not updated/);
    const summary = rt.values('Usage summary');
    const a2 = summary.find((r) => r[0] === 'A-2');
    expect(String(a2?.[1])).toMatch(/ 10 30/);
    const ladder = rt.values(SHEET.ladder);
    expect(ladder.find((r) => r[0] === 'A-2')?.[4]).toBe('Adoption');
  });
});

interface ScriptSheet {
  setName(name: string): void;
  getDeveloperMetadata(): { getKey(): string; remove(): void }[];
}
function sheetOf(rt: Runtime, name: string): ScriptSheet {
  const ss = rt.context.SpreadsheetApp.getActiveSpreadsheet() as {
    getSheetByName(n: string): ScriptSheet | null;
  };
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('missing sheets: one clear message everywhere', () => {
  const MESSAGE = /cannot find the 'Accounts' sheet/;

  it('a renamed Accounts tab whose mark was removed: run, refresh, My book and the Account view all say so', () => {
    const rt = start();
    const accounts = sheetOf(rt, SHEET.accounts);
    accounts.setName('Clients');
    for (const m of accounts.getDeveloperMetadata()) if (m.getKey() === 'resultsLadder.sheet') m.remove();
    expect(() => rt.call('refreshDashboard')).toThrow(MESSAGE);
    expect(() => rt.call('runReminders')).toThrow(MESSAGE);
    expect(() => rt.call('getMyBook')).toThrow(MESSAGE);
    const view = rt.call<{ empty: boolean; message: string }>('getAccountView', 2);
    expect(view.empty).toBe(true);
    expect(view.message).toMatch(MESSAGE);
    // Following the selection on another sheet that names the account says the same.
    rt.setActiveCell(SHEET.usage, 2);
    const followed = rt.call<{ empty: boolean; message: string }>('getAccountView');
    expect(followed.empty).toBe(true);
    expect(followed.message).toMatch(MESSAGE);
  });

  it('Usage and Results renamed before setup: the run stops with the message and writes no history', () => {
    const sheets = book();
    sheets['Product usage'] = sheets[SHEET.usage];
    sheets.Outcomes = sheets[SHEET.results];
    delete sheets[SHEET.usage];
    delete sheets[SHEET.results];
    const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets });
    rt.properties.document.set(SETTINGS, JSON.stringify({ leaderEmail: LEAD }));
    expect(() => rt.call('runReminders')).toThrow(/cannot find the '(Usage|Results)' sheet/);
    expect(() => rt.call('refreshDashboard')).toThrow(/cannot find the '(Usage|Results)' sheet/);
    expect(() => rt.call('getMyBook')).toThrow(/cannot find the '(Usage|Results)' sheet/);
    expect(rt.values(SHEET.history).length).toBeLessThanOrEqual(1);
    expect(rt.mail.outbox).toHaveLength(0);
  });
});
