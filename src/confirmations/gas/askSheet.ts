// The asks on the record: the add-on's own hidden `Confirmation asks` sheet, one row per ask. The add-on appends a row
// when the CSM asks (and marks the same validator's earlier pending ask superseded); the confirmation web app — a
// separate Apps Script project that shares nothing with the add-on but the spreadsheet — reads the row its link
// names and records the answer on it. Found only by its mark (a team tab named `Confirmation asks` is never read or
// written, docs/rules.md §9); one account's rows are found with a TextFinder on the Account ID column, so an
// interactive read stays within the cell budget however many asks the book holds.
import { type AskRecord, parseAsk, statusAt } from '../core/asks';
import { createOwnSheet, findOwnSheet } from '../../gas/sheetFinder';
import { readRows, rowsWithId } from '../../gas/rowsFinder';
import { asText } from '../../gas/writes';

export const ASK_SHEET = 'Confirmation asks';
const ASK_MARK_KEY = 'resultsLadder.confirmationAsks';

/** The columns, in order. `Value on` (the quoted value's day) lets the page show the numbers the mail showed. */
export const ASK_HEADER = [
  'Ask ID',
  'Account ID',
  'Validator',
  'Role',
  'Email',
  'Named result',
  'Statement hash',
  'Value',
  'Value on',
  'Asked on',
  'Expires',
  'Asked by',
  'Status',
  'Answered on',
  "Customer's words",
] as const;
const WIDTH = ASK_HEADER.length;
const ID_COLUMN = 1;
const ACCOUNT_COLUMN = 2;
const STATUS_COLUMN = ASK_HEADER.indexOf('Status') + 1;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function findAskSheet(ss: Spreadsheet): Sheet | null {
  return findOwnSheet(ss, ASK_MARK_KEY);
}

/** The sheet, created hidden with its header on the first ask. Call holding the document lock. */
export function askSheetForWriting(ss: Spreadsheet): Sheet {
  const found = findAskSheet(ss);
  if (found) return found;
  const sheet = createOwnSheet(ss, ASK_MARK_KEY, ASK_SHEET, 'Results Ladder confirmation asks');
  sheet.getRange(1, 1, 1, WIDTH).setValues([[...ASK_HEADER]]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return sheet;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const isoOf = (v: unknown): string | undefined => {
  if (
    v instanceof Date ||
    (v !== null && typeof v === 'object' && typeof (v as Date).getTime === 'function')
  ) {
    const ms = (v as Date).getTime();
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  const s = text(v);
  return s === '' ? undefined : s;
};

/** A row's ask, or null when the row is not one (a hand edit): such a row is never answered. */
export function askOfRow(values: readonly unknown[]): AskRecord | null {
  const answeredOn = isoOf(values[13]);
  const words = text(values[14]);
  return parseAsk({
    askId: text(values[0]),
    accountId: text(values[1]),
    validator: text(values[2]),
    role: text(values[3]),
    email: text(values[4]),
    statement: text(values[5]),
    statementHash: text(values[6]),
    value: typeof values[7] === 'number' ? values[7] : Number.NaN,
    valueOn: text(values[8]).slice(0, 10),
    askedOn: isoOf(values[9]) ?? '',
    expires: isoOf(values[10]) ?? '',
    askedBy: text(values[11]),
    status: text(values[12]),
    ...(answeredOn ? { answeredOn } : {}),
    ...(words ? { words } : {}),
  });
}

/** Dates are written as dates (shown in the spreadsheet's zone), texts through the text guard. */
function rowOfAsk(ask: AskRecord): unknown[] {
  return [
    ask.askId,
    ask.accountId,
    ask.validator,
    ask.role,
    ask.email,
    ask.statement,
    ask.statementHash,
    ask.value,
    ask.valueOn,
    new Date(ask.askedOn),
    new Date(ask.expires),
    ask.askedBy,
    ask.status,
    ask.answeredOn ? new Date(ask.answeredOn) : '',
    ask.words ?? '',
  ].map(asText);
}

/** One account's asks with their rows, newest first. */
export function asksOfAccount(sheet: Sheet, accountId: string): { row: number; ask: AskRecord }[] {
  const rows = rowsWithId(sheet, ACCOUNT_COLUMN, accountId);
  const table = readRows(sheet, rows, WIDTH);
  const out: { row: number; ask: AskRecord }[] = [];
  for (const row of rows) {
    const ask = askOfRow(table[row - 1] ?? []);
    if (ask && ask.accountId === accountId) out.push({ row, ask });
  }
  return out.sort((x, y) =>
    x.ask.askedOn < y.ask.askedOn ? 1 : x.ask.askedOn > y.ask.askedOn ? -1 : y.row - x.row,
  );
}

/** The ask with this id and its row, or null. */
export function askById(sheet: Sheet, askId: string): { row: number; ask: AskRecord } | null {
  const row = rowsWithId(sheet, ID_COLUMN, askId)[0];
  if (row === undefined) return null;
  const ask = askOfRow(sheet.getRange(row, 1, 1, WIDTH).getValues()[0]);
  return ask && ask.askId === askId ? { row, ask } : null;
}

/** Appends the ask below the last row (one setValues). */
export function appendAsk(sheet: Sheet, ask: AskRecord): number {
  const row = sheet.getLastRow() + 1;
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
  sheet.getRange(row, 1, 1, WIDTH).setValues([rowOfAsk(ask)]);
  return row;
}

export function markSuperseded(sheet: Sheet, row: number): void {
  sheet.getRange(row, STATUS_COLUMN, 1, 1).setValues([['superseded']]);
}

/** Records the answer on the ask's row: status, answered on and their words (one setValues). */
export function recordAnswer(sheet: Sheet, row: number, ask: AskRecord): void {
  const cells = rowOfAsk(ask).slice(STATUS_COLUMN - 1);
  sheet.getRange(row, STATUS_COLUMN, 1, cells.length).setValues([cells]);
}

/** Every ask still pending as of `nowMs` (expired ones aside), for the reminder run: one getValues of the sheet. */
export function pendingAsksOf(ss: Spreadsheet, nowMs: number): AskRecord[] {
  const sheet = findAskSheet(ss);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return [];
  const out: AskRecord[] = [];
  for (const values of sheet.getRange(2, 1, last - 1, WIDTH).getValues()) {
    const ask = askOfRow(values);
    if (ask && statusAt(ask, nowMs) === 'pending') out.push(ask);
  }
  return out;
}
