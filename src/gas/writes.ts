// Guarded writes from the sidebar: one row updated by header, or rows appended, each in one setValues, under the document lock.
import { rowVersion } from '../core/version';
import { columnIndex } from '../sheets/parse';
import { guardText } from '../sheets/textGuard';
import type { HeaderOf } from '../sheets/columns';
import { type DataSheetKey, HEADERS, normalizeHeader, SHEET } from '../sheets/layout';
import { SheetFinder } from './sheetFinder';

/**
 * Cell values keyed by the spec's header text of sheet `S`, e.g. `{ 'Business pain': 'Month-end close takes 9 days' }`;
 * a header not in that sheet's column table is a compile error.
 */
export type CellsByHeader<S extends DataSheetKey = DataSheetKey> = Readonly<
  Partial<Record<HeaderOf<S>, unknown>>
>;

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
 * A string as it must be written so Sheets stores exactly that text: the one text guard (src/sheets/textGuard.ts) —
 * formulas, numbers in every spelling (exponent, percent, currency), dates, times and booleans go behind Sheets'
 * quote prefix. Whether Sheets also strips the prefix on a cell formatted as plain text ('@') is not documented, so
 * only such text gets it. Every write of text the team or the customer typed goes through here.
 */
export function asText(value: unknown): unknown {
  return guardText(value);
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

/**
 * The version token of a data-sheet row over the spec columns only (in spec order, wherever they sit), so that
 * columns the team added never block a save. `columns` maps spec header → 0-based column (-1 when absent).
 */
export function productVersion(
  key: DataSheetKey,
  values: readonly unknown[],
  columns: Readonly<Record<string, number>>,
): string {
  return rowVersion(
    values,
    HEADERS[key].map((h) => columns[h] ?? -1),
  );
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
  const columns = columnIndex(key, header);
  if (productVersion(key, values, columns) !== expectedVersion) {
    throw new WriteRefusal(
      `This account changed since you opened it (row ${row} of ${sheet.getName()} was edited). Your input is kept; reload to see the change.`,
      { stale: true },
    );
  }
  return { row, header, values, columns };
}

/**
 * Writes the cells named in `changes` on a checked row and nothing else: one setValues per run of adjacent changed
 * columns (one write when they are contiguous, as in the default layout), so a user's column between two of them
 * — an ARRAYFORMULA spilling into it, a formula, a note — is never written. Returns the row's values after the write.
 */
export function updateRowByHeader<S extends DataSheetKey>(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: S,
  checked: CheckedRow,
  byHeader: CellsByHeader<S>,
): unknown[] {
  const changes: Readonly<Record<string, unknown>> = byHeader;
  const positions = positionsOf(key, checked.header, Object.keys(changes));
  const after = [...checked.values];
  while (after.length < checked.header.length) after.push('');
  for (const [name, at] of positions) after[at] = changes[name];

  const cols = [...new Set(positions.values())].sort((a, b) => a - b);
  for (const [first, last] of contiguousRuns(cols)) {
    const span = sheet.getRange(checked.row, first + 1, 1, last - first + 1);
    const values = after.slice(first, last + 1);
    span.setValues([values.map(asText)]);
  }
  return after;
}

/** [first, last] of each run of consecutive numbers in a sorted list. */
export function contiguousRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && c === run[1] + 1) run[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * Appends records below the last row of a data sheet with one setValues, mapping each field to its column
 * by header. The sheet is found by its mark or name (sheetFinder); a missing sheet is created with its header in the
 * same write, unless setup has run (then it is required and its absence is one clear error). A blank or unrecognised
 * header row over rows that hold data refuses the write: the append would otherwise guess where columns are, or put
 * a header over the first record. Call inside withDocumentLock. Returns the 1-based row of the first appended record.
 */
export function appendByHeader<S extends DataSheetKey>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: S,
  byHeader: readonly CellsByHeader<S>[],
): number {
  const records: readonly Readonly<Record<string, unknown>>[] = byHeader;
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const finder = SheetFinder.of(ss);
  let sheet = finder.isRequired(key) ? finder.require(key) : finder.find(key);
  // Created unmarked: marking data sheets is setup's job, and a marked one makes every data sheet required.
  if (!sheet) sheet = ss.insertSheet(SHEET[key], ss.getNumSheets());
  let header = headerRowOf(sheet);
  const blank = header.every((h) => String(h ?? '').trim() === '');
  const fresh = blank && sheet.getLastRow() === 0;
  if (blank && !fresh) {
    throw new WriteRefusal(
      `${sheet.getName()}: the header row (row 1) is blank, so Results Ladder cannot tell which column is which and will not write below it. Put the column names back in row 1 (Results Ladder › Set up workbook adds missing ones); your input is kept.`,
    );
  }
  if (
    !fresh &&
    !HEADERS[key].some((h) => header.some((cell) => normalizeHeader(cell) === normalizeHeader(h)))
  ) {
    throw new WriteRefusal(
      `${sheet.getName()}: row 1 does not hold the column names (${HEADERS[key].slice(0, 3).join(', ')}, …), so Results Ladder will not guess where to write. Put the header back in row 1; your input is kept.`,
    );
  }
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
