// The per-account usage summary: exactly the Usage rows the rules read as of a day, one line per account, so an
// interactive action reads one short row instead of a 520,000-row sheet (docs/rules.md §4 Big books, §10).
import { dayFromIso, isoOfDay } from './dates';
import { usageWindowStart } from './ladder';
import type { Settings } from './settings';
import type { Day, UsageRecord } from './types';

/** One week of use as the rules read it. */
export interface UsageWeek {
  readonly week: Day;
  readonly activeUsers: number;
  readonly keyActions: number;
}

/**
 * Per account: every Usage row dated on or after `from` (future-dated ones too), plus the latest older row with
 * any use — the account's "last week of use" for Activity. That is all `activityOf` and `adoptionOf` read as of
 * any T ≥ the day `from` was computed for (parse.ts keeps the same rows for the same reason). Newest first.
 */
export function summarizeUsage(usage: readonly UsageRecord[], from: Day): Map<string, UsageWeek[]> {
  const recent = new Map<string, UsageWeek[]>();
  const older = new Map<string, UsageWeek>();
  for (const u of usage) {
    const w: UsageWeek = { week: u.week, activeUsers: u.activeUsers, keyActions: u.keyActions };
    if (u.week >= from) {
      const list = recent.get(u.accountId);
      if (list) list.push(w);
      else recent.set(u.accountId, [w]);
    } else if (u.activeUsers > 0 || u.keyActions > 0) {
      const seen = older.get(u.accountId);
      if (!seen || u.week > seen.week) older.set(u.accountId, w);
    }
  }
  const out = new Map<string, UsageWeek[]>();
  for (const [id, list] of recent) out.set(id, list);
  for (const [id, w] of older) {
    const list = out.get(id);
    if (list) list.push(w);
    else out.set(id, [w]);
  }
  for (const list of out.values()) list.sort((a, b) => b.week - a.week);
  return out;
}

/** The first week a summary built as of `asOf` keeps: what the rules read as of that day. */
export function summaryFrom(asOf: Day, settings: Settings): Day {
  return usageWindowStart(asOf, settings);
}

/** A summary built as of `asOf` keeping weeks from `from` answers the rules as of `today` exactly. */
export function summaryCovers(from: Day, asOf: Day, today: Day, settings: Settings): boolean {
  return asOf <= today && from <= usageWindowStart(today, settings);
}

/** `2026-11-23 12 40; 2026-11-16 11 38`: week, active users, key actions; newest first. */
export function encodeWeeks(weeks: readonly UsageWeek[]): string {
  return weeks.map((w) => `${isoOfDay(w.week)} ${w.activeUsers} ${w.keyActions}`).join('; ');
}

const WEEK_ENTRY = /^(\d{4}-\d{2}-\d{2}) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;

/** The weeks of an encoded cell, or null when any entry is malformed (the summary is then not trusted). */
export function decodeWeeks(text: string): UsageWeek[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const weeks: UsageWeek[] = [];
  for (const entry of trimmed.split(';')) {
    const m = WEEK_ENTRY.exec(entry.trim());
    const week = m ? dayFromIso(m[1]) : null;
    if (!m || week === null) return null;
    weeks.push({ week, activeUsers: Number(m[2]), keyActions: Number(m[3]) });
  }
  return weeks;
}

/** Usage records for the rules from a summary's weeks (row numbers are the summary's: no Usage row is cited). */
export function usageRecordsOf(accountId: string, weeks: readonly UsageWeek[], row: number): UsageRecord[] {
  return weeks.map((w) => ({
    row,
    accountId,
    week: w.week,
    activeUsers: w.activeUsers,
    keyActions: w.keyActions,
  }));
}

// ---------- the Usage sheet's fingerprint: does the summary still describe it? ----------

