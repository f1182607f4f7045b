import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayConverter, dayFromIso } from '../../src/core/dates';
import { HEADERS } from '../../src/sheets/layout';
import { columnIndex, parseBook } from '../../src/sheets/parse';
import { type CellKind, cellReader, isBlank, schemaReader } from '../../src/sheets/schema';

const dayOf = dayConverter('America/New_York');
const ny = (iso: string) => new Date(`${iso}T05:00:00Z`); // midnight in New York (EST)
const accountsHeader = [...HEADERS.accounts];
const accountRow = (id: string, over: Record<string, unknown> = {}) =>
  accountsHeader.map((h) =>
    h in over
      ? over[h]
      : ((
          {
            'Account ID': id,
            Account: `Acct ${id}`,
            Segment: 'SMB',
            Owner: 'ana@acme.example',
            'Start date': ny('2026-06-01'),
            'Named result': 'Cut reporting from 5 days to 2',
            Baseline: 5,
            Target: 2,
            Validator: 'Bea',
            'Validator role': 'Buyer',
          } as Record<string, unknown>
        )[h] ?? ''),
  );

describe('Header mapping', () => {
  it('finds columns by header text: trimmed, case-insensitive, spaces folded, any order', () => {
    const cols = columnIndex('usage', [
      '  ACCOUNT   id ',
      'my own column',
      'week',
      'Key Actions',
      'active users',
    ]);
    expect(cols).toEqual({ Week: 2, 'Account ID': 0, 'Active users': 4, 'Key actions': 3 });
  });

  it('a missing required column is one clear error naming sheet and column', () => {
    const header = accountsHeader.filter((h) => h !== 'Segment');
    expect(() => parseBook({ accounts: [header, ['A1']] }, dayOf)).toThrow("Accounts: no column 'Segment'");
  });

  it('optional free-text columns may be absent', () => {
    const book = parseBook(
      {
        usage: [
          ['Week', 'Account ID', 'Active users'],
          ['2026-11-16', 'A1', 4],
        ],
      },
      dayOf,
    );
    expect(book.usage).toEqual([
      { row: 2, week: dayFromIso('2026-11-16'), accountId: 'A1', activeUsers: 4, keyActions: 0 },
    ]);
  });
});

