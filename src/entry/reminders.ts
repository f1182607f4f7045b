// Reminder entry points: the trigger's run, the preview, turning reminders on and off, and the sidebar panel.
import { errorText } from './errorText';
import * as z from 'zod/mini';
import { assessBook } from '../core/evaluate';
import { isoOfDay } from '../core/dates';
import { type EmailContext, type RenderedEmail, renderDigest, rowLink } from '../core/emails';
import { escapeHtml } from '../core/html';
import {
  allowedDomainsOf,
  type Decision,
  type Digest,
  decideDelivery,
  planReminders,
  scheduleText,
} from '../core/reminders';
import type { Settings } from '../core/settings';
import type { Day } from '../core/types';
import { type LoadedBook, loadBook, RULE_SHEETS } from '../gas/book';
import { keepFullReadOutputs } from '../gas/fullReadOutputs';
import { appendHistory } from '../gas/history';
import { remainingQuota, sendDigestEmail } from '../gas/mail';
import { appendLog, type LogEntry, lastRun, latestRows, sentKeysFrom } from '../gas/reminderLog';
import {
  currentUserEmail,
  loadSettingsWithProblems,
  mayEditReminders,
  mayTakeOverReminders,
  SettingsError,
  saveSettings,
  setRemindersOwner,
} from '../gas/settingsStore';
import {
  authorizationLapsed,
  hasReminderTrigger,
  installReminderTrigger,
  removeReminderTriggers,
} from '../gas/triggers';
import { type DataSheetKey, SHEET } from '../sheets/layout';
import type { Registry } from './registry';
import type {
  PreviewStatus,
  ReminderLogRow,
  ReminderPanel,
  ReminderPreview,
  ReminderPreviewDigest,
  SaveReminderSettingsResult,
} from './reminderTypes';

/** Every sheet the rules read, plus the log (what was already sent): one getValues each. */
const SHEETS_READ: readonly DataSheetKey[] = [...RULE_SHEETS, 'reminderLog'];
/**
 * An overlapping run waits this long for the document lock, then logs that it skipped. Refresh dashboard and
 * sidebar saves hold the same lock for seconds; a short wait would let one click cost the day's reminders.
 */
const LOCK_WAIT_MS = 30_000;
const PANEL_LOG_ROWS = 20;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface PlannedDigest {
  readonly digest: Digest;
  readonly decision: Decision;
  readonly email: RenderedEmail;
  readonly linkOf: (sheet: string, row: number) => string;
}

interface Plan {
  readonly loaded: LoadedBook;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  readonly assessments: ReturnType<typeof assessBook>['assessments'];
  readonly today: Day;
  readonly quota: number;
  readonly digests: readonly PlannedDigest[];
  readonly log: { sheet: GoogleAppsScript.Spreadsheet.Sheet; values: unknown[][] } | null;
}

/** Links to rows, with each sheet's id looked up once (a handful of calls, never one per row). */
function linker(ss: Spreadsheet, loaded: LoadedBook): (sheet: string, row: number) => string {
  const url = ss.getUrl();
  const ids = new Map<string, number>();
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const t of Object.values(loaded.tables)) if (t?.sheet) sheets.set(t.sheet.getName(), t.sheet);
  return (sheet, row) => {
    let id = ids.get(sheet);
    if (id === undefined) {
      const found = sheets.get(sheet) ?? ss.getSheetByName(sheet);
      id = found ? found.getSheetId() : 0;
      ids.set(sheet, id);
    }
    return rowLink(url, id, row);
  };
}

/** Reads the book once, assesses it, and decides what each digest gets; sends nothing. */
function plan(ss: Spreadsheet, user: string): Plan {
  const { settings, problems: settingsProblems } = loadSettingsWithProblems();
  const loaded = loadBook(SHEETS_READ, ss);
  const today = loaded.today;
  const { assessments, problems } = assessBook(loaded.book, settings, today);
  const logTable = loaded.tables.reminderLog;
  const log = logTable?.sheet ? { sheet: logTable.sheet, values: logTable.values } : null;
  const sent = sentKeysFrom(log?.values ?? [], (d) => loaded.dayOf(d), today - settings.remindEveryDays);
  const digests = planReminders({
    assessments,
    problems,
    settings,
    today,
    sent,
    accountsSheet: SHEET.accounts,
  });
  const quota = remainingQuota();
  const allowed = allowedDomainsOf(settings, user);
  const linkOf = linker(ss, loaded);
  const context: EmailContext = {
    bookName: ss.getName(),
    linkOf,
    remindersOwner: settings.remindersOwner,
    schedule: scheduleText(settings),
    remindEveryDays: settings.remindEveryDays,
  };
  const planned = decideDelivery(digests, quota, allowed).map(({ digest, decision }) => ({
    digest,
    decision,
    email: renderDigest(digest, context),
    linkOf,
  }));
  return { loaded, settings, settingsProblems, assessments, today, quota, digests: planned, log };
}

