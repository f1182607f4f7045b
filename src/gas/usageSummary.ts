// The `Usage summary` output sheet: written by the runs that read the whole book (refresh, reminder run, setup),
// read one row at a time by the sidebar. Hidden: it is the add-on's cache, rebuilt on every full run, and a tab the
// team could edit but whose edits would be overwritten would invite exactly that; the sidebar says how fresh it is.
import * as z from 'zod/mini';
import { dateOfDay, isoOfDay } from '../core/dates';
import type { Settings } from '../core/settings';
import { storedJson } from '../core/storedJson';
import type { Day, Problem, UsageRecord } from '../core/types';
import { SHEET } from '../sheets/layout';
import {
  decodeWeeks,
  encodeWeeks,
  FINGERPRINT_BLOCK_ROWS,
  FINGERPRINT_WHOLE_ROWS,
  fingerprintOf,
  summarizeUsage,
  summaryCovers,
  summaryFrom,
  type UsageFingerprint,
  usageRecordsOf,
  usageUnchanged,
} from '../core/usageSummary';
import { columnIndex, dayOfCell } from '../sheets/parse';
import type { LoadedBook } from './book';
import { readRows, rowsWithId } from './rowsFinder';
import { createOwnSheet, findOwnSheet } from './sheetFinder';
import { dataSheet } from './sheetLookup';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const USAGE_SUMMARY_SHEET = 'Usage summary';
/** Account ID · the weeks the rules read · the first week kept · the day it was built · Usage rows it covers. */
export const USAGE_SUMMARY_HEADERS = ['Account ID', 'Usage weeks', 'From', 'As of', 'Usage rows'] as const;
const WIDTH = USAGE_SUMMARY_HEADERS.length;
/** The same columns as bigquery/usage_summary.sql names them: the header of a Connected Sheets extract of it. */
export const BIGQUERY_SUMMARY_COLUMNS = [
  'account_id',
  'usage_weeks',
  'window_from',
  'as_of',
  'usage_rows',
] as const;

/**
 * The add-on marks the summary it creates (sheet developer metadata, value = its sheet id, so a copied tab's mark is
 * ignored), as it marks its other sheets (docs/rules.md §9): a team tab that happens to be called `Usage summary` is never
 * written. Developer metadata: developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
 */
const SUMMARY_MARK_KEY = 'resultsLadder.usageSummary';
/** Where the add-on's own summary goes when the team already has a tab named `Usage summary`. */
const OWN_SUMMARY_NAME = 'Results usage summary';

/**
 * The summary to read: the add-on's own (by its mark), else — the BigQuery set-up — a tab named `Usage summary`
 * whose header row is the summary's columns, as the add-on writes them or as the SQL names them (the team's
 * Connected Sheets extract of bigquery/usage_summary.sql).
 */
function summaryToRead(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  const own = findOwnSheet(ss, SUMMARY_MARK_KEY);
  if (own) return own;
  const named = ss.getSheetByName(USAGE_SUMMARY_SHEET);
  if (!named || named.getLastColumn() < WIDTH) return null;
  const header = named.getRange(1, 1, 1, WIDTH).getValues()[0];
  const holds = (names: readonly string[]) => names.every((h, i) => String(header[i] ?? '').trim() === h);
  return holds(USAGE_SUMMARY_HEADERS) || holds(BIGQUERY_SUMMARY_COLUMNS) ? named : null;
}

/** The add-on's own summary, created (hidden, marked) when missing; beside any team tab of that name. */
function summaryToWrite(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const own = findOwnSheet(ss, SUMMARY_MARK_KEY);
  if (own) return own;
  const sheet = createOwnSheet(ss, SUMMARY_MARK_KEY, USAGE_SUMMARY_SHEET, OWN_SUMMARY_NAME);
  sheet.hideSheet();
  return sheet;
}

