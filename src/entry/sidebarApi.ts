// The sidebar's server endpoints (contract E): the account view, my book, the chain/result/check writes and the QBR brief.
import { errorText } from './errorText';
import * as z from 'zod/mini';
import { dateOfDay, dayConverter, dayFromIso, isoOfDay } from '../core/dates';
import { assessBook } from '../core/evaluate';
import { progressOf } from '../core/ladder';
import { pendingReason, progressPercent, qbrBriefOf, renderQbrBrief } from '../core/qbr';
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
import { rowVersion } from '../core/version';
import { type LoadedBook, loadBook, RULE_SHEETS } from '../gas/book';
import { currentUserEmail, loadSettings } from '../gas/settingsStore';
import {
  appendByHeader,
  type CellsByHeader,
  readRowChecked,
  updateRowByHeader,
  WriteRefusal,
  withDocumentLock,
} from '../gas/writes';
import { SHEET } from '../sheets/layout';
import type { Registry } from './registry';
import {
  type AccountView,
  type AccountViewResponse,
  type BookAccountView,
  type EmptyAccountView,
  type LogResultPayload,
  type MovementView,
  type MyBookView,
  type ProblemView,
  type QbrBriefResponse,
  RECENT_LIMIT,
  type RecordCheckPayload,
  type SaveChainPayload,
  type SegmentView,
  type SelectionView,
  type SimpleResponse,
  type WriteResponse,
} from './sidebarTypes';

// ---------- payload schemas ----------

/** Sheets holds at most 50,000 characters in a cell. */
const Text = z.string().check(z.maxLength(50_000));
const Row = z.int().check(z.minimum(2), z.maximum(10_000_000));
const Version = z.string().check(z.minLength(1), z.maxLength(64));
const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const NumberInput = z.union([z.number(), Text, z.null()]);
const RoleInput = z.union([z.enum(VALIDATOR_ROLES), z.literal('')]);

const SaveChainSchema = z.object({
  row: Row,
  version: Version,
  fields: z.object({
    businessPain: Text,
    solutionValue: Text,
    namedResult: Text,
    metric: Text,
    baseline: NumberInput,
    target: NumberInput,
    validator: Text,
    validatorRole: RoleInput,
  }),
});

const LogResultSchema = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  value: NumberInput,
  attributed: z.boolean(),
  validatedBy: Text,
  validatorRole: RoleInput,
  customerWords: Text,
  evidence: Text,
});

const RecordCheckSchema = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  kind: z.enum(CHECK_KINDS),
  resultNamed: z.union([z.boolean(), z.null()]),
  notes: Text,
});

/** What to tell the user about each payload field when it does not fit. */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  row: 'Select an account row in Accounts (row 2 or below).',
  version: 'The sidebar lost track of this account; reload it.',
  date: 'Enter the date as YYYY-MM-DD.',
  kind: `Choose a check: ${CHECK_KINDS.join(', ')}.`,
  resultNamed: 'Answer Yes or No (or leave it blank).',
  attributed: 'Say whether the customer attributes it to the product.',
  validatorRole: `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`,
  'fields.validatorRole': `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`,
  value: 'Enter the value the metric reached, as a number.',
  'fields.baseline': 'Enter the baseline as a number.',
  'fields.target': 'Enter the target as a number.',
};

function parsePayload<T>(schema: z.ZodMiniType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  const hint = FIELD_HINTS[field] ?? (field ? `'${field}' is not valid (text up to 50,000 characters).` : '');
  throw new WriteRefusal(`Nothing was saved. ${hint}`.trim(), field ? { field } : {});
}

/** A number typed in a form: '' or null clears the cell; '1,200' and ' 40 ' are numbers; 'forty' is refused. */
function numberCell(input: number | string | null, field: string, label: string): number | '' {
  if (input === null) return '';
  if (typeof input === 'number') {
    if (Number.isFinite(input)) return input;
    throw new WriteRefusal(`Nothing was saved. ${label} must be a number.`, { field });
  }
  const text = input.trim().replace(/,/g, '');
  if (text === '') return '';
  const n = Number(text);
  if (Number.isFinite(n)) return n;
  throw new WriteRefusal(`Nothing was saved. ${label} must be a number, not '${input}'.`, { field });
}

/** A date from the form: a real calendar day, not after today. */
function dayCell(iso: string, today: number, field: string): number {
  const day = dayFromIso(iso);
  if (day === null) throw new WriteRefusal(`Nothing was saved. ${iso} is not a calendar date.`, { field });
  if (day > today) throw new WriteRefusal(`Nothing was saved. ${iso} is in the future.`, { field });
  return day;
}

