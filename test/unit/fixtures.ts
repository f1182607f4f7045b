// Small factories for unit tests: an account that is fine unless a case says otherwise, rows relative to T, plain assessments.
import { dayFromIso } from '../../src/core/dates';
import { assessAccount } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import {
  type Account,
  type Assessment,
  type CheckRecord,
  type Day,
  type HistoryRecord,
  type ResultRecord,
  RUNG_NAMES,
  type Segment,
  type UsageRecord,
} from '../../src/core/types';

export const day = (iso: string): Day => {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad ISO date ${iso}`);
  return d;
};

/** "Today" in every rule test. */
export const T = day('2026-11-24');

export const SMB: Segment = {
  row: 2,
  name: 'SMB',
  resultLooksLike: '',
  validatorRule: { mode: 'any', roles: ['Buyer'] },
  weeklyUsersForAdoption: 2,
  resultWindowDays: 90,
  checkEveryDays: 90,
};
export const MID_MARKET: Segment = {
  ...SMB,
  row: 3,
  name: 'Mid-Market',
  validatorRule: { mode: 'all', roles: ['Team lead', 'Manager'] },
  weeklyUsersForAdoption: 5,
};
export const ENTERPRISE: Segment = {
  ...SMB,
  row: 4,
  name: 'Enterprise',
  validatorRule: { mode: 'any', roles: ['Executive sponsor'] },
  weeklyUsersForAdoption: 10,
};

export function account(over: Partial<Account> = {}): Account {
  return {
    row: 2,
    id: 'A1',
    name: 'Acme',
    segment: 'SMB',
    owner: 'ana@acme.example',
    startDate: T - 30,
    renewalDate: T + 300,
    businessPain: 'Month-end reporting takes 5 days',
    solutionValue: 'Reports build themselves',
    namedResult: 'Cut reporting from 5 days to 2',
    metric: 'Reporting days',
    baseline: 5,
    target: 2,
    validator: 'Bea Buyer',
    validatorRole: 'Buyer',
    renewalStatus: 'Open',
    validatorEmail: '',
    ...over,
  };
}

/** An account with only who it is filled in: no chain, no dates, no validator (name defaults to the id). */
export function blankAccount(over: Partial<Account> & Pick<Account, 'id'>): Account {
  return {
    row: 2,
    name: over.id,
    segment: 'SMB',
    owner: 'csm@acme.example',
    startDate: null,
    renewalDate: null,
    businessPain: '',
    solutionValue: '',
    namedResult: '',
    metric: '',
    baseline: null,
    target: null,
    validator: '',
    validatorRole: null,
    renewalStatus: null,
    validatorEmail: '',
    ...over,
  };
}

/**
 * An assessment written out rather than computed, for code that reads assessments (dashboard, history):
 * Yellow on Adoption (or `over.rung`), steady, nothing due, chain incomplete, no segment.
 */
export function assessmentOf(account: Account, over: Partial<Assessment> = {}): Assessment {
  const rung = over.rung ?? 2;
  return {
    account,
    segment: null,
    rung,
    rungName: RUNG_NAMES[rung],
    evidence: [],
    health: 'Yellow',
    reasons: ['test'],
    nextStep: '',
    nextCheckDue: null,
    daysOverdue: 0,
    validationDate: null,
    progress: null,
    triage: false,
    chain: { complete: false, missing: [], weak: [], text: '' },
    resultWindowPassed: false,
    unansweredNo: null,
    movement: { since: null, daysOnRung: null, stalled: false, change: 0, trend: 'steady' },
    churned: false,
    ...over,
  };
}

/** Usage rows: `users[i]` active users in the week dated T − 7·i. */
export function weeks(users: readonly number[], over: Partial<UsageRecord> = {}): UsageRecord[] {
  return users.map((n, i) => ({
    row: 2 + i,
    week: T - 7 * i,
    accountId: 'A1',
    activeUsers: n,
    keyActions: n * 3,
    ...over,
  }));
}

export function result(over: Partial<ResultRecord> = {}): ResultRecord {
  return {
    row: 2,
    date: T - 10,
    accountId: 'A1',
    value: 3,
    attributed: true,
    validatedBy: 'Bea Buyer',
    validatorRole: 'Buyer',
    customerWords: '',
    evidence: '',
    loggedBy: '',
    confirmedVia: null,
    ...over,
  };
}

export function check(over: Partial<CheckRecord> = {}): CheckRecord {
  return {
    row: 2,
    date: T - 10,
    accountId: 'A1',
    kind: '90-day',
    resultNamed: true,
    notes: '',
    checkedBy: '',
    ...over,
  };
}

export interface Case {
  readonly account?: Partial<Account>;
  readonly segment?: Segment | null;
  readonly usage?: readonly UsageRecord[];
  readonly results?: readonly ResultRecord[];
  readonly checks?: readonly CheckRecord[];
  readonly history?: readonly HistoryRecord[];
  readonly today?: Day;
  readonly settings?: Partial<Settings>;
}

/** Assesses one account through the same path as assessBook. */
export function assess(c: Case): Assessment {
  return assessAccount(
    account(c.account),
    c.segment === undefined ? SMB : c.segment,
    { usage: c.usage ?? [], results: c.results ?? [], checks: c.checks ?? [], history: c.history ?? [] },
    c.today ?? T,
    { ...DEFAULT_SETTINGS, ...c.settings },
  );
}
