// The Ladder view setup prepares: the sheet, its LADDER formula, room for every account, widths and colours.
import { HEALTHS, RUNG_NAMES } from '../../core/types';
import { HEALTH_FILLS, RUNG_FILLS } from '../../render/palette';
import { type DataSheetKey, SHEET } from '../../sheets/layout';
import { holdsLadderValues } from '../ladderStatus';
import type { SheetFinder } from '../sheetFinder';
import { isSetupLadderFormula, ladderFormula, type SheetNames } from './ladderFormula';
import type { SetupReport } from './report';

/** Background colours on the Ladder view: rungs in one blue sequence, health as traffic lights (render/palette.ts). */
const RUNG_COLOURS = RUNG_NAMES.map((r) => [r, RUNG_FILLS[r]] as const);
const HEALTH_COLOURS = HEALTHS.map((h) => [h, HEALTH_FILLS[h]] as const);
/**
 * Column widths (px) for LADDER's columns, in order, so Why (up to ~200 characters) and Next step read whole
 * (wrapped) instead of cut to ~15 characters.
 */
const LADDER_WIDTHS: readonly number[] = [90, 170, 190, 100, 80, 70, 360, 320, 110];
/** Why and Next step: the long texts that wrap. */
const LADDER_WRAPPED_FROM = 7;
const LADDER_WRAPPED_COLUMNS = 2;
/** LADDER's output columns: Account ID · Account · Owner · Segment · Rung · Health · … */
const LADDER_RUNG_COLUMN = 5;
const LADDER_HEALTH_COLUMN = 6;

/**
 * The Ladder view: the marked one; else a `Ladder` tab whose A1 is a LADDER formula setup wrote before sheets were
 * marked (adopted and marked); else a new sheet, beside any `Ladder` tab of the team's own.
 */
function ladderSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  finder: SheetFinder,
  names: SheetNames,
  createdSheets: string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const marked = finder.find('ladder');
  if (marked) return marked;
  const legacy = ss.getSheetByName(SHEET.ladder);
  if (legacy && isSetupLadderFormula(legacy.getRange(1, 1).getFormula(), names)) {
    finder.mark('ladder', legacy);
    return legacy;
  }
  const { sheet } = finder.findOrCreate('ladder');
  createdSheets.push(sheet.getName());
  return sheet;
}

export function setUpLadder(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  finder: SheetFinder,
  widths: Readonly<Record<DataSheetKey, number>>,
  names: SheetNames,
  accountRows: number,
  createdSheets: string[],
): Pick<SetupReport, 'ladderFormula' | 'ladderRowsAdded'> {
  const sheet = ladderSheet(ss, finder, names, createdSheets);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const a1 = sheet.getRange(1, 1);
  const wanted = ladderFormula(widths, names);
  const formula = a1.getFormula();
  let outcome: SetupReport['ladderFormula'];
  // A big book's Ladder holds values its runs wrote (docs/rules.md §4 Big books): that is the add-on's, not the team's.
  if (formula === wanted || (formula === '' && holdsLadderValues(sheet))) outcome = 'kept';
  else if (isSetupLadderFormula(formula, names) || isSetupLadderFormula(formula)) outcome = 'updated';
  else if (formula === '' && String(a1.getValue()) === '') outcome = 'set';
  else outcome = 'left alone';
  if (outcome === 'set' || outcome === 'updated') a1.setFormula(wanted);

  // LADDER answers one row per Accounts row (header included); Sheets refuses a result taller than its sheet.
  const maxRows = sheet.getMaxRows();
  const ladderRowsAdded = Math.max(0, accountRows - maxRows);
  if (ladderRowsAdded > 0) sheet.insertRowsAfter(maxRows, ladderRowsAdded);

  // Widths and wrapping once, when setup creates the sheet: later, the widths people chose stand.
  if (createdSheets.includes(SHEET.ladder)) {
    for (const [i, width] of LADDER_WIDTHS.entries()) sheet.setColumnWidth(i + 1, width);
    sheet
      .getRange(1, LADDER_WRAPPED_FROM, sheet.getMaxRows(), LADDER_WRAPPED_COLUMNS)
      .setWrapStrategy(SpreadsheetApp.WrapStrategy.WRAP);
    sheet.getRange(1, 1, sheet.getMaxRows(), LADDER_WIDTHS.length).setVerticalAlignment('top');
  }

  // Rules are added once: a sheet that already has conditional formats keeps the ones its users chose.
  if (sheet.getConditionalFormatRules().length === 0) {
    const rows = sheet.getMaxRows() - 1;
    if (rows >= 1) {
      const rungRange = sheet.getRange(2, LADDER_RUNG_COLUMN, rows, 1);
      const healthRange = sheet.getRange(2, LADDER_HEALTH_COLUMN, rows, 1);
      const rule = (text: string, colour: string, range: GoogleAppsScript.Spreadsheet.Range) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(text)
          .setBackground(colour)
          .setRanges([range])
          .build();
      sheet.setConditionalFormatRules([
        ...RUNG_COLOURS.map(([text, colour]) => rule(text, colour, rungRange)),
        ...HEALTH_COLOURS.map(([text, colour]) => rule(text, colour, healthRange)),
      ]);
    }
  }
  filterLadder(sheet);
  return { ladderFormula: outcome, ladderRowsAdded };
}

/**
 * A filter on the Ladder's header over every LADDER row and column, so a leader can show only Red (or one owner)
 * from the header's menu. Range.createFilter, at most one filter per sheet
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter()); Sheet.getFilter is null
 * when there is none (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFilter()). What
 * createFilter does on a sheet that has one is not documented, so it is never called then: the add-on's own filter
 * (from A1, LADDER's width) is replaced only when setup added rows below it, and any other filter is the team's and
 * stays. Criteria set on a replaced filter go with it (docs/platform.md).
 */
function filterLadder(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const rows = sheet.getMaxRows();
  const existing = sheet.getFilter();
  if (existing) {
    const r = existing.getRange();
    const ours = r.getRow() === 1 && r.getColumn() === 1 && r.getNumColumns() === LADDER_WIDTHS.length;
    if (!ours || r.getNumRows() >= rows) return;
    existing.remove();
  }
  sheet.getRange(1, 1, rows, LADDER_WIDTHS.length).createFilter();
}
