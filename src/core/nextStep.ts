// The next step (docs/rules.md §3): the one most useful action for an account — a Red account's own reason first, then a fixed order of gaps.
import { chainLinkName, judgeLink } from './chain';
import type { Replan } from './checks';
import { isoOfDay } from './dates';
import { type HealthReading, regressionText, teamValidatorOf } from './health';
import { type LadderReading, rolesInWords } from './ladder';
import { classifyStatement, measurabilityHint, RESULT_EXAMPLE, type StatementReading } from './measurable';
import type { Settings } from './settings';
import {
  type Account,
  type ChainStatus,
  type CheckRecord,
  type Day,
  RUNG_NAMES,
  type Segment,
} from './types';
import { namedValidators, rolesWithoutValidator } from './validators';

export interface NextStepFacts {
  readonly account: Account;
  readonly segment: Segment | null;
  readonly chain: ChainStatus;
  readonly ladder: LadderReading;
  /** The health beside the step: the step answers its reasons and never contradicts them. */
  readonly health: HealthReading;
  readonly unansweredNo: CheckRecord | null;
  /** The intervention recorded since that No: the step moves on to proving the re-planned result. */
  readonly replan?: Replan | null;
  readonly nextCheckDue: Day | null;
  readonly daysOverdue: number;
  readonly validationDate: Day | null;
  /** What the named result reads as, when the caller has classified it already. */
  readonly statement?: StatementReading;
  /** The team's domains (core/validation.ts): a Validator there is on the team, and the step says to replace them. */
  readonly teamDomains?: readonly string[];
}

/** "Bea Buyer", or the accepted role when no validator is named yet. */
function validatorOf(account: Account, accepted: string): string {
  return account.validator.trim() || `the ${accepted}`;
}

/** Who the 90-day check is with: the named validator, else the role the segment accepts ("the Economic buyer"). */
export function validatorNameOf(account: Account, segment: Segment | null): string {
  return validatorOf(account, segment ? rolesInWords(segment.validatorRule) : 'validator');
}

// The steps' words, shared with the reminder digest (src/reminders/core/items.ts) so the mail says what the sidebar says.

/** A 90-day check that said No and no validation since (docs/rules.md §3). */
export function interveneStep(noDate: Day, who: string): string {
  return `Intervene: the 90-day check on ${isoOfDay(noDate)} said No. Meet ${who}, agree what changes and re-plan the result`;
}

/** An overdue 90-day check. */
export function runCheckStep(who: string, daysOverdue: number, due: Day): string {
  return `Run the 90-day check with ${who}, ${daysOverdue} days overdue (due ${isoOfDay(due)}). Can they name the result?`;
}

/** A 90-day check coming up within the due-soon days (the digest's reminder; not Red, so never the next step). */
export function bookCheckStep(who: string, daysUntil: number, due: Day): string {
  const when = daysUntil === 0 ? 'today' : `in ${daysUntil} ${daysUntil === 1 ? 'day' : 'days'}`;
  return `Book the 90-day check with ${who}: due ${when} (${isoOfDay(due)})`;
}

/** Past the result window, below Result. */
export function escalateWindowStep(ended: Day, rung: number): string {
  const where = rung === 0 ? 'shows no use yet' : `is still on ${RUNG_NAMES[rung]}`;
  return `Escalate with a recovery plan: the result window ended ${isoOfDay(ended)} and the account ${where}`;
}

/** The chain's missing or weak link, or null when the chain is complete and strong. */
export function chainStep(chain: ChainStatus, account: Account): string | null {
  if (chain.missing.length > 0) {
    return `Fill the missing link of the chain: ${chain.missing.map(chainLinkName).join(', ')}`;
  }
  if (chain.weak.length > 0) {
    const link = chain.weak[0];
    const text =
      link === 'pain' ? account.businessPain : link === 'value' ? account.solutionValue : account.namedResult;
    return `Sharpen the ${chainLinkName(link)} — ${lcFirst(judgeLink(link, text).hint)}`;
  }
  return null;
}

/**
 * Red first, with the action that answers why: triage (segment, result, validator, a result that reads as measurable,
 * a validator in an accepted role) → a 90-day No: intervene → an overdue check: run it → past the result window:
 * escalate. Then: the chain's missing or weak link → baseline and target → re-engage → grow to N weekly users →
 * measure the metric → diagnose a regression → get it attributed → get the customer (not the team) to confirm it →
 * get it validated → re-confirm a stale result → plan the next result.
 */
