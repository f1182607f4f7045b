// The confirmation endpoints' answers as the sidebar and the confirmation page get them: pure types, no Apps Script.
import type { AskStatus } from '../core/asks';

/** One ask as the sidebar shows it. */
export interface AskView {
  readonly askId: string;
  readonly validator: string;
  readonly role: string | null;
  readonly email: string;
  readonly statement: string;
  readonly askedOn: string;
  readonly expires: string;
  /** As of now: a pending ask past its expiry reads 'expired'. */
  readonly status: AskStatus;
  readonly answeredOn: string | null;
  readonly words: string;
  /** "Asked Dana Li on 2026-11-24 (pending)". */
  readonly line: string;
}

export type AskResponse =
  | {
      readonly ok: true;
      /** mailto: with To, subject and body filled (RFC 6068); the sidebar opens it, the CSM sends it. */
      readonly mailto: string;
      readonly to: string;
      readonly subject: string;
      readonly body: string;
      /** The signed confirmation link in the body, or null when no web app is deployed (the mail asks for a reply). */
      readonly link: string | null;
      readonly ask: AskView;
    }
  | { readonly ok: false; readonly message: string; readonly field?: string };

export type AsksResponse =
  | { readonly ok: true; readonly asks: readonly AskView[] }
  | { readonly ok: false; readonly message: string };

/** What answerConfirmation tells the page: a heading and a sentence, shown as text. */
export interface AnswerReply {
  readonly ok: boolean;
  readonly title: string;
  readonly message: string;
}

/** askToConfirm's payload: the Accounts row the sidebar read, its account, and which named validator to ask. */
export interface AskPayload {
  readonly row: number;
  readonly accountId: string;
  readonly validatorIndex: number;
}
