// Where the partial readers find a sheet: one small function each, so the marked-sheet finder (SPEC §9) slots in
// here without touching the readers.
import { type DataSheetKey, SHEET } from '../sheets/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A data sheet of the book (Accounts, Usage, …), or null when the book has none. */
export function dataSheet(ss: Spreadsheet, key: DataSheetKey): Sheet | null {
  return ss.getSheetByName(SHEET[key]);
}

/** One of the add-on's own output sheets by name, or null. */
export function outputSheet(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(name);
}
