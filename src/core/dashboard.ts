// The dashboard's numbers: the book at a glance, the CSM scorecard and movement, from the same assessments as LADDER.
import { onLadder, segmentIndex } from './evaluate';
import { groupHistory } from './history';
import { ladderOf } from './ladder';
import { type RenewalLift, renewalLift } from './renewal';
import type { Settings } from './settings';
import { NO_VALID_OWNER, ownerKeyOf } from './ownerName';
import { resultGateOf, teamDomainsOf } from './validation';
import type { Assessment, Book, CheckRecord, Day, Health, HistoryRecord, Problem, Rung } from './types';
import { HEALTHS, RUNG_NAMES } from './types';

/** Accounts whose Owner cell is blank or not an email: a data problem, counted apart from every owner. */
export const NO_OWNER = NO_VALID_OWNER;
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

/** A Red account as the Dashboard's first block lists it: who owns it, why it is Red and since when. */
export interface RedRow {
  readonly accountId: string;
  readonly account: string;
  /** The owner key (core/ownerName.ts): a lower-case email or NO_OWNER. */
  readonly owner: string;
  readonly reason: string;
  /** Days since Ladder history first shows the account Red in its current run (0: it turned Red today). */
  readonly daysRed: number;
  /** Red on the account's first history row: Red for at least `daysRed` days, maybe longer. */
  readonly sinceHistoryBegan: boolean;
}

/** An account whose rung or health differs from what Ladder history recorded a week ago. */
export interface ChangeRow {
  readonly accountId: string;
  readonly account: string;
  readonly owner: string;
  readonly healthThen: Health;
  readonly health: Health;
  readonly rungThen: Rung;
  readonly rung: Rung;
}

export interface DashboardNumbers {
  readonly asOf: Day;
  /** Red accounts, longest Red first. */
  readonly red: readonly RedRow[];
  /** Red / Yellow / Green per owner (counts in RED_FIRST order), most Red first. */
  readonly healthByOwner: readonly Tally[];
  /** The day "since last week" reads from (asOf − 7). */
  readonly changesSince: Day;
  /** Rung or health changed since then, worst news first. */
  readonly changes: readonly ChangeRow[];
  /** Accounts Ladder history first records after `changesSince`: new, so nothing to compare. */
  readonly firstRecordedSince: number;
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

/** The owner key: an Owner cell that is not an email is a data problem, never an owner of its own. */
function ownerOf(a: Assessment): string {
  return ownerKeyOf(a.account.owner);
}

/** Health in the order the Dashboard reads it: who is at risk first. */
export const RED_FIRST: readonly Health[] = ['Red', 'Yellow', 'Green'];
/** "Since last week". */
export const CHANGES_DAYS = 7;

/** The account's history rows up to `today`, in order (groupHistory sorted them). */
function historyTo(rows: readonly HistoryRecord[] | undefined, today: Day): readonly HistoryRecord[] {
  if (!rows) return [];
  let end = rows.length;
  while (end > 0 && rows[end - 1].date > today) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

/** Each account once (a duplicate Account ID is a data problem; its history follows the first row). */
function uniqueAccounts(assessments: readonly Assessment[]): Assessment[] {
  const seen = new Set<string>();
  return assessments.filter((a) => {
    if (!a.account.id || seen.has(a.account.id)) return false;
    seen.add(a.account.id);
    return true;
  });
}

/**
 * Red accounts with how long they have been Red, read from Ladder history: the start of the unbroken run of Red
 * rows that ends at the latest row. Not Red in the latest row (history not yet written today): 0 days.
 */
export function redRows(
  assessments: readonly Assessment[],
  history: ReadonlyMap<string, readonly HistoryRecord[]>,
  today: Day,
): RedRow[] {
  const rows: RedRow[] = [];
  for (const a of uniqueAccounts(assessments)) {
    if (a.health !== 'Red') continue;
    const own = historyTo(history.get(a.account.id), today);
    let i = own.length;
    while (i > 0 && own[i - 1].health === 'Red') i--;
    const inRun = i < own.length;
    rows.push({
      accountId: a.account.id,
      account: a.account.name.trim() || a.account.id,
      owner: ownerOf(a),
      reason: a.reasons.join('; '),
      daysRed: inRun ? today - own[i].date : 0,
      // Red on the first row recorded before today: it may have been Red before history began.
      sinceHistoryBegan: inRun && i === 0 && own[0].date < today,
    });
  }
  return rows.sort(
    (x, y) => y.daysRed - x.daysRed || (x.account < y.account ? -1 : x.account > y.account ? 1 : 0),
  );
}

/** Worst news first: turned Red, then slipped a rung, then health worse, then the good news. */
function changeRank(c: ChangeRow): number {
  const worse = (h: Health) => RED_FIRST.length - RED_FIRST.indexOf(h);
  if (c.health === 'Red' && c.healthThen !== 'Red') return 0;
  if (c.rung < c.rungThen) return 1;
  if (worse(c.health) > worse(c.healthThen)) return 2;
  return 3;
}

/**
 * What changed since `since`: each account whose rung or health today differs from its latest Ladder history row
 * on or before that day. Accounts history first records after it are counted apart (nothing to compare).
 */
export function changesSince(
  assessments: readonly Assessment[],
  history: ReadonlyMap<string, readonly HistoryRecord[]>,
  since: Day,
  today: Day,
): { changes: ChangeRow[]; firstRecorded: number } {
  const changes: ChangeRow[] = [];
  let firstRecorded = 0;
  for (const a of uniqueAccounts(assessments)) {
    const own = historyTo(history.get(a.account.id), today);
    let then: HistoryRecord | null = null;
    for (const r of own) if (r.date <= since) then = r;
    if (then === null) {
      if (own.length > 0) firstRecorded++;
      continue;
    }
    if (then.health === a.health && then.rung === a.rung) continue;
    changes.push({
      accountId: a.account.id,
      account: a.account.name.trim() || a.account.id,
      owner: ownerOf(a),
      healthThen: then.health,
      health: a.health,
      rungThen: then.rung,
      rung: a.rung,
    });
  }
  changes.sort(
    (x, y) => changeRank(x) - changeRank(y) || (x.account < y.account ? -1 : x.account > y.account ? 1 : 0),
  );
  return { changes, firstRecorded };
}

function segmentOf(a: Assessment): string {
  return a.segment?.name ?? (a.account.segment?.trim() || NO_SEGMENT);
}

/** Keys in order, with "no valid owner" and "no segment" last: they are the rows to fix, not a team member. */
function byKey<T>(map: Map<string, T>): [string, T][] {
  const apart = (k: string) => (k === NO_OWNER || k === NO_SEGMENT ? 1 : 0);
  return [...map.entries()].sort(([a], [b]) => apart(a) - apart(b) || (a < b ? -1 : a > b ? 1 : 0));
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
  const history = groupHistory(book.history);
  const since = today - CHANGES_DAYS;
  const changed = changesSince(assessments, history, since, today);
  const byHealth = tallies(assessments, ownerOf, (a) => RED_FIRST.indexOf(a.health), RED_FIRST.length).sort(
    (x, y) => y.counts[0] - x.counts[0] || y.total - x.total || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  return {
    asOf: today,
    red: redRows(assessments, history, today),
    healthByOwner: byHealth,
    changesSince: since,
    changes: changed.changes,
    firstRecordedSince: changed.firstRecorded,
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