/**
 * Rebuilds the summary from a book read whole (one setValues). Books with no Usage sheet keep whatever summary
 * they have: it then comes from BigQuery (README, "Past one spreadsheet"), and only the team's extract updates it.
 */
export function writeUsageSummary(ss: Spreadsheet, loaded: LoadedBook, settings: Settings): number {
  const usage = loaded.tables.usage;
  if (!usage) return 0;
  const from = summaryFrom(loaded.today, settings);
  const weeks = summarizeUsage(loaded.book.usage, from);
  const seen = new Set<string>();
  const values: unknown[][] = [[...USAGE_SUMMARY_HEADERS]];
  const fromCell = dateOfDay(from, loaded.timeZone);
  const asOfCell = dateOfDay(loaded.today, loaded.timeZone);
  for (const a of loaded.book.accounts) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    values.push([a.id, encodeWeeks(weeks.get(a.id) ?? []), fromCell, asOfCell, usage.values.length]);
  }
  const sheet = summaryToWrite(ss);
  // Before the unchanged-cells shortcut: Usage pasted over with the same weeks still gets its new fingerprint.
  storeSummaryState(sheet, {
    fingerprint: fingerprintOf(usage.values, new Date()),
    problems: usageProblemsOf(loaded),
  });
  const previous = sheet.getLastRow();
  // Unchanged since the last run (a second refresh the same day, setup run twice): write nothing.
  if (previous === values.length && sameCells(sheet.getRange(1, 1, previous, WIDTH).getValues(), values))
    return 0;
  ensureSize(sheet, values.length, WIDTH);
  // Text, so Sheets never reads an ID such as 00123 as a number or a week list as a date.
  if (previous < values.length) sheet.getRange(1, 1, values.length, 2).setNumberFormat('@');
  // And through the one text guard, which also covers cells formatted before the sheet grew.
  sheet.getRange(1, 1, values.length, WIDTH).setValues(values.map((r) => r.map(asText)));
  if (previous > values.length)
    sheet.getRange(values.length + 1, 1, previous - values.length, WIDTH).clearContent();
  return values.length - 1;
}

function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  const key = (x: unknown) => (x instanceof Date ? x.getTime() : typeof x === 'number' ? x : String(x ?? ''));
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < WIDTH; j++) if (key(a[i][j]) !== key(b[i][j])) return false;
  }
  return true;
}

/**
 * Where the summary keeps what it knows beyond its rows — the fingerprint of the Usage sheet it was built from and the
 * Usage data problems of that run — as developer metadata on the summary sheet itself: it exists wherever the summary
 * does, also in a timed run that has no document properties (docs/platform.md), and goes when the sheet is deleted.
 * A few kilobytes at most (30 problems of ≤ 200 characters).
 */
const SUMMARY_STATE_KEY = 'resultsLadder.usageSummaryState';
/** Where an earlier version kept the Usage problems: still read when the summary has no state yet. */
export const USAGE_PROBLEMS_PROPERTY = 'resultsLadder.usageProblems';
/** A sample of the problems is kept (the digest lists them all). */
const STORED_PROBLEMS = 30;

interface StoredProblems {
  readonly total: number;
  readonly problems: readonly Problem[];
}

function usageProblemsOf(loaded: LoadedBook): StoredProblems {
  const all = loaded.book.problems.filter((p) => p.sheet === SHEET.usage);
  return {
    total: all.length,
    problems: all.slice(0, STORED_PROBLEMS).map((p) => ({ ...p, message: p.message.slice(0, 200) })),
  };
}

const StoredProblem = z.looseObject({ row: z.number(), message: z.string() });
/** How many problems there were, and a sample of them. */
const StoredUsageProblems = z.object({
  total: z.optional(z.number()),
  problems: z.array(z.unknown()),
});
const Fingerprint = z.object({
  rows: z.number(),
  columns: z.number(),
  blocks: z.array(z.tuple([z.number(), z.number(), z.string()])),
  builtAt: z.string(),
});
const SummaryState = z.object({
  fingerprint: z.optional(Fingerprint),
  problems: z.optional(StoredUsageProblems),
});
type SummaryStateValue = z.infer<typeof SummaryState>;

