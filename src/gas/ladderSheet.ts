// The Ladder sheet in two modes (docs/rules.md §4 Big books): a live LADDER formula while the book is small, values written
// by the runs that read the whole book (and one row by each sidebar save) once it is big. Its status cell, right of
// the table, says which mode it is in and as of when.
import { isoOfDay } from '../core/dates';
import type { Settings } from '../core/settings';
import type { UsageRecord } from '../core/types';
import { type DataSheetKey, HEADERS, SHEET } from '../sheets/layout';
import { LADDER_COLUMNS, ladderTable } from '../sheets/ladderTable';
import { FORMULA_SOURCES } from './formulaSources';
import type { LoadedBook } from './book';
import { isSetupLadderFormula, ladderFormula } from './setup/ladderFormula';
import { LADDER_STATUS_COLUMN, LADDER_STATUS_PREFIX, LADDER_VALUES_PREFIX } from './ladderStatus';
import { rowsWithId } from './rowsFinder';
import { outputSheet } from './sheetLookup';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const STATUS_PREFIX = LADDER_STATUS_PREFIX;
const VALUES_PREFIX = LADDER_VALUES_PREFIX;

/** The ranges the LADDER formula reads, in its argument order (history last, after as_of). */
const FORMULA_SHEETS: readonly DataSheetKey[] = [
  'accounts',
  'usage',
  'results',
  'checks',
  'segments',
  'history',
];

/** Cells the LADDER formula would receive on each recalculation: rows × columns of every range it reads. */
export function formulaCells(loaded: LoadedBook): number {
  let cells = 0;
  for (const key of FORMULA_SHEETS) {
    const t = loaded.tables[key];
    if (t) cells += t.values.length * Math.max(HEADERS[key].length, (t.values[0] ?? []).length);
  }
  return cells;
}

export type LadderMode = 'formula' | 'values';

export function ladderModeOf(cells: number, settings: Settings): LadderMode {
  if (settings.ladderMode !== 'auto') return settings.ladderMode;
  return cells > settings.ladderValuesAboveCells ? 'values' : 'formula';
}

/** LADDER's answer over what was read, exactly as the formula computes it (the same function). */
function ladderValues(loaded: LoadedBook, usageRecords: readonly UsageRecord[] = []): unknown[][] {
  const grid = (key: DataSheetKey): unknown[][] => loaded.tables[key]?.values ?? [[...HEADERS[key]]];
  let usage = grid('usage');
  if (usageRecords.length > 0) {
    // Usage from the summary: handed to LADDER as rows of the Usage sheet would be.
    usage = [[...HEADERS.usage]];
    for (const r of usageRecords) usage.push([isoOfDay(r.week), r.accountId, r.activeUsers, r.keyActions]);
  }
  return ladderTable(
    [
      grid('accounts'),
      usage,
      grid('results'),
      grid('checks'),
      loaded.tables.segments ? grid('segments') : undefined,
      isoOfDay(loaded.today),
      grid('history'),
    ],
    FORMULA_SOURCES,
  );
}

function ownsLadder(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const formula = sheet.getRange(1, 1).getFormula();
  if (formula !== '') return isSetupLadderFormula(formula);
  return String(sheet.getRange(1, LADDER_STATUS_COLUMN).getValue()).startsWith(STATUS_PREFIX);
}

function stamp(loaded: LoadedBook): string {
  const now = new Date();
  const hh = String(now.getUTCHours()).padStart(2, '0');
  const mm = String(now.getUTCMinutes()).padStart(2, '0');
  return `${isoOfDay(loaded.today)} ${hh}:${mm} UTC`;
}

/**
 * After a whole-book read (Refresh dashboard, the reminder run, setup): sizes the Ladder sheet to Accounts and puts
 * it in the mode the book's size calls for — values written now, or the live formula. Leaves a Ladder whose A1 holds
 * the team's own content alone. Returns the mode, or null when it left the sheet alone.
 */
