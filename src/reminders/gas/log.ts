// The `Reminder log` sheet: what each run did per recipient, for people to read (de-duplication reads the Reminder ledger).
import { HEADERS, normalizeHeader } from '../../sheets/layout';
import { SheetFinder } from '../../gas/sheetFinder';
import { asText } from '../../gas/writes';

export type LogStatus = 'sent' | 'skipped' | 'deferred' | 'failed' | 'done';

/** One row to append. `kind` 'run' rows summarise a whole run, so every run leaves a row. */
export interface LogEntry {
  readonly time: Date;
  readonly recipient: string;
  readonly kind: 'owner' | 'leader' | 'run' | 'settings';
  /** Item keys, one per line: for sent rows this is what the remind-every window reads back. */
  readonly accounts: readonly string[];
  readonly status: LogStatus;
  readonly detail: string;
}

type LogColumn = (typeof HEADERS.reminderLog)[number];

/** Column positions by header text; a log without its header (or with columns moved) still reads. */
function columnsOf(header: readonly unknown[] | undefined): Record<LogColumn, number> {
  const found = new Map<string, number>();
  (header ?? []).forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!found.has(key)) found.set(key, i);
  });
  const all = HEADERS.reminderLog.every((h) => found.has(normalizeHeader(h)));
  const out = {} as Record<LogColumn, number>;
  HEADERS.reminderLog.forEach((h, i) => {
    out[h] = all ? (found.get(normalizeHeader(h)) as number) : i;
  });
  return out;
}

function hasHeader(values: readonly (readonly unknown[])[]): boolean {
  return values.length > 0 && normalizeHeader(values[0][0]) === normalizeHeader(HEADERS.reminderLog[0]);
}

/** A cell as text. Sheets keeps no apostrophe written to protect text, so a leading one is the text's own. */
function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function timeOf(v: unknown): Date | null {
  if (
    v instanceof Date ||
    (v !== null && typeof v === 'object' && typeof (v as Date).getTime === 'function')
  ) {
    const d = v as Date;
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (typeof v === 'string' && v.trim()) {
    const d = new Date(v.trim());
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Recipients, item keys and details carry people's text (owners, account IDs, problem messages): kept as written. */
export function rowOf(e: LogEntry): unknown[] {
  return [e.time, asText(e.recipient), e.kind, asText(e.accounts.join('\n')), e.status, asText(e.detail)];
}

/** The add-on's own log: by its mark (or a pre-mark log by its header), never a team tab of that name (docs/rules.md §9). */
export function findLogSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return SheetFinder.of(ss).find('reminderLog');
}

/**
 * Appends rows with one setValues, each value under its own header wherever the team moved that column, and
 * with the team's own columns left blank. A log without one of our columns (a 5-column log, a renamed header)
 * gets it added at the end; a sheet too narrow is widened first ("coordinates outside the dimensions" broke
 * every run before). Creates the sheet with its header when it is missing. Nothing here is read back to decide
 * what was sent: the Reminder ledger does that.
 */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  let sheet = findLogSheet(ss);
  let lastRow = 0;
  let header: unknown[] = [];
  if (!sheet) {
    // Created beside any team tab of that name, and marked as the add-on's.
    sheet = SheetFinder.of(ss).findOrCreate('reminderLog').sheet;
    sheet.setFrozenRows(1);
  } else {
    lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow > 0 && lastColumn > 0) header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  }
  const found = header.map(normalizeHeader);
  const anyOurs = HEADERS.reminderLog.some((h) => found.includes(normalizeHeader(h)));
  // A log with none of our headers but rows in it was written without a header: keep the default order.
  const legacy = lastRow > 0 && !anyOurs;
  const positions: number[] = [];
  const added: [number, string][] = [];
  let width = legacy ? Math.max(header.length, HEADERS.reminderLog.length) : header.length;
  for (const [i, h] of HEADERS.reminderLog.entries()) {
    const at = legacy ? i : found.indexOf(normalizeHeader(h));
    if (at >= 0) positions.push(at);
    else {
      positions.push(width);
      added.push([width, h]);
      width++;
    }
  }
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const rows = entries.map((e) => {
    const cells: unknown[] = new Array<unknown>(width).fill('');
    rowOf(e).forEach((v, i) => {
      cells[positions[i]] = v;
    });
    return cells;
  });
  if (lastRow === 0) {
    const head: unknown[] = new Array<unknown>(width).fill('');
    for (const [at, h] of added) head[at] = h;
    rows.unshift(head);
  } else if (added.length > 0) {
    for (const [at, h] of added) sheet.getRange(1, at + 1).setValue(h);
  }
  // Sheets refuses a range past the sheet's last row, and a log grows every run: add rows when needed.
  const maxRows = sheet.getMaxRows();
  const needed = lastRow + rows.length;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rows);
}

/** Rows up to the last non-blank one: getDataRange may carry trailing blank rows. */
function trimmedLength(values: readonly (readonly unknown[])[]): number {
  for (let r = values.length - 1; r >= 0; r--) {
    if (values[r].some((v) => v !== '' && v !== null && v !== undefined)) return r + 1;
  }
  return 0;
}

export interface LogView {
  readonly time: Date | null;
  readonly recipient: string;
  readonly kind: string;
  readonly accounts: string;
  readonly status: string;
  readonly detail: string;
}

/** The last `limit` rows, newest first. */
export function latestRows(values: readonly (readonly unknown[])[], limit: number): LogView[] {
  if (values.length === 0) return [];
  const col = columnsOf(hasHeader(values) ? values[0] : undefined);
  const out: LogView[] = [];
  const first = hasHeader(values) ? 1 : 0;
  for (let r = trimmedLength(values) - 1; r >= first && out.length < limit; r--) {
    const row = values[r];
    out.push({
      time: timeOf(row[col.Time]),
      recipient: cellText(row[col.Recipient]),
      kind: cellText(row[col.Kind]),
      accounts: cellText(row[col.Accounts]),
      status: cellText(row[col.Status]),
      detail: cellText(row[col.Detail]),
    });
  }
  return out;
}

/** The newest run summary row, or null when reminders never ran. */
export function lastRun(values: readonly (readonly unknown[])[]): LogView | null {
  const col = columnsOf(hasHeader(values) ? values[0] : undefined);
  for (let r = trimmedLength(values) - 1; r >= (hasHeader(values) ? 1 : 0); r--) {
    if (cellText(values[r][col.Kind]) === 'run') return latestRows(values.slice(0, r + 1), 1)[0];
  }
  return null;
}
