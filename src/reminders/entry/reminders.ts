// The reminder run (time trigger and "Send reminders now") and the preview: one guard around everything a run does.
//
// The reminders feature lives in src/reminders/, in the same layers as src/ (a layer imports only its own or lower):
//   core/   types.ts the shared shapes; planning.ts who gets which digest and when; items.ts what each item says;
//           problemKeys.ts the key a data problem is remembered by; ledgerCheck.ts whether the ledger still
//           holds every digest its witness saw recorded today.
//   render/ emails.ts the digest email's HTML and text, held under a byte budget.
//   gas/    ledger.ts the hidden Reminder ledger (what was sent); ledgerWitness.ts the count and checksum of
//           today's records, kept in properties;
//           log.ts the Reminder log sheet; runContext.ts what a triggered run finds and leaves (user properties);
//           triggers.ts the one time trigger per spreadsheet; mail.ts MailApp.
//   entry/  this file (run, preview, registry entries); plan.ts read and plan without sending; panel.ts the
//           sidebar panel; switch.ts turning reminders on, off and taking them over; types.ts the sidebar's JSON.
// Settings (thresholds and reminder fields alike) are stored by src/gas/settingsStore.ts (the document's properties,
// mirrored in the ledger and in the owner's user properties for timed runs); the panel's browser
// side is sidebar/remindersView.ts.
import { dayConverter, isoOfDay } from '../../core/dates';
import { escapeHtml } from '../../render/html';
import type { Day } from '../../core/types';
import { keepFullReadOutputs } from '../../gas/fullReadOutputs';
import { appendHistory } from '../../gas/history';
import { sendDigestEmail } from '../gas/mail';
import { appendLog, type LogEntry } from '../gas/log';
import { LOCK_WAIT_MS } from '../../gas/lockWait';
import { MissingSheetError } from '../../gas/sheetFinder';
import { holdToday, verifyLedger, WitnessWriter } from '../gas/ledgerWitness';
import { heldDetail } from '../core/ledgerCheck';
import { LedgerWriter, readLedger, recordHashesOf, unfinishedRuns } from '../gas/ledger';
import {
  deleteTriggerRecord,
  noticeOwnerOnce,
  recordLastRun,
  type TriggerRecord,
  triggerRecord,
} from '../gas/runContext';
import {
  currentUserEmail,
  deleteOwnerCopy,
  loadSettingsWithProblems,
  ownerCopy,
  type StoredSettings,
  saveOwnerCopy,
  storedAsJson,
  storedFromJson,
  storedInDocument,
} from '../../gas/settingsStore';
import { authorizationLapsed, removeTriggerById } from '../gas/triggers';
import { errorText } from '../../entry/errorText';
import { getReminderPanel, saveReminderSettings, setRemindersOn } from './panel';
import { plan, previewOf } from './plan';
import { turnRemindersOff, turnRemindersOn } from './switch';
import type { Registry } from '../../entry/entryPoint';
import type { ReminderPreview } from './types';
import type { ReminderEndpoints, SidebarEntries } from '../../entry/sidebarContract';

/**
 * Apps Script ends an execution at 6 minutes. Sending stops well before, and the rest is deferred to the next
 * run, so a kill mid-send is the exception (the ledger covers it anyway).
 */
const SEND_BUDGET_MS = 4.5 * 60_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RunSummary {
  readonly status: 'done' | 'skipped' | 'failed';
  readonly sent: number;
  readonly skipped: number;
  readonly deferred: number;
  readonly failed: number;
  readonly historyRows: number;
  readonly detail: string;
}

/** A run that cannot reach its spreadsheet: why, and what the owner should do. */
class Unreachable extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly spreadsheetId: string,
  ) {
    super(message);
    this.name = 'Unreachable';
  }
}

const FIX_OPEN =
  'Open the team sheet and use Extensions › Results Ladder › Send reminders now. If that works but the daily run keeps failing, ' +
  "Apps Script does not let this add-on open the sheet from a timed run (its 'current spreadsheet only' permission): " +
  'ask your admin to follow "Checking openById" in the Results Ladder README.';
