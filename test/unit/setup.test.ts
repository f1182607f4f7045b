// The pure parts of Set up workbook: column letters, the LADDER formula, missing columns, default segments.
import { describe, expect, it } from 'vitest';
import { missingColumns } from '../../src/gas/setup/dataSheets';
import { mergedList } from '../../src/gas/setup/dropdowns';
import { columnLetter, isSetupLadderFormula, ladderFormula } from '../../src/gas/setup/ladderFormula';
import { setupSummary } from '../../src/gas/setup/report';
import { defaultSegmentRows } from '../../src/gas/setup/segments';
import { asText } from '../../src/gas/writes';
import { DEFAULT_SEGMENTS, HEADERS } from '../../src/sheets/layout';

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [15, 'O'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('%i → %s', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });
});

describe('ladderFormula', () => {
  it('covers the spec columns of a fresh workbook', () => {
    expect(
      ladderFormula({
        accounts: 15,
        usage: 4,
        results: 9,
        checks: 6,
        segments: 6,
        history: 4,
        reminderLog: 6,
      }),
    ).toBe(
      "=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F, TODAY(), 'Ladder history'!A:D)",
    );
  });
  it('widens to the columns users added', () => {
    expect(
      ladderFormula({
        accounts: 17,
        usage: 4,
        results: 9,
        checks: 6,
        segments: 7,
        history: 4,
        reminderLog: 6,
      }),
    ).toBe(
      "=LADDER(Accounts!A:Q, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:G, TODAY(), 'Ladder history'!A:D)",
    );
  });
});

describe('isSetupLadderFormula: which formulas in Ladder!A1 setup may upgrade', () => {
  it.each([
    ['=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F)', true],
    ['=LADDER(Accounts!A:Q, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:G)', true],
    [
      "=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F, TODAY(), 'Ladder history'!A:D)",
      true,
    ],
    [
      "=ladder('Accounts'!A:O,Usage!A:D,Results!A:I,Checks!A:F,Segments!A:F,today(),'Ladder history'!A:F)",
      true,
    ],
    ['=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F)', false],
    ['=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F, B1)', false],
    ['=LADDER(Accounts!A2:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F)', false],
    ['=QUERY(LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F), "select *")', false],
    ['', false],
  ])('%j → %s', (formula, ours) => {
    expect(isSetupLadderFormula(formula)).toBe(ours);
  });
});

describe('missingColumns', () => {
  it('finds none when the header has them in any order, case and spacing', () => {
    const header = [...HEADERS.usage].reverse().map((h) => `  ${h.toUpperCase().replace(' ', '   ')} `);
    expect(missingColumns('usage', header)).toEqual([]);
  });
  it('lists the absent ones in spec order, ignoring user columns', () => {
    expect(missingColumns('checks', ['Account ID', 'My notes', 'Date'])).toEqual([
      'Check',
      'Result named',
      'Notes',
      'Checked by',
      'Met with',
      'Re-planned result',
      'Re-planned due',
    ]);
  });
});

describe('defaultSegmentRows', () => {
  it('lays the defaults out under the spec header', () => {
    expect(defaultSegmentRows([...HEADERS.segments])).toEqual(DEFAULT_SEGMENTS.map((s) => [...s]));
  });
  it('follows a reordered header and leaves user columns blank', () => {
    const rows = defaultSegmentRows(['Validator roles', 'Team notes', 'Segment']);
    expect(rows[0]).toEqual(['Buyer', '', 'SMB']);
    expect(rows[1]).toEqual(['Team lead + Manager', '', 'Mid-Market']);
  });
});

describe('setupSummary', () => {
  it('says nothing changed on a second run', () => {
    expect(
      setupSummary({
        createdSheets: [],
        addedColumns: {},
        segmentsAdded: 0,
        ladderFormula: 'kept',
        ladderRowsAdded: 0,
      }),
    ).toBe('The workbook was already set up; nothing changed.');
  });
  it('lists what it did', () => {
    const text = setupSummary({
      createdSheets: ['Usage'],
      addedColumns: { Accounts: ['Metric'] },
      segmentsAdded: 3,
      ladderFormula: 'left alone',
      ladderRowsAdded: 250,
    });
    expect(text).toContain('Created Usage.');
    expect(text).toContain('Added to Accounts: Metric.');
    expect(text).toContain('3 default segments');
    expect(text).toContain('left alone');
    expect(text).toContain('Added 250 rows to Ladder');
  });
});

describe('asText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-5% churn', "'-5% churn"],
    ['@buyer said so', "'@buyer said so"],
    ['40%', "'40%"],
    ['2026-03-01', "'2026-03-01"],
    ["'quoted'", "''quoted'"],
    ['1,200', "'1,200"],
    ['$5', "'$5"],
    ['3/1', "'3/1"],
    ['9:30', "'9:30"],
    ['TRUE', "'TRUE"],
    ['cut close 40%', 'cut close 40%'],
    ['Month-end close takes 9 days', 'Month-end close takes 9 days'],
    ['', ''],
  ])(
    '%j is written as %j: only text Sheets would not keep as typed gets the quote prefix',
    (text, written) => {
      expect(asText(text)).toBe(written);
    },
  );
  it('leaves numbers, booleans and dates alone', () => {
    expect(asText(-5)).toBe(-5);
    expect(asText(true)).toBe(true);
    const d = new Date();
    expect(asText(d)).toBe(d);
  });
});

describe('mergedList: setup adds what a dropdown lacks, never replaces it', () => {
  it.each([
    [null, ['Open', 'Renewed', 'Churned']],
    [
      ['Open', 'At risk', 'Renewed'],
      ['Open', 'At risk', 'Renewed', 'Churned'],
    ],
    [['Churned', 'Renewed', 'Open', 'At risk'], null],
    [
      ['open', 'renewed', 'churned'],
      ['open', 'renewed', 'churned', 'Open', 'Renewed', 'Churned'],
    ],
  ])('%j → %j', (current, merged) => {
    expect(mergedList(current, ['Open', 'Renewed', 'Churned'])).toEqual(merged);
  });
});
