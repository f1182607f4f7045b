// Loads the workbook's data sheets into a Book: one getDataRange().getValues() per sheet, nothing per row.
import { dayConverter } from '../core/dates';
import type { Book, Day } from '../core/types';
import { columnIndex, parseBook, type SheetTables } from '../sheets/parse';
import { type DataSheetKey, HEADERS, SHEET } from '../sheets/layout';

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
 * Reads the given data sheets (all by default). A sheet that does not exist is empty; Segments then falls back to
 * the built-in defaults. Throws only when a sheet lacks a required column, naming sheet and column.
 */
export function loadBook(
  keys: readonly DataSheetKey[] = ALL_KEYS,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): LoadedBook {
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/UTC';
  const dayOf = dayConverter(timeZone);
  const loaded: Partial<Record<DataSheetKey, LoadedSheet>> = {};
  const tables: SheetTables = {};
  for (const key of keys) {
    const sheet = ss.getSheetByName(SHEET[key]);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    tables[key] = values;
    loaded[key] = { sheet, values, columns: columnIndex(key, values[0] ?? []) };
  }
  const book = parseBook(tables, dayOf);
  const today = dayOf(new Date()) as Day;
  return { book, timeZone, today, dayOf, tables: loaded };
}
