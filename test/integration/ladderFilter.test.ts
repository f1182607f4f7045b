// The Ladder view's header carries a filter (Range.createFilter), so a leader can show only Red: set up once over
// every LADDER row and column, kept on a second setup, grown when setup adds rows, and a team's own filter left alone.
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { SHEET } from '../../src/sheets/layout';
import { LADDER_COLUMNS } from '../../src/sheets/ladderTable';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const LAST = String.fromCharCode(64 + LADDER_COLUMNS.length);

function run(rt: ReturnType<typeof loadBundle>, code: string): unknown {
  return vm.runInContext(code, rt.context);
}

describe('a filter on the Ladder header', () => {
  it('setup puts one filter over the header and every row of LADDER, and a second setup keeps it', () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: demoBook({ today: TODAY, timeZone: TZ }) });
    rt.call('setUpWorkbook');
    const rows = rt.spreadsheet.maxRows(SHEET.ladder);
    expect(rt.spreadsheet.filter(SHEET.ladder)).toBe(`${SHEET.ladder}!A1:${LAST}${rows}`);
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.filter(SHEET.ladder)).toBe(`${SHEET.ladder}!A1:${LAST}${rows}`);
  });

  it('grows the filter when setup adds rows for more accounts', () => {
    const sheets = demoBook({ today: TODAY, timeZone: TZ });
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
    rt.call('setUpWorkbook');
    const before = rt.spreadsheet.maxRows(SHEET.ladder);
    const accounts = rt.values(SHEET.accounts);
    const extra = before + 20 - accounts.length;
    run(
      rt,
      `(() => { const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${SHEET.accounts}');
        s.insertRowsAfter(s.getMaxRows(), ${extra});
        const rows = []; for (let i = 0; i < ${extra}; i++) rows.push(['AC-9' + i, 'New ' + i].concat(new Array(s.getMaxColumns() - 2).fill('')));
        s.getRange(${accounts.length + 1}, 1, ${extra}, s.getMaxColumns()).setValues(rows); })()`,
    );
    rt.call('setUpWorkbook');
    const after = rt.spreadsheet.maxRows(SHEET.ladder);
    expect(after).toBeGreaterThan(before);
    expect(rt.spreadsheet.filter(SHEET.ladder)).toBe(`${SHEET.ladder}!A1:${LAST}${after}`);
  });

  it("leaves a team's own filter on the Ladder as it is", () => {
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: demoBook({ today: TODAY, timeZone: TZ }) });
    rt.call('setUpWorkbook');
    run(
      rt,
      `(() => { const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${SHEET.ladder}');
        s.getFilter().remove(); s.getRange('B1:F10').createFilter(); })()`,
    );
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.filter(SHEET.ladder)).toBe(`${SHEET.ladder}!B1:F10`);
  });
});
