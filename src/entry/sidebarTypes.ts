// The sidebar's server API (docs/rules.md §5): what each google.script.run endpoint takes and returns.
// Dates cross as ISO strings 'YYYY-MM-DD' (google.script.run cannot carry Date objects); everything is plain JSON.
import type { QbrBrief } from '../core/qbr';
import type { RedAction } from '../core/redActions';
import type {
  Account,
  ChainStatus,
  CheckKind,
  CheckRecord,
  ConfirmedVia,
  Health,
  HealthLabel,
  Movement,
  Problem,
  ResultRecord,
  Rung,
  RungEvidence,
  RungLabel,
  RungName,
  ValidatorRole,
} from '../core/types';
import type { CellKind, ChainField, FieldsOfKind, KindOf, OptionalChainField } from '../sheets/columns';

/** ISO calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A core record as it crosses to the sidebar: its Day fields `K` become ISO dates (a nullable day stays nullable). */
export type WithIsoDates<T, K extends keyof T> = Omit<T, K> & {
  readonly [P in K]: null extends T[P] ? IsoDate | null : IsoDate;
};

/** The sidebar's tabs. `showSettings` opens the sidebar on 'settings' (see SIDEBAR_TAB_ATTRIBUTE). */
export type SidebarTab = 'account' | 'book' | 'settings';
/**
 * `showSidebar` / `showSettings` put this attribute on `<body>` of the served Sidebar.html
 * (`<body data-initial-tab="settings">`); the sidebar opens that tab first. Absent → 'account'.
 */
export const SIDEBAR_TAB_ATTRIBUTE = 'data-initial-tab';

/** A data problem, as listed in the sidebar (1-based sheet row; column '' = the whole row). */
export type ProblemView = Problem;

/** The Accounts row's fields as parsed (numbers null when blank or not a number, dates ISO or null). */
export type AccountFieldsView = WithIsoDates<Omit<Account, 'row'>, FieldsOfKind<'accounts', 'date'>>;

/** The account's segment from the Segments sheet (null in AccountView when blank or unknown). */
export interface SegmentView {
  readonly name: string;
  readonly resultLooksLike: string;
  /** As the Segments sheet shows it: 'A, B' (any one) or 'A + B' (all). */
  readonly validatorRoles: string;
  readonly acceptedRoles: readonly ValidatorRole[];
  readonly allRolesNeeded: boolean;
  readonly weeklyUsersForAdoption: number;
  readonly resultWindowDays: number;
  readonly checkEveryDays: number;
}

export interface RungEvidenceView extends RungEvidence {
  readonly name: RungName;
}

/** `Complete`, or what is missing or weak, with the links at fault. */
export type ChainView = ChainStatus;

export interface MovementView extends WithIsoDates<Movement, 'since'> {
  /** e.g. "on Adoption for 74 days, since 2026-08-09" or "on Adoption (no history yet)". */
  readonly text: string;
}

/** A Results row (`row` in the Results sheet). */
export interface ResultView extends WithIsoDates<Omit<ResultRecord, 'accountId'>, 'date'> {
  /** (Value − Baseline) / (Target − Baseline) in whole percent, or null when it cannot be computed. */
  readonly progressPercent: number | null;
  /** Attributed and validated by a role the segment accepts. */
  readonly counts: boolean;
}

/** A Checks row (`row` in the Checks sheet). */
export type CheckView = WithIsoDates<Omit<CheckRecord, 'accountId'>, 'date'>;

/** Everything the Account tab shows, from one server call. */
export interface AccountView {
  readonly empty: false;
  /** 1-based row in Accounts. */
  readonly row: number;
  /** The Accounts sheet's gid, for links (`#gid=…&range=A{row}`). */
  readonly sheetGid: number;
  /** The row's version token: send it back with every write; a changed row refuses the write. */
  readonly version: string;
  /** Today in the spreadsheet's time zone. */
  readonly asOf: IsoDate;
  readonly user: string;
  readonly account: AccountFieldsView;
  readonly segment: SegmentView | null;
  readonly rung: Rung;
  /** The rung's name, or Churned (docs/rules.md §2). */
  readonly rungName: RungLabel;
  /** Rungs 1..4 with their evidence. */
  readonly evidence: readonly RungEvidenceView[];
  /** Green, Yellow, Red, or Churned (docs/rules.md §2). */
  readonly health: HealthLabel;
  readonly reasons: readonly string[];
  readonly nextStep: string;
  readonly nextCheckDue: IsoDate | null;
  readonly daysOverdue: number;
  readonly triage: boolean;
  readonly chain: ChainView;
  readonly movement: MovementView;
  /** Progress of the latest result with a value, whole percent, or null. */
  readonly progressPercent: number | null;
  readonly validationDate: IsoDate | null;
  /** Most recent first, at most RECENT_LIMIT. */
  readonly results: readonly ResultView[];
  /** Most recent first, at most RECENT_LIMIT. */
  readonly checks: readonly CheckView[];
  /** Every validator role (the dropdown). */
  readonly roles: readonly ValidatorRole[];
  /** Every check kind (the dropdown). */
  readonly checkKinds: readonly CheckKind[];
  /** Data problems on this account's Accounts row and on Usage/Results/Checks rows naming its ID. */
  readonly problems: readonly ProblemView[];
  /** How fresh the usage behind the rung is, in words (the Usage summary's day, or read from Usage). */
  readonly usageFreshness?: string;
  /** Usage changed since the Usage summary the rungs use: usageFreshness says since when and offers Refresh. */
  readonly usageStale?: boolean;
}

