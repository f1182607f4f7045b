// The one time-driven trigger per spreadsheet that runs the reminders: installed, found and removed for THIS spreadsheet only.
import type { Settings } from '../../core/settings';
import { loadSettingsWithProblems } from '../../gas/settingsStore';
import { triggerRecord } from './runContext';

export const REMINDER_HANDLER = 'runReminders';
/** Handlers earlier versions may have installed; their triggers are removed so only one run happens. */
const OLD_HANDLERS: readonly string[] = [REMINDER_HANDLER, 'sendReminders', 'dailyReminders'];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * This spreadsheet's reminder triggers of the current user, whichever list Apps Script puts them in.
 *
 * getUserTriggers(spreadsheet) "gets all installable triggers owned by this user in the given spreadsheet, for this
 * script or add-on only" (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)),
 * but Google does not say whether an add-on's time-driven trigger — which has no source document — is "in" the
 * spreadsheet it was made from. getProjectTriggers() lists "all installable triggers associated with the current
 * project and current user" (#getProjectTriggers()): every spreadsheet's, so it must never be taken whole (turning
 * reminders on in one team sheet would delete another's). So a trigger is this spreadsheet's when
 * getUserTriggers(ss) lists it, or when getProjectTriggers() lists it and its unique ID is the one stored when it
 * was made: in this document's reminders state (`storedId`) or in the user's record of that trigger
 * (runContext: the spreadsheet it is for). Under either answer on, off and the status see the same trigger, and a
 * second *on* removes the first before making one: an add-on may have only one time trigger per user per document.
 * docs/platform.md, "Triggers".
 */
function reminderTriggers(ss: Spreadsheet, storedId = storedTriggerId()): Trigger[] {
  const found = new Map<string, Trigger>();
  const isReminder = (t: Trigger) => OLD_HANDLERS.includes(t.getHandlerFunction());
  for (const t of ScriptApp.getUserTriggers(ss)) if (isReminder(t)) found.set(t.getUniqueId(), t);
  const ssId = ss.getId();
  for (const t of ScriptApp.getProjectTriggers()) {
    const uid = t.getUniqueId();
    if (found.has(uid) || !isReminder(t)) continue;
    if ((storedId !== '' && uid === storedId) || triggerRecord(uid)?.spreadsheetId === ssId)
      found.set(uid, t);
  }
  return [...found.values()];
}

/** The trigger ID this document's reminders state holds ('' when none, or when the run has no document properties). */
function storedTriggerId(): string {
  try {
    return loadSettingsWithProblems().reminders.triggerId;
  } catch {
    return '';
  }
}

/** Removes this spreadsheet's reminder triggers of the current user; returns their IDs. */
export function removeReminderTriggers(ss: Spreadsheet): string[] {
  const found = reminderTriggers(ss);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.map((t) => t.getUniqueId());
}

/**
 * Removes one trigger by its unique ID, wherever it belongs (a stand-down knows only `e.triggerUid`, and may run
 * without an active spreadsheet): getProjectTriggers() first, then the spreadsheet's list when one is known.
 * Returns whether it was found among the user's triggers.
 */
export function removeTriggerById(uid: string, ss?: Spreadsheet | null): boolean {
  const found =
    ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid) ??
    (ss ? ScriptApp.getUserTriggers(ss).find((t) => t.getUniqueId() === uid) : undefined);
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
  return reminderTriggers(ss)
    .filter((t) => t.getHandlerFunction() === REMINDER_HANDLER)
    .map((t) => t.getUniqueId());
}

/** True when the user must re-authorize (e.g. an update added scopes): a run then only logs why it stopped. */
export function authorizationLapsed(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