function stateMark(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return sheet.getDeveloperMetadata().find((m) => m.getKey() === SUMMARY_STATE_KEY) ?? null;
}

function storeSummaryState(
  sheet: Sheet,
  state: { readonly fingerprint: UsageFingerprint; readonly problems: StoredProblems },
): void {
  const mark = stateMark(sheet);
  const before = storedJson(mark?.getValue() ?? null, SummaryState);
  // The same Usage as the last build keeps that build's time: a second run the same day writes nothing.
  const same = (a: UsageFingerprint | undefined, b: UsageFingerprint) =>
    a !== undefined && JSON.stringify({ ...a, builtAt: '' }) === JSON.stringify({ ...b, builtAt: '' });
  const fingerprint = same(before?.fingerprint, state.fingerprint)
    ? { ...state.fingerprint, builtAt: before?.fingerprint?.builtAt ?? state.fingerprint.builtAt }
    : state.fingerprint;
  const text = JSON.stringify({ fingerprint, problems: state.problems });
  if (!mark) sheet.addDeveloperMetadata(SUMMARY_STATE_KEY, text);
  else if (mark.getValue() !== text) mark.setValue(text);
}

function readSummaryState(sheet: Sheet): SummaryStateValue | null {
  return storedJson(stateMark(sheet)?.getValue() ?? null, SummaryState);
}

/** A document property, or null where the run has none (a timed run of an add-on may get no document properties). */
function documentProperty(key: string): string | null {
  try {
    return PropertiesService.getDocumentProperties()?.getProperty(key) ?? null;
  } catch {
    return null;
  }
}

/** The Usage problems the last full run found (a sample, and how many there were). */
export function storedUsageProblems(ss: Spreadsheet): { total: number; problems: Problem[] } {
  try {
    const summary = findOwnSheet(ss, SUMMARY_MARK_KEY);
    const fromSheet = summary ? readSummaryState(summary)?.problems : undefined;
    const stored = fromSheet ?? storedJson(documentProperty(USAGE_PROBLEMS_PROPERTY), StoredUsageProblems);
    if (!stored) return { total: 0, problems: [] };
    // One damaged entry costs only itself; the entries kept are the Problems the full run stored.
    const problems = stored.problems.filter((p) => StoredProblem.safeParse(p).success) as Problem[];
    return { total: stored.total ?? problems.length, problems };
  } catch {
    return { total: 0, problems: [] };
  }
}

/** `2026-11-24 15:00 UTC` from an ISO instant. */
function utcStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Whether the Usage sheet still is what the summary was built from (docs/cost-model.md: one getLastRow, one read of
 * the summary's metadata and at most six short reads). Null when it still is, or when there is nothing to compare (a
 * BigQuery summary has no Usage rows behind it); else since when it is not, in words.
 */
function usageChangedSince(
  summary: Sheet,
  usageSheet: Sheet | null,
  head: readonly (readonly unknown[])[] = [],
): string | null {
  if (!usageSheet) return null;
  // One read of the summary sheet's metadata answers both: is it the add-on's own (a BigQuery extract has no Usage
  // rows behind it, so nothing to compare), and what did it remember of Usage.
  const marks = summary.getDeveloperMetadata();
  const own = marks.find((m) => m.getKey() === SUMMARY_MARK_KEY);
  if (!own || String(own.getValue()) !== String(summary.getSheetId())) return null;
  const state = marks.find((m) => m.getKey() === SUMMARY_STATE_KEY);
  const fp: UsageFingerprint | undefined = storedJson(state?.getValue() ?? null, SummaryState)?.fingerprint;
  if (!fp) return 'the Usage summary was built (it has no fingerprint of Usage to compare)';
  // The first rows the caller already read (with the header) answer the first block without another call.
  const unchanged = usageUnchanged(fp, usageSheet.getLastRow(), (first, rows, columns) =>
    first === 1 && rows <= head.length
      ? head.slice(0, rows)
      : usageSheet.getRange(first, 1, rows, columns).getValues(),
  );
  return unchanged ? null : utcStamp(fp.builtAt);
}