/** The Account tab when there is nothing to show (another sheet selected, header row, blank row…). */
export interface EmptyAccountView {
  readonly empty: true;
  readonly message: string;
}

export type AccountViewResponse = AccountView | EmptyAccountView;

export const RECENT_LIMIT = 10;

// ---- writes ----

/**
 * Numbers from form inputs may arrive as numbers or as the text typed ('' clears the cell);
 * the server parses text and answers with `field` when it is not a number.
 */
export type NumberInput = number | string | null;

/** What the chain form sends for a column of a kind: a number as typed (NumberInput), a role or '' (clears it), text. */
export type ChainInput<K extends CellKind> = K extends 'number'
  ? NumberInput
  : K extends 'validatorRole'
    ? ValidatorRole | ''
    : string;

/** The chain form's fields: one per Accounts column flagged `chain` in src/sheets/columns.ts. */
export type ChainFields = {
  readonly [F in Exclude<ChainField, OptionalChainField>]: ChainInput<KindOf<'accounts', F>>;
} & { readonly [F in OptionalChainField]?: ChainInput<KindOf<'accounts', F>> };

export interface SaveChainPayload {
  readonly row: number;
  readonly version: string;
  readonly fields: ChainFields;
}

export interface LogResultPayload {
  readonly row: number;
  readonly version: string;
  readonly date: IsoDate;
  readonly value: NumberInput;
  readonly attributed: boolean;
  readonly evidence: string;
}

/**
 * recordConfirmation: the validator confirmed a logged value (a reply, a meeting, a call). `resultRow` is the Results
 * row confirmed (ResultView.row); the new row copies its Value and Attributed. Every field is required.
 */
export interface RecordConfirmationPayload {
  readonly row: number;
  readonly version: string;
  /** When they confirmed it. */
  readonly date: IsoDate;
  readonly resultRow: number;
  readonly validatedBy: string;
  readonly validatorRole: ValidatorRole;
  /** 'link' is written only by the confirmation page. */
  readonly confirmedVia: Exclude<ConfirmedVia, 'link'>;
  /** What they said: required. */
  readonly customerWords: string;
}

export interface RecordCheckPayload {
  readonly row: number;
  readonly version: string;
  readonly date: IsoDate;
  readonly kind: CheckKind;
  /** null leaves 'Result named' blank (e.g. a Kickoff check). */
  readonly resultNamed: boolean | null;
  readonly notes: string;
  /** Required for an Intervention (after a 90-day No): who met, the re-planned result and when it is due. */
  readonly intervention?: InterventionInput;
}

/** What an Intervention check records beside its date and notes (what changes). */
export interface InterventionInput {
  readonly metWith: string;
  readonly replannedResult: string;
  /** The re-planned result's due date; it may lie ahead. */
  readonly replannedDue: IsoDate;
}

/** Every write answers with the refreshed view, or why it was refused (nothing written; keep the input). */
export type WriteResponse =
  | { readonly ok: true; readonly view: AccountView }
  | {
      readonly ok: false;
      readonly message: string;
      /** The payload field at fault, e.g. 'fields.baseline' or 'date'. */
      readonly field?: string;
      /** The row changed since the view was read: reload, then re-apply the kept input. */
      readonly stale?: boolean;
    };

// ---- my book ----

/** One account in My book: a slice of its account view. */
export interface BookAccountView
  extends Pick<AccountFieldsView, 'id' | 'name' | 'owner' | 'segment'>,
    Pick<
      AccountView,
      'row' | 'rungName' | 'health' | 'nextStep' | 'nextCheckDue' | 'daysOverdue' | 'triage'
    > {
  /** The health's reasons (why it is Red, Yellow or Green). */
  readonly reasons: readonly string[];
  /** On the same rung below Result for longer than Settings' stalled days. */
  readonly stalled: boolean;
  /** What is missing or weak in the Three-Link Chain, or the missing baseline and target ('' when complete). */
  readonly chainGap?: string;
}

/** Red accounts that share what to do today (core/redActions.ts). */
export interface RedGroupView {
  readonly action: RedAction;
  readonly title: string;
  readonly accounts: readonly BookAccountView[];
}