function statusOf(decision: Decision): PreviewStatus {
  if (decision.status === 'send') return 'would send';
  if (decision.status === 'defer') return 'defer';
  return `skip: ${decision.reason}`;
}

function previewOf(p: Plan): ReminderPreview {
  return {
    today: isoOfDay(p.today),
    quota: p.quota,
    problems: p.settingsProblems,
    digests: p.digests.map(
      ({ digest, decision, email, linkOf }): ReminderPreviewDigest => ({
        recipient: digest.recipient,
        kind: digest.kind,
        subject: digest.subject,
        items: digest.items.length,
        status: statusOf(decision),
        urgency: digest.urgency,
        moreItems: digest.moreItems,
        itemList: digest.items.map((i) => ({
          key: i.key,
          accountId: i.accountId,
          accountName: i.accountName,
          sheet: i.sheet,
          row: i.row,
          kind: i.kind,
          text: i.text,
          link: linkOf(i.sheet, i.row),
        })),
        text: email.text,
        html: email.html,
      }),
    ),
  };
}

function runEntry(time: Date, status: LogEntry['status'], detail: string): LogEntry {
  return { time, recipient: '', kind: 'run', accounts: [], status, detail };
}

export interface RunSummary {
  readonly status: 'done' | 'skipped' | 'failed';
  readonly sent: number;
  readonly skipped: number;
  readonly deferred: number;
  readonly failed: number;
  readonly historyRows: number;
  readonly detail: string;
}

/**
 * The reminder run (time trigger and "Send reminders now"). Every run leaves a `Reminder log` row, also
 * when it skipped, found its authorization lapsed, or crashed (then the error is logged and rethrown).
 */
export function runReminders(e?: { readonly triggerUid?: unknown }): RunSummary {
  const started = new Date();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (e && e.triggerUid !== undefined) {
    // A trigger outlives a handover: the old owner's keeps firing as them until it removes itself.
    const { settings } = loadSettingsWithProblems();
    const user = currentUserEmail();
    if (!mayEditReminders(settings, user)) {
      removeReminderTriggers();
      const detail = `This trigger of ${user || 'a former owner'} stood down and removed itself: reminders are now owned by ${settings.remindersOwner}.`;
      appendLog(ss, null, [runEntry(started, 'skipped', detail)]);
      return { status: 'skipped', sent: 0, skipped: 0, deferred: 0, failed: 0, historyRows: 0, detail };
    }
  }
  if (authorizationLapsed()) {
    const detail =
      'Authorization lapsed: open Results Ladder from the Extensions menu, allow access, then turn reminders on again.';
    appendLog(ss, null, [runEntry(started, 'failed', detail)]);
    return { status: 'failed', sent: 0, skipped: 0, deferred: 0, failed: 0, historyRows: 0, detail };
  }
  // SPEC §6 says "script lock"; we take the document lock on purpose. An editor add-on's script lock is one
  // lock for every document that installed it, so unrelated customers' runs would block and skip each other;
  // the document lock scopes the run to this spreadsheet and is the lock Refresh dashboard and the sidebar
  // saves take, so a reminder run and a refresh never append the same Ladder history changes twice.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    const detail =
      'Another Results Ladder run (reminders, Refresh dashboard or a save) kept this spreadsheet busy; this run sent nothing.';
    appendLog(ss, null, [runEntry(started, 'skipped', detail)]);
    return { status: 'skipped', sent: 0, skipped: 0, deferred: 0, failed: 0, historyRows: 0, detail };
  }
  const entries: LogEntry[] = [];
  const counts = { sent: 0, skipped: 0, deferred: 0, failed: 0 };
  let historyRows = 0;
  let log: Plan['log'] = null;
  let crash: unknown = null;
  let detail = '';
  try {
    const user = currentUserEmail();
    const p = plan(ss, user);
    log = p.log;
    const notes: string[] = [];
    try {
      historyRows = appendHistory(p.loaded, p.assessments, p.today);
    } catch (e) {
      // History feeds the trend; a damaged history sheet must not stop the reminders.
      notes.push(`Ladder history not written: ${errorText(e)}`);
    }
    try {
      keepFullReadOutputs(ss, p.loaded, p.settings);
    } catch (e) {
      // The summary and the Ladder values speed up the sidebar; their failure must not stop the reminders.
      notes.push(`Usage summary / Ladder not updated: ${errorText(e)}`);
    }
    for (const { digest, decision, email } of p.digests) {
      const keys = digest.items.map((i) => i.key);
      const base = { time: new Date(), recipient: digest.recipient, kind: digest.kind, accounts: keys };
      if (decision.status === 'skip') {
        counts.skipped++;
        entries.push({ ...base, status: 'skipped', detail: decision.reason });
      } else if (decision.status === 'defer') {
        counts.deferred++;
        entries.push({
          ...base,
          status: 'deferred',
          detail: 'Daily email quota used up; goes in the next run.',
        });
      } else {
        try {
          sendDigestEmail(digest.recipient, email);
          counts.sent++;
          const more = digest.moreItems > 0 ? ` (+${digest.moreItems} held for a later digest)` : '';
          entries.push({ ...base, status: 'sent', detail: `${digest.subject}${more}` });
        } catch (e) {
          counts.failed++;
          entries.push({ ...base, status: 'failed', detail: errorText(e) });
        }
      }
    }
    const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(1);
    detail =
      `Sent ${counts.sent}, skipped ${counts.skipped}, deferred ${counts.deferred}, failed ${counts.failed}` +
      `; ${historyRows} history rows; ${seconds} s${notes.length ? `; ${notes.join('; ')}` : ''}`;
    entries.push(runEntry(started, counts.failed > 0 ? 'failed' : 'done', detail));
  } catch (e) {
    crash = e;
    detail = `Run stopped: ${errorText(e)}`;
    entries.push(runEntry(started, 'failed', detail));
  } finally {
    try {
      appendLog(ss, log, entries);
    } finally {
      lock.releaseLock();
    }
  }
  if (crash) throw crash;
  ss.toast(detail, 'Results Ladder reminders');
  return { status: 'done', ...counts, historyRows, detail };
}

