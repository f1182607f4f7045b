// Appends today's rung and health changes to `Ladder history`, in one write below the last row.
import { dateOfDay } from '../core/dates';
import { type HistoryChange, historyChanges } from '../core/history';
import type { Assessment, Day } from '../core/types';
import { RUNG_NAMES } from '../core/types';
import { HEADERS, normalizeHeader, SHEET } from '../sheets/layout';
import type { LoadedBook } from './book';
import { SheetFinder } from './sheetFinder';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

/** The cells of one history row, placed in the sheet's own column order (users may reorder columns). */
function rowCells(
  change: HistoryChange,
  positions: readonly number[],
  width: number,
  timeZone: string,
): unknown[] {
  const cells: unknown[] = new Array<unknown>(width).fill('');
  // The Rung is written by name: people read the sheet, and the parser accepts names and numbers.
  // The Account ID is the user's text: written as text so '=…' stays an ID and '00123' keeps its zeros.
  const values = [
    dateOfDay(change.date, timeZone),
    asText(change.accountId),
    RUNG_NAMES[change.rung],
    change.health,
  ];
  for (let i = 0; i < values.length; i++) cells[positions[i]] = values[i];
  return cells;
}

/**
 * Writes the rows `historyChanges` finds for `assessments` as of `today`, comparing with the history
 * already loaded in `loaded` (no extra read). Creates the sheet with its header when it is missing.
 * Returns the number of history rows written; a run that changes nothing writes nothing.
 */
export function appendHistory(
  loaded: LoadedBook,
  assessments: readonly Assessment[],
  today: Day,
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): number {
  return writeHistoryRows(loaded, historyChanges(loaded.book.history, assessments, today), ss);
}

/** Appends already-computed history rows below the loaded sheet's last row in one write. */
export function writeHistoryRows(
  loaded: LoadedBook,
  changes: readonly HistoryChange[],
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): number {
  if (changes.length === 0) return 0;

  const table = loaded.tables.history;
  let sheet = table?.sheet ?? null;
  if (!sheet) {
    // Comparing against an unread history would write every account again.
    const finder = SheetFinder.of(ss);
    if (finder.find('history')) {
      throw new Error(`${SHEET.history} exists but was not loaded; load it before appending.`);
    }
    sheet = finder.findOrCreate('history').sheet;
    sheet.setFrozenRows(1);
  }

  const values = table?.values ?? [];
  const headerRow = values.length > 0 ? values[0] : [];
  const hasHeader = headerRow.some((cell: unknown) => String(cell ?? '').trim() !== '');
  if (!hasHeader && values.some((row) => row.some((cell) => String(cell ?? '').trim() !== ''))) {
    // Writing the header into row 1 and the changes below would overwrite recorded history.
    throw new Error(
      `${sheet.getName()}: the header row (row 1) is blank above recorded rows; put Date, Account ID, Rung, Health back in row 1. Nothing was written.`,
    );
  }
  const found = headerRow.map(normalizeHeader);
  const positions = HEADERS.history.map((h, i) => {
    const at = found.indexOf(normalizeHeader(h));
    return hasHeader ? at : i;
  });
  if (positions.some((p) => p < 0)) {
    const missing = HEADERS.history.find((_, i) => positions[i] < 0);
    throw new Error(`${SHEET.history}: no column '${missing}'`);
  }
  const width = Math.max(HEADERS.history.length, headerRow.length);
  const rows = changes.map((c) => rowCells(c, positions, width, loaded.timeZone));
  if (!hasHeader) {
    const header: unknown[] = new Array<unknown>(width).fill('');
    HEADERS.history.forEach((h, i) => {
      header[i] = h;
    });
    rows.unshift(header);
  }
  // Below the last row read; an empty or header-less sheet starts at row 1 with the header.
  const firstRow = hasHeader ? values.length + 1 : 1;
  ensureSize(sheet, firstRow + rows.length - 1, width);
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  return changes.length;
}