const FIX_RECORD =
  'Open the team sheet and turn daily reminders on again (Extensions › Results Ladder › Turn daily reminders on/off).';

function runEntry(time: Date, status: LogEntry['status'], detail: string): LogEntry {
  return { time, recipient: '', kind: 'run', accounts: [], status, detail };
}

function summary(status: RunSummary['status'], detail: string, counts?: Partial<RunSummary>): RunSummary {
  return { status, sent: 0, skipped: 0, deferred: 0, failed: 0, historyRows: 0, detail, ...counts };
}

/**
 * The spreadsheet this run is for: the active one, else the one recorded for its trigger at turn-on, opened by
 * ID. SpreadsheetApp.openById under the add-on's `spreadsheets.currentonly` scope is not documented, and
 * public reports say it is refused ("You do not have permission to call SpreadsheetApp.openById. Required
 * permissions: https://www.googleapis.com/auth/spreadsheets": https://github.com/peterherrmann/BetterLog/issues/29,
 * and the Stack Exchange question mirrored at https://www.volcengine.com/article/3311795); so a refusal is
 * recorded and mailed to the owner, never silent.
 */
function locate(uid: string): { ss: Spreadsheet; record: TriggerRecord | null; active: boolean } {
  const record = uid ? triggerRecord(uid) : null;
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return { ss: active, record, active: true };
  if (!record) {
    throw new Unreachable(
      'This reminder trigger ran without its spreadsheet and has no record of which one it is for.',
      FIX_RECORD,
      '',
    );
  }
  try {
    return { ss: SpreadsheetApp.openById(record.spreadsheetId), record, active: false };
  } catch (e) {
    throw new Unreachable(
      `Apps Script refused to open "${record.name}" for the daily run: ${errorText(e)}`,
      FIX_OPEN,
      record.spreadsheetId,
    );
  }
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

const NOTICE_SUBJECT = 'Results Ladder: your daily reminders did not run';

/** The owner's notice about a run that sent nothing: at most one a day per spreadsheet (noticeOwnerOnce). */
function noticeOwner(spreadsheetId: string, started: Date, to: string, detail: string): void {
  noticeOwnerOnce(
    spreadsheetId,
    started.toISOString().slice(0, 10),
    to,
    NOTICE_SUBJECT,
    `${detail}\n\nNo reminder emails went out from this run. You get this notice at most once a day while the problem lasts.`,
  );
}

/**
 * The reminder run. Everything it does is inside one guard: every run leaves a `Reminder log` row and the
 * owner's last-run record, also when it skipped, found its authorization lapsed, crashed or could not reach
 * its spreadsheet (then the owner also gets one email a day saying why and what to do). A crash is rethrown
 * after it is recorded, so Apps Script's execution list shows it too.
 */
export function runReminders(e?: { readonly triggerUid?: unknown }): RunSummary {
  const started = new Date();
  const uid = e?.triggerUid !== undefined && e.triggerUid !== null ? String(e.triggerUid) : '';
  let ss: Spreadsheet | null = null;
  let spreadsheetId = '';
  let name = '';
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let interactive = false;
  try {
    const where = locate(uid);
    ss = where.ss;
    interactive = where.active && !uid;
    spreadsheetId = ss.getId();
    name = ss.getName();
    const result = runIn(ss, uid, where.record, started, (l) => {
      lock = l;
    });
    recordLastRun(spreadsheetId, {
      time: started.toISOString(),
      status: result.status,
      detail: result.detail,
      name,
    });
    if (interactive) ss.toast(result.detail, 'Results Ladder reminders');
    return result;
  } catch (err) {
    const reason = errorText(err);
    const unreachable = err instanceof Unreachable;
    const detail = unreachable ? `${reason} ${err.fix}` : `Run stopped: ${reason}`;
    let logged = false;
    // A required sheet that cannot be found stops the run before it writes anything into the book, its log row
    // included (docs/rules.md §9); the failure goes on the owner's record (and, for a timed run, one notice a day) instead.
    if (ss && !(err instanceof MissingSheetError)) {
      try {
        appendLog(ss, [runEntry(started, 'failed', detail)]);
        logged = true;
      } catch {
        // Recorded below for the owner instead.
      }
    }
    const id = unreachable ? err.spreadsheetId : spreadsheetId;
    try {
      recordLastRun(id, { time: started.toISOString(), status: 'failed', detail, name });
      if (!logged && uid) {
        noticeOwner(id, started, Session.getEffectiveUser().getEmail(), detail);
      }
    } catch {
      // Nothing else is reachable; Apps Script's execution list still shows the error thrown below.
    }
    if (unreachable) return summary('failed', detail);
    throw err;
  } finally {
    (lock as GoogleAppsScript.Lock.Lock | null)?.releaseLock();
  }
}

/** The run inside its spreadsheet: stand-down, authorization, lock, plan, then send with each digest recorded first. */
function runIn(
  ss: Spreadsheet,
  uid: string,
  record: TriggerRecord | null,
  started: Date,
  holdLock: (lock: GoogleAppsScript.Lock.Lock) => void,
): RunSummary {
  const dayOf = dayConverter(ss.getSpreadsheetTimeZone() || 'Etc/UTC');
  const ledger = readLedger(ss, dayOf);
  // Document properties when this run has them; else the copy turning reminders on (or a save) left in the
  // ledger; else, the ledger deleted or its copy unreadable, the owner's own copy in their user properties.
  const inDocument = storedInDocument();
  const fromLedger = inDocument ? null : storedFromJson(ledger.state);
  const copy = inDocument || fromLedger ? null : ownerCopy(ss.getId());
  const stored: StoredSettings | null = inDocument ?? fromLedger ?? copy?.stored ?? null;
  if (!stored) {
    throw new Unreachable(
      'This run could not read the reminder settings of its spreadsheet.',
      FIX_RECORD,
      ss.getId(),
    );
  }
  const read = loadSettingsWithProblems(stored);
  const { problems: settingsProblems, reminders } = read;
  // From the ledger, who gets mail is what the owner confirmed (their trigger's record), never the sheet's copy.
  const settings =
    !inDocument && record
      ? { ...read.settings, leaderEmail: record.leaderEmail, allowedDomains: record.allowedDomains }
      : read.settings;
  const user = currentUserEmail();
  if (
    uid &&
    (!sameEmail(reminders.owner, user) || (reminders.triggerId !== '' && reminders.triggerId !== uid))
  ) {
    // A trigger outlives a handover: the old owner's keeps firing as them until it removes itself — only
    // itself (e.triggerUid), never the user's triggers in other spreadsheets.
    removeTriggerById(uid);
    deleteTriggerRecord(uid);
    // Their own copy of the settings goes with it (only when the reminders are someone else's now).
    if (!sameEmail(reminders.owner, user)) deleteOwnerCopy(ss.getId());
    const detail = `This trigger of ${user || 'a former owner'} stood down and removed itself: reminders here are owned by ${reminders.owner || 'nobody'}.`;
    appendLog(ss, [runEntry(started, 'skipped', detail)]);
    return summary('skipped', detail);
  }
  if (authorizationLapsed()) {
    const detail =
      'Authorization lapsed: open Results Ladder from the Extensions menu, allow access, then turn reminders on again.';
    appendLog(ss, [runEntry(started, 'failed', detail)]);
    return summary('failed', detail);
  }
  // The document lock scopes the run to this spreadsheet (an add-on's script lock is shared by every document
  // that installed it). A run without a containing document gets null from getDocumentLock()
  // (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()); the owner's user
  // lock then still keeps two runs of this trigger apart.
  const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    const detail =
      'Another Results Ladder run (reminders, Refresh dashboard or a save) kept this spreadsheet busy; this run sent nothing.';
    appendLog(ss, [runEntry(started, 'skipped', detail)]);
    return summary('skipped', detail);
  }
  holdLock(lock);
  const notes: string[] = [];
  const shared = inDocument ?? fromLedger;
  if (shared && sameEmail(reminders.owner, user)) {
    // The owner's own copy follows the document's (else the ledger's), so it is current when a later run has
    // neither the document's properties nor the ledger — also for reminders turned on before the copy existed.
    if (!saveOwnerCopy(ss.getId(), shared, started)) {
      notes.push('your own copy of the settings could not be saved (over 9 kB)');
    }
  }
  if (copy) {
    notes.push(
      `settings read from your own copy of ${copy.saved.slice(0, 10) || 'an earlier day'}: this run had no document properties and the Reminder ledger's copy was missing or unreadable`,
    );
  }
  return sendAll(ss, ledger, { settings, settingsProblems, user, inDocument, notes }, started);
}

