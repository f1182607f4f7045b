// What a reminder run needs to find without an active spreadsheet, and where it leaves its outcome for the owner: the user's properties.
import * as z from 'zod/mini';
import { storedJson } from '../../core/storedJson';

/**
 * A time-driven run of an editor add-on may get no active spreadsheet, no document lock and no document
 * properties (Google leaves it undocumented; public reports say a timed trigger gets null from
 * getActiveSpreadsheet(): https://github.com/mogsdad/SheetConverter/issues/2, and getDocumentLock() "returns
 * null outside a containing document": https://developers.google.com/apps-script/reference/lock/lock-service).
 * User properties belong to the user the trigger runs as, in any context, so turning reminders on stores here,
 * keyed by the trigger's unique ID, which spreadsheet the trigger is for.
 */
const TRIGGER_PREFIX = 'resultsLadder.trigger.';
const LAST_RUN_PREFIX = 'resultsLadder.lastRun.';

const TriggerRecordSchema = z.object({
  spreadsheetId: z.string(),
  name: z.string(),
  url: z.string(),
  owner: z.string(),
  /**
   * The recipients the owner confirmed. A run without document properties reads the other settings from the
   * hidden ledger, which an editor could unhide and change: who gets mail comes from here instead.
   */
  leaderEmail: z._default(z.string(), ''),
  allowedDomains: z._default(z.array(z.string()), []),
});
export type TriggerRecord = z.infer<typeof TriggerRecordSchema>;

const LastRunSchema = z.object({
  /** ISO date-time of the run. */
  time: z.string(),
  status: z.string(),
  detail: z.string(),
  /** The last day ('YYYY-MM-DD') the owner was emailed about a failed run; at most one notice a day. */
  noticeDay: z._default(z.string(), ''),
  name: z._default(z.string(), ''),
});
export type LastRun = z.infer<typeof LastRunSchema>;

function userProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

export function saveTriggerRecord(uid: string, record: TriggerRecord): void {
  userProps().setProperty(TRIGGER_PREFIX + uid, JSON.stringify(record));
}

export function triggerRecord(uid: string): TriggerRecord | null {
  return storedJson(userProps().getProperty(TRIGGER_PREFIX + uid), TriggerRecordSchema);
}

export function deleteTriggerRecord(uid: string): void {
  userProps().deleteProperty(TRIGGER_PREFIX + uid);
}

/** The key of a spreadsheet's last run; 'unknown' when the run could not tell which spreadsheet it was for. */
function lastRunKey(spreadsheetId: string): string {
  return LAST_RUN_PREFIX + (spreadsheetId || 'unknown');
}

export function lastRunOf(spreadsheetId: string): LastRun | null {
  return storedJson(userProps().getProperty(lastRunKey(spreadsheetId)), LastRunSchema);
}

/** Records the run's outcome for the owner (kept across runs: the notice day survives). */
export function recordLastRun(spreadsheetId: string, run: Omit<LastRun, 'noticeDay'>): LastRun {
  const before = lastRunOf(spreadsheetId);
  const next: LastRun = { ...run, noticeDay: before?.noticeDay ?? '' };
  userProps().setProperty(lastRunKey(spreadsheetId), JSON.stringify(next));
  return next;
}

/**
 * Emails the trigger's owner about a run that failed, at most once per day per spreadsheet. Returns whether a
 * notice went. The owner is the effective user (the trigger runs as them), so no allowed-domain check applies.
 */
export function noticeOwnerOnce(
  spreadsheetId: string,
  day: string,
  to: string,
  subject: string,
  body: string,
): boolean {
  const last = lastRunOf(spreadsheetId);
  if (!to || last?.noticeDay === day) return false;
  MailApp.sendEmail({ to, subject, body, name: 'Results Ladder' });
  const next = { ...(last ?? { time: '', status: '', detail: '', name: '' }), noticeDay: day };
  userProps().setProperty(lastRunKey(spreadsheetId), JSON.stringify(next));
  return true;
}
