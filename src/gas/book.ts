// Loads the workbook's data sheets into a Book: one getDataRange().getValues() per sheet, nothing per row.
import { dayConverter } from '../core/dates';
import type { Book, Day } from '../core/types';
import { columnIndex, parseBook, type SheetTables } from '../sheets/parse';
import { type DataSheetKey, HEADERS } from '../sheets/layout';
import { holdsOwnHeader, SheetFinder } from './sheetFinder';

export interface LoadedSheet {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly values: unknown[][];
  /** Spec header → 0-based column index, -1 when absent. */
  readonly columns: Record<string, number>;
}

export interface LoadedBook {
  readonly book: Book;
  readonly timeZone: string;
  readonly today: Day;
  dayOf(date: Date): Day | null;
  readonly tables: Partial<Record<DataSheetKey, LoadedSheet>>;
}

const ALL_KEYS = Object.keys(HEADERS) as DataSheetKey[];

/** The sheets the rules read to assess the book: every data sheet but `Reminder log`. */
export const RULE_SHEETS: readonly DataSheetKey[] = [
  'segments',
  'accounts',
  'usage',
  'results',
  'checks',
  'history',
];

/**
 * Reads the given data sheets (all by default), each found by its mark first and its name second (sheetFinder). A
 * required sheet that cannot be found throws MissingSheetError before anything is read; an optional one is empty
 * (Segments then falls back to the built-in defaults). Throws when a sheet lacks a required column, naming sheet and
 * column.
 */
export function loadBook(
  keys: readonly DataSheetKey[] = ALL_KEYS,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): LoadedBook {
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/UTC';
  const dayOf = dayConverter(timeZone);
  const loaded: Partial<Record<DataSheetKey, LoadedSheet>> = {};
  const tables: SheetTables = {};
  const finder = SheetFinder.of(ss);
  for (const key of keys) if (finder.isRequired(key)) finder.require(key);
  for (const key of keys) {
    const found = finder.candidate(key);
    if (!found) continue;
    const { sheet } = found;
    const values = sheet.getDataRange().getValues();
    // An unmarked output tab of the right name is read once and kept only when it carries the add-on's header.
    if (!found.verified && !holdsOwnHeader(key, values[0] ?? [])) continue;
    tables[key] = values;
    loaded[key] = { sheet, values, columns: columnIndex(key, values[0] ?? []) };
  }
  const book = parseBook(tables, dayOf);
  const today = dayOf(new Date()) as Day;
  return { book, timeZone, today, dayOf, tables: loaded };
}
