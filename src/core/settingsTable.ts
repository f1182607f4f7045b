// The one table of settings: each setting's label, what a valid value looks like, its range, unit and default.
// Validation (settings.ts), the messages, the server's panel and the sidebar's form all read it; it holds no zod,
// so the sidebar can import it without pulling the schema library into its bundle.

/** A whole number within [min, max]; `help` says so in words for "<label> must be <help>." */
export interface NumberSetting {
  readonly kind: 'number';
  readonly label: string;
  readonly help: string;
  readonly min: number;
  readonly max: number;
  /** What the number counts ("days", "weeks"): shown beside the label in the form unless the label names it. */
  readonly unit: string;
  readonly default: number;
}

/** One of a few fixed words. */
export interface ChoiceSetting<T extends string = string> {
  readonly kind: 'choice';
  readonly label: string;
  readonly help: string;
  readonly options: readonly [T, ...T[]];
  readonly default: T;
}

/** Free text (an email address, a URL), at most `maxLength` characters. */
export interface TextSetting {
  readonly kind: 'text';
  readonly label: string;
  readonly help: string;
  readonly maxLength: number;
  readonly default: string;
}

/** A list of short texts (domains), each at most `maxLength` characters. */
export interface ListSetting {
  readonly kind: 'list';
  readonly label: string;
  readonly help: string;
  readonly maxLength: number;
  readonly default: readonly string[];
}

export type SettingSpec = NumberSetting | ChoiceSetting | TextSetting | ListSetting;

/** Written with thousands separators, as the other range messages of the product are ("from 1 to 3,650"). */
function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** A whole-number setting whose help is its range in words, so the message can never disagree with the check. */
function whole(label: string, min: number, max: number, unit: string, byDefault: number): NumberSetting {
  const help = `a whole number from ${grouped(min)} to ${grouped(max)} ${unit}`;
  return { kind: 'number', label, help, min, max, unit, default: byDefault };
}