/** Usage's first rows, header first: as many as the fingerprint's first block, so the check reuses this read. */
function usageHead(usageSheet: Sheet | null): unknown[][] {
  if (!usageSheet) return [];
  const last = usageSheet.getLastRow();
  const rows = Math.max(1, last <= FINGERPRINT_WHOLE_ROWS ? last : Math.min(last, FINGERPRINT_BLOCK_ROWS));
  return usageSheet.getRange(1, 1, rows, Math.max(1, usageSheet.getLastColumn())).getValues();
}

/**
 * The Account view reads one account's rows from Usage itself (a TextFinder over Usage's ID column) only while that
 * search stays within half of docs/rules.md §10's 50,000 cells per action; past it, it says usage changed instead.
 */
export const USAGE_SEARCH_MAX_ROWS = 25_000;

/** What the sidebar says when Usage changed under a summary it cannot replace within its cell budget. */
export function staleUsageText(since: string, asOf: string): string {
  return `Usage changed since ${since}: the Usage summary no longer matches the Usage sheet, so the rungs here use usage as of ${asOf}. Refresh dashboard (Extensions › Results Ladder) to bring them up to date.`;
}

/** Where one account's usage came from, in words for the sidebar. */
export interface AccountUsage {
  /** Usage rows read from the Usage sheet itself (newer than the summary, or all of them without one). */
  readonly table: unknown[][] | null;
  /** Records from the summary row. */
  readonly records: readonly UsageRecord[];
  readonly freshness: string;
  /** True when the usage shown is the summary's although Usage changed since (the freshness says so). */
  readonly stale: boolean;
}

/**
 * One account's usage as the rules need it today: its summary row (found by TextFinder, one short read) plus any
 * Usage rows appended since the summary was built — while Usage still is what the summary was built from (its
 * fingerprint). Without a summary that covers today — none yet, a damaged row, or wider windows in Settings since — or
 * when Usage changed under it (pasted over, rows deleted), it reads the account's own rows in Usage, found the same
 * way: correct, but it searches the whole ID column, so the sidebar says to refresh. On a Usage sheet too long to
 * search within the per-action budget, a changed Usage is said plainly instead (never labelled current).
 */
