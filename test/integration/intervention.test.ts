// Record an intervention after a 90-day No, through the built bundle: the Checks row holds who met, what changes, the
// re-planned result and its due date; the next step moves to proving it by that date, and the health stays Red.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, AccountViewResponse, WriteResponse } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const MAYA = 'maya@acme.example';
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

function bundle(): Runtime {
  return loadBundle({
    timeZone: TZ,
    now: NOW,
    user: MAYA,
    sheets: {
      [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
      [SHEET.accounts]: [
        [...HEADERS.accounts],
        [
          'A-1',
          'Acme Freight',
          'Enterprise',
          MAYA,
          date('2026-08-01'),
          date('2027-01-15'),
          'Month-end close takes 9 days',
          'Reconciliation the controller trusts, so close needs no second pass',
          'Cut month-end close from 9 to 5 days',
          'Close days',
          9,
          5,
          'Eleanor Vance',
          'Executive sponsor',
          'Open',
          'eleanor@customer.example',
        ],
      ],
      [SHEET.usage]: [[...HEADERS.usage]],
      [SHEET.results]: [[...HEADERS.results]],
      [SHEET.checks]: [
        [...HEADERS.checks],
        [date('2026-11-01'), 'A-1', '90-day', 'No', 'could not name it', MAYA],
      ],
    },
  });
}

function view(rt: Runtime): AccountView {
  const v = rt.call<AccountViewResponse>('getAccountView', 2);
  if ('empty' in v && v.empty) throw new Error('no view');
  return v as AccountView;
}

const intervention = (v: AccountView, over: Record<string, unknown> = {}) => ({
  row: v.row,
  version: v.version,
  date: '2026-11-20',
  kind: 'Intervention',
  resultNamed: null,
  notes: 'Weekly close review with the controller',
  intervention: {
    metWith: 'Eleanor Vance',
    replannedResult: 'Close in 7 days by January',
    replannedDue: '2027-01-31',
  },
  ...over,
});

describe('Record an intervention', () => {
  it('writes one Checks row with its own cells; the next step moves, the health does not', () => {
    const rt = bundle();
    const before = view(rt);
    expect(before.health).toBe('Red');
    expect(before.nextStep).toMatch(/^Intervene/);
    rt.calls.reset();
    const res = rt.call<WriteResponse>('recordCheck', intervention(before));
    expect(res.ok).toBe(true);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    const row = rt.values(SHEET.checks)[2];
    expect(row.slice(1, 6)).toEqual([
      'A-1',
      'Intervention',
      '',
      'Weekly close review with the controller',
      MAYA,
    ]);
    expect(row.slice(6, 8)).toEqual(['Eleanor Vance', 'Close in 7 days by January']);
    expect(row[8]).toEqual(date('2027-01-31'));
    const after = view(rt);
    expect(after.health).toBe('Red');
    expect(after.reasons.join(' ')).toMatch(/intervention on 2026-11-20; re-planned result due 2027-01-31/);
    expect(after.nextStep).toBe('Prove the re-planned result by 2027-01-31: Close in 7 days by January');
  });

  it.each([
    ['metWith', { intervention: { metWith: ' ', replannedResult: 'x', replannedDue: '2027-01-31' } }],
    ['notes', { notes: '' }],
    [
      'replannedResult',
      { intervention: { metWith: 'Eleanor', replannedResult: '', replannedDue: '2027-01-31' } },
    ],
    [
      'replannedDue',
      { intervention: { metWith: 'Eleanor', replannedResult: 'x', replannedDue: '2027-02-30' } },
    ],
  ])('refuses without %s and writes nothing', (field, over) => {
    const rt = bundle();
    const v = view(rt);
    const before = rt.values(SHEET.checks);
    const res = rt.call<WriteResponse>('recordCheck', intervention(v, over));
    expect(res).toMatchObject({ ok: false, field });
    expect(rt.values(SHEET.checks)).toEqual(before);
  });
});
