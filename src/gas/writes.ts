// Guarded writes from the sidebar: one row updated by header, or rows appended, each in one setValues, under the document lock.
import { rowVersion } from '../core/version';
import { columnIndex } from '../sheets/parse';
import { type DataSheetKey, HEADERS, SHEET } from '../sheets/layout';

/** Cell values keyed by the spec's header text, e.g. `{ 'Business pain': 'Month-end close takes 9 days' }`. */
export type CellsByHeader = Readonly<Record<string, unknown>>;

/** A write that was refused: nothing was written, and the message is for the person at the sidebar. */
export class WriteRefusal extends Error {
  readonly stale: boolean;
  readonly field: string | undefined;
  constructor(message: string, options: { stale?: boolean; field?: string } = {}) {
    super(message);
    this.name = 'WriteRefusal';
    this.stale = options.stale ?? false;
    this.field = options.field;
  }
}

/**
 * A string as it must be written so Sheets stores exactly that text. Sheets reads written strings the way it
 * reads typing: '=…' becomes a formula, '+…'/'-…' a failed formula, '40%' a number, '2026-03-01' a date. A
 * leading apostrophe is Sheets' quote prefix: it makes the rest plain text and is not kept in the value, so every
 * string is written behind one — on a plain-text ('@') cell too, where a string that itself starts with an
 * apostrophe would otherwise lose it. (The '@' format alone keeps '=…' from being a formula, but the prefix does not
 * depend on a format the team may have changed.) getValues returns the text without the prefix.
 */
export function asText(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  return `'${value}`;
}

/** Runs `write` holding the document lock, so two saves never interleave their read-check-write. */
export function withDocumentLock<T>(write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) {
    throw new WriteRefusal('Another save to this spreadsheet is in progress. Your input is kept; try again.');
  }
  try {
    const result = write();
    // Commit before releasing, so the next holder of the lock reads what was written.
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

function headerRowOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  return sheet.getRange(1, 1, 1, width).getValues()[0];
}

/** Column positions of the given headers; refuses the write when one is missing rather than guessing. */
function positionsOf(
  key: DataSheetKey,
  header: readonly unknown[],
  names: readonly string[],
): Map<string, number> {
  const columns = columnIndex(key, [...header]);
  const positions = new Map<string, number>();
  for (const name of names) {
    const at = columns[name] ?? -1;
    if (at < 0) {
      throw new WriteRefusal(
        `${SHEET[key]}: no column '${name}'. Run Results Ladder › Set up workbook to add it; your input is kept.`,
      );
    }
    positions.set(name, at);
  }
  return positions;
}

/** A row read under the lock whose version matched what the sidebar read. */
export interface CheckedRow {
  readonly row: number;
  readonly header: readonly unknown[];
  readonly values: readonly unknown[];
  /** Spec header → 0-based column, -1 when absent. */
  readonly columns: Readonly<Record<string, number>>;
}

/**
 * Reads one row afresh (one getValues of the header, one of the row) and refuses, as stale, when its version
 * is not the one the sidebar read. Call inside withDocumentLock, so nothing changes between check and write.
 */
export function readRowChecked(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: DataSheetKey,
  row: number,
  expectedVersion: string,
): CheckedRow {
  const header = headerRowOf(sheet);
  const width = Math.max(1, header.length);
  const values = row <= sheet.getLastRow() ? sheet.getRange(row, 1, 1, width).getValues()[0] : [];
  if (rowVersion(values) !== expectedVersion) {
    throw new WriteRefusal(
      `This account changed since you opened it (row ${row} of ${sheet.getName()} was edited). Your input is kept; reload to see the change.`,
      { stale: true },
    );
  }
  return { row, header, values, columns: columnIndex(key, header) };
}

/**
 * Rewrites the cells named in `changes` on a checked row with one setValues over the span from the first to
 * the last changed column; cells inside the span that do not change keep their formula or value.
 * Returns the row's values after the write.
 */
export function updateRowByHeader(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: DataSheetKey,
  checked: CheckedRow,
  changes: CellsByHeader,
): unknown[] {
  const positions = positionsOf(key, checked.header, Object.keys(changes));
  const after = [...checked.values];
  while (after.length < checked.header.length) after.push('');
  for (const [name, at] of positions) after[at] = changes[name];

  const cols = [...positions.values()];
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const span = sheet.getRange(checked.row, first + 1, 1, last - first + 1);
  const changedAt = new Set(cols);
  // Unchanged cells inside the span are written back: they keep their formulas, and text stays text.
  const formulas = last - first + 1 > changedAt.size ? span.getFormulas()[0] : [];
  const out: unknown[] = [];
  for (let c = first; c <= last; c++) {
    const formula = formulas[c - first];
    out.push(!changedAt.has(c) && formula ? formula : asText(after[c]));
  }
  span.setValues([out]);
  return after;
}

/**
 * Appends records below the last row of a data sheet with one setValues, mapping each field to its column
 * by header. A missing sheet is created with its header in the same write. Call inside withDocumentLock.
 * Returns the 1-based row of the first appended record.
 */
export function appendByHeader(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: DataSheetKey,
  records: readonly CellsByHeader[],
): number {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  let sheet = ss.getSheetByName(SHEET[key]);
  if (!sheet) sheet = ss.insertSheet(SHEET[key], ss.getNumSheets());
  let header = headerRowOf(sheet);
  const fresh = header.every((h) => h === '');
  if (fresh) header = [...HEADERS[key]];
  const positions = positionsOf(key, header, names);
  const width = Math.max(header.length, fresh ? 0 : sheet.getLastColumn());
  const rows: unknown[][] = records.map((record) => {
    const cells: unknown[] = new Array(width).fill('');
    for (const name of Object.keys(record)) cells[positions.get(name)!] = record[name];
    return cells;
  });
  if (fresh) rows.unshift(header);
  const start = fresh ? 1 : sheet.getLastRow() + 1;
  const end = start + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (end > maxRows) sheet.insertRowsAfter(maxRows, end - maxRows);
  const target = sheet.getRange(start, 1, rows.length, width);
  target.setValues(rows.map((r) => r.map(asText)));
  return fresh ? 2 : start;
}
