// Renewal lift: do accounts that could name a result at their first 90-day check renew more often than those that could not?
import type { Settings } from './settings';
import type { Account, CheckRecord, ResultRecord } from './types';

export interface RenewalGroup {
  /** Accounts in the group (any renewal status). */
  readonly accounts: number;
  readonly renewed: number;
  readonly churned: number;
  /** Renewed ÷ (renewed + churned); null when none has been decided. */
  readonly rate: number | null;
}

export interface RenewalLift {
  readonly named: RenewalGroup;
  readonly notNamed: RenewalGroup;
  /** Rate(named) − rate(not named), as a fraction; null below the minimum of decided renewals in either group. */
  readonly lift: number | null;
  /** Decided renewals each group needs before a lift is stated. */
  readonly minimum: number;
}

function group(accounts: readonly Account[]): RenewalGroup {
  const renewed = accounts.filter((a) => a.renewalStatus === 'Renewed').length;
  const churned = accounts.filter((a) => a.renewalStatus === 'Churned').length;
  const decided = renewed + churned;
  return { accounts: accounts.length, renewed, churned, rate: decided === 0 ? null : renewed / decided };
}

/**
 * Groups accounts by the answer at their first 90-day check. When that check's `Result named` is blank, the
 * Results sheet answers: a value logged on or before the check date means a result could be named.
 * Accounts without a 90-day check are in neither group.
 */
export function renewalLift(
  accounts: readonly Account[],
  checks: readonly CheckRecord[],
  results: readonly ResultRecord[],
  settings: Settings,
): RenewalLift {
  const first = new Map<string, CheckRecord>();
  for (const c of checks) {
    if (c.kind !== '90-day') continue;
    const seen = first.get(c.accountId);
    if (!seen || c.date < seen.date || (c.date === seen.date && c.row < seen.row)) first.set(c.accountId, c);
  }
  const firstValue = new Map<string, number>();
  for (const r of results) {
    if (r.value === null) continue;
    const seen = firstValue.get(r.accountId);
    if (seen === undefined || r.date < seen) firstValue.set(r.accountId, r.date);
  }
  const named: Account[] = [];
  const notNamed: Account[] = [];
  for (const a of accounts) {
    const check = first.get(a.id);
    if (!check) continue;
    const valued = firstValue.get(a.id);
    const couldName = check.resultNamed ?? (valued !== undefined && valued <= check.date);
    (couldName ? named : notNamed).push(a);
  }
  const n = group(named);
  const x = group(notNamed);
  const minimum = settings.renewalLiftMinimum;
  const enough = n.renewed + n.churned >= minimum && x.renewed + x.churned >= minimum;
  const lift = enough && n.rate !== null && x.rate !== null ? n.rate - x.rate : null;
  return { named: n, notNamed: x, lift, minimum };
}
