// The shapes every part of the reminders feature speaks (items, digests, what was sent), apart so planning and items need not import each other.
import type { RedAction } from '../../core/redActions';
import type { Day } from '../../core/types';

export type OwnerItemKind =
  | 'unansweredNo'
  | 'checkOverdue'
  | 'triage'
  | 'unknownSegment'
  | 'resultWindow'
  | 'chainGap'
  | 'stalled'
  | 'checkDueSoon'
  | 'unansweredAsk';
export type LeaderItemKind = 'red' | 'slipped' | 'problem' | 'stalled' | 'climbed';
export type ItemKind = OwnerItemKind | LeaderItemKind;

export interface DigestItem {
  /** (account, kind, due date): the same key reaches the same person at most once per remind-every days. */
  readonly key: string;
  readonly accountId: string;
  readonly accountName: string;
  /** The sheet and 1-based row the item links to. */
  readonly sheet: string;
  readonly row: number;
  readonly kind: ItemKind;
  readonly text: string;
  /** Higher comes first, in the digest and when choosing which digests the quota allows. */
  readonly severity: number;
  /** Leader items: the account's Owner cell as typed, so the escalation can name the owner. */
  readonly owner?: string;
  /** Leader Red items: what to do about it (core/redActions.ts), the escalation's sub-heading. */
  readonly redAction?: RedAction;
}

export interface OwnerCount {
  readonly owner: string;
  readonly accounts: number;
  readonly red: number;
  readonly triage: number;
  readonly overdue: number;
}

export interface Digest {
  /** Lower-case email as written in the sheet ('' for accounts without an owner). */
  readonly recipient: string;
  readonly kind: 'owner' | 'leader';
  readonly urgency: number;
  readonly subject: string;
  /** The items the email lists, most urgent first. */
  readonly items: readonly DigestItem[];
  /** Items left out to keep the email readable; not marked sent, so they come in a later digest. */
  readonly moreItems: number;
  /** Leader digest: counts per owner over the whole book (empty for owner digests). */
  readonly ownerCounts: readonly OwnerCount[];
  /** Owner digest: how many open accounts the recipient owns (why they get the email). */
  readonly accountCount: number;
}

/** recipient (lower-case) → item key → the last day it was sent to them. */
export type SentKeys = ReadonlyMap<string, ReadonlyMap<string, Day>>;

/** The account a data problem's row names ('' when none) and what tells its row apart (a Week or Date). */
export interface ProblemIdentity {
  readonly accountId: string;
  readonly on: string;
}

/** A confirmation ask still pending, as the reminder run reads it (src/confirmations keeps the asks). */
export interface PendingAsk {
  readonly askId: string;
  readonly accountId: string;
  readonly validator: string;
  readonly askedOn: Day;
}
