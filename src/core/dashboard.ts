// The dashboard's numbers: the book at a glance, the CSM scorecard and movement, from the same assessments as LADDER.
import { onLadder, segmentIndex } from './evaluate';
import { ladderOf } from './ladder';
import { type RenewalLift, renewalLift } from './renewal';
import type { Settings } from './settings';
import { resultGateOf, teamDomainsOf } from './validation';
import type { Assessment, Book, CheckRecord, Day, Health, Problem } from './types';
import { HEALTHS, RUNG_NAMES } from './types';

export const NO_OWNER = '(no owner)';
export const NO_SEGMENT = '(no segment)';

/** A share with its counts, so "0 of 0" is never shown as 0%. */
export interface Share {
  readonly count: number;
  readonly of: number;
}

/** Counts per rung (index = Rung) or per health (HEALTHS order) for one owner or segment. */
export interface Tally {
  readonly key: string;
  readonly counts: readonly number[];
  readonly total: number;
}

export interface ScorecardRow {
  readonly owner: string;
  readonly accounts: number;
  /** Accounts with a named result and a named validator (not on triage). */
  readonly named: Share;
  /** Of accounts whose kickoff window (Start + kickoffDays) has closed: the chain is complete. */
  readonly chainAfterKickoff: Share;
  /** 90-day checks recorded by their due date, out of checks recorded plus checks overdue now. */
  readonly checksOnTime: Share;
  /** Of accounts started at least qbrEveryDays ago: a QBR check in the last qbrEveryDays. */
  readonly recentQbr: Share;
  readonly green: Share;
}

export interface MovementRow {
  readonly owner: string;
  readonly climbing: number;
  readonly slipping: number;
  readonly stalled: number;
  readonly steady: number;
}

export interface RungsOnDay {
  readonly day: Day;
  /** Accounts per rung in force on that day, index = Rung. */
  readonly counts: readonly number[];
}

export interface DashboardNumbers {
  readonly asOf: Day;
  readonly accounts: number;
  /** Churned accounts: counted in `accounts` and the renewal lift, left out of every other number (docs/rules.md §2). */
  readonly churned: number;
  readonly triage: number;
  /** Next check due within settings.dueSoonDays, not yet overdue. */
  readonly checksDueSoon: number;
  readonly checksOverdue: number;
  readonly problems: readonly Problem[];
  readonly health: Readonly<Record<Health, number>>;
  readonly rungs: readonly number[];
  readonly rungsByOwner: readonly Tally[];
  readonly rungsBySegment: readonly Tally[];
  readonly healthBySegment: readonly Tally[];
  readonly scorecard: readonly ScorecardRow[];
  readonly movement: readonly MovementRow[];
  readonly rungsOverTime: readonly RungsOnDay[];
  readonly renewal: RenewalLift;
  /** The windows the scorecard used, for its column titles. */
  readonly kickoffDays: number;
  readonly qbrEveryDays: number;
}

/** How many weekly points the rung-counts-over-time block shows. */
export const RUNGS_OVER_TIME_WEEKS = 12;

function ownerOf(a: Assessment): string {
  return a.account.owner.trim() || NO_OWNER;
}

function segmentOf(a: Assessment): string {
  return a.segment?.name ?? (a.account.segment?.trim() || NO_SEGMENT);
}

