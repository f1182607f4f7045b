// Whether a confirmation link may still be answered, and in plain words why not. Pure: the caller looks up the ask's
// row in the spreadsheet the link names and the account's current statement hash, and passes them in.
import type { AskRecord } from './asks';
import type { Claims, TokenCheck } from './token';

export type RefusalKind =
  | 'forged'
  | 'unknown'
  | 'other-spreadsheet'
  | 'other-account'
  | 'reused'
  | 'expired'
  | 'changed';

/** A refused link: a page that says why, and nothing written. */
export interface Refusal {
  readonly kind: RefusalKind;
  readonly title: string;
  readonly message: string;
}

const NOTHING = 'Nothing was recorded.';

export function refusal(kind: RefusalKind, detail = ''): Refusal {
  switch (kind) {
    case 'forged':
      return {
        kind,
        title: 'This link is not valid',
        message: `The link is damaged or was not made by the team that asked you. ${NOTHING} Open the link straight from the mail, or simply reply to the mail.`,
      };
    case 'unknown':
      return {
        kind,
        title: 'This link is no longer known',
        message: `The request this link belongs to was withdrawn (a newer one replaced it). ${NOTHING} Use the link in the newest mail, or reply to it.`,
      };
    case 'other-spreadsheet':
    case 'other-account':
      return {
        kind,
        title: 'This link does not match its request',
        message: `The link names ${kind === 'other-account' ? 'an account or a person' : 'a record'} other than the request it belongs to. ${NOTHING} Reply to the mail instead.`,
      };
    case 'reused':
      return {
        kind,
        title: 'Already answered',
        message: `This request was already answered${detail ? ` on ${detail}` : ''}. ${NOTHING} Thank you!`,
      };
    case 'expired':
      return {
        kind,
        title: 'This link has expired',
        message: `The link was valid until ${detail}. ${NOTHING} Reply to the mail instead, or ask for a new link.`,
      };
    case 'changed':
      return {
        kind,
        title: 'The result has changed since you were asked',
        message: `The team has changed the result (or its numbers) since this link was sent, so this answer would not be about the result as it now stands. ${NOTHING} They will ask you about the new one.`,
      };
  }
}

export interface LinkState {
  readonly check: TokenCheck;
  /** The spreadsheet the ask row was read from (the one the token names, opened by id). */
  readonly spreadsheetId: string;
  /** The ask row for the claims' ask id (null: none). */
  readonly ask: AskRecord | null;
  /** The account's statement hash as its Accounts row reads now, null when the account is gone. */
  readonly currentHash: string | null;
}

/** The claims when the link may be answered, else the refusal. Checks in the order that tells the truth first. */
export function judgeLink(state: LinkState): { readonly claims: Claims } | { readonly refused: Refusal } {
  const { check, ask, currentHash } = state;
  if (!check.ok && check.reason !== 'expired') return { refused: refusal('forged') };
  const claims = check.claims as Claims;
  if (!ask) return { refused: refusal('unknown') };
  if (state.spreadsheetId !== claims.ss) return { refused: refusal('other-spreadsheet') };
  if (
    ask.accountId !== claims.acct ||
    ask.validator !== claims.who ||
    Date.parse(ask.expires) !== claims.exp
  ) {
    return { refused: refusal('other-account') };
  }
  if (ask.status === 'superseded') return { refused: refusal('unknown') };
  if (ask.status === 'confirmed' || ask.status === 'not yet') {
    return { refused: refusal('reused', (ask.answeredOn ?? '').slice(0, 10)) };
  }
  if (!check.ok || ask.status === 'expired') {
    return { refused: refusal('expired', new Date(claims.exp).toISOString().slice(0, 10)) };
  }
  if (ask.statementHash !== claims.st || currentHash !== claims.st) return { refused: refusal('changed') };
  return { claims };
}
