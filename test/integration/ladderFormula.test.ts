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
    // Column J (beside the table) states the Ladder's mode and as-of (SPEC §4 Big books).
    expect(ladder[0].slice(0, SPEC_LADDER_COLUMNS.length)).toEqual(SPEC_LADDER_COLUMNS);
    expect(String(ladder[0][SPEC_LADDER_COLUMNS.length])).toMatch(/formula/i);
    expect(ladder).toHaveLength(sheets[SHEET.accounts].length);
    expect(ladder.slice(1).map((r) => r[0])).toEqual(sheets[SHEET.accounts].slice(1).map((r) => r[0]));
    expect(ladder.flat()).not.toContain('#REF!');
    expect(ladder.flat()).not.toContain('#ERROR!');
  });

  // Sheets never adds rows for an array result ("not automatically expanded"): Accounts growing past the Ladder's
  // rows shows #REF! until a run that reads the whole book (refresh, the reminder run, setup) sizes it again.
  it('shows the table again after Accounts grows past the Ladder sheet’s rows and a refresh sizes it', () => {
    const small = generateBook({ accounts: 40, weeks: 4, today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: small });
    rt.call('setUpWorkbook');
    const maxRows = rt.spreadsheet.maxRows(SHEET.ladder);
    const grown = generateBook({ accounts: maxRows + 50, weeks: 4, today: TODAY, timeZone: TZ });
    rt.setValues(SHEET.accounts, grown[SHEET.accounts]);
    expect(rt.values(SHEET.ladder)[0][0]).toBe('#REF!');
    rt.call('refreshDashboard');
    const ladder = rt.values(SHEET.ladder);
    expect(ladder[0][0]).not.toBe('#REF!');
    expect(ladder).toHaveLength(grown[SHEET.accounts].length);
  });
});
