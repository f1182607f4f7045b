// Results-based health (docs/rules.md §3): Red, Yellow or Green, each with its reasons in plain words.
import type { Replan } from './checks';
import { isoOfDay } from './dates';
import { hasMeasurableTarget, type LadderReading, rolesInWords } from './ladder';
import { classifyStatement, type StatementKind } from './measurable';
import type { Settings } from './settings';
import {
  type Account,
  type CheckRecord,
  type Day,
  type Health,
  RUNG_NAMES,
  type Rung,
  type Segment,
} from './types';
import { type TeamTie, teamTieOf } from './validation';
import { namedValidators, rolesWithoutValidator } from './validators';

/** What a named result that is not measurable reads as, for its triage reason. */
const READS_AS: Record<Exclude<StatementKind, 'measurable' | 'empty'>, string> = {
  activity: 'reads as activity',
  adoption: 'reads as adoption',
  sentiment: 'reads as sentiment',
  value: 'reads as a value statement, with no measure',
  feature: 'reads as a feature',
  vague: 'is too vague to measure',
};

/**
 * Why the named validators do not meet the segment's rule, or '' when they do: no one in an accepted role, or (for
 * `A + B`) a role nobody is named for. A blank Validator is its own triage reason, not this one.
 */
export function validatorRoleGap(account: Account, segment: Segment): string {
  const rule = segment.validatorRule;
  const named = namedValidators(account.validator, account.validatorRole);
  if (named.length === 0) return '';
  if (!named.some((v) => v.role !== null && rule.roles.includes(v.role))) {
    const role = account.validatorRole ? `is a ${account.validatorRole}` : 'has no role';
    return `Validator ${account.validator.trim()} ${role}; ${segment.name} accepts ${rolesInWords(rule)}`;
  }
  if (rule.mode === 'all') {
    const missing = rolesWithoutValidator(named, rule.roles);
    if (missing.length > 0)
      return `No validator named as ${rolesInWords(rule, missing)}; ${segment.name} needs ${rolesInWords(rule)}`;
  }
  return '';
}

/**
 * The first named validator (a Validator entry or the Validator email) who is on the team — the owner, or an address
 * in a team domain (core/validation.ts) — or null when every one of them may be the customer. "If the customer
 * wouldn't say it out loud, it doesn't count" (docs/rules.md §3): a team member can never confirm the result, so
 * naming one is no better than naming nobody.
 */
export function teamValidatorOf(
  account: Account,
  teamDomains: readonly string[],
): { readonly name: string; readonly tie: TeamTie } | null {
  const who = { owner: account.owner, loggedBy: '' };
  const named = [...namedValidators(account.validator, null).map((v) => v.name), account.validatorEmail];
  for (const name of named) {
    const tie = teamTieOf(name, who, teamDomains);
    if (tie) return { name: name.trim(), tie };
  }
  return null;
}

/**
 * Why an account belongs on the triage list (issue 21): no named result or one that does not read as a measurable
 * result; no validator, one on the team, or none in a role the segment accepts (one per role for `A + B`); no segment
 * the rules know. `teamDomains` are the book's (core/validation.ts teamDomainsOf); alone, the owner's domain.
 */
export function triageReasons(
  account: Account,
  segment: Segment | null,
  statement: StatementKind = classifyStatement(account.namedResult).kind,
  teamDomains: readonly string[] = [],
): string[] {
  const reasons: string[] = [];
  if (statement === 'empty') reasons.push('No named result (triage)');
  else if (statement !== 'measurable') reasons.push(`Named result ${READS_AS[statement]} (triage)`);
  const onTeam = teamValidatorOf(account, teamDomains);
  if (account.validator.trim() === '') reasons.push('No validator named (triage)');
  else if (onTeam)
    reasons.push(
      `Validator '${onTeam.name}' is on the team (${onTeam.tie}): name someone at the customer (triage)`,
    );
  else if (segment !== null) {
    const gap = validatorRoleGap(account, segment);
    if (gap) reasons.push(`${gap} (triage)`);
  }
  if (segment === null) {
    reasons.push(
      account.segment === null
        ? 'No segment, so no result definition applies (triage)'
        : `Segment '${account.segment}' is not in Segments (triage)`,
    );
  }
  return reasons;
}

