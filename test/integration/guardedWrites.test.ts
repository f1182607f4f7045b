// Sidebar writes through the built bundle touch only the add-on's cells: no append over a blank header, no write into
// a user column between chain columns, no stale refusal because a user's NOW() column recalculated.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, AccountViewResponse, WriteResponse } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { chainPayload, loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const MAYA = 'maya@acme.example';
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

/** Accounts with a team column ('Team notes', filled by an ARRAYFORMULA in the team's sheet) between Metric and Baseline, and a 'Last touched' NOW() column at the end. */
const ACCOUNTS_HEADER = [
  ...HEADERS.accounts.slice(0, 10),
  'Team notes',
  ...HEADERS.accounts.slice(10),
  'Last touched',
];

function accountRow(id: string): unknown[] {
  return [
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
    'spilled by ARRAYFORMULA',
    9,
    5,
    'Dana Li',
    'Executive sponsor',
    'Open',
    '',
    new Date('2026-11-24T14:00:00Z'),
  ];
}

function bundle(sheets: Record<string, unknown[][]> = {}): Runtime {
  return loadBundle({
    timeZone: TZ,
    now: NOW,
    user: MAYA,
    sheets: {
      [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
      [SHEET.accounts]: [ACCOUNTS_HEADER, accountRow('A-1'), accountRow('A-2')],
      [SHEET.usage]: [[...HEADERS.usage]],
      [SHEET.results]: [[...HEADERS.results]],
      [SHEET.checks]: [[...HEADERS.checks]],
      ...sheets,
    },
  });
}

function view(rt: Runtime, row: number): AccountView {
  const v = rt.call<AccountViewResponse>('getAccountView', row);
  if (v.empty) throw new Error(`empty view: ${v.message}`);
  return v;
}

interface ScriptRange {
  setValue(v: unknown): void;
}
function cell(rt: Runtime, sheet: string, a1: string): ScriptRange {
  return rt.context.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet).getRange(a1) as ScriptRange;
}

describe('saveChain', () => {
  it('a NOW() user column that recalculated since the sidebar read the row does not block a save', () => {
    const rt = bundle();
    const v = view(rt, 2);
    // 'Last touched' (column R) is =NOW() in the team's sheet: it has a new value at every recalculation.
    cell(rt, SHEET.accounts, 'R2').setValue(new Date('2026-11-24T14:59:00Z'));
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, { metric: 'Close days (business)' }));
    expect(res.ok).toBe(true);
    expect(rt.values(SHEET.accounts)[1][9]).toBe('Close days (business)');
  });

  it('a change to a column the add-on reads still refuses the save as stale', () => {
    const rt = bundle();
    const v = view(rt, 2);
    cell(rt, SHEET.accounts, 'L2').setValue(8);
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, { metric: 'Close days (business)' }));
    expect(res).toMatchObject({ ok: false, stale: true });
  });

  it('writes only the chain cells: a user column between chain columns is never written', () => {
    const rt = bundle();
    const v = view(rt, 2);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('saveChain', chainPayload(v, { baseline: 8 }));
    expect(res.ok).toBe(true);
    // Business pain … Metric (4 cells) and Baseline … Validator role (4 cells): two writes, eight cells.
    expect(rt.calls.count('Range.setValues')).toBe(2);
    expect(rt.calls.cells('Range.setValues')).toBe(8);
    const row = rt.values(SHEET.accounts)[1];
    expect(row[10]).toBe('spilled by ARRAYFORMULA');
    expect(row[11]).toBe(8);
  });
});

describe('appends', () => {
  const result = (v: AccountView) => ({
    row: v.row,
    version: v.version,
    date: '2026-11-20',
    value: 6,
    attributed: true,
    evidence: '',
  });

  it('refuses to append below a blank header row, and leaves every record where it was', () => {
    const records = [
      [...HEADERS.results],
      [date('2026-10-01'), 'A-1', 7, 'Yes', 'Dana Li', 'Executive sponsor', '', '', MAYA],
      [date('2026-10-15'), 'A-2', 8, 'No', '', '', '', '', MAYA],
    ];
    const rt = bundle({ [SHEET.results]: records });
    const v = view(rt, 2);
    // While the sidebar is open, someone clears the header row.
    rt.context.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(SHEET.results)
      .getRange('A1:J1')
      .setValues([new Array(10).fill('')]);
    const before = rt.values(SHEET.results);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('logResult', result(v));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/header row \(row 1\) is blank/);
    expect(rt.values(SHEET.results)).toEqual(before);
    expect(rt.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses to append when row 1 holds a record instead of the column names', () => {
    const rt = bundle();
    const v = view(rt, 2);
    // While the sidebar is open, the header row is overwritten with a record.
    rt.context.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(SHEET.checks)
      .getRange('A1:F1')
      .setValues([[date('2026-09-01'), 'A-1', '90-day', 'Yes', 'named it', MAYA]]);
    const before = rt.values(SHEET.checks);
    const res = rt.call<WriteResponse>('recordCheck', {
      row: v.row,
      version: v.version,
      date: '2026-11-24',
      kind: 'QBR',
      resultNamed: true,
      notes: '',
    });
    expect(res.ok).toBe(false);
    expect(rt.values(SHEET.checks)).toEqual(before);
  });

  it("a check lands in a team's own 'reject input' Check dropdown once setup added the add-on's values", () => {
    const rt = bundle();
    const SpreadsheetApp = rt.context.SpreadsheetApp;
    const checks = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.checks);
    checks
      .getRange('C2:C1000')
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(['Kickoff', 'QBR'], true)
          .setAllowInvalid(false)
          .build(),
      );
    rt.call('setUpWorkbook');
    const v = view(rt, 2);
    const res = rt.call<WriteResponse>('recordCheck', {
      row: v.row,
      version: v.version,
      date: '2026-11-24',
      kind: '90-day',
      resultNamed: null,
      notes: '',
    });
    expect(res.ok).toBe(true);
    expect(rt.values(SHEET.checks)[1].slice(1, 4)).toEqual(['A-1', '90-day', '']);
  });
});

describe('Ladder history', () => {
  it('a blanked header row over recorded history stops Refresh dashboard before it writes anything', () => {
    const rt = bundle();
    rt.call('setUpWorkbook');
    rt.call('refreshDashboard');
    const history = rt.values(SHEET.history);
    expect(history.length).toBeGreaterThan(1);
    const sheet = rt.context.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.history);
    sheet.getRange('A1:D1').setValues([['', '', '', '']]);
    // A change, so the refresh has history to write.
    rt.context.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(SHEET.accounts)
      .getRange('I2')
      .setValue('');
    const before = { history: rt.values(SHEET.history), dashboard: rt.values(SHEET.dashboard) };
    expect(() => rt.call('refreshDashboard')).toThrow(/Ladder history/);
    expect(rt.values(SHEET.history)).toEqual(before.history);
    expect(rt.values(SHEET.dashboard)).toEqual(before.dashboard);
  });
});