function choice<const T extends string>(
  label: string,
  help: string,
  options: readonly [T, ...T[]],
  byDefault: NoInfer<T>,
): ChoiceSetting<T> {
  return { kind: 'choice', label, help, options, default: byDefault };
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/**
 * Every setting, in the order the form shows them. The ranges keep each threshold sane: a window shorter than a
 * week sees no weekly Usage row; more adoption weeks needed than counted can never be met; beyond ten years
 * nothing in a CS motion is still "recent".
 */
export const SETTINGS = {
  // --- the rules ---
  /** Usage counts as Activity when its Week is in (T − activityWindowDays, T]. */
  activityWindowDays: whole('Activity window', 7, 365, 'days', 28),
  /** Adoption: the weekly-user bar is met in at least `adoptionWeeksNeeded` of the last `adoptionWeeksOf` weeks. */
  adoptionWeeksNeeded: whole('Adoption weeks needed', 1, 52, 'weeks', 3),
  adoptionWeeksOf: whole('Adoption weeks counted', 1, 52, 'weeks', 4),
  /** A 90-day check overdue by more than this many days turns the account Red. */
  overdueGraceDays: whole('Overdue grace', 0, 365, 'days', 14),
  /** Same rung below Result for more than this many days is Stalled. */
  stalledDays: whole('Stalled after', 7, 3650, 'days', 60),
  /** LADDER_TREND and the leader digest read movement over this many days. */
  trendDays: whole('Trend window', 7, 3650, 'days', 30),
  /** The chain (pain, value, result) should be complete this many days after Start. */
  kickoffDays: whole('Chain complete within', 1, 365, 'days', 30),
  /** A QBR check is expected at least this often (scorecard). */
  qbrEveryDays: whole('QBR every', 7, 3650, 'days', 120),
  /** RENEWAL_LIFT says "not enough data" when either group has fewer decided renewals than this. */
  renewalLiftMinimum: whole('Renewal lift minimum', 1, 1000, 'renewals', 5),

  // --- the reminders ---
  reminderHour: {
    kind: 'number',
    label: 'Reminder hour',
    help: 'a whole hour from 0 to 23',
    min: 0,
    max: 23,
    unit: 'hour',
    default: 8,
  } satisfies NumberSetting,
  cadence: choice('Cadence', 'daily or weekly', ['daily', 'weekly'], 'daily'),
  weeklyDay: choice('Weekly on', 'a day of the week, e.g. Monday', WEEKDAY_NAMES, 'Monday'),
  /** The same item reaches the same person at most once per this many days. */
  remindEveryDays: whole('Remind every', 1, 365, 'days', 7),
  /** Checks due within this many days are listed as due soon. */
  dueSoonDays: whole('Due soon within', 0, 365, 'days', 7),
  /** A confirmation ask still unanswered after this many days appears once in its owner's digest. */
  askFollowUpDays: whole('Follow up an unanswered ask after', 1, 90, 'days', 7),
  leaderEmail: {
    kind: 'text',
    label: 'Leader email',
    help: 'an email address',
    maxLength: 254,
    default: '',
  } satisfies TextSetting,
  /** Lower-case domains mail may go to; empty means "the reminder owner's domain". */
  allowedDomains: {
    kind: 'list',
    label: 'Allowed recipient domains',
    help: 'a list of domains such as acme.com',
    maxLength: 253,
    default: [],
  } satisfies ListSetting,
  /** The email of the user who turned reminders on: only they may change reminder settings. */
  remindersOwner: {
    kind: 'text',
    label: 'Reminders owner',
    help: 'an email address',
    maxLength: 254,
    default: '',
  } satisfies TextSetting,

  // --- confirmations ---
  /**
   * The confirmation web app's /exec address (a separate Apps Script project the team deploys; the add-on cannot
   * learn another project's URL). Blank: the ask mail says "just reply to this mail".
   */
  confirmationPageUrl: {
    kind: 'text',
    label: 'Confirmation page URL',
    help: 'the web app address https://script.google.com/macros/s/…/exec, or blank',
    maxLength: 500,
    default: '',
  } satisfies TextSetting,

  // --- big books ---
  /** The Ladder sheet: a live formula, values written by the runs, or chosen by size ('auto'). */
  ladderMode: choice('Ladder sheet mode', 'auto, formula or values', ['auto', 'formula', 'values'], 'auto'),
  /** In 'auto', the Ladder sheet holds values once the ranges LADDER reads hold more cells than this. */
  ladderValuesAboveCells: whole('Ladder holds values above', 1000, 10_000_000, 'cells', 500_000),
} as const;

export type SettingKey = keyof typeof SETTINGS;

/** The settings that are whole numbers (thresholds, the reminder hour, the Ladder's size limit). */
export type NumberSettingKey = {
  [K in SettingKey]: (typeof SETTINGS)[K] extends NumberSetting ? K : never;
}[SettingKey];

const KEYS: ReadonlySet<string> = new Set(Object.keys(SETTINGS));

/** True for a key of the table (not for 'toString' and the like, which `in` would accept). */
export function isSettingKey(key: string): key is SettingKey {
  return KEYS.has(key);
}

function specOf(key: string): SettingSpec | undefined {
  return isSettingKey(key) ? SETTINGS[key] : undefined;
}

/** The words for a setting ("Reminder hour"); an unknown key is shown as it is. */
export function settingLabel(key: string): string {
  return specOf(key)?.label ?? key;
}

/** What a valid value looks like ("a whole hour from 0 to 23"); empty for an unknown key. */
export function settingHelp(key: string): string {
  return specOf(key)?.help ?? '';
}

/** What the Settings form and the stored-settings problems say about a value the table refuses. */
export function settingMessage(key: SettingKey): string {
  const { label, help } = SETTINGS[key];
  return `${label} must be ${help}.`;
}

/** A number field's label in the form: the label with its unit ("Stalled after (days)") unless it names it already. */
export function fieldLabel(key: NumberSettingKey): string {
  const { label, unit } = SETTINGS[key];
  return label.toLowerCase().includes(unit) ? label : `${label} (${unit})`;
}
