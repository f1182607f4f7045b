// The two things the confirmations need of the sheet: one account's row found by its ID (for its current statement),
// and the Results row a confirmation appends. Both work on any Spreadsheet object: the active one in the add-on, or
// one opened by id from the web app.
import { dateOfDay, dayConverter } from '../../core/dates';
import type { Account } from '../../core/types';
import { headerRow, rowsWithId } from '../../gas/rowsFinder';
import { dataSheet } from '../../gas/sheetLookup';
import { appendByHeader, type CellsByHeader } from '../../gas/writes';
import { normalizeHeader } from '../../sheets/layout';
import { columnIndex, parseBook } from '../../sheets/parse';
import { statementKey } from '../core/asks';
import { sha256Hex } from './crypto';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The optional Results column saying how a result was confirmed; a book without it gets 'Confirmed via link' in Evidence. */
export const CONFIRMED_VIA = 'Confirmed via';
/** The Accounts column holding the validators' addresses (one per validator, ';' between, Validator cell order). */
export const VALIDATOR_EMAIL = 'Validator email';
/** Who logged a row the link recorded. */
export const LOGGED_BY_LINK = 'confirmation link';

/**
 * The account with this ID as the rules read it (Segments + its one Accounts row, found by a TextFinder on the
 * Account ID column) and its segment's result window, or null.
 */
export function accountById(
  ss: Spreadsheet,
  accountId: string,
): { readonly account: Account; readonly resultWindowDays: number | null } | null {
  const accounts = dataSheet(ss, 'accounts');
  if (!accounts) return null;
  const header = headerRow(accounts);
  const at = columnIndex('accounts', header)['Account ID'] ?? -1;
  const row = at < 0 ? undefined : rowsWithId(accounts, at + 1, accountId)[0];
  if (row === undefined) return null;
  const table: unknown[][] = [header];
  table[row - 1] = accounts.getRange(row, 1, 1, header.length).getValues()[0];
  const segments = dataSheet(ss, 'segments');
  const dayOf = dayConverter(ss.getSpreadsheetTimeZone() || 'Etc/UTC');
  const book = parseBook(
    { accounts: table, ...(segments ? { segments: segments.getDataRange().getValues() } : {}) },
    dayOf,
  );
  const account = book.accounts.find((a) => a.id === accountId);
  if (!account) return null;
  const segment = book.segments.find((s) => s.name.toLowerCase() === (account.segment ?? '').toLowerCase());
  return { account, resultWindowDays: segment ? segment.resultWindowDays : null };
}

export function statementHashOf(account: Account): string {
  return sha256Hex(statementKey(account));
}

/** What a confirmation row records of its ask. */
export interface ConfirmedAsk {
  readonly accountId: string;
  readonly validator: string;
  readonly role: string | null;
  /** The latest value the ask quoted. */
  readonly value: number;
}

/**
 * Appends the Results row of a confirmation: the value the ask quoted, attributed, validated by the person who
 * answered, their words (as text, whatever they look like: appendByHeader writes every string through asText), and
 * how it was confirmed. Call holding the locks that keep it from being written twice.
 */
export function appendConfirmation(
  ss: Spreadsheet,
  ask: ConfirmedAsk,
  answeredOn: string,
  words: string,
): void {
  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/UTC';
  const day = dayConverter(timeZone)(new Date(answeredOn)) as number;
  const results = dataSheet(ss, 'results');
  const header = results ? headerRow(results) : [];
  const hasVia = header.some((h) => normalizeHeader(h) === normalizeHeader(CONFIRMED_VIA));
  const record: CellsByHeader<'results'> = {
    Date: dateOfDay(day, timeZone, Date),
    'Account ID': ask.accountId,
    Value: ask.value,
    Attributed: 'Yes',
    'Validated by': ask.validator,
    'Validator role': ask.role ?? '',
    "Customer's words": words,
    // A book from before the optional Confirmed via column still says how it was confirmed, in Evidence.
    ...(hasVia ? { [CONFIRMED_VIA]: 'link' } : { Evidence: 'Confirmed via link' }),
    'Logged by': LOGGED_BY_LINK,
  };
  appendByHeader(ss, 'results', [record]);
}