interface RunInput {
  readonly settings: ReturnType<typeof loadSettingsWithProblems>['settings'];
  readonly settingsProblems: readonly string[];
  readonly user: string;
  /** The document's stored settings, when this run has document properties (the ledger's mirror follows them). */
  readonly inDocument: StoredSettings | null;
  readonly notes: readonly string[];
}

function sendAll(
  ss: Spreadsheet,
  ledger: ReturnType<typeof readLedger>,
  input: RunInput,
  started: Date,
): RunSummary {
  const { settings, user } = input;
  const p = plan(ss, user, settings, input.settingsProblems, ledger);
  const day = isoOfDay(p.today);
  const notes: string[] = [...input.notes, ...p.runNotes];
  let historyRows = 0;
  try {
    historyRows = appendHistory(p.loaded, p.assessments, p.today, ss);
  } catch (err) {
    // History feeds the trend; a damaged history sheet must not stop the reminders.
    notes.push(`Ladder history not written: ${errorText(err)}`);
  }
  try {
    keepFullReadOutputs(ss, p.loaded, p.settings);
  } catch (err) {
    // The Usage summary and the Ladder values speed up the sidebar; their failure must not stop the reminders.
    notes.push(`Usage summary / Ladder not updated: ${errorText(err)}`);
  }
  const today = {
    day,
    ledgerId: ledger.sheet ? ledger.sheet.getSheetId() : null,
    hashes: recordHashesOf(ledger, p.today),
  };
  const writer = new LedgerWriter(ss, ledger);
  const verdict = verifyLedger(ss.getId(), today);
  // While reminders are on (a timed run may read it), the ledger's mirror of the settings follows the document's
  // whenever this run can read them: a deleted or edited mirror is rebuilt here, held run or not.
  const mirror = input.inDocument && settings.remindersOwner ? storedAsJson(input.inDocument) : '';
  if (mirror && ledger.state !== mirror) writer.writeState(mirror, started.toISOString());
  if (!verdict.ok) {
    // Never twice: the ledger no longer holds all of today's digests the witness saw recorded, or the witness
    // cannot be read. Which digests went out today cannot be known, so none goes again today; the witness is
    // rebuilt as held (later runs today stop too), and the owner is told. Tomorrow's run sends normally.
    const detail = heldDetail(verdict.reason);
    holdToday(ss.getId(), today, verdict.reason);
    appendLog(ss, [runEntry(started, 'failed', detail)]);
    noticeOwner(ss.getId(), started, settings.remindersOwner || user, detail);
    return summary('failed', detail);
  }
  for (const { run, last } of unfinishedRuns(ledger, (p.today - 1) as Day)) {
    notes.push(
      `an earlier run (${run.slice(0, 16)}) was stopped before it finished; its last digest, to ${last}, may not have gone out`,
    );
  }
  writer.prune(ledger, (p.today - 2 * Math.max(7, settings.remindEveryDays)) as Day);
  const runId = `${started.toISOString()}#${Math.floor(Math.random() * 1e9).toString(36)}`;
  const entries: LogEntry[] = [];
  const counts = { sent: 0, skipped: 0, deferred: 0, failed: 0 };
  const witness = new WitnessWriter(ss.getId(), day, today.hashes);
  for (const { digest, decision, email } of p.digests) {
    const keys = email.shown.map((i) => i.key);
    const base = { time: new Date(), recipient: digest.recipient, kind: digest.kind, accounts: keys };
    if (decision.status === 'skip') {
      counts.skipped++;
      entries.push({ ...base, status: 'skipped', detail: decision.reason });
    } else if (decision.status === 'defer' || Date.now() - started.getTime() > SEND_BUDGET_MS) {
      counts.deferred++;
      const why =
        decision.status === 'defer' ? 'Daily email quota used up' : 'This run reached its time budget';
      entries.push({ ...base, status: 'deferred', detail: `${why}; goes in the next run.` });
    } else {
      // Never twice: the digest is recorded as sent BEFORE the send, in the ledger (one setValues). If Apps
      // Script kills the run right after the send, the next run sees the record and sends nothing again.
      // Recording after the send would leave a window where a kill re-sends; recording before leaves one where
      // a kill loses one digest — and that is reported (unfinishedRuns above), while a duplicate is silent
      // noise in a CSM's inbox. A send that throws turns its record into `failed`, so it is retried.
      // The witness counts it too, before the send: clearing, deleting or editing the record later is caught.
      const sending = writer.recordSending(day, digest.recipient, keys, runId);
      const ledgerId = writer.ledgerId ?? 0;
      const index = witness.recorded(ledgerId, sending.hash);
      try {
        sendDigestEmail(digest.recipient, email);
        counts.sent++;
        const more = digest.items.length - email.shown.length + digest.moreItems;
        entries.push({
          ...base,
          status: 'sent',
          detail: `${email.subject}${more > 0 ? ` (+${more} for a later digest)` : ''}`,
        });
      } catch (err) {
        witness.changed(ledgerId, index, writer.markFailed(sending, digest.recipient, keys, runId));
        counts.failed++;
        entries.push({ ...base, status: 'failed', detail: errorText(err) });
      }
    }
  }
  writer.recordEnd(day, runId);
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(1);
  const detail =
    `Sent ${counts.sent}, skipped ${counts.skipped}, deferred ${counts.deferred}, failed ${counts.failed}` +
    `; ${historyRows} history rows; ${seconds} s${notes.length ? `; ${notes.join('; ')}` : ''}`;
  const status = counts.failed > 0 ? 'failed' : 'done';
  entries.push(runEntry(started, status, detail));
  appendLog(ss, entries);
  return summary(status === 'failed' ? 'failed' : 'done', detail, { ...counts, historyRows });
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
  const { settings, problems } = loadSettingsWithProblems();
  const ledger = readLedger(ss, dayConverter(ss.getSpreadsheetTimeZone() || 'Etc/UTC'));
  const preview = previewOf(plan(ss, currentUserEmail(), settings, problems, ledger));
  const ui = uiOrNull();
  if (ui) {
    const output = HtmlService.createHtmlOutput(previewHtml(preview)).setWidth(720).setHeight(560);
    ui.showModelessDialog(output, 'Reminder preview');
  }
  return preview;
}

/** The reminders panel's endpoints, checked against the sidebar's contract. */
const reminderSidebarEntries = {
  getReminderPanel: { kind: 'sidebar', params: [], run: getReminderPanel },
  saveReminderSettings: { kind: 'sidebar', params: ['payload'], run: saveReminderSettings },
  setRemindersOn: { kind: 'sidebar', params: ['payload'], run: setRemindersOn },
} satisfies SidebarEntries<ReminderEndpoints>;

export const reminderEntries: Registry = {
  previewReminders: { kind: 'menu', params: [], run: previewReminders },
  runReminders: { kind: 'trigger', params: ['e'], run: runReminders },
  turnRemindersOn: { kind: 'menu', params: [], run: () => turnRemindersOn() },
  turnRemindersOff: { kind: 'menu', params: [], run: turnRemindersOff },
  ...reminderSidebarEntries,
};