/** T is past Start + the segment's result window and the rung is below Result. */
export function resultWindowPassed(
  startDate: Day | null,
  resultWindowDays: number | null,
  rung: Rung,
  today: Day,
): boolean {
  return startDate !== null && resultWindowDays !== null && rung < 4 && today > startDate + resultWindowDays;
}

/** The latest 90-day check said No and no validation came after it (a same-day validation does not count). */
export function unansweredNo(
  latest90DayCheck: CheckRecord | null,
  validationDate: Day | null,
): CheckRecord | null {
  if (latest90DayCheck === null || latest90DayCheck.resultNamed !== false) return null;
  return validationDate !== null && validationDate > latest90DayCheck.date ? null : latest90DayCheck;
}

export interface HealthFacts {
  readonly account: Account;
  readonly segment: Segment | null;
  readonly rung: Rung;
  readonly validationDate: Day | null;
  readonly nextCheckDue: Day | null;
  readonly daysOverdue: number;
  readonly unansweredNo: CheckRecord | null;
  /** The intervention recorded since that No (core/checks.ts), which changes its reason but not the health. */
  readonly replan?: Replan | null;
  /** Progress of the latest logged value toward target, for the Yellow reason. */
  readonly progress: number | null;
  /** The rungs' evidence: the latest value, regression, attribution, for reasons in the CSM's words. */
  readonly ladder: LadderReading;
  /** What the named result reads as, when the caller has classified it already. */
  readonly statement?: StatementKind;
  /** The team's domains (core/validation.ts teamDomainsOf): a Validator there is on the team, not the customer. */
  readonly teamDomains?: readonly string[];
}

/** Why an account is Red, each answered by its own next step (docs/rules.md §3). */
export type RedCause = 'triage' | 'no' | 'overdue' | 'window';

export interface HealthReading {
  readonly health: Health;
  /** Plain-word reasons (never empty). */
  readonly reasons: string[];
  /** Why it is Red, in the spec's order; empty unless Red. */
  readonly causes: RedCause[];
  /** The latest value moved away from target (see outcomeOf). */
  readonly regression: boolean;
  /** On Result, but the latest validation is older than the check interval. */
  readonly stale: boolean;
}

/**
 * "90-day check on D said No and no validation came after it", or, once an intervention is on the record,
 * "90-day check on D said No; intervention on D2; re-planned result due D3". Either way the account stays Red
 * until a validation after the No: an intervention is a plan, not a result.
 */
export function noReason(no: CheckRecord, replan: Replan | null): string {
  const said = `90-day check on ${isoOfDay(no.date)} said No`;
  if (replan === null) return `${said} and no validation came after it`;
  const due =
    replan.due === null
      ? 'no due date for the re-planned result'
      : `re-planned result due ${isoOfDay(replan.due)}`;
  return `${said}; intervention on ${isoOfDay(replan.date)}; ${due}`;
}

/** "Reporting days 6 vs baseline 5: moved away from target 2 (logged 2026-11-14)". */
export function regressionText(account: Account, ladder: LadderReading): string {
  const latest = ladder.outcome.latest;
  const metric = account.metric.trim() || 'The metric';
  return `${metric} ${latest?.value} vs baseline ${account.baseline}: moved away from target ${account.target} (logged ${isoOfDay(latest?.date ?? 0)})`;
}

