// The per-account usage summary: exactly the Usage rows the rules read as of a day, one line per account, so an
// interactive action reads one short row instead of a 520,000-row sheet (docs/rules.md §4 Big books, §10).
import { dayFromIso, isoOfDay } from './dates';
import { usageWindowStart } from './ladder';
import type { Settings } from './settings';
import type { Day, UsageRecord } from './types';

/** One week of use as the rules read it. */
export interface UsageWeek {
  readonly week: Day;
  readonly activeUsers: number;
  readonly keyActions: number;
}

/**
 * Per account: every Usage row dated on or after `from` (future-dated ones too), plus the latest older row with
 * any use — the account's "last week of use" for Activity. That is all `activityOf` and `adoptionOf` read as of
 * any T ≥ the day `from` was computed for (parse.ts keeps the same rows for the same reason). Newest first.
 */
export function summarizeUsage(usage: readonly UsageRecord[], from: Day): Map<string, UsageWeek[]> {
  const recent = new Map<string, UsageWeek[]>();
  const older = new Map<string, UsageWeek>();
  for (const u of usage) {
    const w: UsageWeek = { week: u.week, activeUsers: u.activeUsers, keyActions: u.keyActions };
    if (u.week >= from) {
      const list = recent.get(u.accountId);
      if (list) list.push(w);
      else recent.set(u.accountId, [w]);
    } else if (u.activeUsers > 0 || u.keyActions > 0) {
      const seen = older.get(u.accountId);
      if (!seen || u.week > seen.week) older.set(u.accountId, w);
    }
  }
  const out = new Map<string, UsageWeek[]>();
  for (const [id, list] of recent) out.set(id, list);
  for (const [id, w] of older) {
    const list = out.get(id);
    if (list) list.push(w);
    else out.set(id, [w]);
  }
  for (const list of out.values()) list.sort((a, b) => b.week - a.week);
  return out;
}

/** The first week a summary built as of `asOf` keeps: what the rules read as of that day. */
export function summaryFrom(asOf: Day, settings: Settings): Day {
  return usageWindowStart(asOf, settings);
}

/** A summary built as of `asOf` keeping weeks from `from` answers the rules as of `today` exactly. */
export function summaryCovers(from: Day, asOf: Day, today: Day, settings: Settings): boolean {
  return asOf <= today && from <= usageWindowStart(today, settings);
}

/** `2026-11-23 12 40; 2026-11-16 11 38`: week, active users, key actions; newest first. */
export function encodeWeeks(weeks: readonly UsageWeek[]): string {
  return weeks.map((w) => `${isoOfDay(w.week)} ${w.activeUsers} ${w.keyActions}`).join('; ');
}

const WEEK_ENTRY = /^(\d{4}-\d{2}-\d{2}) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;

/** The weeks of an encoded cell, or null when any entry is malformed (the summary is then not trusted). */
export function decodeWeeks(text: string): UsageWeek[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const weeks: UsageWeek[] = [];
  for (const entry of trimmed.split(';')) {
    const m = WEEK_ENTRY.exec(entry.trim());
    const week = m ? dayFromIso(m[1]) : null;
    if (!m || week === null) return null;
    weeks.push({ week, activeUsers: Number(m[2]), keyActions: Number(m[3]) });
  }
  return weeks;
}

/** Usage records for the rules from a summary's weeks (row numbers are the summary's: no Usage row is cited). */
export function usageRecordsOf(accountId: string, weeks: readonly UsageWeek[], row: number): UsageRecord[] {
  return weeks.map((w) => ({
    row,
    accountId,
    week: w.week,
    activeUsers: w.activeUsers,
    keyActions: w.keyActions,
  }));
}