/**
 * What a summary remembers of the Usage sheet it was built from: its last row and width, and a hash of a few blocks of
 * rows — the header and first rows, the last rows, and blocks spread evenly between — or of every row when the sheet
 * is small. A sidebar action re-reads those blocks (a handful of calls, a few hundred cells) to tell whether Usage
 * still is what the summary describes. Limits (README *Limits*, docs/platform.md): an edit to a row outside every
 * block goes unseen until the next full run; rows appended below are not a change (the sidebar merges them).
 */
export interface UsageFingerprint {
  /** The Usage sheet's last row (header included) when the summary was built. */
  readonly rows: number;
  readonly columns: number;
  /** [first row, number of rows, hash] of each block read. */
  readonly blocks: readonly (readonly [number, number, string])[];
  /** When the summary was built (ISO instant). */
  readonly builtAt: string;
}

/** A sheet up to this many rows is hashed whole (one read of at most this × its width cells). */
export const FINGERPRINT_WHOLE_ROWS = 200;
/** Rows per block, and blocks spread between the first and the last. */
export const FINGERPRINT_BLOCK_ROWS = 8;
export const FINGERPRINT_SPREAD_BLOCKS = 2;

/** The blocks [first row, rows] of a sheet whose last row is `lastRow`: 1-based, in order, never overlapping. */
export function fingerprintBlocks(lastRow: number): [number, number][] {
  if (lastRow < 1) return [];
  if (lastRow <= FINGERPRINT_WHOLE_ROWS) return [[1, lastRow]];
  const b = FINGERPRINT_BLOCK_ROWS;
  const starts = [1];
  const span = lastRow - 2 * b;
  for (let i = 1; i <= FINGERPRINT_SPREAD_BLOCKS; i++)
    starts.push(b + 1 + Math.floor((i * span) / (FINGERPRINT_SPREAD_BLOCKS + 1)) - Math.floor(b / 2));
  starts.push(lastRow - b + 1);
  return starts.map((s) => [s, b]);
}

/** A cell as the hash reads it: a date by its instant, a number by its value, anything else as trimmed text. */
function cellKey(cell: unknown): string {
  if (cell instanceof Date) return `d${cell.getTime()}`;
  if (typeof cell === 'number') return `n${cell}`;
  if (typeof cell === 'boolean') return `b${cell}`;
  return `s${String(cell ?? '').trim()}`;
}

/** FNV-1a (32 bit) over the cells of some rows, `columns` wide (missing cells are blank): 8 hex digits. */
export function hashRows(rows: readonly (readonly unknown[] | undefined)[], columns: number): string {
  let h = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const row of rows) {
    for (let c = 0; c < columns; c++) mix(`${cellKey(row?.[c])}\u0001`);
    mix('\u0002');
  }
  return h.toString(16).padStart(8, '0');
}

/** The fingerprint of a Usage sheet read whole (`values[0]` is row 1), as a full run has it in hand. */
export function fingerprintOf(values: readonly (readonly unknown[])[], builtAt: Date): UsageFingerprint {
  const rows = values.length;
  let columns = 0;
  for (const r of values) if (r && r.length > columns) columns = r.length;
  const blocks = fingerprintBlocks(rows).map(
    ([first, n]) => [first, n, hashRows(values.slice(first - 1, first - 1 + n), columns)] as const,
  );
  return { rows, columns, blocks, builtAt: builtAt.toISOString() };
}

/**
 * Whether Usage still is what a fingerprint describes, given its last row now and a reader of rows (1-based first row,
 * count, width → cells). Fewer rows than before, or any block that reads otherwise, is a change; more rows below are
 * appended rows, not a change.
 */
export function usageUnchanged(
  fp: UsageFingerprint,
  lastRowNow: number,
  read: (first: number, rows: number, columns: number) => readonly (readonly unknown[])[],
): boolean {
  if (lastRowNow < fp.rows) return false;
  if (fp.rows === 0 || fp.columns === 0) return lastRowNow === fp.rows;
  for (const [first, n, hash] of fp.blocks) {
    if (hashRows(read(first, n, fp.columns), fp.columns) !== hash) return false;
  }
  return true;
}
