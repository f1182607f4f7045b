// The one time-driven trigger per spreadsheet that runs the reminders: installed, found and removed for THIS spreadsheet only.
import type { Settings } from '../../core/settings';

export const REMINDER_HANDLER = 'runReminders';
/** Handlers earlier versions may have installed; their triggers are removed so only one run happens. */
const OLD_HANDLERS: readonly string[] = [REMINDER_HANDLER, 'sendReminders', 'dailyReminders'];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * This spreadsheet's reminder triggers of the current user. getProjectTriggers() would list the user's triggers
 * in EVERY spreadsheet that has the add-on ("all installable triggers associated with the current project and
 * current user"), so turning reminders on in one team sheet deleted another's. getUserTriggers(spreadsheet)
 * "gets all installable triggers owned by this user in the given spreadsheet, for this script or add-on only":
 * https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
 */
function reminderTriggers(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => OLD_HANDLERS.includes(t.getHandlerFunction()));
}

/** Removes this spreadsheet's reminder triggers of the current user; returns their IDs. */
export function removeReminderTriggers(ss: Spreadsheet): string[] {
  const found = reminderTriggers(ss);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.map((t) => t.getUniqueId());
}

/**
 * Removes one trigger by its unique ID, wherever it belongs (a stand-down knows only `e.triggerUid`, and may run
 * without an active spreadsheet). Returns whether it was found among the user's triggers.
 */
export function removeTriggerById(uid: string): boolean {
  const found = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
  if (!found) return false;
  ScriptApp.deleteTrigger(found);
  return true;
}

/**
 * Leaves exactly one reminder trigger for this spreadsheet at the configured schedule and returns its unique ID.
 * The schedule of an existing trigger cannot be read back, so existing ones are replaced.
 */
export function installReminderTrigger(
  ss: Spreadsheet,
  settings: Settings,
): { id: string; removed: string[] } {
  const removed = removeReminderTriggers(ss);
  // atHour() alone counts in the script's zone (the manifest's Etc/UTC for everyone who installed the add-on);
  // people mean the hour where their spreadsheet is.
  const clock = ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().inTimezone(ss.getSpreadsheetTimeZone());
  const trigger =
    settings.cadence === 'weekly'
      ? clock
          .onWeekDay(ScriptApp.WeekDay[settings.weeklyDay.toUpperCase() as keyof typeof ScriptApp.WeekDay])
          .atHour(settings.reminderHour)
          .create()
      : clock.everyDays(1).atHour(settings.reminderHour).create();
  return { id: trigger.getUniqueId(), removed };
}

/** The IDs of this spreadsheet's reminder triggers of the current user. */
export function reminderTriggerIds(ss: Spreadsheet): string[] {
  return ScriptApp.getUserTriggers(ss)
    .filter((t) => t.getHandlerFunction() === REMINDER_HANDLER)
    .map((t) => t.getUniqueId());
}

/** True when the user must re-authorize (e.g. an update added scopes): a run then only logs why it stopped. */
export function authorizationLapsed(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
