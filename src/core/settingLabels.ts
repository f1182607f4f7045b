// Settings in words: the label people see for each setting and what a valid value is, so no message names an internal key.
import type { Settings } from './settings';

const LABELS: Readonly<Record<keyof Settings, string>> = {
  activityWindowDays: 'Activity window (days)',
  adoptionWeeksNeeded: 'Weeks at the user bar for Adoption',
  adoptionWeeksOf: 'Out of the last N weeks',
  overdueGraceDays: 'Days a check may be overdue before Red',
  stalledDays: 'Days on one rung before Stalled',
  trendDays: 'Trend window (days)',
  kickoffDays: 'Days after start to complete the chain',
  qbrEveryDays: 'QBR expected every (days)',
  renewalLiftMinimum: 'Renewals needed for Renewal lift',
  reminderHour: 'Reminder hour',
  cadence: 'How often reminders go out',
  weeklyDay: 'Day of the week for weekly reminders',
  remindEveryDays: 'Repeat an item at most every (days)',
  dueSoonDays: 'Checks count as due soon within (days)',
  leaderEmail: 'Leader email',
  allowedDomains: 'Allowed recipient domains',
  remindersOwner: 'Reminders owner',
  ladderMode: 'Ladder sheet mode (auto, formula or values)',
  ladderValuesAboveCells: 'Ladder holds values above (cells read)',
};

const HELP: Readonly<Partial<Record<keyof Settings, string>>> = {
  reminderHour: 'a whole hour from 0 to 23',
  cadence: 'daily or weekly',
  weeklyDay: 'a day of the week, e.g. Monday',
  adoptionWeeksNeeded: 'a whole number from 1 to 1000',
  adoptionWeeksOf: 'a whole number from 1 to 1000',
  remindEveryDays: 'a whole number of days from 1 to 1000',
  renewalLiftMinimum: 'a whole number from 1 to 1000',
  leaderEmail: 'an email address',
  allowedDomains: 'a list of domains such as acme.com',
  remindersOwner: 'an email address',
  ladderMode: 'auto, formula or values',
  ladderValuesAboveCells: 'a whole number of cells',
};

/** The words for a setting ("Reminder hour"); an unknown key is shown as it is. */
export function settingLabel(key: string): string {
  return (LABELS as Record<string, string>)[key] ?? key;
}

/** What a valid value looks like, for "Reminder hour must be a whole hour from 0 to 23." */
export function fieldHelp(key: string): string {
  return (HELP as Record<string, string>)[key] ?? 'a whole number of days from 0 to 3650';
}
