// Where the partial readers find a sheet: the marked-sheet finder (docs/rules.md §9) for every sheet the add-on knows by key,
// so a renamed Accounts is still found and a team's own `Ladder` tab is never taken for the add-on's.
import { type DataSheetKey, SHEET, type SheetKey } from '../sheets/layout';
import { SheetFinder } from './sheetFinder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A data sheet of the book (Accounts, Usage, …), or null when the book has none. */
export function dataSheet(ss: Spreadsheet, key: DataSheetKey): Sheet | null {
  return SheetFinder.of(ss).find(key);
}

/**
 * Throws the one MissingSheetError (sheetFinder) for the first of `keys` that the rules cannot do without and that
 * cannot be found — the same check, and the same message, as the runs that read the whole book (book.ts).
 */
export function requireSheets(ss: Spreadsheet, keys: readonly DataSheetKey[]): void {
  const finder = SheetFinder.of(ss);
  for (const key of keys) if (finder.isRequired(key)) finder.require(key);
}

/**
 * One of the add-on's own output sheets: by its mark when it is one the finder knows (`Ladder`), else by name (the
 * hidden `Usage summary`, which in the BigQuery set-up the team's own Connected Sheets extract provides).
 */
export function outputSheet(ss: Spreadsheet, name: string): Sheet | null {
  const key = (Object.keys(SHEET) as SheetKey[]).find((k) => SHEET[k] === name);
  return key ? SheetFinder.of(ss).find(key) : ss.getSheetByName(name);
}
