// Renewal lift (docs/rules.md §4): do accounts that could name a result at their first 90-day check renew more often than those that could not?
import type { Settings } from './settings';
import type { Account, CheckRecord } from './types';

export interface RenewalGroup {
  /** Accounts in the group (any renewal status). */
  readonly accounts: number;
  readonly renewed: number;
  readonly churned: number;
  /** Renewed ÷ (renewed + churned); null when none has been decided. */
  readonly rate: number | null;
}

export interface RenewalLift {
  /** First 90-day check answered Yes. */
  readonly named: RenewalGroup;
  /** First 90-day check answered No. */
  readonly notNamed: RenewalGroup;
  /** First 90-day check with `Result named` left blank: counted apart, never guessed. */
  readonly unanswered: RenewalGroup;
  /** Rate(named) − rate(not named), as a fraction; null below the minimum of decided renewals in either group. */
  readonly lift: number | null;
  /** Rate(named) ÷ rate(not named); null below the minimum or when the not-named rate is 0. */
  readonly multiple: number | null;
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
 * Groups accounts by the answer at their first 90-day check: Yes, No, or blank (unanswered, kept apart — a blank
 * is not a Yes however much was logged before it). Churned accounts count: they are half of what is compared.
 * Accounts without a 90-day check are in no group.
 */
export function renewalLift(
  accounts: readonly Account[],
  checks: readonly CheckRecord[],
  settings: Settings,
): RenewalLift {
  const first = new Map<string, CheckRecord>();
  for (const c of checks) {
    if (c.kind !== '90-day') continue;
    const seen = first.get(c.accountId);
    if (!seen || c.date < seen.date || (c.date === seen.date && c.row < seen.row)) first.set(c.accountId, c);
  }
  const named: Account[] = [];
  const notNamed: Account[] = [];
  const unanswered: Account[] = [];
  for (const a of accounts) {
    const check = first.get(a.id);
    if (!check) continue;
    (check.resultNamed === null ? unanswered : check.resultNamed ? named : notNamed).push(a);
  }
  const n = group(named);
  const x = group(notNamed);
  const minimum = settings.renewalLiftMinimum;
  const enough = n.renewed + n.churned >= minimum && x.renewed + x.churned >= minimum;
  const lift = enough && n.rate !== null && x.rate !== null ? n.rate - x.rate : null;
  const multiple = lift !== null && x.rate ? (n.rate as number) / x.rate : null;
  return { named: n, notNamed: x, unanswered: group(unanswered), lift, multiple, minimum };
}

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** "82% (41 of 50)": the rate with the decided renewals behind it; "—" when none is decided. */
export function rateText(g: RenewalGroup): string {
  const decided = g.renewed + g.churned;
  return g.rate === null ? '—' : `${pct(g.rate)} (${g.renewed} of ${decided})`;
}

/** "82% vs 27%: +55 pts, 3.0×", or "not enough data (…)" below the minimum. */
export function liftText(r: RenewalLift): string {
  if (r.lift === null) {
    const decided = (g: RenewalGroup) => g.renewed + g.churned;
    return `not enough data (each group needs ${r.minimum} renewed or churned accounts; Yes has ${decided(r.named)}, No has ${decided(r.notNamed)})`;
  }
  const points = Math.round(r.lift * 100);
  const multiple = r.multiple === null ? '' : `, ${r.multiple.toFixed(1)}×`;
  return `${pct(r.named.rate)} vs ${pct(r.notNamed.rate)}: ${points >= 0 ? '+' : ''}${points} pts${multiple}`;
}

/** The table RENEWAL_LIFT returns and the Dashboard shows: one row per answer, then the lift. */
export function renewalLiftRows(r: RenewalLift): (string | number)[][] {
  const row = (label: string, g: RenewalGroup) => [label, g.accounts, g.renewed, g.churned, rateText(g)];
  return [
    ['At the first 90-day check', 'Accounts', 'Renewed', 'Churned', 'Renewal rate'],
    row('Could name a result', r.named),
    row('Could not', r.notNamed),
    row('Unanswered (left blank)', r.unanswered),
    ['Lift', liftText(r), '', '', ''],
  ];
}
