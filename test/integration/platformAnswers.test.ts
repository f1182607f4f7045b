// The open platform questions of issue 23, each under every answer the runtime models: whether
// getUserTriggers(ss) lists an add-on's clock triggers, at which midnight Sheets hands a date cell, and how a
// numeric Account ID is displayed (TextFinder searches the displayed text).
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { loadBundle, oneAccountBook } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T13:30:00Z');
const LEAD = 'lead@acme.example';
const MAYA = 'maya@acme.example';

function book(tz: string): Record<string, unknown[][]> {
  return oneAccountBook({ id: 'A-1', name: 'Account one', owner: MAYA }, tz);
}

function start(opts: RuntimeOptions): Runtime {
  const rt = loadBundle({
    timeZone: TZ,
    now: NOW,
    user: LEAD,
    sheets: book(TZ),
    spreadsheets: [{ id: 'team-b', name: 'Team B', sheets: book(TZ) }],
    ...opts,
  });
  for (const id of rt.spreadsheetIds()) {
    rt.open(id);
    rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
  }
  rt.open(rt.spreadsheetIds()[0]);
  return rt;
}

function on(rt: Runtime): { ok: boolean; message: string } {
  rt.ui.replies.push({ button: 'YES' });
  return rt.call('turnRemindersOn');
}
const panel = (rt: Runtime) => rt.call<ReminderPanel>('getReminderPanel');

describe.each([true, false])('clock triggers listed by getUserTriggers(ss): %s', (listed) => {
  it('on, status, a second on, off: one trigger, found by its stored ID', () => {
    const rt = start({ clockTriggersInUserTriggers: listed });
    expect(on(rt).ok).toBe(true);
    expect(rt.triggers).toHaveLength(1);
    expect(panel(rt).remindersOn).toBe(true);
    expect(panel(rt).remindersStatus).toMatch(/^Reminders are on/);
    // A second on replaces the trigger: the add-on's one time trigger per user per document is never exceeded.
    const second = on(rt);
    expect(second).toMatchObject({ ok: true });
    expect(rt.triggers).toHaveLength(1);
    // The other spreadsheet's on leaves this one's trigger alone, and says off for itself until then.
    rt.open('team-b');
    expect(panel(rt).remindersOn).toBe(false);
    expect(on(rt).ok).toBe(true);
    expect(rt.triggers).toHaveLength(2);
    const inB = rt.triggers.find((t) => t.spreadsheetId === 'team-b')?.id;
    rt.open(rt.spreadsheetIds()[0]);
    expect(rt.call<{ ok: boolean; message: string }>('turnRemindersOff')).toMatchObject({
      ok: true,
      message: 'Reminders are off.',
    });
    expect(rt.triggers.map((t) => t.id)).toEqual([inB]);
    expect(panel(rt).remindersOn).toBe(false);
    // The menu's toggle reads the same status.
    rt.ui.replies.push({ button: 'YES' });
    rt.call('toggleReminders');
    expect(rt.triggers).toHaveLength(2);
    rt.call('toggleReminders');
    expect(rt.triggers.map((t) => t.id)).toEqual([inB]);
  });

  it('a timed run that stands down removes its own trigger', () => {
    const rt = start({ clockTriggersInUserTriggers: listed });
    on(rt);
    const uid = rt.triggers[0].id;
    rt.setUser(MAYA);
    on(rt);
    rt.setUser(LEAD);
    expect(rt.fireTrigger<{ status: string }>(uid).status).toBe('skipped');
    expect(rt.triggers.map((t) => t.user)).toEqual([MAYA]);
  });
});

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('dates in a spreadsheet in %s', (tz) => {
  describe.each(['spreadsheet', 'script'] as const)('handed at midnight in the %s zone', (dateCells) => {
    const iso = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(d);
    function dated(): Runtime {
      const date = (s: string) => dateOfDay(dayFromIso(s) as number, tz);
      const sheets = book(tz);
      sheets[SHEET.results].push([date('2026-11-02'), 'A-1', 7, 'Yes', '', '', '', '', 'lead@acme.example']);
      sheets[SHEET.checks].push([date('2026-08-20'), 'A-1', 'Kickoff', 'Yes', '', 'lead@acme.example']);
      sheets.Calc = [['=NEXT_CHECK_DUE(Accounts!E2)', '=NEXT_CHECK_DUE(Accounts!E2, Checks!A2, 30)']];
      return loadBundle({ timeZone: tz, now: NOW, user: LEAD, sheets, dateCells });
    }

    it('getValues: the Account view shows the days the cells show', () => {
      const rt = dated();
      const view = rt.call<{
        account: { startDate: string; renewalDate: string };
        results: { date: string }[];
        checks: { date: string }[];
      }>('getAccountView', 2);
      expect(view.account.startDate).toBe('2026-10-01');
      expect(view.account.renewalDate).toBe('2027-10-01');
      expect(view.results.map((r) => r.date)).toEqual(['2026-11-02']);
      expect(view.checks.map((c) => c.date)).toEqual(['2026-08-20']);
    });

    it('custom-function arguments: NEXT_CHECK_DUE counts from the day the cell shows', () => {
      const rt = dated();
      const [[plain, withCheck]] = rt.values('Calc') as Date[][];
      // 2026-10-01 + 90 days; the later of start and the check (2026-10-01) + 30 days.
      expect(iso(plain)).toBe('2026-12-30');
      expect(iso(withCheck)).toBe('2026-10-31');
    });
  });
});

