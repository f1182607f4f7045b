// Reads the data sheets into a typed Book: columns found by header text, one record per row, problems not exceptions.
import type { Book, Day, Problem, UsageRecord } from '../core/types';
import { AccountSlots } from '../core/accountSlots';
import { type DataSheetKey, DEFAULT_SEGMENTS, HEADERS, normalizeHeader, SHEET } from './layout';
import {
  accountReader,
  checkRecord,
  historyRecord,
  num,
  type RowBuilder,
  resultRecord,
  segmentReader,
  USE,
  usageRecord,
} from './rowBuilders';
import {
  type CellReader,
  cellProblem,
  cellReader,
  type DayOf,
  isBlank,
  SHEET_FIELDS,
  schemaReader,
} from './schema';

export type SheetTables = Partial<Record<DataSheetKey, unknown[][]>>;

/** Where each spec column sits in a header row: 0-based, -1 when absent. The first of duplicate headers wins. */
export function columnIndex(key: DataSheetKey, headerRow: readonly unknown[]): Record<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < headerRow.length; i++) {
    const h = normalizeHeader(headerRow[i]);
    if (h !== '' && !positions.has(h)) positions.set(h, i);
  }
  const columns: Record<string, number> = {};
  for (const header of HEADERS[key]) columns[header] = positions.get(normalizeHeader(header)) ?? -1;
  return columns;
}

/**
 * The zod schemas in schema.ts define every cell; the row-count sheets read through the plain readers that
 * test/unit/parse.test.ts proves equal to them. Measured on 50k accounts: per-cell schema dispatch on Accounts,
 * Results and Checks allocated enough garbage to make the book's time grow faster than its size (bench/).
 * Segments, a handful of rows, goes through zod itself.
 */
const SCHEMA_SHEETS: ReadonlySet<DataSheetKey> = new Set<DataSheetKey>(['segments']);

function isAllBlank(table: readonly (readonly unknown[])[]): boolean {
  for (const row of table) {
    if (!row) continue;
    for (const cell of row) if (!isBlank(cell)) return false;
  }
  return true;
}

/**
 * Header-maps a sheet and hands every usable non-blank row to `build`; throws only for a missing required column.
 * One scratch array serves every row: Usage runs to hundreds of thousands of rows, and the builders copy what
 * they keep.
 */
function readSheet<T>(
  key: DataSheetKey,
  table: readonly (readonly unknown[])[] | undefined,
  dayOf: DayOf,
  problems: Problem[],
  build: RowBuilder<T>,
): T[] {
  // An absent sheet, or a range with nothing in it (an omitted argument, a fresh sheet), has no rows.
  if (!table || isAllBlank(table)) return [];
  const sheet = SHEET[key];
  const fields = SHEET_FIELDS[key];
  const columns = columnIndex(key, table[0] ?? []);
  for (const spec of fields) {
    if (columns[spec.header] < 0 && !spec.optionalColumn)
      throw new Error(`${sheet}: no column '${spec.header}'`);
  }
  const positions = fields.map((spec) => columns[spec.header]);
  const makeReader = SCHEMA_SHEETS.has(key) ? schemaReader : cellReader;
  const readers: CellReader[] = fields.map((spec) => makeReader(spec.kind, dayOf));
  const width = fields.length;
  const values: unknown[] = new Array(width).fill(null);
  const records: T[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells) continue;
    let blank = true;
    for (let j = 0; j < width; j++) {
      const p = positions[j];
      if (p >= 0 && !isBlank(cells[p])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const row = i + 1;
    let usable = true;
    for (let j = 0; j < width; j++) {
      const p = positions[j];
      const cell = p >= 0 ? cells[p] : '';
      const value = isBlank(cell) ? null : readers[j](cell);
      if (value === null || value === undefined) {
        values[j] = null;
        const spec = fields[j];
        if ((value === undefined || spec.key) && !spec.builderReports) {
          const message = value === null ? `${spec.header} is blank` : cellProblem(spec.kind, cell);
          problems.push({
            sheet,
            row,
            column: spec.header,
            message: spec.key ? `${message}; the row is left out` : message,
          });
        }
        if (spec.key) usable = false;
      } else {
        values[j] = value;
      }
    }
    if (!usable) continue;
    const record = build(values, row, cells);
    if (record !== null) records.push(record);
  }
  return records;
}

/**
 * One problem per unknown Account ID per sheet (not one per row: a deleted account leaves 52 Usage rows).
 * `records` may come in several lists (Usage: the rows kept, and the older rows kept only for this check).
 */
function reportUnknownAccounts(
  sheet: string,
  records: readonly (readonly { readonly row: number; readonly accountId: string }[])[],
  known: AccountSlots,
  problems: Problem[],
): void {
  const unknown = new Map<string, { row: number; count: number }>();
  for (const list of records) {
    for (const r of list) {
      const slot = known.find(r.accountId);
      if (slot >= 0 && slot < known.known) continue;
      const seen = unknown.get(r.accountId);
      if (seen) {
        seen.count++;
        if (r.row < seen.row) seen.row = r.row;
      } else unknown.set(r.accountId, { row: r.row, count: 1 });
    }
  }
  for (const [id, { row, count }] of unknown) {
    const rows = count === 1 ? '' : ` (${count} rows, first here)`;
    problems.push({
      sheet,
      row,
      column: 'Account ID',
      message: `Account ID '${id}' is not in Accounts${rows}`,
    });
  }
}

/** The built-in segments as a Segments table, for books (and formulas) without one. */
export function defaultSegmentsTable(): unknown[][] {
  return [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])];
}

