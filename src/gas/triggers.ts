// The one time-driven trigger that runs the reminders, installed at the configured hour and cadence.
import type { Settings } from '../core/settings';

export const REMINDER_HANDLER = 'runReminders';
/** Handlers earlier versions may have installed; their triggers are removed so only one run happens. */
const OLD_HANDLERS: readonly string[] = [REMINDER_HANDLER, 'sendReminders', 'dailyReminders'];

function reminderTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => OLD_HANDLERS.includes(t.getHandlerFunction()));
}

/** Removes every reminder trigger of the current user; returns how many were removed. */
export function removeReminderTriggers(): number {
  const found = reminderTriggers();
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

/**
 * Leaves exactly one reminder trigger at the configured schedule. The schedule of an existing trigger
 * cannot be read back, so any existing ones are replaced: re-running never makes a second one.
 */
export function installReminderTrigger(settings: Settings): { removed: number } {
  const removed = removeReminderTriggers();
  // atHour() alone counts in the script's zone (the manifest's Etc/UTC for everyone who installed the add-on);
  // people mean the hour where their spreadsheet is.
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const clock = ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().inTimezone(timeZone);
  if (settings.cadence === 'weekly') {
    const day = ScriptApp.WeekDay[settings.weeklyDay.toUpperCase() as keyof typeof ScriptApp.WeekDay];
    clock.onWeekDay(day).atHour(settings.reminderHour).create();
  } else {
    clock.everyDays(1).atHour(settings.reminderHour).create();
  }
  return { removed };
}

export function hasReminderTrigger(): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

/** True when the user must re-authorize (e.g. an update added scopes): a run then only logs why it stopped. */
export function authorizationLapsed(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
