// The Ladder sheet's formula, computed by the runtime as Sheets would: LADDER runs as a custom function over the
// ranges its A1 formula names, and its table spills into the sheet — or #REF! when the sheet has too few rows.
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';
import { SPEC_LADDER_COLUMNS } from './spec';

const TODAY = '2026-11-24';
const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T15:00:00Z');

describe('the Ladder sheet after Set up workbook', () => {
  it('shows the LADDER table, one row per account, computed from the data sheets as of the runtime’s today', () => {
    const sheets = generateBook({ accounts: 40, weeks: 12, today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
    rt.call('setUpWorkbook');
    const ladder = rt.values(SHEET.ladder);
    expect(ladder[0]).toEqual(SPEC_LADDER_COLUMNS);
    expect(ladder).toHaveLength(sheets[SHEET.accounts].length);
    expect(ladder.slice(1).map((r) => r[0])).toEqual(sheets[SHEET.accounts].slice(1).map((r) => r[0]));
    expect(ladder.flat()).not.toContain('#REF!');
    expect(ladder.flat()).not.toContain('#ERROR!');
  });

  // Fails on today's product: setup sizes Ladder once, so Accounts growing past the Ladder sheet's rows turns the
  // whole table into #REF!. Issue 14 (big books and the Ladder's size) fixes it; then drop `.fails`.
  it.fails('still shows the table after Accounts grows past the Ladder sheet’s rows (issue 14)', () => {
    const small = generateBook({ accounts: 40, weeks: 4, today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: small });
    rt.call('setUpWorkbook');
    const maxRows = rt.spreadsheet.maxRows(SHEET.ladder);
    const grown = generateBook({ accounts: maxRows + 50, weeks: 4, today: TODAY, timeZone: TZ });
    rt.setValues(SHEET.accounts, grown[SHEET.accounts]);
    const ladder = rt.values(SHEET.ladder);
    expect(ladder[0][0]).not.toBe('#REF!');
    expect(ladder).toHaveLength(grown[SHEET.accounts].length);
  });
});