export function accountUsage(
  ss: Spreadsheet,
  accountId: string,
  today: Day,
  settings: Settings,
  dayOf: (d: Date) => Day | null,
): AccountUsage {
  const usageSheet = dataSheet(ss, 'usage');
  const head = usageHead(usageSheet);
  const usageHeader = head[0] ?? [];
  const idColumn = (columnIndex('usage', usageHeader)['Account ID'] ?? -1) + 1;
  const usageRowsOf = (fromRow: number): unknown[][] | null => {
    if (!usageSheet || idColumn < 1) return null;
    const rows = rowsWithId(usageSheet, idColumn, accountId, fromRow);
    return readRows(usageSheet, rows, usageHeader.length, [usageHeader]);
  };
  const summary = summaryToRead(ss);
  const found = summary ? rowsWithId(summary, 1, accountId) : [];
  let changedSince: string | null = null;
  if (summary && found.length > 0) {
    const cells = summary.getRange(found[0], 1, 1, WIDTH).getValues()[0];
    const weeks = decodeWeeks(String(cells[1] ?? ''));
    const from = dayOfCell(cells[2], dayOf);
    const asOf = dayOfCell(cells[3], dayOf);
    const covered = Number(cells[4]);
    if (weeks && from !== null && asOf !== null && summaryCovers(from, asOf, today, settings)) {
      changedSince = usageChangedSince(summary, usageSheet, head);
      const searchable = !usageSheet || usageSheet.getLastRow() <= USAGE_SEARCH_MAX_ROWS;
      if (changedSince === null || !searchable) {
        const tail = usageSheet && Number.isInteger(covered) && covered > 0 ? usageRowsOf(covered + 1) : null;
        const newer = tail ? tail.filter(Boolean).length - 1 : 0;
        const records = usageRecordsOf(accountId, weeks, found[0]);
        if (changedSince !== null) {
          return {
            table: tail,
            records,
            freshness: staleUsageText(changedSince, isoOfDay(asOf)),
            stale: true,
          };
        }
        return {
          table: tail,
          records,
          freshness: `Usage as of ${isoOfDay(asOf)} (Usage summary)${newer > 0 ? ` and ${newer} newer Usage row${newer === 1 ? '' : 's'}` : ''}.`,
          stale: false,
        };
      }
    }
  }
  return {
    table: usageRowsOf(2),
    records: [],
    stale: false,
    freshness:
      changedSince !== null
        ? `Usage read from the Usage sheet: it changed since ${changedSince}, when the Usage summary was built. Refresh dashboard rebuilds the summary.`
        : summary
          ? 'Usage read from the Usage sheet: the Usage summary does not cover today. Refresh dashboard rebuilds it.'
          : 'Usage read from the Usage sheet: no Usage summary yet. Refresh dashboard builds it and makes this faster.',
  };
}

/** Every account's usage from the summary, or why the summary cannot answer for today. */
export type BookUsage = {
  readonly records: UsageRecord[];
  readonly tail: unknown[][] | null;
  readonly freshness: string;
  /** Set when Usage changed since the summary was built: since when, in words, and the summary's day. */
  readonly changed: { readonly since: string; readonly asOf: string } | null;
} | null;

/** Every account's usage from the summary (two columns read), or null when it does not cover today. */
export function bookUsage(
  ss: Spreadsheet,
  today: Day,
  settings: Settings,
  dayOf: (d: Date) => Day | null,
): BookUsage {
  const summary = summaryToRead(ss);
  if (!summary || summary.getLastRow() < 2) return null;
  const last = summary.getLastRow();
  const meta = summary.getRange(2, 3, 1, 3).getValues()[0];
  const from = dayOfCell(meta[0], dayOf);
  const asOf = dayOfCell(meta[1], dayOf);
  const covered = Number(meta[2]);
  if (from === null || asOf === null || !summaryCovers(from, asOf, today, settings)) return null;
  const usageSheet = dataSheet(ss, 'usage');
  const since = usageChangedSince(summary, usageSheet);
  const rows = summary.getRange(2, 1, last - 1, 2).getValues();
  const records: UsageRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const id = String(rows[i][0] ?? '').trim();
    const weeks = decodeWeeks(String(rows[i][1] ?? ''));
    if (id === '') continue;
    if (weeks === null) return null;
    for (const r of usageRecordsOf(id, weeks, i + 2)) records.push(r);
  }
  let tail: unknown[][] | null = null;
  if (usageSheet && Number.isInteger(covered) && covered > 0 && usageSheet.getLastRow() > covered) {
    const width = Math.max(1, usageSheet.getLastColumn());
    tail = [usageSheet.getRange(1, 1, 1, width).getValues()[0]];
    const block = usageSheet.getRange(covered + 1, 1, usageSheet.getLastRow() - covered, width).getValues();
    for (let k = 0; k < block.length; k++) tail[covered + k] = block[k];
  }
  const asOfIso = isoOfDay(asOf);
  return {
    records,
    tail,
    freshness: since === null ? `Usage as of ${asOfIso} (Usage summary).` : staleUsageText(since, asOfIso),
    changed: since === null ? null : { since, asOf: asOfIso },
  };
}