// ---------- reading ----------

function emptyView(message: string): EmptyAccountView {
  return { empty: true, message };
}

interface AssessedBook {
  readonly loaded: LoadedBook;
  readonly settings: Settings;
  readonly assessments: readonly Assessment[];
  readonly problems: readonly Problem[];
}

function assessedBook(): AssessedBook {
  // The account view and my book read the rule sheets only (not Reminder log): one getValues each.
  const loaded = loadBook(RULE_SHEETS);
  const settings = loadSettings();
  const { assessments, problems } = assessBook(loaded.book, settings, loaded.today);
  return { loaded, settings, assessments, problems };
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

function problemView(p: Problem): ProblemView {
  return { sheet: p.sheet, row: p.row, column: p.column, message: p.message };
}

/**
 * Problems on the accounts' own Accounts rows and on Usage/Results/Checks rows naming their IDs. Looks up only
 * the rows that have a problem, so the cost follows the number of problems, not the size of Usage.
 */
function problemsOfAccounts(
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
        progressPercent: progressPercent(r.value, acc.baseline, acc.target),
        counts: r.date <= loaded.today && pendingReason(r, a.segment, progress) === '',
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
    version: rowVersion(accounts.values[acc.row - 1] ?? []),
    asOf: isoOfDay(loaded.today),
    user,
    account: {
      id: acc.id,
      name: acc.name,
      segment: acc.segment,
      owner: acc.owner,
      startDate: iso(acc.startDate),
      renewalDate: iso(acc.renewalDate),
      businessPain: acc.businessPain,
      solutionValue: acc.solutionValue,
      namedResult: acc.namedResult,
      metric: acc.metric,
      baseline: acc.baseline,
      target: acc.target,
      validator: acc.validator,
      validatorRole: acc.validatorRole,
      renewalStatus: acc.renewalStatus,
    },
    segment: segmentView(a.segment),
    rung: a.rung,
    rungName: a.rungName,
    evidence: a.evidence.map((e) => ({
      rung: e.rung,
      name: RUNG_NAMES[e.rung],
      holds: e.holds,
      evidence: e.evidence,
    })),
    health: a.health,
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
  };
}

/** The row the user has selected, when the active sheet is Accounts. Touches no cell values. */
function selection(): SelectionView {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const range = sheet.getActiveRange();
  const name = sheet.getName();
  return { sheet: name, row: range ? range.getRow() : 0, isAccounts: name === SHEET.accounts };
}

/** The assessment of the account on an Accounts row, or why there is none. */
function assessmentAt(book: AssessedBook, row: number): Assessment | EmptyAccountView {
  if (row < 2) return emptyView('Select an account row in Accounts (below the header) to see its ladder.');
  const found = book.assessments.find((a) => a.account.row === row);
  if (found) return found;
  const problem = book.problems.find((p) => p.sheet === SHEET.accounts && p.row === row);
  if (problem) return emptyView(`Row ${row} of Accounts can't be read: ${problem.message}`);
  return emptyView(`Row ${row} of Accounts has no account (it needs an Account ID).`);
}

function isEmpty(x: Assessment | EmptyAccountView): x is EmptyAccountView {
  return 'empty' in x;
}

const RowArgument = z.optional(z.nullable(z.int()));

/** getAccountView(row?): one read of each sheet; the selected Accounts row when no row is given. */
export function getAccountView(row?: number | null): AccountViewResponse {
  const parsed = RowArgument.safeParse(row);
  if (!parsed.success) return emptyView('Select an account row in Accounts.');
  let target = parsed.data ?? null;
  if (target === null) {
    const selected = selection();
    if (!selected.isAccounts)
      return emptyView('Select an account row in the Accounts sheet to see its ladder.');
    target = selected.row;
  }
  try {
    const book = assessedBook();
    const found = assessmentAt(book, target);
    if (isEmpty(found)) return found;
    return accountViewOf(book, found, currentUserEmail());
  } catch (err) {
    // A missing required column or sheet: the message names it, and the sidebar shows it instead of failing.
    return emptyView(errorText(err));
  }
}