function byKey<T>(map: Map<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function tallies(
  assessments: readonly Assessment[],
  keyOf: (a: Assessment) => string,
  slot: (a: Assessment) => number,
  slots: number,
): Tally[] {
  const map = new Map<string, number[]>();
  for (const a of assessments) {
    const key = keyOf(a);
    let counts = map.get(key);
    if (!counts) {
      counts = new Array<number>(slots).fill(0);
      map.set(key, counts);
    }
    counts[slot(a)]++;
  }
  return byKey(map).map(([key, counts]) => ({ key, counts, total: counts.reduce((s, n) => s + n, 0) }));
}

const healthSlot = (a: Assessment): number => HEALTHS.indexOf(a.health);

function checksByAccount(checks: readonly CheckRecord[]): Map<string, CheckRecord[]> {
  const map = new Map<string, CheckRecord[]>();
  for (const c of checks) {
    const list = map.get(c.accountId);
    if (list) list.push(c);
    else map.set(c.accountId, [c]);
  }
  for (const list of map.values()) list.sort((a, b) => a.date - b.date || a.row - b.row);
  return map;
}

interface ScorecardTotals {
  accounts: number;
  named: [number, number];
  chain: [number, number];
  checks: [number, number];
  qbr: [number, number];
  green: [number, number];
}

/**
 * 90-day checks recorded on time for one account: each is due `checkEvery` days after the latest of
 * Start, the previous 90-day check and a validation before it — the same anchor as the next-check rule.
 * A check due now and not done counts as one late check.
 */
function checksOnTime(a: Assessment, checks: readonly CheckRecord[], today: Day): [number, number] {
  const every = a.segment?.checkEveryDays;
  const start = a.account.startDate;
  let onTime = 0;
  let due = 0;
  if (every !== undefined && start !== null) {
    let anchor: Day = start;
    for (const c of checks) {
      if (c.kind !== '90-day' || c.date > today) continue;
      if (a.validationDate !== null && a.validationDate < c.date && a.validationDate > anchor) {
        anchor = a.validationDate;
      }
      due++;
      if (c.date <= anchor + every) onTime++;
      anchor = c.date;
    }
  }
  if (a.daysOverdue > 0) due++;
  return [onTime, due];
}

function scorecardOf(
  assessments: readonly Assessment[],
  book: Book,
  settings: Settings,
  today: Day,
): ScorecardRow[] {
  const checks = checksByAccount(book.checks);
  const byOwner = new Map<string, ScorecardTotals>();
  for (const a of assessments) {
    const owner = ownerOf(a);
    let t = byOwner.get(owner);
    if (!t) {
      t = { accounts: 0, named: [0, 0], chain: [0, 0], checks: [0, 0], qbr: [0, 0], green: [0, 0] };
      byOwner.set(owner, t);
    }
    t.accounts++;
    t.named[1]++;
    if (!a.triage) t.named[0]++;
    t.green[1]++;
    if (a.health === 'Green') t.green[0]++;
    const start = a.account.startDate;
    if (start !== null && today >= start + settings.kickoffDays) {
      t.chain[1]++;
      if (a.chain.complete) t.chain[0]++;
    }
    const own = checks.get(a.account.id) ?? [];
    const [onTime, due] = checksOnTime(a, own, today);
    t.checks[0] += onTime;
    t.checks[1] += due;
    if (start !== null && today >= start + settings.qbrEveryDays) {
      t.qbr[1]++;
      if (own.some((c) => c.kind === 'QBR' && c.date <= today && c.date > today - settings.qbrEveryDays)) {
        t.qbr[0]++;
      }
    }
  }
  const share = ([count, of]: [number, number]): Share => ({ count, of });
  return byKey(byOwner).map(([owner, t]) => ({
    owner,
    accounts: t.accounts,
    named: share(t.named),
    chainAfterKickoff: share(t.chain),
    checksOnTime: share(t.checks),
    recentQbr: share(t.qbr),
    green: share(t.green),
  }));
}

function movementOfOwners(assessments: readonly Assessment[]): MovementRow[] {
  const map = new Map<string, { climbing: number; slipping: number; stalled: number; steady: number }>();
  for (const a of assessments) {
    const owner = ownerOf(a);
    let row = map.get(owner);
    if (!row) {
      row = { climbing: 0, slipping: 0, stalled: 0, steady: 0 };
      map.set(owner, row);
    }
    row[a.movement.trend]++;
  }
  return byKey(map).map(([owner, r]) => ({ owner, ...r }));
}

/**
 * Accounts per rung on each of the last `weeks` weekly points up to today, reconstructed for every account from
 * its start date: on each day an account that had started counts on the rung its own evidence gave that day
 * (usage in the activity window before it, results dated on or before it), by the same rules as LADDER. Ladder
 * history is not the source: it holds only what runs recorded, so reading it made the lines rise as history
 * filled in rather than as customers climbed. Linear: weeks × the book's rows.
 */
export function rungsOverTime(
  book: Book,
  today: Day,
  settings: Settings,
  weeks: number = RUNGS_OVER_TIME_WEEKS,
): RungsOnDay[] {
  const days: Day[] = [];
  for (let i = weeks - 1; i >= 0; i--) days.push(today - 7 * i);
  const counts = days.map(() => new Array<number>(RUNG_NAMES.length).fill(0));
  const usage = byAccountId(book.usage);
  const results = byAccountId(book.results);
  const segmentOf = segmentIndex(book.segments);
  // The same team as every other view (core/evaluate.ts): all owners' domains, not only this account's owner's.
  const teamDomains = teamDomainsOf(
    book.accounts.map((a) => a.owner),
    settings.allowedDomains,
  );
  const seen = new Set<string>();
  for (const account of book.accounts) {
    if (seen.has(account.id)) continue;
    seen.add(account.id);
    const segment = segmentOf(account);
    const own = { usage: usage.get(account.id) ?? [], results: results.get(account.id) ?? [] };
    const gate = resultGateOf(account, teamDomains);
    for (let d = 0; d < days.length; d++) {
      if (account.startDate !== null && account.startDate > days[d]) continue;
      counts[d][ladderOf(account, segment, own.usage, own.results, days[d], settings, gate).rung]++;
    }
  }
  return days.map((day, d) => ({ day, counts: counts[d] }));
}

function byAccountId<T extends { readonly accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.accountId);
    if (list) list.push(r);
    else map.set(r.accountId, [r]);
  }
  return map;
}

