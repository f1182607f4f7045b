// Reads what the sidebar needs and no more (docs/rules.md §10): one account's rows for the Account view and its saves, the
// rule columns of the book for My book. Whole-book reads stay with refresh, the reminder run and setup.
import { dayConverter } from '../core/dates';
import type { Settings } from '../core/settings';
import { usageWindowStart } from '../core/ladder';
import type { Book, Day, Problem, UsageRecord } from '../core/types';
import { columnIndex, parseBook, type SheetTables } from '../sheets/parse';
import { type DataSheetKey, HEADERS } from '../sheets/layout';
import type { LoadedBook, LoadedSheet } from './book';
import { headerRow, readRows, rowsWithId } from './rowsFinder';
import { dataSheet } from './sheetLookup';
import { accountUsage, bookUsage, storedUsageProblems } from './usageSummary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A book read in part, and how fresh its usage is (the sidebar shows it). */
export interface PartialBook {
  readonly loaded: LoadedBook;
  readonly usageFreshness: string;
  /** Whether Ladder history was read, so movement (stalled, climbing) is known; false on a long history. */
  readonly movementKnown: boolean;
}

/**
 * My book's budget of cells read (docs/rules.md §10: at most 300,000 for a CSM on the 10,000-account book). Ladder history,
 * for the Stalled list, is read only when it fits in what the rule columns and usage left; past that, My book says
 * the Dashboard lists stalled accounts.
 */
export const MY_BOOK_CELL_BUDGET = 300_000;

/** Cells in the tables read so far (each row as wide as the widest). */
function cellsIn(tables: SheetTables): number {
  let cells = 0;
  for (const values of Object.values(tables)) {
    if (!values) continue;
    let width = 0;
    for (const row of values) if (row && row.length > width) width = row.length;
    cells += values.length * width;
  }
  return cells;
}

function withUsage(book: Book, records: readonly UsageRecord[]): Book {
  if (records.length === 0) return book;
  const usage = book.usage.slice();
  for (const r of records) usage.push(r);
  return { ...book, usage };
}

function clock(ss: Spreadsheet): { timeZone: string; dayOf: (d: Date) => Day | null; today: Day } {
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/UTC';
  const dayOf = dayConverter(timeZone);
  return { timeZone, dayOf, today: dayOf(new Date()) as Day };
}

/**
 * The book as one Accounts row sees it: that row, Segments, and the account's own Results, Checks and Ladder
 * history rows (found by TextFinder on their ID columns), with usage from the Usage summary. On the 10,000-account
 * book this is tens of thousands of cells searched and a few hundred read, against 2.3 million for the whole book.
 */
export function loadAccountBook(row: number, settings: Settings, ss: Spreadsheet): PartialBook {
  const { timeZone, dayOf, today } = clock(ss);
  const tables: SheetTables = {};
  const loaded: Partial<Record<DataSheetKey, LoadedSheet>> = {};
  const keep = (key: DataSheetKey, sheet: GoogleAppsScript.Spreadsheet.Sheet, values: unknown[][]) => {
    tables[key] = values;
    loaded[key] = { sheet, values, columns: columnIndex(key, values[0] ?? []) };
  };
  const segments = dataSheet(ss, 'segments');
  if (segments) keep('segments', segments, segments.getDataRange().getValues());
  const accounts = dataSheet(ss, 'accounts');
  let id = '';
  if (accounts) {
    const header = headerRow(accounts);
    const values =
      row >= 2 && row <= accounts.getLastRow()
        ? readRows(accounts, [row], header.length, [header])
        : [header];
    keep('accounts', accounts, values);
    const at = columnIndex('accounts', header)['Account ID'];
    id = at >= 0 ? String(values[row - 1]?.[at] ?? '').trim() : '';
  }
  for (const key of ['results', 'checks', 'history'] as const) {
    const sheet = dataSheet(ss, key);
    if (!sheet) continue;
    const header = headerRow(sheet);
    const idColumn = columnIndex(key, header)['Account ID'] + 1;
    const rows = id !== '' && idColumn > 0 ? rowsWithId(sheet, idColumn, id) : [];
    keep(key, sheet, readRows(sheet, rows, header.length, [header]));
  }
  let usageFreshness = '';
  let records: readonly UsageRecord[] = [];
  if (id !== '') {
    const usage = accountUsage(ss, id, today, settings, dayOf);
    if (usage.table) tables.usage = usage.table;
    records = usage.records;
    usageFreshness = usage.freshness;
  }
  const book = withUsage(parseBook(tables, dayOf), records);
  return { loaded: { book, timeZone, today, dayOf, tables: loaded }, usageFreshness, movementKnown: true };
}