/** Where a named result stands when it is not validated and fresh, in the CSM's words, with the numbers. */
function inFlightText(facts: HealthFacts): string {
  const { account, ladder, rung, segment } = facts;
  const metric = account.metric.trim() || 'the metric';
  const latest = ladder.outcome.latest;
  if (!hasMeasurableTarget(account))
    return `No baseline and target for ${metric} yet, so progress cannot be read`;
  if (latest === null) {
    const where = rung === 0 ? 'No usage in the last weeks' : `On ${RUNG_NAMES[rung]}`;
    return `${where}; no ${metric} value logged yet`;
  }
  const at = `${cap(metric)} at ${latest.value} on ${isoOfDay(latest.date)}`;
  const p = facts.progress ?? 0;
  if (p <= 0) return `${at}, still at baseline ${account.baseline} (target ${account.target})`;
  const way = `${at}, ${Math.round(p * 100)}% of the way from ${account.baseline} to ${account.target}`;
  if (!ladder.result.attributed) return `${way}; not attributed to the product yet`;
  const rule = segment?.validatorRule;
  const who = rule ? rolesInWords(rule, rule.mode === 'all' ? ladder.result.missingRoles : rule.roles) : '';
  return `${way}; not validated by the ${who || 'accepted role'} yet`;
}

/** Why the rows that move the metric do not make a result, once there is an outcome to speak of; '' otherwise. */
function whyNotAResult(ladder: LadderReading): string {
  return ladder.outcome.holds && !ladder.result.holds ? ladder.result.blocked : '';
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Red if any of: triage; the result window has passed below Result; the latest 90-day check said No with no
 * validation since; the 90-day check is overdue by more than the grace days. Green if not Red, on Result, the
 * latest validation is within the check interval, and the metric has not slipped back since. Yellow otherwise.
 * Reasons are never empty, and a regression is always said with its numbers, never as progress.
 */
export function healthOf(facts: HealthFacts, today: Day, settings: Settings): HealthReading {
  const { account, segment, rung } = facts;
  const regression = facts.ladder.outcome.regression;
  const red = triageReasons(account, segment, facts.statement, facts.teamDomains);
  const causes: RedCause[] = red.length > 0 ? ['triage'] : [];
  if (facts.unansweredNo) {
    causes.push('no');
    red.push(noReason(facts.unansweredNo, facts.replan ?? null));
  }
  const overdue = facts.nextCheckDue !== null && facts.daysOverdue > 0;
  const overdueText = overdue
    ? `90-day check overdue by ${facts.daysOverdue} day${facts.daysOverdue === 1 ? '' : 's'} (due ${isoOfDay(facts.nextCheckDue as Day)})`
    : '';
  if (overdue && facts.daysOverdue > settings.overdueGraceDays) {
    causes.push('overdue');
    red.push(overdueText);
  }
  if (segment && resultWindowPassed(account.startDate, segment.resultWindowDays, rung, today)) {
    const ended = (account.startDate as Day) + segment.resultWindowDays;
    causes.push('window');
    red.push(
      `Result window ended ${isoOfDay(ended)} (${segment.resultWindowDays} days from start) and the account is on ${RUNG_NAMES[rung]}`,
    );
  }
  const blocked = whyNotAResult(facts.ladder);
  if (red.length > 0) {
    if (regression && !causes.includes('triage')) red.push(regressionText(account, facts.ladder));
    if (blocked) red.push(blocked);
    return { health: 'Red', reasons: red, causes, regression, stale: false };
  }

  const every = segment?.checkEveryDays ?? null;
  const validated = rung === 4 && facts.validationDate !== null;
  const fresh = validated && every !== null && today - (facts.validationDate as Day) <= every;
  if (fresh && !regression) {
    return {
      health: 'Green',
      reasons: [
        `Validated result on ${isoOfDay(facts.validationDate as Day)}, within the ${every}-day check interval`,
      ],
      causes,
      regression,
      stale: false,
    };
  }
  const yellow: string[] = [];
  if (validated) {
    yellow.push(
      fresh
        ? `Validated on ${isoOfDay(facts.validationDate as Day)}, but it has slipped back since`
        : `Validated result from ${isoOfDay(facts.validationDate as Day)} is older than the ${every}-day check interval`,
    );
  }
  if (regression) yellow.push(regressionText(account, facts.ladder));
  else if (!validated) yellow.push(inFlightText(facts));
  if (blocked) yellow.push(blocked);
  if (overdue) yellow.push(`${overdueText}; Red after ${settings.overdueGraceDays} days`);
  return { health: 'Yellow', reasons: yellow, causes, regression, stale: validated && !fresh };
}