/** Runs a write and answers the sidebar: the refreshed view, or why nothing was written. */
function answerWrite(row: unknown, write: () => void): WriteResponse {
  try {
    write();
  } catch (err) {
    if (err instanceof WriteRefusal) {
      return {
        ok: false,
        message: err.message,
        ...(err.field ? { field: err.field } : {}),
        ...(err.stale ? { stale: true } : {}),
      };
    }
    return { ok: false, message: `Nothing was saved: ${errorText(err)}` };
  }
  const view = getAccountView(typeof row === 'number' ? row : null);
  if (view.empty) return { ok: false, message: `Saved, but the account can't be shown: ${view.message}` };
  return { ok: true, view };
}

function accountsSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(SHEET.accounts);
  if (!sheet) throw new WriteRefusal('There is no Accounts sheet. Run Results Ladder › Set up workbook.');
  return sheet;
}

function accountIdOf(values: readonly unknown[], columns: Readonly<Record<string, number>>): string {
  const at = columns['Account ID'] ?? -1;
  const id = at >= 0 ? String(values[at] ?? '').trim() : '';
  if (!id) throw new WriteRefusal('This row has no Account ID, so nothing can be logged against it.');
  return id;
}

function todayIn(timeZone: string): number {
  const today = dayConverter(timeZone)(new Date());
  if (today === null) throw new Error('The clock gave no date');
  return today;
}

function trimmed(text: string): string {
  return text.trim();
}

/** saveChain: the chain and the result definition, written to the account's row in one setValues. */
export function saveChain(payload: SaveChainPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(SaveChainSchema, payload);
    const f = p.fields;
    const changes: CellsByHeader = {
      'Business pain': trimmed(f.businessPain),
      'Solution value': trimmed(f.solutionValue),
      'Named result': trimmed(f.namedResult),
      Metric: trimmed(f.metric),
      Baseline: numberCell(f.baseline, 'fields.baseline', 'Baseline'),
      Target: numberCell(f.target, 'fields.target', 'Target'),
      Validator: trimmed(f.validator),
      'Validator role': f.validatorRole,
    };
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    withDocumentLock(() => {
      const sheet = accountsSheet(ss);
      const checked = readRowChecked(sheet, 'accounts', p.row, p.version);
      accountIdOf(checked.values, checked.columns);
      updateRowByHeader(sheet, 'accounts', checked, changes);
    });
  });
}

/** logResult: one Results row for the account, appended with one setValues. */
export function logResult(payload: LogResultPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(LogResultSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const day = dayCell(p.date, todayIn(timeZone), 'date');
    const value = numberCell(p.value, 'value', 'Value');
    if (value === '') {
      throw new WriteRefusal('Nothing was saved. Enter the value the metric reached.', { field: 'value' });
    }
    const user = currentUserEmail();
    withDocumentLock(() => {
      const checked = readRowChecked(accountsSheet(ss), 'accounts', p.row, p.version);
      const accountId = accountIdOf(checked.values, checked.columns);
      appendByHeader(ss, 'results', [
        {
          Date: dateOfDay(day, timeZone, Date),
          'Account ID': accountId,
          Value: value,
          Attributed: p.attributed ? 'Yes' : 'No',
          'Validated by': trimmed(p.validatedBy),
          'Validator role': p.validatorRole,
          "Customer's words": trimmed(p.customerWords),
          Evidence: trimmed(p.evidence),
          'Logged by': user,
        },
      ]);
    });
  });
}

/** recordCheck: one Checks row for the account, appended with one setValues. */
export function recordCheck(payload: RecordCheckPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(RecordCheckSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const day = dayCell(p.date, todayIn(timeZone), 'date');
    const user = currentUserEmail();
    withDocumentLock(() => {
      const checked = readRowChecked(accountsSheet(ss), 'accounts', p.row, p.version);
      const accountId = accountIdOf(checked.values, checked.columns);
      appendByHeader(ss, 'checks', [
        {
          Date: dateOfDay(day, timeZone, Date),
          'Account ID': accountId,
          Check: p.kind,
          'Result named': p.resultNamed === null ? '' : p.resultNamed ? 'Yes' : 'No',
          Notes: trimmed(p.notes),
          'Checked by': user,
        },
      ]);
    });
  });
}

// ---------- my book ----------