/** Columns the rules read, per sheet: My book assesses every account but needs no notes, words or evidence. */
const RULE_COLUMNS: Partial<Record<DataSheetKey, readonly string[]>> = {
  results: ['Date', 'Account ID', 'Value', 'Attributed', 'Validated by', 'Validator role'],
  checks: ['Date', 'Account ID', 'Check', 'Result named'],
};

/** The sheet from column 1 to the last column the product knows (rule columns only where listed). */
function readKnownColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: DataSheetKey): unknown[][] {
  const header = headerRow(sheet);
  const columns = columnIndex(key, header);
  const wanted = RULE_COLUMNS[key] ?? HEADERS[key];
  const width = Math.max(1, ...wanted.map((h) => (columns[h] ?? -1) + 1));
  const last = sheet.getLastRow();
  const values: unknown[][] = [header];
  if (last >= 2) {
    const block = sheet.getRange(2, 1, last - 1, width).getValues();
    for (let i = 0; i < block.length; i++) values[i + 1] = block[i];
  }
  return values;
}

/**
 * Every account with the columns the rules read, and usage from the Usage summary (two columns) plus the Usage rows
 * appended since — under 300,000 cells on the 10,000-account book instead of 2.3 million. Without a summary that
 * covers today it reads Usage whole, once, and says so.
 */
export function loadRuleColumns(settings: Settings, ss: Spreadsheet): PartialBook {
  const { timeZone, dayOf, today } = clock(ss);
  const tables: SheetTables = {};
  const loaded: Partial<Record<DataSheetKey, LoadedSheet>> = {};
  for (const key of ['segments', 'accounts', 'results', 'checks'] as const) {
    const sheet = dataSheet(ss, key);
    if (!sheet) continue;
    const values = readKnownColumns(sheet, key);
    tables[key] = values;
    loaded[key] = { sheet, values, columns: columnIndex(key, values[0] ?? []) };
  }
  const summary = bookUsage(ss, today, settings, dayOf);
  let usageFreshness: string;
  let records: UsageRecord[] = [];
  let usageProblems: Problem[] = [];
  if (summary) {
    if (summary.tail) tables.usage = summary.tail;
    records = summary.records;
    usageFreshness = summary.freshness;
    // Usage is not read, so its data problems come from the last full run (a sample; the digest lists them all).
    usageProblems = storedUsageProblems().problems;
  } else {
    const usage = dataSheet(ss, 'usage');
    if (usage) tables.usage = usage.getDataRange().getValues();
    usageFreshness =
      'Usage read whole: no current Usage summary. Refresh dashboard builds it and makes this faster.';
  }
  // Ladder history (for Stalled) only while it fits the budget: it grows with every change of rung or health. The
  // summary's two columns per account count too.
  const history = dataSheet(ss, 'history');
  let movementKnown = history === null;
  const spent = cellsIn(tables) + (summary ? 2 * (tables.accounts?.length ?? 0) : 0);
  if (history && spent + history.getLastRow() * HEADERS.history.length <= MY_BOOK_CELL_BUDGET) {
    const values = readKnownColumns(history, 'history');
    tables.history = values;
    loaded.history = { sheet: history, values, columns: columnIndex('history', values[0] ?? []) };
    movementKnown = true;
  }
  const parsed = parseBook(tables, dayOf, summary ? {} : { usageSince: usageWindowStart(today, settings) });
  const book = withUsage(
    usageProblems.length > 0 ? { ...parsed, problems: [...parsed.problems, ...usageProblems] } : parsed,
    records,
  );
  return { loaded: { book, timeZone, today, dayOf, tables: loaded }, usageFreshness, movementKnown };
}