/**
 * Parses the data sheets (each including its header row). An absent sheet is empty, except Segments, which
 * falls back to the built-in defaults. Throws only for a missing required column, naming sheet and column.
 */
export interface ParseOptions {
  /**
   * Usage rows dated before this day are validated but not kept, except each account's latest active one: the
   * rules as of T read only the recent weeks plus the last week of use. Books of millions of Usage rows then cost
   * a few records per account instead of one per row. Omit to keep every row.
   */
  readonly usageSince?: Day;
}

/**
 * Keeps recent Usage rows, and per account only the latest older row with any use. `slots` are the known accounts
 * (empty when Accounts was not read: then every ID is taken as it comes); unknown IDs are added to it.
 */
function recentUsage(
  since: Day,
  slots: AccountSlots,
  checkUnknown: boolean,
): {
  build: RowBuilder<UsageRecord>;
  older(): UsageRecord[];
  unknownCheck: UsageRecord[];
} {
  // Older rows are most of a long Usage sheet (51 of 52 weeks are outside the window), and sheets are often sorted
  // by week, so almost every older row is "the latest so far". Each costs one look-up of its account's position
  // (a comparison, mostly: see AccountSlots), and the latest row's numbers are kept in dense arrays by position:
  // no object per row or per account to churn the garbage collector.
  const weeks: number[] = new Array<number>(slots.size).fill(Number.NEGATIVE_INFINITY);
  const rows: number[] = new Array<number>(slots.size).fill(0);
  const users: number[] = new Array<number>(slots.size).fill(0);
  const actions: number[] = new Array<number>(slots.size).fill(0);
  const unknownCheck: UsageRecord[] = [];
  const build: RowBuilder<UsageRecord> = (v, row) => {
    const week = v[USE.week] as number;
    if (week >= since) return usageRecord(v, row);
    const slot = slots.findOrAdd(v[USE.accountId] as string);
    while (weeks.length < slots.size) {
      weeks.push(Number.NEGATIVE_INFINITY);
      rows.push(0);
      users.push(0);
      actions.push(0);
    }
    if (checkUnknown && slot >= slots.known) unknownCheck.push(usageRecord(v, row));
    const activeUsers = num(v[USE.activeUsers]) ?? 0;
    const keyActions = num(v[USE.keyActions]) ?? 0;
    if (activeUsers <= 0 && keyActions <= 0) return null;
    if (week > weeks[slot]) {
      weeks[slot] = week;
      rows[slot] = row;
      users[slot] = activeUsers;
      actions[slot] = keyActions;
    }
    return null;
  };
  const older = (): UsageRecord[] => {
    const kept: UsageRecord[] = [];
    for (let k = 0; k < weeks.length; k++) {
      if (weeks[k] === Number.NEGATIVE_INFINITY) continue;
      kept.push({
        row: rows[k],
        week: weeks[k],
        accountId: slots.idAt(k),
        activeUsers: users[k],
        keyActions: actions[k],
      });
    }
    return kept;
  };
  return { build, older, unknownCheck };
}

export function parseBook(tables: SheetTables, dayOf: DayOf, options: ParseOptions = {}): Book {
  const problems: Problem[] = [];
  const segmentTable =
    tables.segments && !isAllBlank(tables.segments) ? tables.segments : defaultSegmentsTable();
  const leftOutSegments = new Map<string, number>();
  const segments = readSheet(
    'segments',
    segmentTable,
    dayOf,
    problems,
    segmentReader(problems, dayOf, columnIndex('segments', segmentTable[0] ?? []), leftOutSegments),
  );
  const segmentNames = new Set(segments.map((s) => s.name.toLowerCase()));
  const accounts = readSheet(
    'accounts',
    tables.accounts,
    dayOf,
    problems,
    accountReader(segmentNames, leftOutSegments, problems),
  );
  // Cross-sheet references are only judged when Accounts itself was read.
  const checked = Boolean(tables.accounts);
  const known = new AccountSlots(checked ? accounts.map((a) => a.id) : []);
  const recent = options.usageSince === undefined ? null : recentUsage(options.usageSince, known, checked);
  const usage = readSheet('usage', tables.usage, dayOf, problems, recent ? recent.build : usageRecord);
  const recentRows = usage.length;
  // A loop, not push(...rows): a spread of one argument per account could overflow the stack.
  if (recent) for (const r of recent.older()) usage.push(r);
  const results = readSheet('results', tables.results, dayOf, problems, resultRecord);
  const checks = readSheet('checks', tables.checks, dayOf, problems, checkRecord);
  const history = readSheet('history', tables.history, dayOf, problems, historyRecord);
  if (checked) {
    reportUnknownAccounts(
      SHEET.usage,
      recent ? [usage.slice(0, recentRows), recent.unknownCheck] : [usage],
      known,
      problems,
    );
    reportUnknownAccounts(SHEET.results, [results], known, problems);
    reportUnknownAccounts(SHEET.checks, [checks], known, problems);
  }
  return { segments, accounts, usage, results, checks, history, problems };
}

/** A Day from a formula argument or cell: a Date, ISO text, or null when it is neither. */
export function dayOfCell(cell: unknown, dayOf: DayOf): number | null {
  const v = cellReader('date', dayOf)(cell);
  return typeof v === 'number' ? v : null;
}