export function nextStepOf(facts: NextStepFacts, settings: Settings): string {
  const { account, segment, chain, ladder, health } = facts;
  if (segment === null) {
    return account.segment === null
      ? 'Set the segment, so the right result definition and validator apply'
      : `Set a segment that is in Segments ('${account.segment}' is not one)`;
  }
  const rule = segment.validatorRule;
  const accepted = rolesInWords(rule);
  const noResult = account.namedResult.trim() === '';
  const noValidator = account.validator.trim() === '';
  if (noResult && noValidator) return `Name the result and the validator (${segment.name}: ${accepted})`;
  if (noResult) return 'Name the result this account will measure';
  if (noValidator) return `Name the validator (${segment.name}: ${accepted})`;
  const statement = facts.statement ?? classifyStatement(account.namedResult);
  if (statement.kind !== 'measurable') {
    return `Name a measurable result — ${lcFirst(measurabilityHint(statement, RESULT_EXAMPLE))}`;
  }

  const onTeam = teamValidatorOf(account, facts.teamDomains ?? []);
  if (onTeam) return `Name a validator at the customer (${accepted}): ${onTeam.name} is on the team`;

  // Triage (issue 21): a validator in a role the segment accepts, one named person per role for `A + B`
  // (core/validators.ts: how the cell holds them).
  const named = namedValidators(account.validator, account.validatorRole);
  if (!named.some((v) => v.role !== null && rule.roles.includes(v.role))) {
    const role = account.validatorRole ? `a ${account.validatorRole}` : 'without a role';
    return `Name a validator ${segment.name} accepts (${accepted}); ${account.validator} is ${role}`;
  }
  if (rule.mode === 'all') {
    const missing = rolesWithoutValidator(named, rule.roles);
    if (missing.length > 0)
      return `Name a validator for each role ${segment.name} needs: ${missing.join(', ')}`;
  }

  const who = validatorOf(account, accepted);
  if (health.causes.includes('no') && facts.unansweredNo) {
    if (facts.replan) return replanStep(facts.replan);
    return interveneStep(facts.unansweredNo.date, who);
  }
  if (health.causes.includes('overdue') && facts.nextCheckDue !== null) {
    return runCheckStep(who, facts.daysOverdue, facts.nextCheckDue);
  }
  if (health.causes.includes('window') && account.startDate !== null) {
    return escalateWindowStep(account.startDate + segment.resultWindowDays, ladder.rung);
  }
  const linkStep = chainStep(chain, account);
  if (linkStep !== null) return linkStep;
  const metric = account.metric.trim() || 'the metric';
  if (account.baseline === null || account.target === null) {
    return `Set a numeric baseline and target for ${metric}`;
  }
  if (account.baseline === account.target) return 'Set a target that differs from the baseline';

  if (!ladder.activity.holds) {
    const last = ladder.activity.latestWeek;
    const since = last === null ? 'no usage recorded' : `last used ${isoOfDay(last)}`;
    return `Re-engage: no usage in the last ${settings.activityWindowDays} days (${since})`;
  }
  if (!ladder.adoption.holds) {
    const { usersNeeded, weeksMet } = ladder.adoption;
    return `Grow to ${usersNeeded} weekly active users in ${settings.adoptionWeeksNeeded} of the last ${settings.adoptionWeeksOf} weeks (${weeksMet} so far)`;
  }
  if (!ladder.outcome.holds && !health.regression) {
    return `Measure ${metric}: log a value that moves from ${account.baseline} toward ${account.target}`;
  }
  if (health.regression) {
    return `Diagnose the slip with ${who}. ${regressionText(account, ladder)}`;
  }
  if (!ladder.result.attributed) {
    return `Get the result attributed to the product (a Results row with Attributed = Yes)`;
  }
  if (!ladder.result.holds) {
    const roles = rule.mode === 'all' ? ladder.result.missingRoles : rule.roles;
    const byTeam = ladder.result.byTeam;
    if (byTeam !== null) {
      return `Get it confirmed by the customer's ${rolesInWords(rule, roles)}: validated by ${byTeam.validatedBy}, who is on the team (${byTeam.tie})`;
    }
    return `Get it validated by the ${rolesInWords(rule, roles)}`;
  }
  if (health.stale && facts.validationDate !== null) {
    return `Re-confirm the result with ${who}: last validated ${isoOfDay(facts.validationDate)}, older than the ${segment.checkEveryDays}-day check interval`;
  }
  return 'Plan the next result';
}

/** After an intervention: prove the re-planned result by its day, escalate once that day is past. */
export function replanStep(replan: Replan): string {
  if (replan.due === null)
    return `Set a due date for the re-planned result (intervention on ${isoOfDay(replan.date)})`;
  if (replan.pastDue)
    return `Escalate: the re-planned result was due ${isoOfDay(replan.due)} and is not validated`;
  return `Prove the re-planned result by ${isoOfDay(replan.due)}${replan.result ? `: ${replan.result}` : ''}`;
}

function lcFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
