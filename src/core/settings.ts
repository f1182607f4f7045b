// The settings schema, validation and reading back, all derived from the one settings table (settingsTable.ts).
import * as z from 'zod/mini';
import {
  isSettingKey,
  type NumberSettingKey,
  SETTINGS,
  type SettingKey,
  settingMessage,
  WEEKDAY_NAMES,
} from './settingsTable';

export { SETTINGS, type SettingKey, settingLabel, settingMessage } from './settingsTable';

/** A whole-number setting, its range, default and message read from the settings table. */
const wholeNumber = (key: NumberSettingKey) => {
  const { min, max, default: fallback } = SETTINGS[key];
  const message = settingMessage(key);
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

/** A text setting of at most the table's length, with the table's default. */
const text = (key: 'leaderEmail' | 'remindersOwner') =>
  z._default(z.string().check(z.maxLength(SETTINGS[key].maxLength)), SETTINGS[key].default);

/**
 * A deployed web app's address: https://script.google.com/macros/s/<deployment id>/exec, or the Workspace form
 * …/a/macros/<domain>/s/<id>/exec; the local preview's http://localhost:<port>/exec too (it only ever reaches the
 * mail the CSM sends from the preview).
 */
export const CONFIRMATION_PAGE_URL =
  /^(?:https:\/\/script\.google\.com\/(?:a\/macros\/[A-Za-z0-9.-]+|macros)\/s\/[A-Za-z0-9_-]+\/exec|http:\/\/(?:localhost|127\.0\.0\.1):\d{1,5}\/exec)$/;

const pageUrl = z._default(
  z.string().check(
    z.maxLength(SETTINGS.confirmationPageUrl.maxLength),
    z.refine((v) => v === '' || CONFIRMATION_PAGE_URL.test(v), {
      error: settingMessage('confirmationPageUrl'),
    }),
  ),
  SETTINGS.confirmationPageUrl.default,
);

export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
export const WEEKDAYS: readonly WeekdayName[] = WEEKDAY_NAMES;

/**
 * Stored as one JSON document property. Every field has a default, so `{}` is valid settings and a
 * partial object written by an older version keeps working. What each field means is in the table; `satisfies`
 * makes a key missing from either side a compile error.
 */
export const SettingsSchema = z.object({
  // --- the rules (docs/rules.md §3) ---
  activityWindowDays: wholeNumber('activityWindowDays'),
  adoptionWeeksNeeded: wholeNumber('adoptionWeeksNeeded'),
  adoptionWeeksOf: wholeNumber('adoptionWeeksOf'),
  overdueGraceDays: wholeNumber('overdueGraceDays'),
  stalledDays: wholeNumber('stalledDays'),
  trendDays: wholeNumber('trendDays'),
  kickoffDays: wholeNumber('kickoffDays'),
  qbrEveryDays: wholeNumber('qbrEveryDays'),
  renewalLiftMinimum: wholeNumber('renewalLiftMinimum'),

  // --- the reminders (docs/rules.md §6) ---
  reminderHour: wholeNumber('reminderHour'),
  cadence: z._default(z.enum(SETTINGS.cadence.options), SETTINGS.cadence.default),
  weeklyDay: z._default(z.enum(SETTINGS.weeklyDay.options), SETTINGS.weeklyDay.default),
  remindEveryDays: wholeNumber('remindEveryDays'),
  dueSoonDays: wholeNumber('dueSoonDays'),
  askFollowUpDays: wholeNumber('askFollowUpDays'),
  leaderEmail: text('leaderEmail'),
  allowedDomains: z._default(z.array(z.string().check(z.maxLength(SETTINGS.allowedDomains.maxLength))), [
    ...SETTINGS.allowedDomains.default,
  ]),
  remindersOwner: text('remindersOwner'),

  // --- confirmations ---
  confirmationPageUrl: pageUrl,

  // --- big books (docs/rules.md §4) ---
  ladderMode: z._default(z.enum(SETTINGS.ladderMode.options), SETTINGS.ladderMode.default),
  ladderValuesAboveCells: wholeNumber('ladderValuesAboveCells'),
} satisfies Record<SettingKey, unknown>);

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

/** The message for a field the schema refused: its label and what it takes, from the table; else zod's. */
export function fieldMessage(field: string, fallback: string): string {
  return isSettingKey(field) ? settingMessage(field) : `Setting '${field}' is not valid: ${fallback}.`;
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
    problems: [
      ...problems,
      `${wrong.message} Using the defaults (${DEFAULT_SETTINGS.adoptionWeeksNeeded} of ${DEFAULT_SETTINGS.adoptionWeeksOf} weeks).`,
    ],
  };
}
