// Ladder history: how long an account has sat on its rung, how it moved over a window, and which rows to append.
import { isoOfDay } from './dates';
import type { Settings } from './settings';
import type { Assessment, Day, Health, HistoryRecord, Movement, Problem, Rung } from './types';

/** The Result rung: an account there is never stalled. */
const RESULT_RUNG: Rung = 4;

/** A row to append to `Ladder history`. */
export interface HistoryChange {
  readonly date: Day;
  readonly accountId: string;
  readonly rung: Rung;
  readonly health: Health;
}

/** Earlier rows first; on the same day the row written later (higher sheet row) is the later state. */
function chronological(a: HistoryRecord, b: HistoryRecord): number {
  return a.date - b.date || a.row - b.row;
}

function isChronological(rows: readonly HistoryRecord[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (chronological(rows[i - 1], rows[i]) > 0) return false;
  }
  return true;
}

/**
 * The history grouped by account, each account's rows in chronological order. Callers group once and
 * hand each account its own rows, so the rules never scan the whole history per account.
 */
export function groupHistory(rows: readonly HistoryRecord[]): Map<string, HistoryRecord[]> {
  const byAccount = new Map<string, HistoryRecord[]>();
  for (const r of rows) {
    const list = byAccount.get(r.accountId);
    if (list) list.push(r);
    else byAccount.set(r.accountId, [r]);
  }
  for (const list of byAccount.values()) {
    // The sheet is appended in date order, so the sort is almost always skipped.
    if (!isChronological(list)) list.sort(chronological);
  }
  return byAccount;
}

export const NO_MOVEMENT: Movement = Object.freeze({
  since: null,
  daysOnRung: null,
  stalled: false,
  change: 0,
  trend: 'steady',
});

/**
 * How one account moved, from its own history rows (any order) and its state today.
 * Rows dated after `today` are ignored, so an as-of date in the past reads history as it was then.
 */
export function movementOf(
  history: readonly HistoryRecord[],
  current: { readonly rung: Rung; readonly health: Health },
  today: Day,
  settings: Settings,
): Movement {
  const sorted = isChronological(history) ? history : [...history].sort(chronological);
  let end = sorted.length;
  while (end > 0 && sorted[end - 1].date > today) end--;
  if (end === 0) return NO_MOVEMENT;

  // The start of the unbroken run at the current rung; a rung the history has not recorded yet began today.
  let since: Day = today;
  if (sorted[end - 1].rung === current.rung) {
    let i = end - 1;
    while (i > 0 && sorted[i - 1].rung === current.rung) i--;
    since = sorted[i].date;
  }
  const daysOnRung = today - since;
  const stalled = current.rung < RESULT_RUNG && daysOnRung > settings.stalledDays;

  // The rung in force at the start of the window: the last row on or before it, else the first recorded rung.
  const windowStart = today - settings.trendDays;
  let rungThen: Rung = sorted[0].rung;
  for (let i = 0; i < end && sorted[i].date <= windowStart; i++) rungThen = sorted[i].rung;
  const change = current.rung - rungThen;

  const trend: Movement['trend'] = stalled
    ? 'stalled'
    : change > 0
      ? 'climbing'
      : change < 0
        ? 'slipping'
        : 'steady';
  return { since, daysOnRung, stalled, change, trend };
}

/**
 * The rows to append to `Ladder history` for today's assessments: one per account whose rung or health
 * differs from its latest recorded row, or that has no row yet (its starting state). Running it again
 * after the rows are written yields nothing, so two runs on the same day add nothing. Rows dated after
 * `today` are ignored: one typed with the wrong year would otherwise differ from today's state forever and
 * make every refresh and every run append another row (futureHistoryProblems reports them).
 */
export function historyChanges(
  previous: readonly HistoryRecord[],
  assessments: readonly Assessment[],
  today: Day,
): HistoryChange[] {
  const latest = new Map<string, HistoryRecord>();
  for (const r of previous) {
    if (r.date > today) continue;
    const seen = latest.get(r.accountId);
    // `>= 0`: of two rows with the same date and row number, the one listed later wins.
    if (!seen || chronological(r, seen) >= 0) latest.set(r.accountId, r);
  }
  const changes: HistoryChange[] = [];
  const written = new Set<string>();
  for (const a of assessments) {
    const id = a.account.id;
    // A duplicate Account ID is a data problem reported elsewhere; its history follows the first row.
    if (!id || written.has(id)) continue;
    written.add(id);
    const last = latest.get(id);
    if (last && last.rung === a.rung && last.health === a.health) continue;
    changes.push({ date: today, accountId: id, rung: a.rung, health: a.health });
  }
  return changes;
}

/** The words LADDER_TREND and the views use: `climbing`, `slipping`, `stalled N days` or `steady`. */
export function trendText(m: Movement): string {
  return m.trend === 'stalled' ? `stalled ${m.daysOnRung} days` : m.trend;
}

/**
 * Movement read from history alone (LADDER_TREND has no book): the account's state is its latest
 * recorded row on or before `today`. Null when nothing is recorded by then.
 */
export function movementFromHistory(
  history: readonly HistoryRecord[],
  today: Day,
  settings: Settings,
): Movement | null {
  let latest: HistoryRecord | null = null;
  for (const r of history) {
    if (r.date <= today && (!latest || chronological(r, latest) >= 0)) latest = r;
  }
  if (!latest) return null;
  return movementOf(history, latest, today, settings);
}

/** History rows dated after `today`, as data problems: the rules ignore them until the date is corrected. */
export function futureHistoryProblems(
  history: readonly HistoryRecord[],
  today: Day,
  sheet: string,
): Problem[] {
  const out: Problem[] = [];
  for (const r of history) {
    if (r.date <= today) continue;
    out.push({
      sheet,
      row: r.row,
      column: 'Date',
      message: `${isoOfDay(r.date)} is after today (${isoOfDay(today)}); the row is ignored until its date is corrected.`,
    });
  }
  return out;
}
