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
  summarizeUsage,
  summaryCovers,
  summaryFrom,
  usageRecordsOf,
} from '../core/usageSummary';
import { columnIndex, dayOfCell } from '../sheets/parse';
import type { LoadedBook } from './book';
import { readRows, rowsWithId } from './rowsFinder';
import { createOwnSheet, findOwnSheet } from './sheetFinder';
import { dataSheet } from './sheetLookup';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  storeUsageProblems(loaded);
  const sheet = summaryToWrite(ss);
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

/** Document property with the Usage sheet's data problems, for the sidebar that no longer reads Usage. */
export const USAGE_PROBLEMS_PROPERTY = 'resultsLadder.usageProblems';
/** A property value holds at most 9 KB (developers.google.com/apps-script/guides/services/quotas): keep a sample. */
const STORED_PROBLEMS = 30;

function storeUsageProblems(loaded: LoadedBook): void {
  const all = loaded.book.problems.filter((p) => p.sheet === SHEET.usage);
  const stored = JSON.stringify({
    total: all.length,
    problems: all.slice(0, STORED_PROBLEMS).map((p) => ({ ...p, message: p.message.slice(0, 200) })),
  });
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(USAGE_PROBLEMS_PROPERTY) !== stored)
    props.setProperty(USAGE_PROBLEMS_PROPERTY, stored);
}

const StoredProblem = z.looseObject({ row: z.number(), message: z.string() });
/** What storeUsageProblems writes: how many problems there were, and a sample of them. */
const StoredUsageProblems = z.object({
  total: z.optional(z.number()),
  problems: z.array(z.unknown()),
});

/** The Usage problems the last full run found (a sample, and how many there were). */
export function storedUsageProblems(): { total: number; problems: Problem[] } {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(USAGE_PROBLEMS_PROPERTY);
    const stored = storedJson(raw, StoredUsageProblems);
    if (!stored) return { total: 0, problems: [] };
    // One damaged entry costs only itself; the entries kept are the Problems storeUsageProblems wrote.
    const problems = stored.problems.filter((p) => StoredProblem.safeParse(p).success) as Problem[];
    return { total: stored.total ?? problems.length, problems };
  } catch {
    return { total: 0, problems: [] };
  }
}

/** Where one account's usage came from, in words for the sidebar. */
export interface AccountUsage {
  /** Usage rows read from the Usage sheet itself (newer than the summary, or all of them without one). */
  readonly table: unknown[][] | null;
  /** Records from the summary row. */
  readonly records: readonly UsageRecord[];
  readonly freshness: string;
}

/**
 * One account's usage as the rules need it today: its summary row (found by TextFinder, one short read) plus any
 * Usage rows appended since the summary was built. Without a summary that covers today — none yet, a damaged row, or
 * wider windows in Settings since — it falls back to the account's own rows in Usage, found the same way: correct,
 * but it searches the whole ID column, so the sidebar says to refresh.
 */
export function accountUsage(
  ss: Spreadsheet,
  accountId: string,
  today: Day,
  settings: Settings,
  dayOf: (d: Date) => Day | null,
): AccountUsage {
  const usageSheet = dataSheet(ss, 'usage');
  const usageHeader = usageSheet
    ? usageSheet.getRange(1, 1, 1, Math.max(1, usageSheet.getLastColumn())).getValues()[0]
    : [];
  const idColumn = (columnIndex('usage', usageHeader)['Account ID'] ?? -1) + 1;
  const usageRowsOf = (fromRow: number): unknown[][] | null => {
    if (!usageSheet || idColumn < 1) return null;
    const rows = rowsWithId(usageSheet, idColumn, accountId, fromRow);
    return readRows(usageSheet, rows, usageHeader.length, [usageHeader]);
  };
  const summary = summaryToRead(ss);
  const found = summary ? rowsWithId(summary, 1, accountId) : [];
  if (summary && found.length > 0) {
    const cells = summary.getRange(found[0], 1, 1, WIDTH).getValues()[0];
    const weeks = decodeWeeks(String(cells[1] ?? ''));
    const from = dayOfCell(cells[2], dayOf);
    const asOf = dayOfCell(cells[3], dayOf);
    const covered = Number(cells[4]);
    if (weeks && from !== null && asOf !== null && summaryCovers(from, asOf, today, settings)) {
      const tail = usageSheet && Number.isInteger(covered) && covered > 0 ? usageRowsOf(covered + 1) : null;
      const newer = tail ? tail.filter(Boolean).length - 1 : 0;
      return {
        table: tail,
        records: usageRecordsOf(accountId, weeks, found[0]),
        freshness: `Usage as of ${isoOfDay(asOf)} (Usage summary)${newer > 0 ? ` and ${newer} newer Usage row${newer === 1 ? '' : 's'}` : ''}.`,
      };
    }
  }
  return {
    table: usageRowsOf(2),
    records: [],
    freshness: summary
      ? 'Usage read from the Usage sheet: the Usage summary does not cover today. Refresh dashboard rebuilds it.'
      : 'Usage read from the Usage sheet: no Usage summary yet. Refresh dashboard builds it and makes this faster.',
  };
}

/** Every account's usage from the summary (two columns read), or null when it does not cover today. */
export function bookUsage(
  ss: Spreadsheet,
  today: Day,
  settings: Settings,
  dayOf: (d: Date) => Day | null,
): { records: UsageRecord[]; tail: unknown[][] | null; freshness: string } | null {
  const summary = summaryToRead(ss);
  if (!summary || summary.getLastRow() < 2) return null;
  const last = summary.getLastRow();
  const meta = summary.getRange(2, 3, 1, 3).getValues()[0];
  const from = dayOfCell(meta[0], dayOf);
  const asOf = dayOfCell(meta[1], dayOf);
  const covered = Number(meta[2]);
  if (from === null || asOf === null || !summaryCovers(from, asOf, today, settings)) return null;
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
  const usageSheet = dataSheet(ss, 'usage');
  if (usageSheet && Number.isInteger(covered) && covered > 0 && usageSheet.getLastRow() > covered) {
    const width = Math.max(1, usageSheet.getLastColumn());
    tail = [usageSheet.getRange(1, 1, 1, width).getValues()[0]];
    const block = usageSheet.getRange(covered + 1, 1, usageSheet.getLastRow() - covered, width).getValues();
    for (let k = 0; k < block.length; k++) tail[covered + k] = block[k];
  }
  return { records, tail, freshness: `Usage as of ${isoOfDay(asOf)} (Usage summary).` };
}
