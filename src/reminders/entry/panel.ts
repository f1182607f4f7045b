// The Reminders & settings panel's server side: what it shows, saving settings, and switching reminders from the sidebar.
import * as z from 'zod/mini';
import { dayConverter } from '../../core/dates';
import { scheduleText } from '../core/planning';
import { type Settings, settingLabel } from '../../core/settings';
import { remainingQuota } from '../gas/mail';
import { readLedger } from '../gas/ledger';
import { findLogSheet, lastRun, latestRows } from '../gas/log';
import { lastRunOf, saveTriggerRecord, triggerRecord } from '../gas/runContext';
import {
  currentUserEmail,
  loadSettingsWithProblems,
  mayEditReminders,
  mayEditThresholds,
  SettingsError,
  saveSettings,
} from '../../gas/settingsStore';
import { reminderTriggerIds } from '../gas/triggers';
import { errorText } from '../../entry/errorText';
import { plan, previewOf } from './plan';
import { confirmationOf, mirrorSettings, ownersIn, turnRemindersOff, turnRemindersOn } from './switch';
import type {
  ReminderLogRow,
  ReminderPanel,
  ReminderPreview,
  SaveReminderSettingsResult,
  SetRemindersOnResult,
} from './types';

const PANEL_LOG_ROWS = 20;

function logRowView(v: ReturnType<typeof latestRows>[number]): ReminderLogRow {
  return {
    time: v.time ? v.time.toISOString() : '',
    recipient: v.recipient,
    kind: v.kind,
    accounts: v.accounts,
    status: v.status,
    detail: v.detail,
  };
}

/** "last run: failed — why", from the log or (newer, and the only trace of a run that could not log) the owner's record. */
function lastRunStatus(logValues: unknown[][], spreadsheetId: string): string {
  const fromLog = lastRun(logValues);
  let own = null;
  try {
    own = lastRunOf(spreadsheetId);
  } catch {
    own = null;
  }
  const logTime = fromLog?.time ? fromLog.time.toISOString() : '';
  if (own?.time && own.time > logTime) {
    return `Last run: ${own.status} — ${own.detail} (${own.time.slice(0, 16).replace('T', ' ')} UTC)`;
  }
  if (fromLog) {
    const when = logTime ? ` (${logTime.slice(0, 16).replace('T', ' ')} UTC)` : '';
    return `Last run: ${fromLog.status} — ${fromLog.detail}${when}`;
  }
  return 'No run yet';
}

/** The Reminders & settings panel: settings, who may change them, the preview, quota and the last runs. */
export function getReminderPanel(): ReminderPanel {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const problems: string[] = [];
  const loaded = loadSettingsWithProblems();
  const settings: Settings = loaded.settings;
  problems.push(...loaded.problems);
  const timeZone = ss.getSpreadsheetTimeZone();
  let preview: ReminderPreview | null = null;
  let quota: number;
  let owners: string[] | undefined;
  try {
    const ledger = readLedger(ss, dayConverter(timeZone || 'Etc/UTC'));
    const p = plan(ss, user, settings, loaded.problems, ledger);
    preview = previewOf(p);
    quota = p.quota;
    owners = ownersIn(p.loaded.book.accounts);
  } catch (e) {
    // The panel still shows settings and the log when the book cannot be read (e.g. a missing column).
    problems.push(`The preview could not be made: ${errorText(e)}`);
    quota = remainingQuota();
  }
  const logValues = findLogSheet(ss)?.getDataRange().getValues() ?? [];
  const owner = settings.remindersOwner;
  const isOwner = owner !== '' && owner === user;
  // Apps Script shows each user only their own triggers, and getUserTriggers(ss) only this spreadsheet's.
  const ownTrigger = isOwner && reminderTriggerIds(ss).length > 0;
  if (isOwner && !ownTrigger) {
    problems.push(
      'Reminders are on but no trigger is installed for you in this spreadsheet: turn reminders on again.',
    );
  }
  const schedule = scheduleText(settings, timeZone);
  let remindersStatus: string;
  if (ownTrigger) remindersStatus = `Reminders are on: ${schedule}.`;
  else if (isOwner) remindersStatus = 'Reminders are off: no trigger is installed for you.';
  else if (owner !== '') {
    remindersStatus = `Reminders are owned by ${owner} (${schedule}); their trigger runs under their account.`;
  } else remindersStatus = 'Reminders are off.';
  let confirmation = null;
  if (!ownTrigger && user) {
    try {
      confirmation = confirmationOf(ss, settings, loaded.reminders, user, owners);
    } catch (e) {
      problems.push(`What turning reminders on would use could not be read: ${errorText(e)}`);
    }
  }
  return {
    settings,
    canEdit: mayEditReminders(settings, user),
    canEditThresholds: mayEditThresholds(settings, user),
    owner,
    user,
    timeZone,
    remindersOn: ownTrigger,
    remindersStatus,
    schedule,
    quota,
    confirmation,
    labels: Object.fromEntries(Object.keys(settings).map((k) => [k, settingLabel(k)])),
    preview: (preview?.digests ?? []).map(({ recipient, kind, subject, items, status }) => ({
      recipient,
      kind,
      subject,
      items,
      status,
    })),
    lastRuns: latestRows(logValues, PANEL_LOG_ROWS).map(logRowView),
    lastRunStatus: lastRunStatus(logValues, ss.getId()),
    problems,
  };
}

