// The sidebar's writes: the chain on the account's row, a Results row and a Checks row, each validated, under the
// document lock and refused when the row changed since the sidebar read it.
import { accountViewAfterSave } from './accountView';
import {
  dayCell,
  dueDayCell,
  LogResultSchema,
  numberCell,
  parsePayload,
  RecordCheckSchema,
  RecordConfirmationSchema,
  SaveChainSchema,
  todayIn,
  trimmed,
} from './sidebarInput';
import { errorText } from './errorText';
import { dateOfDay } from '../core/dates';
import { currentUserEmail } from '../gas/settingsStore';
import {
  appendByHeader,
  type CellsByHeader,
  readRowChecked,
  updateRowByHeader,
  WriteRefusal,
  withDocumentLock,
} from '../gas/writes';
import { headerRow } from '../gas/rowsFinder';
import { MissingSheetError, SheetFinder } from '../gas/sheetFinder';
import { normalizeHeader } from '../sheets/layout';
import { columnIndex } from '../sheets/parse';
import {
  ACCOUNT_COLUMNS,
  CHAIN_FIELDS,
  type ChainField,
  type HeaderOf,
  isOptionalChainField,
} from '../sheets/columns';
import type {
  ChainFields,
  LogResultPayload,
  RecordCheckPayload,
  RecordConfirmationPayload,
  SaveChainPayload,
  WriteResponse,
} from './sidebarTypes';

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
  const view = accountViewAfterSave(typeof row === 'number' ? row : null);
  if (view.empty) return { ok: false, message: `Saved, but the account can't be shown: ${view.message}` };
  return { ok: true, view };
}

/** Accounts by its mark or name (a renamed Accounts is still found); a missing one refuses the save. */
function accountsSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SheetFinder.of(ss).find('accounts');
  if (!sheet) throw new WriteRefusal(new MissingSheetError('accounts').message);
  return sheet;
}

function accountIdOf(values: readonly unknown[], columns: Readonly<Record<string, number>>): string {
  const at = columns['Account ID'] ?? -1;
  const id = at >= 0 ? String(values[at] ?? '').trim() : '';
  if (!id) throw new WriteRefusal('This row has no Account ID, so nothing can be logged against it.');
  return id;
}

/** A chain field's cell: text trimmed, a number read by the spreadsheet's locale, a role as chosen ('' clears it). */
function chainCell(
  field: ChainField,
  input: NonNullable<ChainFields[ChainField]> | null,
  locale: string,
): unknown {
  const { header, kind } = ACCOUNT_COLUMNS[field];
  switch (kind) {
    case 'text':
      return typeof input === 'string' ? trimmed(input) : input;
    case 'number':
      return numberCell(input, `fields.${field}`, header, locale);
    case 'validatorRole':
      return input;
  }
}

/** saveChain: the chain and the result definition, written to the account's row in one setValues. */
export function saveChain(payload: SaveChainPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(SaveChainSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = ss.getSpreadsheetLocale();
    const changes: Partial<Record<HeaderOf<'accounts'>, unknown>> = {};
    for (const field of CHAIN_FIELDS) {
      const input = p.fields[field];
      if (input !== undefined) changes[ACCOUNT_COLUMNS[field].header] = chainCell(field, input, locale);
    }
    withDocumentLock(() => {
      const sheet = accountsSheet(ss);
      const checked = readRowChecked(sheet, 'accounts', p.row, p.version);
      accountIdOf(checked.values, checked.columns);
      // A blank for an optional column the book does not have yet is nothing to write (setup adds the column);
      // anything typed into it is refused by updateRowByHeader with that advice, and the input is kept.
      for (const field of CHAIN_FIELDS) {
        const header = ACCOUNT_COLUMNS[field].header;
        if (isOptionalChainField(field) && changes[header] === '' && (checked.columns[header] ?? -1) < 0)
          delete changes[header];
      }
      updateRowByHeader(sheet, 'accounts', checked, changes);
    });
  });
}

/**
 * logResult: one Results row for the account, appended with one setValues. Logging a value is not a confirmation:
 * Validated by, Validator role and Customer's words stay blank (recordConfirmation or the validator's answer fills them).
 */
export function logResult(payload: LogResultPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(LogResultSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const day = dayCell(p.date, todayIn(timeZone), 'date');
    const value = numberCell(p.value, 'value', 'Value', ss.getSpreadsheetLocale());
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
          'Validated by': '',
          'Validator role': '',
          Evidence: trimmed(p.evidence),
          'Logged by': user,
        },
      ]);
    });
  });
}