describe('Reading rows', () => {
  it('reads reordered columns, Date and ISO text dates, numeric text, enumerations in any case', () => {
    const header = ['Validator role', ...accountsHeader.filter((h) => h !== 'Validator role')];
    const row = (r: unknown[]) => [
      r[accountsHeader.indexOf('Validator role')],
      ...r.filter((_, i) => i !== accountsHeader.indexOf('Validator role')),
    ];
    const book = parseBook(
      {
        accounts: [
          header,
          row(
            accountRow('A1', {
              'Validator role': 'executive SPONSOR',
              Segment: 'enterprise',
              Baseline: ' 1,200 ',
              'Start date': '2026-03-01',
            }),
          ),
          row(accountRow('A2')),
        ],
      },
      dayOf,
    );
    expect(book.problems).toEqual([]);
    expect(book.accounts[0]).toMatchObject({
      row: 2,
      validatorRole: 'Executive sponsor',
      segment: 'enterprise',
      baseline: 1200,
      startDate: dayFromIso('2026-03-01'),
    });
    expect(book.accounts[1].startDate).toBe(dayFromIso('2026-06-01'));
  });

  it('skips blank rows and keeps 1-based sheet row numbers', () => {
    const book = parseBook(
      {
        accounts: [
          accountsHeader,
          accountRow('A1'),
          accountsHeader.map(() => ''),
          accountRow('A3'),
          ['', '  '],
        ],
      },
      dayOf,
    );
    expect(book.accounts.map((a) => [a.id, a.row])).toEqual([
      ['A1', 2],
      ['A3', 4],
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string, boolean]>([
    [
      'a bad date',
      { 'Start date': '03/01/2026' },
      'Start date',
      "'03/01/2026' is not a date (use a date or YYYY-MM-DD)",
      true,
    ],
    ['an impossible ISO date', { 'Start date': '2026-02-30' }, 'Start date', 'is not a date', true],
    ['non-numeric baseline', { Baseline: 'about 5' }, 'Baseline', "'about 5' is not a number", true],
    [
      'an unknown validator role',
      { 'Validator role': 'CFO' },
      'Validator role',
      "'CFO' is not one of Buyer",
      true,
    ],
    ['an unknown segment', { Segment: 'Startups' }, 'Segment', "Segment 'Startups' is not in Segments", true],
    [
      'an invalid owner email',
      { Owner: 'ana at acme' },
      'Owner',
      "'ana at acme' is not an email address",
      true,
    ],
    // The mailer would refuse these, so the sheet must say so rather than the reminders silently skipping them.
    [
      'an owner email with a double dot',
      { Owner: 'ana..b@acme.example' },
      'Owner',
      'is not an email address',
      true,
    ],
    ['an owner email with no dotted domain', { Owner: 'ana@acme' }, 'Owner', 'is not an email address', true],
    ['no Account ID', { 'Account ID': '' }, 'Account ID', 'Account ID is blank; the row is left out', false],
  ])('%s is a data problem, not an exception', (_, over, column, message, kept) => {
    const book = parseBook({ accounts: [accountsHeader, accountRow('A1', over)] }, dayOf);
    expect(book.problems).toHaveLength(1);
    expect(book.problems[0]).toMatchObject({ sheet: 'Accounts', row: 2, column });
    expect(book.problems[0].message).toContain(message);
    expect(book.accounts.length).toBe(kept ? 1 : 0);
  });

  it('a bad optional cell becomes null', () => {
    const book = parseBook(
      { accounts: [accountsHeader, accountRow('A1', { Baseline: 'n/a', 'Start date': 'soon' })] },
      dayOf,
    );
    expect(book.accounts[0].baseline).toBeNull();
    expect(book.accounts[0].startDate).toBeNull();
  });

  it('duplicate Account IDs: a problem, the first is kept', () => {
    const book = parseBook(
      {
        accounts: [
          accountsHeader,
          accountRow('A1'),
          accountRow('A2'),
          accountRow('A1', { Account: 'Second' }),
        ],
      },
      dayOf,
    );
    expect(book.accounts.map((a) => a.name)).toEqual(['Acct A1', 'Acct A2']);
    expect(book.problems).toEqual([
      {
        sheet: 'Accounts',
        row: 4,
        column: 'Account ID',
        message: "Duplicate Account ID 'A1' (first on row 2); this row is ignored",
      },
    ]);
  });

  it('unknown Account IDs in Usage, Results and Checks: one problem per ID per sheet', () => {
    const book = parseBook(
      {
        accounts: [accountsHeader, accountRow('A1')],
        usage: [
          [...HEADERS.usage],
          ['2026-11-16', 'A1', 3, 1],
          ['2026-11-16', 'Z9', 3, 1],
          ['2026-11-09', 'Z9', 3, 1],
        ],
        results: [[...HEADERS.results], ['2026-11-01', 'Z8', 3, 'Yes', 'Bea', 'Buyer']],
        checks: [[...HEADERS.checks], ['2026-11-01', 'Z7', '90-day', 'no']],
      },
      dayOf,
    );
    expect(book.usage).toHaveLength(3);
    expect(book.problems.map((p) => `${p.sheet}!${p.row} ${p.message}`)).toEqual([
      "Usage!3 Account ID 'Z9' is not in Accounts (2 rows, first here)",
      "Results!2 Account ID 'Z8' is not in Accounts",
      "Checks!2 Account ID 'Z7' is not in Accounts",
    ]);
    expect(book.checks[0].resultNamed).toBe(false);
    expect(book.results[0].attributed).toBe(true);
  });

  it('a row with a bad key date is left out with a problem', () => {
    const book = parseBook(
      { usage: [[...HEADERS.usage], ['last week', 'A1', 3, 1], [ny('2026-11-16'), 'A1', 'x', 1]] },
      dayOf,
    );
    expect(book.usage).toEqual([
      { row: 3, week: dayFromIso('2026-11-16'), accountId: 'A1', activeUsers: 0, keyActions: 1 },
    ]);
    expect(book.problems.map((p) => p.column)).toEqual(['Week', 'Active users']);
  });

  it('an absent Segments sheet means the built-in segments; Validator roles read "A, B" and "A + B"', () => {
    expect(
      parseBook({}, dayOf).segments.map((s) => [s.name, s.validatorRule.mode, s.validatorRule.roles]),
    ).toEqual([
      ['SMB', 'any', ['Buyer']],
      ['Mid-Market', 'all', ['Team lead', 'Manager']],
      ['Enterprise', 'any', ['Executive sponsor']],
    ]);
    const custom = parseBook(
      { segments: [[...HEADERS.segments], ['Startups', '', 'buyer, USER', 1, 60, 30]] },
      dayOf,
    );
    expect(custom.segments[0]).toMatchObject({
      name: 'Startups',
      validatorRule: { mode: 'any', roles: ['Buyer', 'User'] },
      checkEveryDays: 30,
    });
  });

  it('segment thresholds are whole numbers of 1 or more: a built-in segment falls back, another is left out', () => {
    const book = parseBook(
      {
        segments: [
          [...HEADERS.segments],
          ['SMB', '', 'Buyer', 0, 90, ''],
          ['Startups', '', 'Buyer', 3, 0, 2.5],
          ['Scaleups', '', 'Buyer', '4', ' 60 ', 30],
        ],
        accounts: [
          accountsHeader,
          accountRow('A1'),
          accountRow('A2', { Segment: 'startups' }),
          accountRow('A3', { Segment: 'Scaleups' }),
        ],
      },
      dayOf,
    );
    expect(
      book.segments.map((s) => [s.name, s.weeklyUsersForAdoption, s.resultWindowDays, s.checkEveryDays]),
    ).toEqual([
      ['SMB', 2, 90, 90],
      ['Scaleups', 4, 60, 30],
    ]);
    expect(book.problems.map((p) => `${p.sheet}!${p.row} [${p.column}] ${p.message}`)).toEqual([
      "Segments!2 [Weekly users for adoption] Weekly users for adoption '0' is not a whole number of 1 or more; using 2, the built-in SMB value",
      'Segments!2 [Check every (days)] Check every (days) is blank; using 90, the built-in SMB value',
      "Segments!3 [Result window (days)] Result window (days) '0' is not a whole number of 1 or more; segment 'Startups' is left out until it is a whole number from 1 to 3,650",
      "Segments!3 [Check every (days)] Check every (days) '2.5' is not a whole number of 1 or more; segment 'Startups' is left out until it is a whole number from 1 to 3,650",
      "Accounts!3 [Segment] Segment 'startups' is left out: fix its numbers on Segments row 3",
    ]);
  });

  it('segment numbers have a sane most: Check every 100,000,000 days is a problem naming its cell', () => {
    const book = parseBook(
      {
        segments: [
          [...HEADERS.segments],
          ['SMB', '', 'Buyer', 2, 90, 1e8],
          ['Startups', '', 'Buyer', 200_000, 90, 30],
        ],
      },
      dayOf,
    );
    expect(book.segments.map((s) => [s.name, s.checkEveryDays])).toEqual([['SMB', 90]]);
    expect(book.problems.map((p) => `${p.sheet}!${p.row} [${p.column}] ${p.message}`)).toEqual([
      'Segments!2 [Check every (days)] Check every (days) 100000000 is more than 3,650; using 90, the built-in SMB value',
      "Segments!3 [Weekly users for adoption] Weekly users for adoption 200000 is more than 100,000; segment 'Startups' is left out until it is a whole number from 1 to 100,000",
    ]);
  });

  it('dates are real dates or complete ISO days: no trailing words, impossible times or bare times of day', () => {
    // Sheets keeps a time typed alone ("9:30") as that time on 1899-12-30, midnight in the sheet's zone plus the time.
    const timeOnly = new Date(Date.UTC(1899, 11, 30, 14, 30));
    const book = parseBook(
      {
        usage: [
          [...HEADERS.usage],
          ['2026-03-01 or maybe April', 'A1', 3, 1],
          ['2026-03-01T25:99', 'A1', 3, 1],
          [timeOnly, 'A1', 3, 1],
          ['2026-03-02', 'A1', 3, 1],
        ],
        accounts: [accountsHeader, accountRow('A1'), accountRow('A2', { 'Start date': timeOnly })],
      },
      dayOf,
    );
    expect(book.usage.map((u) => u.row)).toEqual([5]);
    expect(book.accounts.find((a) => a.id === 'A2')?.startDate ?? null).toBeNull();
    expect(book.problems.map((p) => `${p.sheet}!${p.row} [${p.column}] ${p.message}`)).toEqual([
      'Accounts!3 [Start date] a time of day without a date is not a date (use a date or YYYY-MM-DD)',
      "Usage!2 [Week] '2026-03-01 or maybe April' is not a date (use a date or YYYY-MM-DD); the row is left out",
      "Usage!3 [Week] '2026-03-01T25:99' is not a date (use a date or YYYY-MM-DD); the row is left out",
      'Usage!4 [Week] a time of day without a date is not a date (use a date or YYYY-MM-DD); the row is left out',
    ]);
  });

  it('Dates are read as the calendar day in the spreadsheet time zone', () => {
    const book = parseBook({ usage: [[...HEADERS.usage], [ny('2026-11-16'), 'A1', 3, 1]] }, dayOf);
    expect(book.usage[0].week).toBe(dayFromIso('2026-11-16'));
  });
});

describe('The fast readers used for Usage and Ladder history agree with the zod schemas', () => {
  const kinds: CellKind[] = [
    'text',
    'number',
    'count',
    'threshold',
    'date',
    'yesNo',
    'validatorRole',
    'checkKind',
    'renewalStatus',
    'rung',
    'health',
  ];
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'Yes',
      'no',
      ' NO ',
      'Buyer',
      'team LEAD',
      '90-day',
      'qbr',
      'Renewed',
      'Adoption',
      'result',
      '3',
      '7',
      '-1',
      '1e3',
      '1,234.5',
      '12,34',
      '.5',
      '5.',
      '+',
      'e5',
      '2026-11-16',
      '2026-02-30',
      ' 2026-01-05 ',
      'Green',
      'red',
    ),
    fc.double(),
    fc.integer({ min: -5, max: 10 }),
    fc.boolean(),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01') }),
    fc.constant(new Date(Number.NaN)),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant({}),
    fc.constant([1]),
  );
  for (const kind of kinds) {
    it(`${kind}`, () => {
      const fast = cellReader(kind, dayOf);
      const zod = schemaReader(kind, dayOf);
      fc.assert(
        fc.property(cell, (c) => {
          if (isBlank(c)) return;
          expect(fast(c)).toEqual(zod(c));
        }),
        { numRuns: 2000 },
      );
    });
  }
});