/** The shape a save may have; values are checked against the settings schema after merging. */
const PayloadSchema = z.record(z.string(), z.unknown());

/** Saves settings from the panel under the document lock; reminder fields only from the owner, thresholds from the leader. */
export function saveReminderSettings(payload: unknown): SaveReminderSettingsResult {
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Settings must be sent as an object of fields.' };
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) return { ok: false, message: 'Someone else is saving; try again in a moment.' };
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const user = currentUserEmail();
    const before = loadSettingsWithProblems().settings;
    const saved = saveSettings(parsed.data as Partial<Settings>, user);
    const scheduleChanged =
      saved.reminderHour !== before.reminderHour ||
      saved.cadence !== before.cadence ||
      saved.weeklyDay !== before.weeklyDay;
    // The trigger's hour lives in the trigger itself, so a new schedule means a new trigger (owner's own).
    if (scheduleChanged && saved.remindersOwner !== '' && saved.remindersOwner === user) {
      // A new trigger has a new ID: turning on again replaces the trigger and records it for the timed run.
      turnRemindersOnAfterReschedule(ss, user);
    } else if (saved.remindersOwner !== '' && saved.remindersOwner === user) {
      // The owner changed who gets mail: their trigger's record carries it to a run without document properties.
      const { triggerId } = loadSettingsWithProblems().reminders;
      const record = triggerId ? triggerRecord(triggerId) : null;
      if (record) {
        saveTriggerRecord(triggerId, {
          ...record,
          leaderEmail: saved.leaderEmail,
          allowedDomains: saved.allowedDomains,
        });
      }
    }
    mirrorSettings(ss);
  } catch (e) {
    if (e instanceof SettingsError) return { ok: false, message: e.message, field: e.field };
    throw e;
  } finally {
    lock.releaseLock();
  }
  return { ok: true, panel: getReminderPanel() };
}

/** After a reschedule, the owner's new trigger gets its record (what the timed run needs) and its ID stored. */
function turnRemindersOnAfterReschedule(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): void {
  const { settings, reminders } = loadSettingsWithProblems();
  turnRemindersOn(confirmationOf(ss, settings, reminders, user).token);
}

const SwitchSchema = z.object({ on: z.boolean(), token: z.optional(z.string()) });

/** The sidebar's switch: on needs the confirmation token the panel showed; off as the menu does. */
export function setRemindersOn(payload: unknown): SetRemindersOnResult {
  const parsed = SwitchSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Send { on: true | false } to switch reminders.' };
  const result = parsed.data.on ? turnRemindersOn(parsed.data.token ?? '') : turnRemindersOff();
  return { ...result, panel: getReminderPanel() };
}
