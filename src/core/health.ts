// Results-based health (SPEC §3): Red, Yellow or Green, each with its reasons in plain words.
import { isoOfDay } from './dates';
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

/** Why an account belongs on the triage list: no named result, no validator, or no segment the rules know. */
export function triageReasons(account: Account, segment: Segment | null): string[] {
  const reasons: string[] = [];
  if (account.namedResult.trim() === '') reasons.push('No named result (triage)');
  if (account.validator.trim() === '') reasons.push('No validator named (triage)');
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
  /** Progress of the latest logged value toward target, for the Yellow reason. */
  readonly progress: number | null;
}

/**
 * Red if any of: triage; the result window has passed below Result; the latest 90-day check said No with no
 * validation since; the 90-day check is overdue by more than the grace days. Green if not Red, on Result, and the
 * latest validation is within the check interval. Yellow otherwise. Reasons are never empty.
 */
export function healthOf(
  facts: HealthFacts,
  today: Day,
  settings: Settings,
): { health: Health; reasons: string[] } {
  const { account, segment, rung } = facts;
  const red = triageReasons(account, segment);
  if (segment && resultWindowPassed(account.startDate, segment.resultWindowDays, rung, today)) {
    const ended = (account.startDate as Day) + segment.resultWindowDays;
    red.push(
      `Result window ended ${isoOfDay(ended)} (${segment.resultWindowDays} days from start) and the account is on ${RUNG_NAMES[rung]}`,
    );
  }
  if (facts.unansweredNo) {
    red.push(`90-day check on ${isoOfDay(facts.unansweredNo.date)} said No and no validation came after it`);
  }
  const overdue = facts.nextCheckDue !== null && facts.daysOverdue > 0;
  const overdueText = overdue
    ? `90-day check overdue by ${facts.daysOverdue} day${facts.daysOverdue === 1 ? '' : 's'} (due ${isoOfDay(facts.nextCheckDue as Day)})`
    : '';
  if (overdue && facts.daysOverdue > settings.overdueGraceDays) red.push(overdueText);
  if (red.length > 0) return { health: 'Red', reasons: red };

  const every = segment?.checkEveryDays ?? null;
  if (
    rung === 4 &&
    facts.validationDate !== null &&
    every !== null &&
    today - facts.validationDate <= every
  ) {
    return {
      health: 'Green',
      reasons: [
        `Validated result on ${isoOfDay(facts.validationDate)}, within the ${every}-day check interval`,
      ],
    };
  }
  const yellow: string[] = [];
  if (rung === 4 && facts.validationDate !== null) {
    yellow.push(
      `Validated result from ${isoOfDay(facts.validationDate)} is older than the ${every}-day check interval`,
    );
  } else {
    const progress =
      facts.progress !== null ? `, ${Math.round(facts.progress * 100)}% of the way to target` : '';
    yellow.push(`Result named and in flight: on ${RUNG_NAMES[rung]}${progress}`);
  }
  if (overdue) yellow.push(`${overdueText}; Red after ${settings.overdueGraceDays} days`);
  return { health: 'Yellow', reasons: yellow };
}
