// The `Reminder log` sheet: what each run did per recipient, and (from the sent rows) which items went to whom.
import type { SentKeys } from '../core/reminders';
import type { Day } from '../core/types';
import { SheetFinder } from './sheetFinder';
import { HEADERS, normalizeHeader } from '../sheets/layout';
import { asText } from './writes';

export type LogStatus = 'sent' | 'skipped' | 'deferred' | 'failed' | 'done';

/** One row to append. `kind` 'run' rows summarise a whole run, so every run leaves a row. */
export interface LogEntry {
  readonly time: Date;
  readonly recipient: string;
  readonly kind: 'owner' | 'leader' | 'run';
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

/**
 * The keys sent to each recipient on or after `sinceDay`, with the last day each was sent. Read from the
 * log itself, so the remind-every window survives redeploys and anyone can see why an item was held back.
 */
export function sentKeysFrom(
  values: readonly (readonly unknown[])[],
  dayOf: (d: Date) => Day | null,
  sinceDay: Day,
): SentKeys {
  const sent = new Map<string, Map<string, Day>>();
  if (values.length === 0) return sent;
  const col = columnsOf(hasHeader(values) ? values[0] : undefined);
  for (let r = hasHeader(values) ? 1 : 0; r < values.length; r++) {
    const row = values[r];
    if (cellText(row[col.Status]).trim().toLowerCase() !== 'sent') continue;
    const time = timeOf(row[col.Time]);
    const day = time ? dayOf(time) : null;
    if (day === null || day < sinceDay) continue;
    const recipient = cellText(row[col.Recipient]).trim().toLowerCase();
    let keys = sent.get(recipient);
    if (!keys) {
      keys = new Map();
      sent.set(recipient, keys);
    }
    for (const key of cellText(row[col.Accounts]).split('\n')) {
      const k = key.trim();
      if (!k) continue;
      const prev = keys.get(k);
      if (prev === undefined || day > prev) keys.set(k, day);
    }
  }
  return sent;
}

/** Recipients, item keys and details carry people's text (owners, account IDs, problem messages): kept as written. */
export function rowOf(e: LogEntry): unknown[] {
  return [e.time, asText(e.recipient), e.kind, asText(e.accounts.join('\n')), e.status, asText(e.detail)];
}

/**
 * Appends the run's rows with one setValues, creating the sheet with its header when it is missing.
 * `known` is the log as this run read it (sheet and values), so no extra read is needed to find the end.
 */
export function appendLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  known: { sheet: GoogleAppsScript.Spreadsheet.Sheet; values: readonly unknown[][] } | null,
  entries: readonly LogEntry[],
): void {
  if (entries.length === 0) return;
  const rows = entries.map(rowOf);
  let sheet = known?.sheet ?? null;
  let lastRow: number;
  if (!sheet) {
    // The add-on's own log: by its mark, else created beside any team tab of that name (SPEC §9).
    const own = SheetFinder.of(ss).findOrCreate('reminderLog');
    sheet = own.sheet;
    if (own.created) sheet.setFrozenRows(1);
  }
  if (!known && sheet.getLastRow() === 0) {
    lastRow = 0;
  } else {
    // A fresh read is only needed when the caller did not read the log (a skipped or crashed run).
    lastRow = known ? trimmedLength(known.values) : sheet.getLastRow();
  }
  if (lastRow === 0) rows.unshift([...HEADERS.reminderLog]);
  // Sheets refuses a range past the sheet's last row, and a log grows every run: add rows when needed.
  const maxRows = sheet.getMaxRows();
  const needed = lastRow + rows.length;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, HEADERS.reminderLog.length).setValues(rows);
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
