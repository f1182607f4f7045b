// The custom functions through the built bundle, called with 2D arrays as Sheets passes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { Runtime } from '../../local/runtime/index';
import { HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle, ROOT } from './harness';
import { SPEC_CUSTOM_FUNCTIONS, SPEC_LADDER_COLUMNS } from './spec';

const TODAY = '2026-11-24';
const TZ = 'America/New_York';
/** Midnight in New York (EST or EDT), as Sheets holds a date cell of a spreadsheet in that zone. */
const ny = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

let rt: Runtime;
beforeAll(() => {
  // Sheets runs a custom function in AuthMode.CUSTOM_FUNCTION: every call below would throw on a service it may not use.
  rt = loadBundle({ timeZone: TZ, now: ny(TODAY), asCustomFunction: true });
});

const accounts: unknown[][] = [
  [...HEADERS.accounts],
  [
    'A1',
    'Acme',
    'SMB',
    'ana@acme.example',
    ny('2026-06-01'),
    '',
    'Reporting takes 5 days',
    'Reports build themselves',
    'Cut reporting from 5 days to 2',
    'Reporting days',
    5,
    2,
    'Bea',
    'Buyer',
    'Renewed',
  ],
  [
    'A2',
    'Globex',
    'smb',
    'ben@acme.example',
    '2026-10-01',
    '',
    'Reporting takes 5 days',
    'Faster',
    'Improve reporting',
    'Reporting days',
    5,
    2,
    '',
    '',
    'Open',
  ],
  HEADERS.accounts.map(() => ''),
  [
    'A3',
    'Initech',
    'Startups',
    'not-an-email',
    ny('2026-01-01'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'Churned',
  ],
  ['A1', 'Duplicate', 'SMB', 'ana@acme.example', ny('2026-06-01'), '', '', '', '', '', '', '', '', '', ''],
  // The trailing blank rows of a whole-column reference like Accounts!A:O.
  ...Array.from({ length: 5 }, () => HEADERS.accounts.map(() => '')),
];
const usage: unknown[][] = [
  [...HEADERS.usage],
  ...[0, 7, 14, 21].map((d) => [ny(`2026-11-${String(23 - d).padStart(2, '0')}`), 'A1', 3, 10]),
  [ny('2026-11-23'), 'A2', 1, 2],
  ['', '', '', ''],
];
const results: unknown[][] = [
  [...HEADERS.results],
  [ny('2026-11-10'), 'A1', 3, 'yes', 'Bea', 'buyer', 'We close in 3 days', 'Report', 'ana@acme.example'],
];
const checks: unknown[][] = [[...HEADERS.checks], [ny('2026-09-01'), 'A1', '90-day', 'Yes', '', '']];

describe('Book-level custom functions in the built bundle', () => {
  it('LADDER_RUNG answers the whole range in one call, aligned with it', () => {
    const out = rt.call<unknown[][]>('LADDER_RUNG', accounts, usage, results, checks, undefined, TODAY);
    // Aligned up to the last non-blank Accounts row; the range's trailing blank rows get no rows.
    expect(out.map((r) => r[0])).toEqual(['Rung', 'Result', 'Activity', '', 'Churned', '']);
  });

  it('RESULT_HEALTH and LADDER_NEXT_STEP', () => {
    const health = rt.call<unknown[][]>('RESULT_HEALTH', accounts, usage, results, checks, '', ny(TODAY));
    // A3 has churned: it has left the ladder, so no health and no next step (SPEC §2).
    expect(health.slice(0, 5).map((r) => r[0])).toEqual(['Health', 'Green', 'Red', '', 'Churned']);
    const steps = rt.call<unknown[][]>('LADDER_NEXT_STEP', accounts, usage, results, checks);
    expect(steps[0][0]).toBe('Next step');
    expect(steps[1][0]).toBe('Plan the next result');
    expect(steps[2][0]).toBe('Name the validator (SMB: Buyer)');
    expect(steps[4][0]).toBe('');
  });

  it('LADDER returns the diagnostic table with Dates in the spreadsheet zone and says why for left-out rows', () => {
    const out = rt.call<unknown[][]>('LADDER', accounts, usage, results, checks, undefined, TODAY);
    expect(out[0]).toEqual(SPEC_LADDER_COLUMNS);
    expect(out.length).toBe(accounts.length - 5);
    expect(out[1].slice(0, 6)).toEqual(['A1', 'Acme', 'ana@acme.example', 'SMB', 'Result', 'Green']);
    const due = out[1][8] as Date;
    expect(due).toBeInstanceOf(Date);
    expect(due.toISOString()).toBe(ny('2027-02-08').toISOString()); // validated 2026-11-10 + 90 days
    expect(out[2][6]).toContain('No validator named (triage)');
    expect(out[3]).toEqual(out[3].map(() => ''));
    expect(out[5][6]).toContain("Duplicate Account ID 'A1'");
    // An assessed row carries its own data problems too.
    expect(out[4][6]).toContain("Data problem: Owner 'not-an-email' is not an email address");
    expect(out[4].slice(4, 8)).toEqual([
      'Churned',
      'Churned',
      expect.stringMatching(/^Churned: left the ladder/),
      '',
    ]);
  });

  it("LADDER's Why names the row's bad cells, which changed its answer", () => {
    const badStart = accounts[1].map((cell, i) => (HEADERS.accounts[i] === 'Start date' ? 'Q3 2026' : cell));
    badStart[0] = 'A9';
    const out = rt.call<unknown[][]>(
      'LADDER',
      [accounts[0], badStart],
      usage,
      results,
      checks,
      undefined,
      TODAY,
    );
    expect(out).toHaveLength(2);
    expect(out[1][0]).toBe('A9');
    expect(out[1][6]).toContain("Data problem: Start date 'Q3 2026' is not a date");
  });

  it('trims the trailing blank rows of a whole-column range, whatever its length', () => {
    const tall = [...accounts, ...Array.from({ length: 2000 }, () => HEADERS.accounts.map(() => ''))];
    for (const fn of ['LADDER', 'LADDER_RUNG', 'RESULT_HEALTH', 'LADDER_NEXT_STEP']) {
      expect(rt.call<unknown[][]>(fn, tall, usage, results, checks, undefined, TODAY), fn).toHaveLength(6);
    }
    expect(rt.call<unknown[][]>('LADDER', accounts.slice(0, 1), usage, results, checks)).toEqual([
      SPEC_LADDER_COLUMNS,
    ]);
  });

  it('reads Ladder history (7th argument): Why says stalled, climbing', () => {
    const history = [
      [...HEADERS.history],
      [ny('2026-08-01'), 'A2', 'Activity', 'Red'],
      [ny('2026-10-01'), 'A1', 'Adoption', 'Yellow'],
      ['', '', '', ''],
      ['', '', '', ''],
    ];
    const out = rt.call<unknown[][]>('LADDER', accounts, usage, results, checks, undefined, TODAY, history);
    expect(out[2][6]).toContain('stalled on Activity for 115 days');
    expect(out[1][6]).toContain('climbing: up 2 rungs in the last 30 days');
    const without = rt.call<unknown[][]>('LADDER', accounts, usage, results, checks, undefined, TODAY);
    expect(without[2][6]).not.toContain('stalled');
    expect(() =>
      rt.call('LADDER_RUNG', accounts, usage, results, checks, undefined, TODAY, 'Ladder history'),
    ).toThrow(/'history' must be a whole range/);
  });

  it("follows the leader's stored Settings (document property), falling back to the defaults", () => {
    const own = loadBundle({ timeZone: TZ, now: ny(TODAY), asCustomFunction: true });
    const later = '2027-02-18'; // A1's check (due 2027-02-08) is 10 days overdue
    const health = () =>
      own.call<unknown[][]>('RESULT_HEALTH', accounts, usage, results, checks, undefined, later)[1][0];
    const rungOfA2 = () =>
      own.call<unknown[][]>('LADDER_RUNG', accounts, usage, results, checks, undefined, '2026-12-10')[2][0];
    expect(health()).toBe('Yellow');
    expect(rungOfA2()).toBe('Activity'); // used 17 days before, inside the default 28-day window
    own.properties.document.set(
      'resultsLadder.settings',
      JSON.stringify({ overdueGraceDays: 5, activityWindowDays: 7 }),
    );
    expect(health()).toBe('Red');
    const why = own.call<unknown[][]>('LADDER', accounts, usage, results, checks, undefined, later)[1][6];
    expect(why).toMatch(/overdue/i);
    expect(rungOfA2()).toBe('None');
    own.properties.document.set('resultsLadder.settings', '{not json');
    expect(health()).toBe('Yellow');
  });

  it('uses the Segments range when given', () => {
    const segments = [[...HEADERS.segments], ['SMB', '', 'Buyer', 50, 90, 90]];
    const out = rt.call<unknown[][]>(
      'LADDER_RUNG',
      accounts,
      usage,
      results.slice(0, 1),
      checks,
      segments,
      TODAY,
    );
    expect(out[1][0]).toBe('Activity'); // 3 weekly users no longer meet a bar of 50
  });

  it('throws messages a user can act on', () => {
    const noSegment = accounts.map((r) => r.filter((_, i) => i !== 2));
    expect(() => rt.call('LADDER_RUNG', noSegment, usage, results, checks)).toThrow(
      "Accounts: no column 'Segment'",
    );
    expect(() => rt.call('LADDER_RUNG', 'A1', usage, results, checks)).toThrow(
      /whole range with its header row, e.g. Accounts!A:O/,
    );
    expect(() => rt.call('LADDER_RUNG', accounts, usage, results)).toThrow(/'checks' is missing/);
    expect(() => rt.call('LADDER_RUNG', accounts, usage, results, checks, undefined, 'next week')).toThrow(
      /as_of 'next week' is not a date/,
    );
  });

  it('needs no authorization: only the spreadsheet time zone and the stored settings are read', () => {
    rt.calls.reset();
    rt.call('LADDER', accounts, usage, results, checks);
    const methods = Object.keys(rt.calls.byMethod());
    for (const m of methods)
      expect(m).toMatch(
        /^(SpreadsheetApp\.getActiveSpreadsheet|Spreadsheet\.getSpreadsheetTimeZone|Session\.getScriptTimeZone|PropertiesService\.getDocumentProperties|Properties\.getProperty)$/,
      );
  });

  it('handles a generated book of 300 accounts × 52 weeks', () => {
    const book = generateBook({ accounts: 300, weeks: 52, today: TODAY, timeZone: TZ });
    const out = rt.call<unknown[][]>(
      'LADDER_RUNG',
      book[SHEET.accounts],
      book[SHEET.usage],
      book[SHEET.results],
      book[SHEET.checks],
      book[SHEET.segments],
      TODAY,
    );
    expect(out.length).toBe(301);
    expect(new Set(out.slice(1).map((r) => r[0]))).toEqual(
      new Set(['None', 'Activity', 'Adoption', 'Outcome', 'Result', 'Churned']),
    );
  });
});

describe('Cell-level custom functions', () => {
  it('NEXT_CHECK_DUE on single cells and on columns', () => {
    const single = rt.call<Date>('NEXT_CHECK_DUE', ny('2026-06-01'));
    expect(single.toISOString()).toBe(ny('2026-08-30').toISOString());
    expect(rt.call<Date>('NEXT_CHECK_DUE', '2026-06-01', ny('2026-09-01'), 30).toISOString()).toBe(
      ny('2026-10-01').toISOString(),
    );
    const col = rt.call<unknown[][]>(
      'NEXT_CHECK_DUE',
      [['Start date'], [ny('2026-06-01')], [''], ['soon']],
      [['Last check'], [''], [''], ['']],
      90,
    );
    expect(col[0][0]).toBe('Next check due');
    expect((col[1][0] as Date).toISOString()).toBe(ny('2026-08-30').toISOString());
    expect(col[2][0]).toBe('');
    expect(col[3][0]).toContain("'soon' is not a date");
    expect(() => rt.call('NEXT_CHECK_DUE', [[ny('2026-06-01')], ['']], [[''], [''], ['']])).toThrow(
      /same size/,
    );
  });

  it('NEXT_CHECK_DUE on a bad single cell says what is wrong (the header rule is for columns only)', () => {
    expect(rt.call('NEXT_CHECK_DUE', 'Jan 1 2026')).toBe(
      "start_date 'Jan 1 2026' is not a date (use a date or YYYY-MM-DD)",
    );
    expect(rt.call('NEXT_CHECK_DUE', 'Start date', 'Last check')).toContain('is not a date');
    expect(rt.call('NEXT_CHECK_DUE', ny('2026-06-01'), 'soon')).toContain("last_check 'soon' is not a date");
  });

  it('IS_MEASURABLE and RESULT_LINT', () => {
    expect(rt.call('IS_MEASURABLE', 'cut reporting time 40%')).toBe(true);
    expect(
      rt.call('IS_MEASURABLE', [['Improve conversion'], [''], ['zero exceptions in the audit']]),
    ).toEqual([[false], [''], [true]]);
    expect(rt.call('RESULT_LINT', 'the team uses the product')).toContain('Reads as activity');
    // The seed's own first example of a result, from the built bundle.
    expect(
      rt.call('IS_MEASURABLE', 'We reduced reporting time 40% in the first quarter using this tool.'),
    ).toBe(true);
    expect(rt.call('RESULT_LINT', 'Five users on the team are running reports weekly')).toContain(
      'Reads as adoption',
    );
    expect(rt.call('RESULT_LINT', [['cut reporting time 40%'], ['']])).toEqual([[''], ['']]);
    expect(
      rt.call('IS_MEASURABLE', [
        ['Improve conversion by 2027'],
        ['third-party integrations'],
        ['cut churn by a quarter'],
      ]),
    ).toEqual([[false], [false], [true]]);
  });

  it('CHAIN_STATUS', () => {
    expect(
      rt.call(
        'CHAIN_STATUS',
        'Reporting takes 5 days',
        'Reports build themselves',
        'Cut reporting to 2 days',
      ),
    ).toBe('Complete');
    expect(rt.call('CHAIN_STATUS', [['Reporting is slow'], ['']], [['x'], ['']], [[''], ['']])).toEqual([
      ['Missing named result; business pain too vague to measure; solution value too vague'],
      [''],
    ]);
  });

  it('RENEWAL_LIFT', () => {
    const out = rt.call<unknown[][]>('RENEWAL_LIFT', accounts, results, checks);
    expect(out[0]).toEqual(['At the first 90-day check', 'Accounts', 'Renewed', 'Churned', 'Renewal rate']);
    expect(out[1]).toEqual(['Could name a result', 1, 1, 0, '100% (1 of 1)']);
    expect(out[3][0]).toBe('Unanswered (left blank)');
    expect(out[4][0]).toBe('Lift');
    expect(out[4][1]).toMatch(/^not enough data/);
  });
});

describe('AuthMode.CUSTOM_FUNCTION', () => {
  const registered = SPEC_CUSTOM_FUNCTIONS;

  it('the bundle declares exactly these custom functions', () => {
    const declared = [
      ...readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8').matchAll(
        /@customfunction[\s\S]*?\nfunction (\w+)\(/g,
      ),
    ].map((m) => m[1]);
    expect(declared.sort()).toEqual([...registered].sort());
  });

  it.each<[string, unknown[]]>([
    ['LADDER', [accounts, usage, results, checks, undefined, TODAY]],
    ['LADDER_RUNG', [accounts, usage, results, checks]],
    ['RESULT_HEALTH', [accounts, usage, results, checks]],
    ['LADDER_NEXT_STEP', [accounts, usage, results, checks]],
    ['NEXT_CHECK_DUE', [ny('2026-06-01')]],
    ['IS_MEASURABLE', ['cut reporting time 40%']],
    ['RESULT_LINT', ['the team uses the product']],
    ['CHAIN_STATUS', ['Reporting is slow', 'One report', 'Cut reporting time 40% by March']],
    ['LADDER_TREND', [[[...HEADERS.history]], [['Account ID'], ['A1']]]],
    ['RENEWAL_LIFT', [accounts, results, checks]],
  ])('%s answers in a custom function, with its service calls all allowed there', (name, args) => {
    const own = loadBundle({ timeZone: TZ, now: ny(TODAY) });
    expect(() => own.callAsCustomFunction(name, ...args)).not.toThrow();
  });

  it('a custom function that calls MailApp throws the CUSTOM_FUNCTION error', () => {
    const own = loadBundle({ timeZone: TZ, now: ny(TODAY) });
    // The bundle's globals are the script's: a custom function that mails is what Sheets refuses.
    runInContext(
      'function MAIL_FROM_A_FORMULA() { MailApp.sendEmail("a@acme.example", "s", "b"); return 1; }',
      own.context,
    );
    expect(() => own.callAsCustomFunction('MAIL_FROM_A_FORMULA')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(own.mail.outbox).toEqual([]);
  });
});
