// My book reads fewer columns than the rules sheet-wide, yet must say what LADDER and the Account view say: a result
// "validated" by who logged it is on Outcome, and an intervention moves the next step, in every view alike.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView, MyBookView } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');
const MAYA = 'maya@acme.example';
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

function account(id: string, validator: string) {
  return [
    id,
    `Account ${id}`,
    'SMB',
    MAYA,
    date('2026-10-01'),
    date('2027-06-01'),
    'Month-end close takes 9 days',
    'Reconciliation the controller trusts, so close needs no second pass',
    'Cut month-end close from 9 to 5 days',
    'Close days',
    9,
    5,
    validator,
    'Buyer',
    'Open',
  ];
}

function bundle(): Runtime {
  const rt = loadBundle({
    timeZone: TZ,
    now: NOW,
    user: MAYA,
    sheets: {
      [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
      [SHEET.accounts]: [[...HEADERS.accounts], account('A-1', 'Sam Lee'), account('A-2', 'Bea Buyer')],
      [SHEET.usage]: [[...HEADERS.usage]],
      // the row's Validated by is the person who logged it (a plain name, no team domain): not the customer.
      [SHEET.results]: [
        [...HEADERS.results],
        [date('2026-11-10'), 'A-1', 7, 'Yes', 'Sam Lee', 'Buyer', '', '', 'Sam Lee'],
      ],
      // a 90-day No, then an intervention with its re-planned result.
      [SHEET.checks]: [
        [...HEADERS.checks],
        [date('2026-11-01'), 'A-2', '90-day', 'No', '', MAYA],
        [
          date('2026-11-05'),
          'A-2',
          'Intervention',
          '',
          'Weekly close review',
          MAYA,
          'Bea Buyer',
          'Close in 7 days',
          date('2027-01-31'),
        ],
      ],
    },
  });
  rt.call('setUpWorkbook');
  return rt;
}

const fromBook = (rt: Runtime, id: string) =>
  rt.call<MyBookView>('getMyBook').accounts.find((a) => a.id === id);
const fromView = (rt: Runtime, row: number) => rt.call<AccountView>('getAccountView', row);

describe('My book agrees with the Account view', () => {
  it('on a result validated by who logged it', () => {
    const rt = bundle();
    const view = fromView(rt, 2);
    expect(view.rungName).toBe('Outcome');
    expect(fromBook(rt, 'A-1')?.rungName).toBe(view.rungName);
    expect(fromBook(rt, 'A-1')?.health).toBe(view.health);
  });

  it('on an intervention after a 90-day No', () => {
    const rt = bundle();
    const view = fromView(rt, 3);
    expect(view.nextStep).toBe('Prove the re-planned result by 2027-01-31: Close in 7 days');
    expect(fromBook(rt, 'A-2')?.nextStep).toBe(view.nextStep);
    expect(fromBook(rt, 'A-2')?.reasons).toEqual(view.reasons);
  });
});