export interface MyBookView {
  readonly user: string;
  /** The leader (Settings' leader email) sees every account. */
  readonly isLeader: boolean;
  /** 'all' for a leader, or for a user who owns no account (so the tab is never empty for no reason). */
  readonly scope: 'mine' | 'all';
  readonly asOf: IsoDate;
  /** The Accounts sheet's gid, for links. */
  readonly sheetGid: number | null;
  /** In sheet order. */
  readonly accounts: readonly BookAccountView[];
  readonly rungCounts: Readonly<Record<RungName, number>>;
  /** No named result or no validator. */
  readonly triage: readonly BookAccountView[];
  /** Next check due within Settings' due-soon days and not yet overdue, soonest first. */
  readonly checksDue: readonly BookAccountView[];
  /** Most overdue first. */
  readonly overdue: readonly BookAccountView[];
  /** Every data problem in the workbook (the leader's view) or those on the user's own accounts' rows. */
  readonly problems: readonly ProblemView[];
  /** Accounts per health. */
  readonly healthCounts: Readonly<Record<Health, number>>;
  /** Every Red account, grouped by what to do today (most urgent group first). */
  readonly red: readonly RedGroupView[];
  /** Stalled accounts, longest on their rung first. */
  readonly stalled: readonly BookAccountView[];
  /** How many data problems there are in all; `problems` is capped at PROBLEMS_SHOWN for a leader. */
  readonly problemsTotal: number;
  /** Full lengths of the lists above: a leader's lists are capped (LEADER_LIST_CAP), the counts are not. */
  readonly totals?: {
    readonly accounts: number;
    readonly triage: number;
    readonly checksDue: number;
    readonly overdue: number;
    readonly problems: number;
  };
  /** How fresh the usage behind the rungs is, in words. */
  readonly usageFreshness?: string;
  /** Usage changed since the Usage summary the rungs use: usageFreshness says since when and offers Refresh. */
  readonly usageStale?: boolean;
  /** False when Ladder history was too long to read here: the Stalled list is then on the Dashboard. */
  readonly stalledKnown?: boolean;
  /** "Waiting for the customer": the pending asks to confirm on the accounts shown (oldest first). */
  readonly waiting?: readonly WaitingAskView[];
  /** How the accounts shown add up: on the ladder (the tiles), churned and ignored rows, each named. */
  readonly tally?: BookTallyView;
  /** Accounts whose chain has a missing or weak link, or no numeric baseline and target (the chain form fixes it). */
  readonly chainGaps?: readonly BookAccountView[];
  /** Accounts whose metric moved (on Outcome) and whose result waits for attribution or validation. */
  readonly toValidate?: readonly BookAccountView[];
}

/** The accounts shown, added up so every count is explained (issue 25): tiles + churned = listed; + ignored = rows. */
export interface BookTallyView {
  /** Accounts rows behind the list: every listed account plus the rows ignored. */
  readonly rows: number;
  /** Accounts on the ladder: what the health and rung tiles add up to. */
  readonly onLadder: number;
  /** Churned accounts (docs/rules.md §2): listed, in no count and no to-do list. */
  readonly churned: readonly { readonly row: number; readonly id: string; readonly name: string }[];
  /** Accounts rows left out of the book (a duplicate Account ID…), with why. */
  readonly ignored: readonly ProblemView[];
}

/** One ask to confirm still waiting for the validator's answer, for My book. */
export interface WaitingAskView {
  /** The account's row in Accounts (opening it selects the row). */
  readonly row: number;
  readonly accountId: string;
  readonly accountName: string;
  readonly validator: string;
  readonly askedOn: IsoDate;
}

/** A leader's book lists at most this many data problems (the count says how many more). */
export const PROBLEMS_SHOWN = 25;

// ---- navigation and the QBR brief ----

/** `getSelection()`: the active sheet and row, read without touching cells — poll this, then load the view. */
export interface SelectionView {
  readonly sheet: string;
  /** 1-based row of the active cell (0 when nothing is selected). */
  readonly row: number;
  readonly isAccounts: boolean;
}

/** The first Account view, templated into Sidebar.html by showSidebar so it arrives with the page. */
export const INITIAL_VIEW_ID = 'initial-view';

/** What showSidebar templates in under INITIAL_VIEW_ID. */
export interface InitialView {
  readonly view: AccountViewResponse;
  /** The selection the view was read from, so the first poll does not read it again. */
  readonly selection: SelectionView;
}

export type SimpleResponse = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** `selectRow(sheet, row)`: activates that row in that sheet (the Account tab then follows it). */
export type SelectRowResponse = SimpleResponse;

/** `getQbrBrief(row)`: the customer-facing brief the sidebar shows; defined beside its rules (core/qbr.ts). */
export type { QbrBrief, QbrDelivered, QbrInFlight, QbrProposal } from '../core/qbr';

export type QbrBriefResponse = QbrBrief | EmptyAccountView;
