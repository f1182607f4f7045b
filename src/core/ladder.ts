// The Customer Results Ladder (docs/rules.md §1, §3): the evidence for each rung, and the rung an account sits on.
import { isoOfDay } from './dates';
import type { Settings } from './settings';
import type {
  Account,
  Day,
  ResultRecord,
  Rung,
  RungEvidence,
  Segment,
  UsageRecord,
  ValidatorRole,
  ValidatorRule,
} from './types';
import {
  type ResultGate,
  resultGateOf,
  type TeamTie,
  statementBlock,
  teamBlock,
  teamDomainsOf,
  teamTieOf,
} from './validation';

/** How far a value has moved from baseline toward target: 0 at baseline, 1 at target; works for falling metrics. */
export function progressOf(
  value: number | null,
  baseline: number | null,
  target: number | null,
): number | null {
  if (value === null || baseline === null || target === null || baseline === target) return null;
  const progress = (value - baseline) / (target - baseline);
  // Values near the limits of a double overflow the subtraction (Infinity / Infinity): no progress can be read.
  return Number.isFinite(progress) ? progress : null;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The first day of Usage the rungs read as of T: older rows matter only as the account's last week of use. */
export function usageWindowStart(today: Day, settings: Settings): Day {
  return today - Math.max(settings.activityWindowDays, settings.adoptionWeeksOf * 7) + 1;
}

export interface ActivityReading extends RungEvidence {
  /** The latest week with any use, on or before T (also outside the window), or null. */
  readonly latestWeek: Day | null;
}

/** Activity: a Usage row with Week in (T − window, T] and Active users > 0 or Key actions > 0. */
export function activityOf(usage: readonly UsageRecord[], today: Day, settings: Settings): ActivityReading {
  const window = settings.activityWindowDays;
  let latestWeek: Day | null = null;
  for (const u of usage) {
    if (u.week > today || (u.activeUsers <= 0 && u.keyActions <= 0)) continue;
    if (latestWeek === null || u.week > latestWeek) latestWeek = u.week;
  }
  const holds = latestWeek !== null && latestWeek > today - window;
  const evidence = holds
    ? `Usage in the last ${window} days (latest week ${isoOfDay(latestWeek as Day)})`
    : latestWeek === null
      ? 'No usage recorded'
      : `No usage in the last ${window} days (last on ${isoOfDay(latestWeek)})`;
  return { rung: 1, holds, evidence, latestWeek };
}

export interface AdoptionReading extends RungEvidence {
  /** The segment's weekly-user bar, or null when the segment is unknown. */
  readonly usersNeeded: number | null;
  /** Recent weeks in which Active users met the bar. */
  readonly weeksMet: number;
  /** The most active users in any recent week. */
  readonly bestWeekUsers: number;
}

/**
 * Adoption: in at least `adoptionWeeksNeeded` of the `adoptionWeeksOf` most recent weeks (Week in (T − 7·weeks, T]),
 * Active users ≥ the segment's bar. Weeks are counted back from T in 7-day steps; when a week has several rows
 * the highest count stands for it (a re-entered row must not double the team).
 */
export function adoptionOf(
  usage: readonly UsageRecord[],
  usersNeeded: number | null,
  today: Day,
  settings: Settings,
): AdoptionReading {
  const weeksOf = settings.adoptionWeeksOf;
  const needed = settings.adoptionWeeksNeeded;
  const best = new Array<number>(weeksOf).fill(0);
  for (const u of usage) {
    const age = today - u.week;
    if (age < 0 || age >= weeksOf * 7) continue;
    const w = Math.floor(age / 7);
    if (u.activeUsers > best[w]) best[w] = u.activeUsers;
  }
  const bestWeekUsers = Math.max(0, ...best);
  if (usersNeeded === null) {
    return {
      rung: 2,
      holds: false,
      evidence: 'No segment, so no weekly-user bar',
      usersNeeded,
      weeksMet: 0,
      bestWeekUsers,
    };
  }
  const weeksMet = best.filter((n) => n >= usersNeeded).length;
  const holds = weeksMet >= needed;
  return {
    rung: 2,
    holds,
    evidence: `${usersNeeded}+ weekly users in ${weeksMet} of the last ${weeksOf} weeks (needs ${needed}; best week ${bestWeekUsers})`,
    usersNeeded,
    weeksMet,
    bestWeekUsers,
  };
}

/** A named result with a numeric baseline and target that differ: the only kind of result that can show movement. */
export function hasMeasurableTarget(account: Account): boolean {
  return (
    account.namedResult.trim() !== '' &&
    account.baseline !== null &&
    account.target !== null &&
    account.baseline !== account.target
  );
}

export interface OutcomeReading extends RungEvidence {
  /** Results rows dated ≤ T whose value moved from baseline toward target, in sheet order. */
  readonly progressing: readonly ResultRecord[];
  /** Progress of the latest Results row with a value (dated ≤ T), or null. */
  readonly progress: number | null;
  /** The latest Results row with a value (dated ≤ T), or null. */
  readonly latest: ResultRecord | null;
  /**
   * Regression (docs/rules.md §3): the latest value moved away from target — below baseline, or back to it or past it after
   * an earlier move toward target.
   */
  readonly regression: boolean;
}

function later(a: ResultRecord, b: ResultRecord): boolean {
  return a.date > b.date || (a.date === b.date && a.row > b.row);
}

/**
 * Outcome: a Named result, numeric Baseline and Target that differ, and a Results row dated ≤ T whose Value moved
 * toward Target: (Value − Baseline)/(Target − Baseline) > 0.
 */
export function outcomeOf(account: Account, results: readonly ResultRecord[], today: Day): OutcomeReading {
  const progressing: ResultRecord[] = [];
  let latest: ResultRecord | null = null;
  for (const r of results) {
    if (r.date > today || r.value === null) continue;
    if (latest === null || later(r, latest)) latest = r;
    const p = progressOf(r.value, account.baseline, account.target);
    if (p !== null && p > 0) progressing.push(r);
  }
  const progress = latest ? progressOf(latest.value, account.baseline, account.target) : null;
  const regression =
    hasMeasurableTarget(account) &&
    progress !== null &&
    (progress < 0 || (progress <= 0 && progressing.some((r) => r !== latest)));
  const metric = account.metric.trim() || 'the metric';
  let evidence: string;
  if (account.namedResult.trim() === '') evidence = 'No named result';
  else if (!hasMeasurableTarget(account)) evidence = 'No numeric baseline and target that differ';
  else if (regression && latest !== null) {
    evidence = `${metric} ${latest.value} vs baseline ${account.baseline}: moved away from target ${account.target} (logged ${isoOfDay(latest.date)})`;
  } else if (progressing.length > 0 && latest !== null && progress !== null) {
    evidence = `${metric} at ${latest.value} on ${isoOfDay(latest.date)}: ${percent(progress)} of the way from ${account.baseline} to ${account.target}`;
  } else if (latest !== null) {
    evidence = `${metric} at ${latest.value} on ${isoOfDay(latest.date)}: no move from ${account.baseline} toward ${account.target}`;
  } else evidence = `No Results value logged for ${metric} yet`;
  const holds = hasMeasurableTarget(account) && progressing.length > 0;
  return { rung: 3, holds, evidence, progressing: holds ? progressing : [], progress, latest, regression };
}

export interface ResultReading extends RungEvidence {
  /** The latest date the segment's rule was satisfied (see validationDateOf), or null. */
  readonly validationDate: Day | null;
  /** Some progressing row is attributed to the product. */
  readonly attributed: boolean;
  /** Accepted roles still needed (for `any`: every accepted role, one of which would do). */
  readonly missingRoles: readonly ValidatorRole[];
  /**
   * Why the result cannot count, as a sentence ('' when nothing stops it): the named result reads as activity,
   * adoption or sentiment (whatever the rows say), or the only confirmation of a progressing, attributed value came
   * from the team.
   */
  readonly blocked: string;
  /** The latest row that would have counted but for a team member's confirmation, when that is what stops it. */
  readonly byTeam: { readonly validatedBy: string; readonly tie: TeamTie } | null;
}

/** "Buyer", "Buyer or Manager", "Team lead and Manager". */
export function rolesInWords(rule: ValidatorRule, roles: readonly ValidatorRole[] = rule.roles): string {
  if (roles.length <= 1) return roles[0] ?? 'no accepted role';
  const joiner = rule.mode === 'all' ? ' and ' : ' or ';
  return `${roles.slice(0, -1).join(', ')}${joiner}${roles[roles.length - 1]}`;
}

const capFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** No team and a measurable statement: the gate of a caller that knows nothing about the team (tests of rows alone). */
const OPEN_GATE: ResultGate = { owner: '', teamDomains: [], statement: 'measurable' };

/**
 * Result: progressing Results rows that are also Attributed = Yes, have Validated by filled by someone who is not
 * the team (core/validation.ts), and whose Validator role satisfies the segment's rule (one accepted role, or every
 * role of an `A + B` rule); and a named result that does not read as activity, adoption or sentiment.
 * The validation date is the latest such row's date (docs/rules.md §3), for `A + B` too once every role has validated:
 * the result counts from its newest sign-off, as the spec says.
 */
export function resultOf(
  outcome: OutcomeReading,
  segment: Segment | null,
  gate: ResultGate = OPEN_GATE,
): ResultReading {
  const rule = segment?.validatorRule ?? null;
  const attributedRows = outcome.progressing.filter((r) => r.attributed);
  const latestByRole = new Map<ValidatorRole, Day>();
  /** The latest row that would have counted but for being confirmed by the team. */
  let byTeam: { row: ResultRecord; tie: TeamTie } | null = null;
  for (const r of attributedRows) {
    if (r.validatedBy.trim() === '' || r.validatorRole === null || !rule?.roles.includes(r.validatorRole))
      continue;
    const tie = teamTieOf(r.validatedBy, { owner: gate.owner, loggedBy: r.loggedBy }, gate.teamDomains);
    if (tie !== null) {
      if (byTeam === null || later(r, byTeam.row)) byTeam = { row: r, tie };
      continue;
    }
    const seen = latestByRole.get(r.validatorRole);
    if (seen === undefined || r.date > seen) latestByRole.set(r.validatorRole, r.date);
  }
  const attributed = attributedRows.length > 0;
  const notAResult = statementBlock(gate.statement);
  if (rule === null) {
    return {
      rung: 4,
      holds: false,
      evidence: 'No segment, so no accepted validator role',
      validationDate: null,
      attributed,
      missingRoles: [],
      blocked: '',
      byTeam: null,
    };
  }
  const missingRoles = rule.roles.filter((role) => !latestByRole.has(role));
  const dates = [...latestByRole.values()];
  const confirmed =
    rule.mode === 'all' ? rule.roles.length > 0 && missingRoles.length === 0 : dates.length > 0;
  const holds = confirmed && notAResult === null;
  const validationDate = holds ? Math.max(...dates) : null;
  const teamStops = notAResult === null && !confirmed && byTeam !== null;
  const blocked =
    notAResult !== null
      ? capFirst(notAResult)
      : teamStops && byTeam !== null
        ? capFirst(teamBlock(byTeam.row.validatedBy, byTeam.tie))
        : '';
  let evidence: string;
  if (holds)
    evidence = `Attributed and validated by ${rolesInWords(rule, [...latestByRole.keys()])} (${isoOfDay(validationDate as Day)})`;
  else if (notAResult !== null) evidence = blocked;
  else if (!outcome.holds) evidence = 'Needs an outcome first';
  else if (!attributed) evidence = 'No progressing Results row is attributed to the product';
  else if (blocked !== '') evidence = blocked;
  else evidence = `Not validated by ${rolesInWords(rule, rule.mode === 'all' ? missingRoles : rule.roles)}`;
  return {
    rung: 4,
    holds,
    evidence,
    validationDate,
    attributed,
    missingRoles: holds ? [] : missingRoles,
    blocked,
    byTeam:
      teamStops && byTeam !== null ? { validatedBy: byTeam.row.validatedBy.trim(), tie: byTeam.tie } : null,
  };
}

export interface LadderReading {
  readonly rung: Rung;
  readonly activity: ActivityReading;
  readonly adoption: AdoptionReading;
  readonly outcome: OutcomeReading;
  readonly result: ResultReading;
}

/** Rung = the highest rung whose own evidence holds (lower rungs need not hold: a validated result is a result). */
export function rungOf(evidence: readonly RungEvidence[]): Rung {
  let rung: Rung = 0;
  for (const e of evidence) if (e.holds && e.rung > rung) rung = e.rung;
  return rung;
}

/**
 * Reads every rung's evidence for one account from its own Usage and Results rows. `gate` says who the team is;
 * without it the team is the account's owner and the allowed domains (evaluate.ts passes every owner's domain).
 */
export function ladderOf(
  account: Account,
  segment: Segment | null,
  usage: readonly UsageRecord[],
  results: readonly ResultRecord[],
  today: Day,
  settings: Settings,
  gate: ResultGate = resultGateOf(account, teamDomainsOf([account.owner], settings.allowedDomains)),
): LadderReading {
  const activity = activityOf(usage, today, settings);
  const adoption = adoptionOf(usage, segment?.weeklyUsersForAdoption ?? null, today, settings);
  const outcome = outcomeOf(account, results, today);
  const result = resultOf(outcome, segment, gate);
  return { rung: rungOf([activity, adoption, outcome, result]), activity, adoption, outcome, result };
}