/** Every number on the dashboard, from assessBook's assessments and problems for the same book and day. */
export function dashboardNumbers(
  book: Book,
  all: readonly Assessment[],
  problems: readonly Problem[],
  settings: Settings,
  today: Day,
): DashboardNumbers {
  // Churned accounts have left the ladder: no health, rung, triage or movement to count (docs/rules.md §2).
  const assessments = onLadder(all);
  const health: Record<Health, number> = { Green: 0, Yellow: 0, Red: 0 };
  const rungs = new Array<number>(RUNG_NAMES.length).fill(0);
  let triage = 0;
  let dueSoon = 0;
  let overdue = 0;
  for (const a of assessments) {
    health[a.health]++;
    rungs[a.rung]++;
    if (a.triage) triage++;
    if (a.daysOverdue > 0) overdue++;
    else if (a.nextCheckDue !== null && a.nextCheckDue <= today + settings.dueSoonDays) dueSoon++;
  }
  return {
    asOf: today,
    accounts: all.length,
    churned: all.length - assessments.length,
    triage,
    checksDueSoon: dueSoon,
    checksOverdue: overdue,
    problems,
    health,
    rungs,
    rungsByOwner: tallies(assessments, ownerOf, (a) => a.rung, RUNG_NAMES.length),
    rungsBySegment: tallies(assessments, segmentOf, (a) => a.rung, RUNG_NAMES.length),
    healthBySegment: tallies(assessments, segmentOf, healthSlot, HEALTHS.length),
    scorecard: scorecardOf(assessments, book, settings, today),
    movement: movementOfOwners(assessments),
    rungsOverTime: rungsOverTime(book, today, settings),
    renewal: renewalLift(book.accounts, book.checks, settings),
    kickoffDays: settings.kickoffDays,
    qbrEveryDays: settings.qbrEveryDays,
  };
}
