// One settings object for every threshold in the rules and the reminders, with the spec's defaults.
import * as z from 'zod/mini';

/**
 * The sane range of each threshold a leader sets, with its name in the Settings form. A window shorter than a week
 * sees no weekly Usage row; more adoption weeks needed than counted can never be met; beyond ten years nothing in a
 * CS motion is still "recent".
 */
export const THRESHOLD_RANGES = {
  activityWindowDays: { label: 'Activity window', min: 7, max: 365, unit: 'days' },
  adoptionWeeksNeeded: { label: 'Adoption weeks needed', min: 1, max: 52, unit: 'weeks' },
  adoptionWeeksOf: { label: 'Adoption weeks counted', min: 1, max: 52, unit: 'weeks' },
  overdueGraceDays: { label: 'Overdue grace', min: 0, max: 365, unit: 'days' },
  stalledDays: { label: 'Stalled after', min: 7, max: 3650, unit: 'days' },
  trendDays: { label: 'Trend window', min: 7, max: 3650, unit: 'days' },
  kickoffDays: { label: 'Chain complete within', min: 1, max: 365, unit: 'days' },
  qbrEveryDays: { label: 'QBR every', min: 7, max: 3650, unit: 'days' },
  renewalLiftMinimum: { label: 'Renewal lift minimum', min: 1, max: 1000, unit: 'renewals' },
  remindEveryDays: { label: 'Remind again after', min: 1, max: 365, unit: 'days' },
  dueSoonDays: { label: 'Due soon within', min: 0, max: 365, unit: 'days' },
} as const;

type ThresholdKey = keyof typeof THRESHOLD_RANGES;

const threshold = (key: ThresholdKey, fallback: number) => {
  const { min, max } = THRESHOLD_RANGES[key];
  const message = rangeMessage(key);
  return z._default(
    z
      .number()
      .check(
        z.int({ error: message }),
        z.minimum(min, { error: message }),
        z.maximum(max, { error: message }),
      ),
    fallback,
  );
};

/** What the Settings form says about a threshold outside its range. */
export function rangeMessage(key: ThresholdKey): string {
  const { label, min, max, unit } = THRESHOLD_RANGES[key];
  return `${label} must be a whole number from ${min} to ${max} ${unit}.`;
}

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
  activityWindowDays: threshold('activityWindowDays', 28),
  /** Adoption: the weekly-user bar is met in at least `adoptionWeeksNeeded` of the last `adoptionWeeksOf` weeks. */
  adoptionWeeksNeeded: threshold('adoptionWeeksNeeded', 3),
  adoptionWeeksOf: threshold('adoptionWeeksOf', 4),
  /** A 90-day check overdue by more than this many days turns the account Red. */
  overdueGraceDays: threshold('overdueGraceDays', 14),
  /** Same rung below Result for more than this many days is Stalled. */
  stalledDays: threshold('stalledDays', 60),
  /** LADDER_TREND and the leader digest read movement over this many days. */
  trendDays: threshold('trendDays', 30),
  /** The chain (pain, value, result) should be complete this many days after Start. */
  kickoffDays: threshold('kickoffDays', 30),
  /** A QBR check is expected at least this often (scorecard). */
  qbrEveryDays: threshold('qbrEveryDays', 120),
  /** RENEWAL_LIFT says "not enough data" when either group has fewer decided renewals than this. */
  renewalLiftMinimum: threshold('renewalLiftMinimum', 5),

  // --- the reminders (SPEC §6) ---
  reminderHour: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(23)), 8),
  cadence: z._default(z.enum(['daily', 'weekly']), 'daily'),
  weeklyDay: z._default(z.enum(DAY_NAMES), 'Monday'),
  /** The same item reaches the same person at most once per this many days. */
  remindEveryDays: threshold('remindEveryDays', 7),
  /** Checks due within this many days are listed as due soon. */
  dueSoonDays: threshold('dueSoonDays', 7),
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

/** A setting that cannot stand, with the form field to show it beside. */
export interface SettingProblem {
  readonly field: keyof Settings;
  readonly message: string;
}

/** What is wrong across fields of otherwise valid settings (each field alone is checked by the schema). */
export function settingsProblem(settings: Settings): SettingProblem | null {
  if (settings.adoptionWeeksNeeded > settings.adoptionWeeksOf) {
    return {
      field: 'adoptionWeeksNeeded',
      message: `Adoption weeks needed (${settings.adoptionWeeksNeeded}) cannot be more than the weeks counted (${settings.adoptionWeeksOf}): adoption could never be reached.`,
    };
  }
  return null;
}

/** The message for a field the schema refused: the range in words for a threshold, else zod's. */
export function fieldMessage(field: string, fallback: string): string {
  return field in THRESHOLD_RANGES
    ? rangeMessage(field as ThresholdKey)
    : `Setting '${field}' is not valid: ${fallback}.`;
}

/**
 * Reads stored settings (already JSON-parsed). Unknown keys are dropped; a bad value is reported and
 * replaced by its default, so a damaged property never stops the rules or the reminders.
 */
export function readSettings(stored: unknown): { settings: Settings; problems: string[] } {
  const input = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return withConsistentThresholds(parsed.data, []);
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
  const settings = retry.success ? retry.data : { ...DEFAULT_SETTINGS };
  return withConsistentThresholds(settings, problems);
}

/** Stored thresholds that contradict each other go back to their defaults, and the problem says so. */
function withConsistentThresholds(
  settings: Settings,
  problems: string[],
): { settings: Settings; problems: string[] } {
  const wrong = settingsProblem(settings);
  if (!wrong) return { settings, problems };
  return {
    settings: {
      ...settings,
      adoptionWeeksNeeded: DEFAULT_SETTINGS.adoptionWeeksNeeded,
      adoptionWeeksOf: DEFAULT_SETTINGS.adoptionWeeksOf,
    },
    problems: [...problems, `${wrong.message} Using the defaults (3 of 4 weeks).`],
  };
}