function bookAccountOf(a: Assessment): BookAccountView {
  return {
    row: a.account.row,
    id: a.account.id,
    name: a.account.name,
    owner: a.account.owner,
    segment: a.account.segment,
    rungName: a.rungName,
    health: a.health,
    nextStep: a.nextStep,
    nextCheckDue: a.nextCheckDue === null ? null : isoOfDay(a.nextCheckDue),
    daysOverdue: a.daysOverdue,
    triage: a.triage,
  };
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** getMyBook: the signed-in CSM's accounts (every account for the leader), from one read of each sheet. */
export function getMyBook(): MyBookView {
  const book = assessedBook();
  const { loaded, settings } = book;
  const user = currentUserEmail();
  const isLeader = user !== '' && settings.leaderEmail !== '' && sameEmail(user, settings.leaderEmail);
  const mine = book.assessments.filter((a) => user !== '' && sameEmail(a.account.owner, user));
  const scope = isLeader || mine.length === 0 ? 'all' : 'mine';
  const shown = scope === 'all' ? book.assessments : mine;
  const rungCounts = Object.fromEntries(RUNG_NAMES.map((n) => [n, 0])) as Record<RungName, number>;
  for (const a of shown) rungCounts[a.rungName]++;
  const today = loaded.today;
  const dueBy = today + settings.dueSoonDays;
  const checksDue = shown
    .filter((a) => a.daysOverdue === 0 && a.nextCheckDue !== null && a.nextCheckDue <= dueBy)
    .sort((x, y) => (x.nextCheckDue ?? 0) - (y.nextCheckDue ?? 0));
  const overdue = shown.filter((a) => a.daysOverdue > 0).sort((x, y) => y.daysOverdue - x.daysOverdue);
  const problems =
    scope === 'all'
      ? book.problems.map(problemView)
      : problemsOfAccounts(
          book.problems,
          loaded,
          shown.map((a) => a.account),
        );
  const accountsTable = loaded.tables.accounts;
  return {
    user,
    isLeader,
    scope,
    asOf: isoOfDay(today),
    sheetGid: accountsTable ? accountsTable.sheet.getSheetId() : null,
    accounts: shown.map(bookAccountOf),
    rungCounts,
    triage: shown.filter((a) => a.triage).map(bookAccountOf),
    checksDue: checksDue.map(bookAccountOf),
    overdue: overdue.map(bookAccountOf),
    problems,
  };
}

// ---------- navigation and the QBR brief ----------

const SelectRowSchema = z.object({
  sheet: z.string().check(z.minLength(1), z.maxLength(100)),
  row: z.int().check(z.minimum(1)),
});

/** selectRow(sheet, row): activates the row, so the Account tab follows it. */
export function selectRow(sheet: string, row: number): SimpleResponse {
  const parsed = SelectRowSchema.safeParse({ sheet, row });
  if (!parsed.success) return { ok: false, message: 'That row could not be selected.' };
  const target = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(parsed.data.sheet);
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

/** getQbrBrief(row): the brief's content. */
export function getQbrBrief(row: number): QbrBriefResponse {
  const parsed = Row.safeParse(row);
  if (!parsed.success) return emptyView('Select an account row in Accounts for its QBR brief.');
  try {
    const book = assessedBook();
    const found = assessmentAt(book, parsed.data);
    if (isEmpty(found)) return found;
    const results = book.loaded.book.results.filter((r) => r.accountId === found.account.id);
    return qbrBriefOf(found, results, book.loaded.today);
  } catch (err) {
    return emptyView(errorText(err));
  }
}

/** openQbrBrief(row): shows the printable brief in a dialog. */
export function openQbrBrief(row: number): SimpleResponse {
  const brief = getQbrBrief(row);
  if ('empty' in brief) return { ok: false, message: brief.message };
  const output = HtmlService.createHtmlOutput(renderQbrBrief(brief)).setWidth(760).setHeight(640);
  // The dialog title is plain text, never parsed as HTML.
  SpreadsheetApp.getUi().showModalDialog(output, `QBR brief — ${brief.account.name}`);
  return { ok: true };
}

export const sidebarEntries: Registry = {
  getAccountView: { kind: 'sidebar', params: ['row'], run: getAccountView },
  getSelection: { kind: 'sidebar', params: [], run: getSelection },
  saveChain: { kind: 'sidebar', params: ['payload'], run: saveChain },
  logResult: { kind: 'sidebar', params: ['payload'], run: logResult },
  recordCheck: { kind: 'sidebar', params: ['payload'], run: recordCheck },
  getMyBook: { kind: 'sidebar', params: [], run: getMyBook },
  selectRow: { kind: 'sidebar', params: ['sheet', 'row'], run: selectRow },
  getQbrBrief: { kind: 'sidebar', params: ['row'], run: getQbrBrief },
  openQbrBrief: { kind: 'sidebar', params: ['row'], run: openQbrBrief },
};