/** A cell left empty. */
function blankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * recordConfirmation: the validator confirmed a logged value (an email reply, a meeting, a call). Appends one Results
 * row: the confirmation's date, the confirmed row's Value and Attributed, who confirmed it in which role, how, their
 * words (as text) and who recorded it. Refused, writing nothing, when the Accounts row changed or the Results row no
 * longer belongs to the account.
 */
export function recordConfirmation(payload: RecordConfirmationPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(RecordConfirmationSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const day = dayCell(p.date, todayIn(timeZone), 'date');
    const user = currentUserEmail();
    withDocumentLock(() => {
      const checked = readRowChecked(accountsSheet(ss), 'accounts', p.row, p.version);
      const accountId = accountIdOf(checked.values, checked.columns);
      const results = SheetFinder.of(ss).find('results');
      if (!results) throw new WriteRefusal(new MissingSheetError('results').message);
      const header = headerRow(results);
      const columns = columnIndex('results', header);
      const at = (name: string): number => columns[name] ?? -1;
      const values =
        p.resultRow <= results.getLastRow()
          ? results.getRange(p.resultRow, 1, 1, header.length).getValues()[0]
          : [];
      if (at('Account ID') < 0 || String(values[at('Account ID')] ?? '').trim() !== accountId) {
        throw new WriteRefusal(
          `Nothing was saved: Results row ${p.resultRow} no longer holds a value logged for ${accountId}. The view now shows the sheet's latest; choose the value again.`,
          { field: 'resultRow', stale: true },
        );
      }
      const value = at('Value') < 0 ? '' : values[at('Value')];
      if (blankCell(value)) {
        throw new WriteRefusal(
          `Nothing was saved: Results row ${p.resultRow} has no value to confirm. Log the value first.`,
          { field: 'resultRow' },
        );
      }
      const attributed = at('Attributed') < 0 ? '' : values[at('Attributed')];
      const hasVia = header.some((h) => normalizeHeader(h) === normalizeHeader('Confirmed via'));
      appendByHeader(ss, 'results', [
        {
          Date: dateOfDay(day, timeZone, Date),
          'Account ID': accountId,
          Value: value,
          Attributed: blankCell(attributed) ? '' : attributed,
          'Validated by': trimmed(p.validatedBy),
          'Validator role': p.validatorRole,
          "Customer's words": trimmed(p.customerWords),
          // A book from before the optional Confirmed via column still says how it was confirmed, in Evidence.
          ...(hasVia ? { 'Confirmed via': p.confirmedVia } : { Evidence: `Confirmed via ${p.confirmedVia}` }),
          'Logged by': user,
        },
      ]);
    });
  });
}

/**
 * An Intervention's own cells (docs/rules.md §3: after a 90-day No, meet the validator, agree what changes and re-plan
 * the result). Who met, what changes (the notes) and the re-planned result are required: an intervention that says
 * none of them is not one.
 */
function interventionCells(p: RecordCheckPayload, timeZone: string): CellsByHeader<'checks'> {
  const i = p.intervention;
  if (!i || trimmed(i.metWith) === '') {
    throw new WriteRefusal('Nothing was saved. Say who you met for the intervention.', { field: 'metWith' });
  }
  if (trimmed(p.notes) === '') {
    throw new WriteRefusal('Nothing was saved. Say what changes (in the notes).', { field: 'notes' });
  }
  if (trimmed(i.replannedResult) === '') {
    throw new WriteRefusal('Nothing was saved. Name the re-planned result.', { field: 'replannedResult' });
  }
  const due = dueDayCell(i.replannedDue, 'replannedDue');
  return {
    'Met with': trimmed(i.metWith),
    'Re-planned result': trimmed(i.replannedResult),
    'Re-planned due': dateOfDay(due, timeZone, Date),
  };
}

/** recordCheck: one Checks row for the account, appended with one setValues. */
export function recordCheck(payload: RecordCheckPayload): WriteResponse {
  return answerWrite((payload as { row?: unknown } | null)?.row, () => {
    const p = parsePayload(RecordCheckSchema, payload);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const day = dayCell(p.date, todayIn(timeZone), 'date');
    const intervention = p.kind === 'Intervention' ? interventionCells(p, timeZone) : {};
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
          ...intervention,
        },
      ]);
    });
  });
}
