// The Account view's server side: assesses the book and answers one account's ladder, health, chain, results,
// checks and problems; follows the user's selection.
import { errorText } from './errorText';
import * as z from 'zod/mini';
import { isoOfDay } from '../core/dates';
import { assessBook, healthLabel, rungLabel } from '../core/evaluate';
import { progressOf } from '../core/ladder';
import { pendingReason, progressPercent } from '../core/qbr';
import type { Settings } from '../core/settings';
import {
  type Assessment,
  CHECK_KINDS,
  type Movement,
  type Problem,
  RUNG_NAMES,
  type RungName,
  type Segment,
  VALIDATOR_ROLES,
} from '../core/types';
import { loadAccountBook, loadRuleColumns } from '../gas/accountBook';
import type { LoadedBook } from '../gas/book';
import { writeLadderRow } from '../gas/ladderSheet';
import { headerRow, rowsWithId } from '../gas/rowsFinder';
import { isMarkedAs, SheetFinder } from '../gas/sheetFinder';
import { requireSheets } from '../gas/sheetLookup';
import { productVersion } from '../gas/writes';
import { columnIndex } from '../sheets/parse';
import { currentUserEmail, loadSettings } from '../gas/settingsStore';
import { normalizeHeader, SHEET } from '../sheets/layout';
import {
  type AccountView,
  type AccountViewResponse,
  type EmptyAccountView,
  type MovementView,
  type ProblemView,
  RECENT_LIMIT,
  type SegmentView,
  type SelectionView,
  type SimpleResponse,
} from './sidebarTypes';

// ---------- reading ----------

export function emptyView(message: string): EmptyAccountView {
  return { empty: true, message };
}

export interface AssessedBook {
  readonly loaded: LoadedBook;
  readonly settings: Settings;
  readonly assessments: readonly Assessment[];
  readonly problems: readonly Problem[];
  /** How fresh the usage behind the rungs is (the Usage summary's day, or read from Usage itself). */
  readonly usageFreshness: string;
  /** Whether Ladder history was read (movement known); My book skips a long history to keep its cell budget. */
  readonly movementKnown: boolean;
  /** Usage changed since the Usage summary, which is still what the rungs use (usageFreshness says so). */
  readonly usageStale: boolean;
}

/**
 * The book as the sidebar needs it (docs/rules.md §10): for one Accounts row, only that account's rows; without a row (My
 * book), the rule columns of every sheet. Usage comes from the Usage summary either way.
 */
export function assessedBook(row?: number): AssessedBook {
  const settings = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { loaded, usageFreshness, movementKnown, usageStale } =
    row === undefined ? loadRuleColumns(settings, ss) : loadAccountBook(row, settings, ss);
  const { assessments, problems } = assessBook(loaded.book, settings, loaded.today);
  return { loaded, settings, assessments, problems, usageFreshness, movementKnown, usageStale };
}

