// The domain's vocabulary: the records read from the workbook and the answers the rules give about them.
import type { StatementKind } from './measurable';

/** A calendar day in the spreadsheet's time zone, counted in days since 1970-01-01 (day 0). */
export type Day = number;

export const RUNG_NAMES = ['None', 'Activity', 'Adoption', 'Outcome', 'Result'] as const;
export type RungName = (typeof RUNG_NAMES)[number];
/** 0 None · 1 Activity · 2 Adoption · 3 Outcome · 4 Result */
export type Rung = 0 | 1 | 2 | 3 | 4;

export const HEALTHS = ['Green', 'Yellow', 'Red'] as const;
export type Health = (typeof HEALTHS)[number];

export const VALIDATOR_ROLES = ['Buyer', 'Team lead', 'Manager', 'Executive sponsor', 'User'] as const;
export type ValidatorRole = (typeof VALIDATOR_ROLES)[number];

/** `Intervention`: the meeting after a 90-day No that agreed what changes and re-planned the result (issue 21). */
export const CHECK_KINDS = ['Kickoff', '90-day', 'QBR', 'Renewal', 'Intervention'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** How a validation reached the record (Results · Confirmed via); `link` only the confirmation page writes. */
export const CONFIRMED_VIA = ['link', 'email reply', 'meeting', 'call'] as const;
export type ConfirmedVia = (typeof CONFIRMED_VIA)[number];

export const RENEWAL_STATUSES = ['Open', 'Renewed', 'Churned'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/** A churned account has left the ladder (docs/rules.md §2): every view shows this in place of its rung and health. */
export const CHURNED = 'Churned';
export type RungLabel = RungName | typeof CHURNED;
export type HealthLabel = Health | typeof CHURNED;

/** `A, B`: any one of the roles validates; `A + B`: every role must validate. */
export interface ValidatorRule {
  readonly mode: 'any' | 'all';
  readonly roles: readonly ValidatorRole[];
}

/** Every record keeps `row`: its 1-based row number in its sheet (the header is row 1). */
export interface Segment {
  readonly row: number;
  readonly name: string;
  readonly resultLooksLike: string;
  readonly validatorRule: ValidatorRule;
  readonly weeklyUsersForAdoption: number;
  readonly resultWindowDays: number;
  readonly checkEveryDays: number;
}

export interface Account {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The segment name as written; `null` when blank. An unknown name is a data problem. */
  readonly segment: string | null;
  /** The CSM's email as written ('' when blank). */
  readonly owner: string;
  readonly startDate: Day | null;
  readonly renewalDate: Day | null;
  readonly businessPain: string;
  readonly solutionValue: string;
  readonly namedResult: string;
  readonly metric: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly validator: string;
  readonly validatorRole: ValidatorRole | null;
  readonly renewalStatus: RenewalStatus | null;
  /** The customer-side address(es) a confirmation ask goes to ('' when blank); see core/validators.ts for `A + B`. */
  readonly validatorEmail: string;
}

export interface UsageRecord {
  readonly row: number;
  readonly week: Day;
  readonly accountId: string;
  readonly activeUsers: number;
  readonly keyActions: number;
}

export interface ResultRecord {
  readonly row: number;
  readonly date: Day;
  readonly accountId: string;
  readonly value: number | null;
  readonly attributed: boolean;
  readonly validatedBy: string;
  readonly validatorRole: ValidatorRole | null;
  readonly customerWords: string;
  readonly evidence: string;
  readonly loggedBy: string;
  /** How the validation was confirmed; null when blank (a hand-typed row keeps counting, shown as 'not recorded'). */
  readonly confirmedVia: ConfirmedVia | null;
}

export interface CheckRecord {
  readonly row: number;
  readonly date: Day;
  readonly accountId: string;
  readonly kind: CheckKind;
  /** Yes → true, No → false, blank → null. */
  readonly resultNamed: boolean | null;
  readonly notes: string;
  readonly checkedBy: string;
  /** Intervention: who from the customer met (optional: older sheets have no such column). */
  readonly metWith?: string;
  /** Intervention: the result re-planned at the meeting. */
  readonly replannedResult?: string;
  /** Intervention: the day the re-planned result is due. */
  readonly replannedDue?: Day | null;
}

export interface HistoryRecord {
  readonly row: number;
  readonly date: Day;
  readonly accountId: string;
  readonly rung: Rung;
  readonly health: Health;
}

/** A data problem: never an exception, always listed for a person to fix. */
export interface Problem {
  readonly sheet: string;
  /** 1-based sheet row; 1 is the header row. */
  readonly row: number;
  /** The column's header text ('' when the problem is about the whole row). */
  readonly column: string;
  readonly message: string;
}

/** Everything the rules read, parsed and typed. Records with a data problem that makes them unusable are left out. */
export interface Book {
  readonly segments: readonly Segment[];
  readonly accounts: readonly Account[];
  readonly usage: readonly UsageRecord[];
  readonly results: readonly ResultRecord[];
  readonly checks: readonly CheckRecord[];
  readonly history: readonly HistoryRecord[];
  readonly problems: readonly Problem[];
}

/** The evidence read for one rung, in plain words. */
export interface RungEvidence {
  readonly rung: Rung;
  readonly holds: boolean;
  /** e.g. "6 weekly users in 3 of the last 4 weeks (needs 5 in 3)". */
  readonly evidence: string;
}

export type ChainLink = 'pain' | 'value' | 'result';

export interface ChainStatus {
  readonly complete: boolean;
  /** Links that are blank. */
  readonly missing: readonly ChainLink[];
  /** Links that are filled but not specific enough to measure. */
  readonly weak: readonly ChainLink[];
  /** `Complete`, or what is missing or weak, in plain words (the CHAIN_STATUS cell). */
  readonly text: string;
}

/** How an account has moved on the ladder, read from `Ladder history` (see core/history.ts). */
export interface Movement {
  /** The first day of the account's current rung, or null when history says nothing about it. */
  readonly since: Day | null;
  readonly daysOnRung: number | null;
  /** Same rung below Result for more than `settings.stalledDays`. */
  readonly stalled: boolean;
  /** Rungs gained (+) or lost (−) over the trend window. */
  readonly change: number;
  readonly trend: 'climbing' | 'slipping' | 'stalled' | 'steady';
}

/** Everything the rules say about one account as of a day. One per Accounts row that has an Account ID. */
/** What the Result rung needs to know beyond the rows: who the team is, and what the named result reads as. */
export interface ResultGate {
  readonly owner: string;
  readonly teamDomains: readonly string[];
  readonly statement: StatementKind;
}

export interface Assessment {
  readonly account: Account;
  /** The account's segment, or null when blank or unknown (a data problem, and triage-worthy). */
  readonly segment: Segment | null;
  readonly rung: Rung;
  readonly rungName: RungName;
  /** Who the team is and what the named result reads as, as the Result rung judged them (views re-check rows). */
  readonly gate?: ResultGate;
  /** Rungs 1..4 with whether each one's own evidence holds. */
  readonly evidence: readonly RungEvidence[];
  readonly health: Health;
  /** Plain-word reasons for the health value (never empty). */
  readonly reasons: readonly string[];
  readonly nextStep: string;
  readonly nextCheckDue: Day | null;
  /** Days past the next check due (0 when not overdue). */
  readonly daysOverdue: number;
  /** The latest qualifying validated Results row's date. */
  readonly validationDate: Day | null;
  /** Progress (Value−Baseline)/(Target−Baseline) of the latest Results row with a value, or null. */
  readonly progress: number | null;
  /** No named result or no validator. */
  readonly triage: boolean;
  readonly chain: ChainStatus;
  /** T is past Start + the segment's result window and the rung is below Result. */
  readonly resultWindowPassed: boolean;
  /** The latest 90-day check said No and no validation came after it. */
  readonly unansweredNo: CheckRecord | null;
  readonly movement: Movement;
  /**
   * Renewal status Churned: the account has left the ladder. Its reasons say so, it has no next step, no check
   * due and is never on triage; views show CHURNED for rung and health and leave it out of every health count.
   */
  readonly churned: boolean;
}