/** The UI, or null where there is none (time triggers, the script editor). */
function uiOrNull(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

function previewHtml(preview: ReminderPreview): string {
  const rows = preview.digests.map(
    (d) =>
      `<details><summary><b>${escapeHtml(d.status)}</b> · ${escapeHtml(d.recipient || '(no owner)')} · ${escapeHtml(d.subject)}</summary>${d.html}</details>`,
  );
  return [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:13px">',
    `<p>Next run (${escapeHtml(preview.today)}), quota left today: ${preview.quota}.</p>`,
    rows.length
      ? rows.join('\n')
      : '<p>Nothing to send: every item was sent within the remind-every window.</p>',
    '</div>',
  ].join('\n');
}

/** Plans the next run without sending; shows it in a dialog when there is a UI, and returns it. */
export function previewReminders(): ReminderPreview {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const preview = previewOf(plan(ss, currentUserEmail()));
  const ui = uiOrNull();
  if (ui) {
    const output = HtmlService.createHtmlOutput(previewHtml(preview)).setWidth(720).setHeight(560);
    ui.showModelessDialog(output, 'Reminder preview');
  }
  return preview;
}

export interface SwitchResult {
  readonly ok: boolean;
  readonly message: string;
}

function tell(ss: Spreadsheet, text: string): void {
  ss.toast(text, 'Results Ladder reminders', 10);
}

/** Makes the signed-in user the reminders owner and leaves exactly one trigger at the configured time. */
export function turnRemindersOn(): SwitchResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const { settings } = loadSettingsWithProblems();
  let result: SwitchResult;
  if (!user) {
    result = {
      ok: false,
      message: 'Apps Script did not reveal your email, so reminders cannot be owned by you.',
    };
  } else if (!mayEditReminders(settings, user) && !mayTakeOverReminders(settings, user)) {
    result = {
      ok: false,
      message:
        `Reminders are on and owned by ${settings.remindersOwner}; only they, or the leader ` +
        `(${settings.leaderEmail || 'none set'}), can turn them off or change them.`,
    };
  } else {
    const previous = mayEditReminders(settings, user) ? '' : settings.remindersOwner;
    const saved = setRemindersOwner(user, user);
    const { removed } = installReminderTrigger(saved);
    const extra = removed > 1 ? ` (removed ${removed - 1} duplicate triggers)` : '';
    const handover = previous
      ? ` Taken over from ${previous}: their trigger stands down at its next run.`
      : '';
    result = {
      ok: true,
      message: `Reminders are on: ${scheduleText(saved)}, owned by ${user}${extra}.${handover}`,
    };
  }
  tell(ss, result.message);
  return result;
}

