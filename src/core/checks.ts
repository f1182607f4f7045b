// The 90-day result check (docs/rules.md §3): the latest check of a kind and when the next one is due.
import type { CheckKind, CheckRecord, Day } from './types';

/** The latest check of a kind dated on or before T (the later sheet row wins a same-day tie), or null. */
export function latestCheck(checks: readonly CheckRecord[], kind: CheckKind, today: Day): CheckRecord | null {
  let latest: CheckRecord | null = null;
  for (const c of checks) {
    if (c.kind !== kind || c.date > today) continue;
    if (latest === null || c.date > latest.date || (c.date === latest.date && c.row > latest.row)) latest = c;
  }
  return latest;
}

/**
 * The intervention that answers a 90-day No (issue 21): the latest Intervention check dated on or after the No and
 * on or before T, or null. One dated before the No answered an earlier No, not this one.
 */
export function interventionAfter(
  checks: readonly CheckRecord[],
  no: CheckRecord | null,
  today: Day,
): CheckRecord | null {
  if (no === null) return null;
  const latest = latestCheck(checks, 'Intervention', today);
  return latest !== null && latest.date >= no.date ? latest : null;
}

/** An intervention as the rules read it: when it was, what was re-planned, by when, and whether that day is past. */
export interface Replan {
  readonly date: Day;
  readonly result: string;
  readonly due: Day | null;
  /** T is after the due day (the due day itself is still in time). */
  readonly pastDue: boolean;
}

export function replanOf(intervention: CheckRecord, today: Day): Replan {
  const due = intervention.replannedDue ?? null;
  return {
    date: intervention.date,
    result: (intervention.replannedResult ?? '').trim(),
    due,
    pastDue: due !== null && today > due,
  };
}

/**
 * Next 90-day check due = (latest of: Start date, latest 90-day check, latest validation date) + Check every (days).
 * Null when none of the three is known or the interval is unknown (no segment).
 */
export function nextCheckDue(
  startDate: Day | null,
  latest90DayCheck: Day | null,
  validationDate: Day | null,
  checkEveryDays: number | null,
): Day | null {
  if (checkEveryDays === null) return null;
  let from: Day | null = null;
  for (const d of [startDate, latest90DayCheck, validationDate]) {
    if (d !== null && (from === null || d > from)) from = d;
  }
  return from === null ? null : from + checkEveryDays;
}

/** Whole days T is past the due day; 0 when not overdue or nothing is due. */
export function daysOverdue(due: Day | null, today: Day): number {
  return due === null || today <= due ? 0 : today - due;
}
