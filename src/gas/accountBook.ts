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
import { dataSheet, requireSheets } from './sheetLookup';
import { accountUsage, bookUsage, storedUsageProblems } from './usageSummary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A book read in part, and how fresh its usage is (the sidebar shows it). */
export interface PartialBook {
  readonly loaded: LoadedBook;
  readonly usageFreshness: string;
  /** Whether Ladder history was read, so movement (stalled, climbing) is known; false on a long history. */
  readonly movementKnown: boolean;
  /** True when Usage changed since the Usage summary and the usage shown is still the summary's (freshness says so). */
  readonly usageStale: boolean;
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
  // A sheet the rules cannot do without and cannot find: the one message every run and view gives (sheetFinder).
  requireSheets(ss, ['segments', 'accounts', 'usage', 'results', 'checks']);
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
  let usageStale = false;
  let records: readonly UsageRecord[] = [];
  if (id !== '') {
    const usage = accountUsage(ss, id, today, settings, dayOf);
    if (usage.table) tables.usage = usage.table;
    records = usage.records;
    usageFreshness = usage.freshness;
    usageStale = usage.stale;
  }
  const book = withUsage(parseBook(tables, dayOf), records);
  return {
    loaded: { book, timeZone, today, dayOf, tables: loaded },
    usageFreshness,
    movementKnown: true,
    usageStale,
  };
}

/**
 * What My book reads of each sheet. It assesses every account, so it reads only what the rules read — yet every
 * cell the rules read, or My book would say another rung or step than LADDER and the Account view:
 * - `block`: columns read from column 1 up to the last of them, one getValues (notes, words, evidence left out);
 * - `columns`: rule columns that sit past that block (a later addition at a table's end), each read whole on its own;
 * - `onRowsOf`: rule columns needed only on some rows — an Intervention check's own cells — read on those rows alone.
 */
interface RuleReads {
  readonly block: readonly string[];
  readonly columns?: readonly string[];
  readonly onRowsOf?: { readonly column: string; readonly value: string; readonly read: readonly string[] };
}
const RULE_READS: Partial<Record<DataSheetKey, RuleReads>> = {
  // Validator email only addresses the confirmation mail: no rule reads it.
  accounts: { block: HEADERS.accounts.filter((h) => h !== 'Validator email') },
  // Logged by: a validation by who logged the row is the team's (docs/rules.md §3).
  results: {
    block: ['Date', 'Account ID', 'Value', 'Attributed', 'Validated by', 'Validator role'],
    columns: ['Logged by'],
  },
  checks: {
    block: ['Date', 'Account ID', 'Check', 'Result named'],
    onRowsOf: {
      column: 'Check',
      value: 'intervention',
      read: ['Met with', 'Re-planned result', 'Re-planned due'],
    },
  },
};

/** The rule columns of a sheet (RULE_READS), or from column 1 to the last column the product knows. */
function readKnownColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: DataSheetKey): unknown[][] {
  const header = headerRow(sheet);
  const columns = columnIndex(key, header);
  const plan: RuleReads = RULE_READS[key] ?? { block: HEADERS[key] };
  const at = (h: string) => columns[h] ?? -1;
  const width = Math.max(1, ...plan.block.map((h) => at(h) + 1));
  const last = sheet.getLastRow();
  const values: unknown[][] = [header];
  if (last < 2) return values;
  const block = sheet.getRange(2, 1, last - 1, width).getValues();
  for (let i = 0; i < block.length; i++) values[i + 1] = block[i];
  for (const h of plan.columns ?? []) {
    const c = at(h);
    if (c < width) continue; // absent, or already in the block
    const column = sheet.getRange(2, c + 1, last - 1, 1).getValues();
    for (let i = 0; i < column.length; i++) values[i + 1][c] = column[i][0];
  }
  const some = plan.onRowsOf;
  const kindAt = some ? at(some.column) : -1;
  if (some && kindAt >= 0 && some.read.some((h) => at(h) >= width)) {
    const rows: number[] = [];
    for (let i = 1; i < values.length; i++) {
      if (
        String(values[i][kindAt] ?? '')
          .trim()
          .toLowerCase() === some.value
      )
        rows.push(i + 1);
    }
    const full = readRows(sheet, rows, header.length);
    for (const r of rows) values[r - 1] = full[r - 1];
  }
  return values;
}

/**
 * Every account with the columns the rules read, and usage from the Usage summary (two columns) plus the Usage rows
 * appended since — about 305,000 cells on the 10,000-account book instead of 2.3 million. Without a summary that
 * covers today it reads Usage whole, once, and says so.
 */
export function loadRuleColumns(settings: Settings, ss: Spreadsheet): PartialBook {
  const { timeZone, dayOf, today } = clock(ss);
  const tables: SheetTables = {};
  const loaded: Partial<Record<DataSheetKey, LoadedSheet>> = {};
  requireSheets(ss, ['segments', 'accounts', 'usage', 'results', 'checks']);
  for (const key of ['segments', 'accounts', 'results', 'checks'] as const) {
    const sheet = dataSheet(ss, key);
    if (!sheet) continue;
    const values = readKnownColumns(sheet, key);
    tables[key] = values;
    loaded[key] = { sheet, values, columns: columnIndex(key, values[0] ?? []) };
  }
  const usageSheet = dataSheet(ss, 'usage');
  let summary = bookUsage(ss, today, settings, dayOf);
  let usageFreshness = '';
  let usageStale = false;
  if (summary?.changed && usageSheet) {
    // Usage changed under the summary: read it whole when that fits My book's budget (then every rung is current),
    // else keep the summary and say plainly that usage changed since it was built.
    const usageCells = usageSheet.getLastRow() * Math.max(1, usageSheet.getLastColumn());
    if (cellsIn(tables) + usageCells <= MY_BOOK_CELL_BUDGET) {
      usageFreshness = `Usage read whole: it changed since ${summary.changed.since}, when the Usage summary was built. Refresh dashboard rebuilds the summary.`;
      summary = null;
    } else usageStale = true;
  }
  let records: UsageRecord[] = [];
  let usageProblems: Problem[] = [];
  if (summary) {
    if (summary.tail) tables.usage = summary.tail;
    records = summary.records;
    usageFreshness = summary.freshness;
    // Usage is not read, so its data problems come from the last full run (a sample; the digest lists them all).
    usageProblems = storedUsageProblems(ss).problems;
  } else {
    if (usageSheet) tables.usage = usageSheet.getDataRange().getValues();
    if (usageFreshness === '')
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
  return {
    loaded: { book, timeZone, today, dayOf, tables: loaded },
    usageFreshness,
    movementKnown,
    usageStale,
  };
}
