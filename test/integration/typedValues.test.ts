// Numbers and dates as a person means them, and one bad row staying one bad row, through the built bundle.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, AccountViewResponse, WriteResponse } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { chainPayload, loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const MAYA = 'maya@acme.example';
const ny = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

function account(
  id: string,
  segment: string,
  baseline: unknown = 9,
  target: unknown = 5,
  start = '2026-06-01',
): unknown[] {
  return [
    id,
    `Account ${id}`,
    segment,
    MAYA,
    ny(start),
    '',
    'Month-end close takes 9 days',
    'Reconciliation the controller trusts',
    'Cut month-end close from 9 to 5 days',
    'Close days',
    baseline,
    target,
    'Dana Li',
    'Executive sponsor',
    'Open',
  ];
}

const segments = (checkEvery: number) => [
  [...HEADERS.segments],
  ...DEFAULT_SEGMENTS.map((s) => [...s]),
  ['Pilots', 'A pilot proves one number', 'Buyer', 2, 90, checkEvery],
];

function bundle(): Runtime {
  return loadBundle({
    timeZone: TZ,
    now: NOW,
    user: MAYA,
    sheets: {
      [SHEET.segments]: segments(90),
      [SHEET.accounts]: [[...HEADERS.accounts], account('A-1', 'Enterprise')],
      [SHEET.usage]: [[...HEADERS.usage]],
      [SHEET.results]: [[...HEADERS.results]],
      [SHEET.checks]: [[...HEADERS.checks]],
    },
  });
}

function view(rt: Runtime): AccountView {
  const v = rt.call<AccountViewResponse>('getAccountView', 2);
  if (v.empty) throw new Error(v.message);
  return v;
}

describe('sidebar numbers by the spreadsheet locale', () => {
  it("'1,5' in a de_DE sheet saves 1.5", () => {
    const rt = bundle();
    rt.context.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale('de_DE');
    const res = rt.call<WriteResponse>('saveChain', chainPayload(view(rt), { baseline: '1,5', target: '5' }));
    expect(res.ok).toBe(true);
    expect(rt.values(SHEET.accounts)[1][10]).toBe(1.5);
  });

  it("'1,5' in an en_US sheet is refused, naming the field, and nothing is written", () => {
    const rt = bundle();
    const before = rt.values(SHEET.accounts);
    const res = rt.call<WriteResponse>('saveChain', chainPayload(view(rt), { baseline: '1,5', target: '5' }));
    expect(res).toMatchObject({ ok: false, field: 'fields.baseline' });
    if (!res.ok) expect(res.message).toMatch(/locale \(en_US\), e\.g\. 1234\.5, not '1,5'/);
    expect(rt.values(SHEET.accounts)).toEqual(before);
  });

  it.each(['0x10', '0b101', 'Infinity'])('%s is never a number', (text) => {
    const rt = bundle();
    const res = rt.call<WriteResponse>('saveChain', chainPayload(view(rt), { baseline: text, target: '5' }));
    expect(res).toMatchObject({ ok: false, field: 'fields.baseline' });
  });
});

describe('one bad row stays one bad row', () => {
  const accounts = [
    [...HEADERS.accounts],
    account('A-1', 'Enterprise'),
    account('A-2', 'Pilots'),
    account('A-3', 'SMB'),
    // Recent accounts with a result in flight: their health says how far the value moved toward target.
    account('A-4', 'SMB', -1e308, 1e308, '2026-11-01').map((v, i) => (i === 13 ? 'Buyer' : v)),
    account('A-5', 'SMB', 0, 1e-320, '2026-11-01').map((v, i) => (i === 13 ? 'Buyer' : v)),
  ];
  const usage = [[...HEADERS.usage]];
  const results = [
    [...HEADERS.results],
    [ny('2026-11-10'), 'A-4', 1e308, 'No', '', '', '', '', MAYA],
    [ny('2026-11-10'), 'A-5', 5, 'No', '', '', '', '', MAYA],
  ];
  const checks = [[...HEADERS.checks]];

  function ladder(rt: Runtime, checkEvery: number): unknown[][] {
    return rt.call<unknown[][]>(
      'LADDER',
      accounts,
      usage,
      results,
      checks,
      segments(checkEvery),
      '2026-11-24',
    );
  }

  it('Check every = 1e8 on one segment leaves every other row as it is, and names the cell', () => {
    const rt = bundle();
    const good = ladder(rt, 90);
    const bad = ladder(rt, 1e8);
    expect(bad).toHaveLength(good.length);
    for (const i of [0, 1, 3, 4, 5]) expect(bad[i]).toEqual(good[i]);
    const why = String(bad[2][6]);
    expect(why).toMatch(/fix its numbers on Segments row 5/);
    expect(why).not.toMatch(/Invalid time value/);
  });

  it('extreme Baseline and Target never print NaN% or Infinity%', () => {
    const rt = bundle();
    const table = ladder(rt, 90);
    expect(table.slice(4).map((r) => r[5])).toEqual(['Yellow', 'Yellow']);
    expect(JSON.stringify(table)).not.toMatch(/NaN|Infinity/);
  });

  it('NEXT_CHECK_DUE over a column answers per cell when one interval is absurd', () => {
    const rt = bundle();
    const out = rt.call<unknown[][]>(
      'NEXT_CHECK_DUE',
      [[ny('2026-06-01')], [ny('2026-06-01')], [ny('2026-07-01')]],
      [[''], [''], ['']],
      [[90], [1e8], [30]],
    );
    expect(out[0][0]).toBeInstanceOf(Date);
    expect(String(out[1][0])).toMatch(/every_days '100000000' is not a number of days from 0 to 3650/);
    expect(out[2][0]).toBeInstanceOf(Date);
  });
});

describe('Settings thresholds', () => {
  it('the form gets a per-field message for nonsense thresholds, and nothing is stored', () => {
    const rt = bundle();
    const wrongWeeks = rt.call<{ ok: boolean; message?: string; field?: string }>('saveReminderSettings', {
      adoptionWeeksNeeded: 1000,
      adoptionWeeksOf: 1,
    });
    expect(wrongWeeks).toMatchObject({ ok: false, field: 'adoptionWeeksNeeded' });
    expect(wrongWeeks.message).toMatch(/Adoption weeks needed must be a whole number from 1 to 52 weeks/);
    const inconsistent = rt.call<{ ok: boolean; message?: string; field?: string }>('saveReminderSettings', {
      adoptionWeeksNeeded: 4,
      adoptionWeeksOf: 2,
    });
    expect(inconsistent).toMatchObject({ ok: false, field: 'adoptionWeeksNeeded' });
    expect(inconsistent.message).toMatch(/cannot be more than the weeks counted \(2\)/);
    const window = rt.call<{ ok: boolean; message?: string; field?: string }>('saveReminderSettings', {
      activityWindowDays: 0,
    });
    expect(window).toMatchObject({ ok: false, field: 'activityWindowDays' });
    expect(rt.properties.document.get('resultsLadder.settings') ?? null).toBeNull();
  });
});