/** Removes the trigger and frees the reminder settings; only the owner (or anyone when nobody owns them). */
export function turnRemindersOff(): SwitchResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const { settings } = loadSettingsWithProblems();
  let result: SwitchResult;
  if (!mayEditReminders(settings, user)) {
    // Refused before touching anything: a former owner's stray trigger stands down by itself when it fires.
    result = {
      ok: false,
      message: `Reminders are owned by ${settings.remindersOwner}; only they can turn them off.`,
    };
  } else {
    // Triggers belong to the user who made them: this removes the caller's own.
    const removed = removeReminderTriggers();
    if (settings.remindersOwner) setRemindersOwner('', user);
    result = { ok: true, message: removed > 0 ? 'Reminders are off.' : 'Reminders were already off.' };
  }
  tell(ss, result.message);
  return result;
}

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

/** The Reminders & settings panel: settings, who may change them, the preview, quota and the last runs. */
export function getReminderPanel(): ReminderPanel {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const problems: string[] = [];
  let preview: ReminderPreview | null = null;
  let logValues: unknown[][] = [];
  let settings: Settings;
  let quota: number;
  try {
    const p = plan(ss, user);
    preview = previewOf(p);
    settings = p.settings;
    quota = p.quota;
    problems.push(...p.settingsProblems);
    logValues = p.log?.values ?? [];
  } catch (e) {
    // The panel still shows settings and the log when the book cannot be read (e.g. a missing column).
    problems.push(`The preview could not be made: ${errorText(e)}`);
    const loaded = loadSettingsWithProblems();
    settings = loaded.settings;
    problems.push(...loaded.problems);
    quota = remainingQuota();
    logValues = ss.getSheetByName(SHEET.reminderLog)?.getDataRange().getValues() ?? [];
  }
  const owner = settings.remindersOwner;
  const isOwner = owner !== '' && owner === user;
  // Apps Script shows each user only their own triggers: only the owner can see whether reminders really run.
  const ownTrigger = isOwner && hasReminderTrigger();
  if (isOwner && !ownTrigger) {
    problems.push('Reminders are on but no trigger is installed for you: turn reminders on again.');
  }
  const schedule = scheduleText(settings);
  let remindersStatus: string;
  if (ownTrigger) remindersStatus = `Reminders are on: ${schedule}.`;
  else if (isOwner) remindersStatus = 'Reminders are off: no trigger is installed for you.';
  else if (owner !== '') {
    remindersStatus = `Reminders are owned by ${owner} (${schedule}); their trigger runs under their account.`;
  } else remindersStatus = 'Reminders are off.';
  const last = lastRun(logValues);
  return {
    settings,
    canEdit: mayEditReminders(settings, user),
    owner,
    user,
    remindersOn: ownTrigger,
    remindersStatus,
    schedule,
    quota,
    preview: (preview?.digests ?? []).map(({ recipient, kind, subject, items, status }) => ({
      recipient,
      kind,
      subject,
      items,
      status,
    })),
    lastRuns: latestRows(logValues, PANEL_LOG_ROWS).map(logRowView),
    lastRunStatus: last
      ? `${last.time ? last.time.toISOString().slice(0, 16).replace('T', ' ') : ''} · ${last.status} · ${last.detail}`
      : 'No run yet',
    problems,
  };
}

/** The shape a save may have; values are checked against the settings schema after merging. */
const PayloadSchema = z.record(z.string(), z.unknown());

/** Saves settings from the panel under the document lock; reminder fields only from the owner. */
export function saveReminderSettings(payload: unknown): SaveReminderSettingsResult {
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Settings must be sent as an object of fields.' };
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) return { ok: false, message: 'Someone else is saving; try again in a moment.' };
  try {
    const user = currentUserEmail();
    const before = loadSettingsWithProblems().settings;
    const saved = saveSettings(parsed.data as Partial<Settings>, user);
    const scheduleChanged =
      saved.reminderHour !== before.reminderHour ||
      saved.cadence !== before.cadence ||
      saved.weeklyDay !== before.weeklyDay;
    // The trigger's hour lives in the trigger itself, so a new schedule means a new trigger (owner's own).
    if (scheduleChanged && saved.remindersOwner !== '' && saved.remindersOwner === user) {
      installReminderTrigger(saved);
    }
  } catch (e) {
    if (e instanceof SettingsError) return { ok: false, message: e.message, field: e.field };
    throw e;
  } finally {
    lock.releaseLock();
  }
  return { ok: true, panel: getReminderPanel() };
}

export const reminderEntries: Registry = {
  previewReminders: { kind: 'menu', params: [], run: previewReminders },
  runReminders: { kind: 'trigger', params: ['e'], run: runReminders },
  turnRemindersOn: { kind: 'menu', params: [], run: turnRemindersOn },
  turnRemindersOff: { kind: 'menu', params: [], run: turnRemindersOff },
  getReminderPanel: { kind: 'sidebar', params: [], run: getReminderPanel },
  saveReminderSettings: { kind: 'sidebar', params: ['payload'], run: saveReminderSettings },
};
