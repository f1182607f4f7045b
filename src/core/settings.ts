// One settings object for every threshold in the rules and the reminders, with the spec's defaults.
import * as z from 'zod/mini';

const days = (fallback: number) =>
  z._default(z.number().check(z.int(), z.minimum(0), z.maximum(3650)), fallback);
const count = (fallback: number) =>
  z._default(z.number().check(z.int(), z.minimum(1), z.maximum(1000)), fallback);

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type WeekdayName = (typeof DAY_NAMES)[number];
export const WEEKDAYS: readonly WeekdayName[] = DAY_NAMES;

/**
 * Stored as one JSON document property. Every field has a default, so `{}` is valid settings and a
 * partial object written by an older version keeps working.
 */
export const SettingsSchema = z.object({
  // --- the rules (SPEC §3) ---
  /** Usage counts as Activity when its Week is in (T − activityWindowDays, T]. */
  activityWindowDays: days(28),
  /** Adoption: the weekly-user bar is met in at least `adoptionWeeksNeeded` of the last `adoptionWeeksOf` weeks. */
  adoptionWeeksNeeded: count(3),
  adoptionWeeksOf: count(4),
  /** A 90-day check overdue by more than this many days turns the account Red. */
  overdueGraceDays: days(14),
  /** Same rung below Result for more than this many days is Stalled. */
  stalledDays: days(60),
  /** LADDER_TREND and the leader digest read movement over this many days. */
  trendDays: days(30),
  /** The chain (pain, value, result) should be complete this many days after Start. */
  kickoffDays: days(30),
  /** A QBR check is expected at least this often (scorecard). */
  qbrEveryDays: days(120),
  /** RENEWAL_LIFT says "not enough data" when either group has fewer decided renewals than this. */
  renewalLiftMinimum: count(5),

  // --- the reminders (SPEC §6) ---
  reminderHour: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(23)), 8),
  cadence: z._default(z.enum(['daily', 'weekly']), 'daily'),
  weeklyDay: z._default(z.enum(DAY_NAMES), 'Monday'),
  /** The same item reaches the same person at most once per this many days. */
  remindEveryDays: count(7),
  /** Checks due within this many days are listed as due soon. */
  dueSoonDays: days(7),
  leaderEmail: z._default(z.string().check(z.maxLength(254)), ''),
  /** Lower-case domains mail may go to; empty means "the reminder owner's domain". */
  allowedDomains: z._default(z.array(z.string().check(z.maxLength(253))), []),
  /** The email of the user who turned reminders on: only they may change reminder settings. */
  remindersOwner: z._default(z.string().check(z.maxLength(254)), ''),

  // --- big books (SPEC §4) ---
  /** The Ladder sheet: a live formula, values written by the runs, or chosen by size ('auto'). */
  ladderMode: z._default(z.enum(['auto', 'formula', 'values']), 'auto'),
  /** In 'auto', the Ladder sheet holds values once the ranges LADDER reads hold more cells than this. */
  ladderValuesAboveCells: z._default(
    z.number().check(z.int(), z.minimum(1000), z.maximum(10_000_000)),
    500_000,
  ),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze(SettingsSchema.parse({}));

/**
 * Reads stored settings (already JSON-parsed). Unknown keys are dropped; a bad value is reported and
 * replaced by its default, so a damaged property never stops the rules or the reminders.
 */
export function readSettings(stored: unknown): { settings: Settings; problems: string[] } {
  const input = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems: string[] = [];
  const clean: Record<string, unknown> = { ...input };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && key in clean) {
      delete clean[key];
      problems.push(`Setting '${key}' was invalid (${issue.message}); using the default.`);
    }
  }
  const retry = SettingsSchema.safeParse(clean);
  return { settings: retry.success ? retry.data : { ...DEFAULT_SETTINGS }, problems };
}