function segmentView(segment: Segment | null): SegmentView | null {
  if (!segment) return null;
  const rule = segment.validatorRule;
  return {
    name: segment.name,
    resultLooksLike: segment.resultLooksLike,
    validatorRoles: rule.roles.join(rule.mode === 'all' ? ' + ' : ', '),
    acceptedRoles: [...rule.roles],
    allRolesNeeded: rule.mode === 'all',
    weeklyUsersForAdoption: segment.weeklyUsersForAdoption,
    resultWindowDays: segment.resultWindowDays,
    checkEveryDays: segment.checkEveryDays,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "on Adoption for 74 days, since 2026-08-09", with the trend when it says something. */
export function movementText(rungName: RungName, movement: Movement): string {
  let text =
    movement.since === null
      ? `on ${rungName}; no Ladder history yet`
      : `on ${rungName} for ${plural(movement.daysOnRung ?? 0, 'day')}, since ${isoOfDay(movement.since)}`;
  if (movement.stalled) text += ' — stalled';
  else if (movement.trend === 'climbing') text += ` — climbing (+${movement.change})`;
  else if (movement.trend === 'slipping') text += ` — slipping (${movement.change})`;
  return text;
}

function movementView(a: Assessment): MovementView {
  const m = a.movement;
  return {
    since: m.since === null ? null : isoOfDay(m.since),
    daysOnRung: m.daysOnRung,
    stalled: m.stalled,
    trend: m.trend,
    change: m.change,
    text: movementText(a.rungName, m),
  };
}

export function problemView(p: Problem): ProblemView {
  return { sheet: p.sheet, row: p.row, column: p.column, message: p.message };
}

/**
 * Problems on the accounts' own Accounts rows and on Usage/Results/Checks rows naming their IDs. Looks up only
 * the rows that have a problem, so the cost follows the number of problems, not the size of Usage.
 */
export function problemsOfAccounts(
  problems: readonly Problem[],
  loaded: LoadedBook,
  accounts: readonly { readonly row: number; readonly id: string }[],
): ProblemView[] {
  const rows = new Set(accounts.map((a) => a.row));
  const ids = new Set(accounts.map((a) => a.id));
  const bySheet = new Map<string, { values: unknown[][]; idAt: number }>();
  for (const key of ['usage', 'results', 'checks'] as const) {
    const table = loaded.tables[key];
    if (table) bySheet.set(SHEET[key], { values: table.values, idAt: table.columns['Account ID'] ?? -1 });
  }
  return problems
    .filter((p) => {
      if (p.sheet === SHEET.accounts) return rows.has(p.row);
      const table = bySheet.get(p.sheet);
      if (!table || table.idAt < 0) return false;
      const cell = table.values[p.row - 1]?.[table.idAt];
      return ids.has(String(cell ?? '').trim());
    })
    .map(problemView);
}

function accountViewOf(book: AssessedBook, a: Assessment, user: string): AccountView {
  const { loaded } = book;
  const accounts = loaded.tables.accounts!;
  const acc = a.account;
  const { row: _row, ...accountFields } = acc;
  const iso = (d: number | null) => (d === null ? null : isoOfDay(d));
  const results = loaded.book.results
    .filter((r) => r.accountId === acc.id)
    .sort((x, y) => y.date - x.date || y.row - x.row)
    .slice(0, RECENT_LIMIT)
    .map((r) => {
      const progress = progressOf(r.value, acc.baseline, acc.target);
      return {
        row: r.row,
        date: isoOfDay(r.date),
        value: r.value,
        attributed: r.attributed,
        validatedBy: r.validatedBy,
        validatorRole: r.validatorRole,
        customerWords: r.customerWords,
        evidence: r.evidence,
        loggedBy: r.loggedBy,
        confirmedVia: r.confirmedVia,
        progressPercent: progressPercent(r.value, acc.baseline, acc.target),
        counts: r.date <= loaded.today && pendingReason(r, a.segment, progress, a.gate) === '',
      };
    });
  const checks = loaded.book.checks
    .filter((c) => c.accountId === acc.id)
    .sort((x, y) => y.date - x.date || y.row - x.row)
    .slice(0, RECENT_LIMIT)
    .map((c) => ({
      row: c.row,
      date: isoOfDay(c.date),
      kind: c.kind,
      resultNamed: c.resultNamed,
      notes: c.notes,
      checkedBy: c.checkedBy,
    }));
  return {
    empty: false,
    row: acc.row,
    sheetGid: accounts.sheet.getSheetId(),
    version: productVersion('accounts', accounts.values[acc.row - 1] ?? [], accounts.columns),
    asOf: isoOfDay(loaded.today),
    user,
    // Every Accounts field as parsed, in column order; a date column not converted here is a compile error.
    account: { ...accountFields, startDate: iso(acc.startDate), renewalDate: iso(acc.renewalDate) },
    segment: segmentView(a.segment),
    rung: a.rung,
    rungName: rungLabel(a),
    evidence: a.evidence.map((e) => ({
      rung: e.rung,
      name: RUNG_NAMES[e.rung],
      holds: e.holds,
      evidence: e.evidence,
    })),
    health: healthLabel(a),
    reasons: [...a.reasons],
    nextStep: a.nextStep,
    nextCheckDue: iso(a.nextCheckDue),
    daysOverdue: a.daysOverdue,
    triage: a.triage,
    chain: {
      complete: a.chain.complete,
      text: a.chain.text,
      missing: [...a.chain.missing],
      weak: [...a.chain.weak],
    },
    movement: movementView(a),
    progressPercent: a.progress === null ? null : Math.round(a.progress * 100),
    validationDate: iso(a.validationDate),
    results,
    checks,
    roles: [...VALIDATOR_ROLES],
    checkKinds: [...CHECK_KINDS],
    problems: problemsOfAccounts(book.problems, loaded, [acc]),
    usageFreshness: book.usageFreshness,
    ...(book.usageStale ? { usageStale: true } : {}),
  };
}

/** The row the user has selected, when the active sheet is Accounts. Touches no cell values. */
function selection(): SelectionView {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const range = sheet.getActiveRange();
  const name = sheet.getName();
  const isAccounts = name === SHEET.accounts || isMarkedAs(sheet, 'accounts');
  return { sheet: name, row: range ? range.getRow() : 0, isAccounts };
}

/** The assessment of the account on an Accounts row, or why there is none. */
export function assessmentAt(book: AssessedBook, row: number): Assessment | EmptyAccountView {
  if (row < 2) return emptyView('Select an account row in Accounts (below the header) to see its ladder.');
  const found = book.assessments.find((a) => a.account.row === row);
  if (found) return found;
  const problem = book.problems.find((p) => p.sheet === SHEET.accounts && p.row === row);
  if (problem) return emptyView(`Row ${row} of Accounts can't be read: ${problem.message}`);
  return emptyView(`Row ${row} of Accounts has no account (it needs an Account ID).`);
}

export function isEmpty(x: Assessment | EmptyAccountView): x is EmptyAccountView {
  return 'empty' in x;
}

const RowArgument = z.optional(z.nullable(z.int()));

/** Rows searched for the header naming 'Account ID' (Ladder may carry a title row above its header). */
const HEADER_ROWS_SEARCHED = 3;

/**
 * The Account ID named on `row` of a sheet other than Accounts (Ladder, Results, Checks, Usage, Ladder
 * history, or the team's own), found by the header 'Account ID' in its first rows. Reads only those rows and
 * the selected one: two small getValues however big the sheet (docs/rules.md §10's per-action cell budget).
 */
function accountIdOnRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number): string | null {
  const width = sheet.getLastColumn();
  const headerRows = Math.min(HEADER_ROWS_SEARCHED, row - 1);
  if (width < 1 || headerRows < 1) return null;
  const headers = sheet.getRange(1, 1, headerRows, width).getValues();
  for (const header of headers) {
    const at = header.findIndex((cell) => normalizeHeader(cell) === 'account id');
    if (at < 0) continue;
    const id = String(sheet.getRange(row, at + 1).getValue() ?? '').trim();
    return id === '' ? null : id;
  }
  return null;
}

/** The selection as an Accounts row, or as an Account ID named on another sheet's row, or why neither. */
type Target = { readonly row: number } | { readonly id: string; readonly sheet: string } | EmptyAccountView;

function selectedTarget(): Target {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const name = sheet.getName();
  const range = sheet.getActiveRange();
  const row = range ? range.getRow() : 0;
  if (name === SHEET.accounts || isMarkedAs(sheet, 'accounts')) return { row };
  if (row < 2) return emptyView(`Select a row below the header in ${name} (or Accounts) to see its account.`);
  const id = accountIdOnRow(sheet, row);
  if (id === null) {
    return emptyView(
      `Row ${row} of ${name} names no Account ID. Select a row that does, or pick an account in My book.`,
    );
  }
  return { id, sheet: name };
}

/**
 * The Accounts row holding `id`, found by a TextFinder search of the ID column (no read of the sheet), or null.
 */
function accountsRowOf(id: string): number | null {
  const sheet = SheetFinder.of(SpreadsheetApp.getActiveSpreadsheet()).find('accounts');
  if (!sheet) return null;
  const at = columnIndex('accounts', headerRow(sheet))['Account ID'] ?? -1;
  return at < 0 ? null : (rowsWithId(sheet, at + 1, id)[0] ?? null);
}

/**
 * getAccountView(row?): the account on an Accounts row — the selected row of any sheet naming an Account ID when no
 * row is given — read in part (only that account's rows: docs/rules.md §10's per-action cell budget).
 */
export function getAccountView(row?: number | null): AccountViewResponse {
  return viewOfRow(row, false);
}

/**
 * The refreshed view after a sidebar save, and — when the Ladder sheet holds values (a big book) — that account's
 * Ladder row rewritten from the same read, so the Ladder never lags the save (docs/rules.md §4 Big books).
 */
export function accountViewAfterSave(row?: number | null): AccountViewResponse {
  return viewOfRow(row, true);
}

function viewOfRow(row: number | null | undefined, afterSave: boolean): AccountViewResponse {
  const parsed = RowArgument.safeParse(row);
  if (!parsed.success) return emptyView('Select an account row in Accounts.');
  try {
    const target: Target = parsed.data == null ? selectedTarget() : { row: parsed.data };
    if ('empty' in target) return target;
    // An ID named on another sheet is looked up in Accounts: a missing Accounts is the one message every view gives.
    if ('id' in target) requireSheets(SpreadsheetApp.getActiveSpreadsheet(), ['accounts']);
    const accountRow = 'row' in target ? target.row : accountsRowOf(target.id);
    if (accountRow === null && 'id' in target) {
      return emptyView(`${target.sheet} names ${target.id}, which is not an Account ID in Accounts.`);
    }
    const row = accountRow as number;
    const book = assessedBook(row);
    if (afterSave) {
      writeLadderRow(SpreadsheetApp.getActiveSpreadsheet(), book.loaded, book.loaded.book.usage, row);
    }
    const found = assessmentAt(book, row);
    if (isEmpty(found)) return found;
    return accountViewOf(book, found, currentUserEmail());
  } catch (err) {
    // A missing required column or sheet: the message names it, and the sidebar shows it instead of failing.
    return emptyView(errorText(err));
  }
}

const SelectRowSchema = z.object({
  sheet: z.string().check(z.minLength(1), z.maxLength(100)),
  row: z.int().check(z.minimum(1)),
});

/** selectRow(sheet, row): activates the row, so the Account tab follows it. */
export function selectRow(sheet: string, row: number): SimpleResponse {
  const parsed = SelectRowSchema.safeParse({ sheet, row });
  if (!parsed.success) return { ok: false, message: 'That row could not be selected.' };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Problems name sheets by their spec names; a renamed data sheet answers to that name through its mark.
  const specKey = (Object.keys(SHEET) as (keyof typeof SHEET)[]).find((k) => SHEET[k] === parsed.data.sheet);
  const target = (specKey ? SheetFinder.of(ss).find(specKey) : null) ?? ss.getSheetByName(parsed.data.sheet);
  if (!target) return { ok: false, message: `There is no sheet named ${parsed.data.sheet}.` };
  if (parsed.data.row > target.getMaxRows()) {
    return { ok: false, message: `${parsed.data.sheet} has no row ${parsed.data.row}.` };
  }
  target.getRange(parsed.data.row, 1, 1, Math.max(1, target.getLastColumn())).activate();
  return { ok: true };
}

/** getSelection(): the active sheet and row — cheap (no cell reads), for following the selection. */
export function getSelection(): SelectionView {
  return selection();
}
