// The next step (SPEC §3): the one most useful action for an account, taken from a fixed order of gaps.
import { chainLinkName } from './chain';
import { isoOfDay } from './dates';
import { type LadderReading, rolesInWords } from './ladder';
import { lintResult } from './measurable';
import type { Settings } from './settings';
import type { Account, ChainStatus, Segment } from './types';
import { namedValidators, rolesWithoutValidator } from './validators';

export interface NextStepFacts {
  readonly account: Account;
  readonly segment: Segment | null;
  readonly chain: ChainStatus;
  readonly ladder: LadderReading;
}

/**
 * In order: name the result and validator → fill the missing link of the chain → set a baseline and target →
 * re-engage → grow to N weekly users → measure the metric → get it attributed → get it validated by the
 * accepted role → plan the next result. A segment the rules do not know comes first: without it no validator
 * role or weekly-user bar applies.
 */
export function nextStepOf(facts: NextStepFacts, settings: Settings): string {
  const { account, segment, chain, ladder } = facts;
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
  if (account.validatorRole === null || !rule.roles.includes(account.validatorRole)) {
    const who = account.validatorRole ? `a ${account.validatorRole}` : 'without a role';
    return `Name a validator ${segment.name} accepts (${accepted}); ${account.validator} is ${who}`;
  }
  // An `A + B` segment needs a named person for every role (core/validators.ts: how the cell holds them).
  if (rule.mode === 'all') {
    const missing = rolesWithoutValidator(
      namedValidators(account.validator, account.validatorRole),
      rule.roles,
    );
    if (missing.length > 0)
      return `Name a validator for each role ${segment.name} needs: ${missing.join(', ')}`;
  }

  if (chain.missing.length > 0) {
    return `Fill the missing link of the chain: ${chain.missing.map(chainLinkName).join(', ')}`;
  }
  if (chain.weak.length > 0) {
    const link = chain.weak[0];
    const text = link === 'pain' ? account.businessPain : account.namedResult;
    return `Make the ${chainLinkName(link)} specific enough to measure: ${lcFirst(lintResult(text))}`;
  }
  if (account.baseline === null || account.target === null) {
    return `Set a numeric baseline and target for ${account.metric.trim() || 'the metric'}`;
  }
  if (account.baseline === account.target) return 'Set a target that differs from the baseline';

  if (!ladder.activity.holds) {
    const last = ladder.activity.latestWeek;
    const since = last === null ? 'no usage recorded' : `last used ${isoOfDay(last)}`;
    return `Re-engage: no usage in the last ${settings.activityWindowDays} days (${since})`;
  }
  if (!ladder.adoption.holds) {
    const { usersNeeded, weeksMet } = ladder.adoption;
    return `Grow to ${usersNeeded} weekly users in ${settings.adoptionWeeksNeeded} of ${settings.adoptionWeeksOf} weeks (${weeksMet} so far)`;
  }
  if (!ladder.outcome.holds) {
    return `Measure ${account.metric.trim() || 'the metric'}: log a value that moves from ${account.baseline} toward ${account.target}`;
  }
  if (!ladder.result.attributed)
    return 'Get the result attributed to the product (a Results row with Attributed = Yes)';
  if (!ladder.result.holds) {
    const roles = rule.mode === 'all' ? ladder.result.missingRoles : rule.roles;
    return `Get it validated by the ${rolesInWords(rule, roles)}`;
  }
  return 'Plan the next result';
}

function lcFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
