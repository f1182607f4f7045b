// The sidebar's endpoints for asking: askToConfirm prepares the mail (and, when Settings name the confirmation page,
// the signed link) and puts the ask on the record (the hidden Confirmation asks sheet); getConfirmationAsks lists an
// account's asks for the Account view.
import * as z from 'zod/mini';
import { isoOfDay } from '../../core/dates';
import { namedValidators } from '../../core/validators';
import { errorText } from '../../entry/errorText';
import { loadAccountBook } from '../../gas/accountBook';
import { currentUserEmail, loadSettings } from '../../gas/settingsStore';
import { withDocumentLock } from '../../gas/writes';
import { normalizeHeader } from '../../sheets/layout';
import {
  type AskRecord,
  askedResultOf,
  askLine,
  askMail,
  emailRefusal,
  expiresAt,
  statusAt,
  validatorEmails,
} from '../core/asks';
import { signToken } from '../core/token';
import { appendAsk, askSheetForWriting, asksOfAccount, findAskSheet, markSuperseded } from '../gas/askSheet';
import { ensureSecret, hmacWith } from '../gas/crypto';
import { statementHashOf, VALIDATOR_EMAIL } from '../gas/sheet';
import type { AskPayload as AskPayloadType, AskResponse, AsksResponse, AskView } from './types';

const AskPayload: z.ZodMiniType<AskPayloadType> = z.object({
  row: z.int().check(z.minimum(2), z.maximum(10_000_000)),
  accountId: z.string().check(z.minLength(1), z.maxLength(200)),
  validatorIndex: z.int().check(z.minimum(0), z.maximum(9)),
});
const AccountIdArg = z.string().check(z.minLength(1), z.maxLength(200));

export function askView(ask: AskRecord, nowMs: number): AskView {
  return {
    askId: ask.askId,
    validator: ask.validator,
    role: ask.role || null,
    email: ask.email,
    statement: ask.statement,
    askedOn: ask.askedOn,
    expires: ask.expires,
    status: statusAt(ask, nowMs),
    answeredOn: ask.answeredOn ?? null,
    words: ask.words ?? '',
    line: askLine(ask, nowMs),
  };
}

const refuse = (message: string, field?: string): AskResponse => ({
  ok: false,
  message,
  ...(field ? { field } : {}),
});

/**
 * askToConfirm({ row, accountId, validatorIndex }): the mail asking the account's validator (the validatorIndex-th of
 * an `A + B` segment's) to confirm its named result, with the latest value and the link (or "just reply"). Reads only
 * that account (the interactive cell budget). Refuses, writing nothing, when the row no longer holds the account, the
 * result or the validator is not named, no value is logged, or the address is missing, malformed or the team's.
 * Asking again supersedes the validator's earlier pending ask (its link stops working).
 */
export function askToConfirm(payload: unknown): AskResponse {
  const parsed = AskPayload.safeParse(payload);
  if (!parsed.success) return refuse('Select the account and the validator to ask.');
  const { row, accountId, validatorIndex } = parsed.data;
  try {
    const settings = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { loaded } = loadAccountBook(row, settings, ss);
    const account = loaded.book.accounts.find((a) => a.row === row);
    if (!account || account.id !== accountId) {
      return refuse(`Row ${row} of Accounts no longer holds ${accountId}. Reload the account and ask again.`);
    }
    const statement = account.namedResult.trim();
    if (statement === '') return refuse('Name the result first: the validator is asked to confirm it.');
    const validator = namedValidators(account.validator, account.validatorRole)[validatorIndex];
    if (!validator || validator.name === '') {
      return refuse('Name the validator first (Validator in the chain form).', 'validator');
    }
    const accounts = loaded.tables.accounts;
    const header = accounts?.values[0] ?? [];
    const emailAt = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(VALIDATOR_EMAIL));
    const email =
      emailAt < 0 ? '' : (validatorEmails(accounts?.values[row - 1]?.[emailAt])[validatorIndex] ?? '');
    const user = currentUserEmail();
    const refusal = emailRefusal(email, validator.name, {
      owner: account.owner,
      user,
      allowedDomains: settings.allowedDomains,
    });
    if (refusal) return refuse(refusal, 'validatorEmail');
    const latest = loaded.book.results
      .filter((r) => r.accountId === account.id && r.value !== null)
      .sort((x, y) => y.date - x.date || y.row - x.row)[0];
    if (!latest || latest.value === null) {
      return refuse('Log the value the metric reached first: the ask quotes it.');
    }
    const segment = loaded.book.segments.find(
      (s) => s.name.toLowerCase() === (account.segment ?? '').toLowerCase(),
    );
    const result = askedResultOf(
      account,
      segment ? segment.resultWindowDays : null,
      latest.value,
      isoOfDay(latest.date),
    );

    const nowMs = Date.now();
    const askId = `a${Utilities.getUuid().replace(/-/g, '')}`;
    const exp = expiresAt(nowMs);
    const statementHash = statementHashOf(account);
    const spreadsheetId = ss.getId();
    const pageUrl = settings.confirmationPageUrl;
    const ask: AskRecord = {
      askId,
      accountId: account.id,
      validator: validator.name,
      role: validator.role ?? '',
      email: email.trim(),
      statement,
      statementHash,
      value: latest.value,
      valueOn: isoOfDay(latest.date),
      askedOn: new Date(nowMs).toISOString(),
      expires: new Date(exp).toISOString(),
      askedBy: user,
      status: 'pending',
    };
    // One write under the document lock: the secret (first link only), the earlier pending ask of this validator
    // superseded (its link stops working), the new ask appended.
    const link = withDocumentLock((): string | null => {
      const sheet = askSheetForWriting(ss);
      for (const earlier of asksOfAccount(sheet, account.id)) {
        if (earlier.ask.validator === validator.name && earlier.ask.status === 'pending') {
          markSuperseded(sheet, earlier.row);
        }
      }
      appendAsk(sheet, ask);
      if (!pageUrl) return null;
      const token = signToken(
        {
          v: 1,
          ask: askId,
          ss: spreadsheetId,
          acct: account.id,
          who: validator.name,
          st: statementHash,
          exp,
        },
        hmacWith(ensureSecret(ss)),
      );
      return `${pageUrl}?c=${token}`;
    });
    const mail = askMail({
      email: ask.email,
      validator: validator.name,
      statement,
      result,
      link,
      expires: ask.expires,
    });
    return {
      ok: true,
      mailto: mail.mailto,
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      link,
      ask: askView(ask, nowMs),
    };
  } catch (err) {
    return refuse(`Nothing was asked: ${errorText(err)}`);
  }
}

/**
 * getConfirmationAsks(accountId): the account's asks, newest first, with their status as of now. Reads only that
 * account's rows of the ask sheet (a TextFinder on its Account ID column).
 */
export function getConfirmationAsks(accountId: unknown): AsksResponse {
  const parsed = AccountIdArg.safeParse(accountId);
  if (!parsed.success) return { ok: false, message: 'Select an account.' };
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (!ss) return { ok: true, asks: [] };
    const sheet = findAskSheet(ss);
    const nowMs = Date.now();
    return {
      ok: true,
      asks: sheet ? asksOfAccount(sheet, parsed.data).map(({ ask }) => askView(ask, nowMs)) : [],
    };
  } catch (err) {
    return { ok: false, message: `The asks could not be read: ${errorText(err)}` };
  }
}