export function keepLadderSheet(ss: Spreadsheet, loaded: LoadedBook, settings: Settings): LadderMode | null {
  const sheet = outputSheet(ss, SHEET.ladder);
  const accounts = loaded.tables.accounts;
  if (!sheet || !accounts || !ownsLadder(sheet)) return null;
  const cells = formulaCells(loaded);
  const mode = ladderModeOf(cells, settings);
  const rows = Math.max(1, accounts.values.length);
  // Sheets shows #REF! when an array result is taller than its sheet: the Ladder grows with Accounts, every time.
  ensureSize(sheet, rows, LADDER_STATUS_COLUMN);
  const previous = sheet.getLastRow();
  const size = `${cells.toLocaleString('en-US')} cells`;
  const limit = `${settings.ladderValuesAboveCells.toLocaleString('en-US')}`;
  if (mode === 'values') {
    const table = ladderValues(loaded);
    // The team's text (an Account ID `+1-555`, an owner, a segment) stays text: never a formula, number or date.
    sheet.getRange(1, 1, table.length, LADDER_COLUMNS.length).setValues(table.map((r) => r.map(asText)));
    if (previous > table.length)
      sheet.getRange(table.length + 1, 1, previous - table.length, LADDER_COLUMNS.length).clearContent();
    sheet
      .getRange(1, LADDER_STATUS_COLUMN)
      .setValue(
        `${VALUES_PREFIX} as of ${stamp(loaded)} · the book is ${size} (${settings.ladderMode === 'values' ? 'values chosen in Settings' : `over ${limit}`}); Refresh dashboard, each reminder run and each sidebar save update it`,
      );
  } else {
    const a1 = sheet.getRange(1, 1);
    if (a1.getFormula() === '') {
      // Back from values: clear what the runs wrote, then the live formula answers again.
      if (previous > 0) sheet.getRange(1, 1, previous, LADDER_COLUMNS.length).clearContent();
      const widths = {} as Record<DataSheetKey, number>;
      for (const key of Object.keys(HEADERS) as DataSheetKey[])
        widths[key] = Math.max(HEADERS[key].length, (loaded.tables[key]?.values[0] ?? []).length);
      a1.setFormula(ladderFormula(widths));
    }
    setStatus(
      sheet,
      `${STATUS_PREFIX}live formula · the book is ${size} (${settings.ladderMode === 'formula' ? 'formula chosen in Settings' : `values above ${limit}`})`,
    );
  }
  return mode;
}

/** Writes the status cell only when its text changes (setup twice writes nothing). */
function setStatus(sheet: GoogleAppsScript.Spreadsheet.Sheet, text: string): void {
  const cell = sheet.getRange(1, LADDER_STATUS_COLUMN);
  if (String(cell.getValue()) !== text) cell.setValue(text);
}

/** The status cell's note on what sidebar saves changed since the table was written whole (never part of its stamp). */
const SAVES_NOTE = ' · since then, by sidebar saves: ';
const STALE_NOTE = ' · STALE: ';

/** `2026-11-24 16:30 UTC`: the moment of a save, in UTC like the table's own stamp. */
function stampNow(): string {
  const iso = new Date().toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The status after a save: the table's own "as of" stays (it is still true of every other row), followed by how many
 * rows saves have rewritten since and the latest of them — or, once a save could not be placed, that the table is
 * stale until the next full write. Pure over the cell's text.
 */
export function statusAfterSave(current: string, id: string, at: string, placed: boolean): string {
  const staleAt = current.indexOf(STALE_NOTE);
  if (staleAt >= 0 && placed) return current;
  const savesAt = current.indexOf(SAVES_NOTE);
  const cut = [staleAt, savesAt].filter((i) => i >= 0);
  const base = cut.length > 0 ? current.slice(0, Math.min(...cut)) : current;
  if (!placed) {
    return `${base}${STALE_NOTE}${id} was saved at ${at} but has no single row here (the table predates it); Refresh dashboard rewrites the Ladder`;
  }
  const before = savesAt >= 0 ? /(\d+) rows?/.exec(current.slice(savesAt))?.[1] : undefined;
  const n = (before ? Number(before) : 0) + 1;
  return `${base}${SAVES_NOTE}${n} row${n === 1 ? '' : 's'}, the latest ${id} updated ${at}`;
}

/**
 * After a sidebar save, when the Ladder holds values: the saved account's row, found by its Account ID in the Ladder's
 * ID column (TextFinder, no read of the column) wherever a sort of Accounts has left it, is rewritten (one setValues
 * of 9 cells) and the status cell says so. An account the table does not hold exactly once (added since the table was
 * written, or listed twice) is not guessed at: the status cell marks the Ladder stale and says why.
 */
export function writeLadderRow(
  ss: Spreadsheet,
  loaded: LoadedBook,
  usageRecords: readonly UsageRecord[],
  row: number,
): boolean {
  const sheet = outputSheet(ss, SHEET.ladder);
  if (!sheet || row < 2) return false;
  if (sheet.getRange(1, 1).getFormula() !== '') return false;
  const status = sheet.getRange(1, LADDER_STATUS_COLUMN);
  const current = String(status.getValue());
  if (!current.startsWith(VALUES_PREFIX)) return false;
  const table = ladderValues(loaded, usageRecords);
  const values = table[row - 1];
  const id = values ? String(values[0] ?? '').trim() : '';
  if (id === '') return false;
  const found = rowsWithId(sheet, 1, id);
  const placed = found.length === 1;
  if (placed) sheet.getRange(found[0], 1, 1, LADDER_COLUMNS.length).setValues([values.map(asText)]);
  status.setValue(asText(statusAfterSave(current, id, stampNow(), placed)));
  return placed;
}