describe('a numeric Account ID displayed through a number format (TextFinder searches what a cell shows)', () => {
  const date = (s: string) => dateOfDay(dayFromIso(s) as number, TZ);
  function idBook(id: unknown): Record<string, unknown[][]> {
    return {
      [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
      [SHEET.accounts]: [
        [...HEADERS.accounts],
        [
          id,
          'Acme Freight',
          'Enterprise',
          MAYA,
          date('2026-06-01'),
          date('2027-01-15'),
          'Month-end close takes 9 days',
          'Reconciliation the controller trusts',
          'Cut month-end close from 9 to 5 days',
          'Close days',
          9,
          5,
          'Dana Li',
          'Executive sponsor',
          'Open',
        ],
        ['A-2', 'Other', 'SMB', MAYA, date('2026-10-01'), '', '', '', '', '', '', '', '', '', 'Open'],
      ],
      [SHEET.usage]: [
        [...HEADERS.usage],
        ...['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((w) => [date(w), id, 12, 40]),
      ],
      [SHEET.results]: [
        [...HEADERS.results],
        [date('2026-10-01'), id, 7, 'Yes', 'Dana Li', 'Executive sponsor', 'Two days shorter', 'Deck', MAYA],
      ],
      [SHEET.checks]: [[...HEADERS.checks], [date('2026-09-01'), id, '90-day', 'Yes', 'named it', MAYA]],
    };
  }
  type Formatter = { getRange(a1: string): { setNumberFormat(f: string): void } };
  const sheetsOf = (rt: Runtime) =>
    (rt.context.SpreadsheetApp as { getActive(): { getSheetByName(n: string): Formatter } }).getActive();

  it.each([
    ['00000', 1001, '01001'],
    ['#,##0', 1001, '1,001'],
    ['#,##0', 1234567, '1,234,567'],
    ['0', 1001, '1001'],
    ['@', 1001, '1001'],
    ['@', '01001', '01001'],
  ])('format %s, ID %s shown as %s: the Account view shows its rung and results', (format, id, shown) => {
    const rt = loadBundle({ timeZone: TZ, now: NOW, user: MAYA, sheets: idBook(id) });
    const ss = sheetsOf(rt);
    for (const name of [SHEET.accounts, SHEET.usage, SHEET.results, SHEET.checks]) {
      const column = name === SHEET.accounts ? 'A' : 'B';
      ss.getSheetByName(name).getRange(`${column}2:${column}1000`).setNumberFormat(format);
    }
    const display = (
      rt.context.SpreadsheetApp as {
        getActive(): { getSheetByName(n: string): { getRange(a1: string): { getDisplayValue(): string } } };
      }
    )
      .getActive()
      .getSheetByName(SHEET.accounts)
      .getRange('A2')
      .getDisplayValue();
    expect(display).toBe(shown);
    const view = rt.call<{ rungName: string; health: string; results: unknown[]; checks: unknown[] }>(
      'getAccountView',
      2,
    );
    expect({ rung: view.rungName, health: view.health }).toEqual({ rung: 'Result', health: 'Green' });
    expect(view.results).toHaveLength(1);
    expect(view.checks).toHaveLength(1);
  });
});
