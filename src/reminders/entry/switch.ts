// Turning reminders on (after the owner confirms recipients, leader and domains), off, and taking them over.
import { domainOf } from '../../core/addresses';
import { allowedDomainsOf, scheduleText } from '../core/planning';
import type { Settings } from '../../core/settings';
import type { Account } from '../../core/types';
import { loadBook } from '../../gas/book';
import { appendLog } from '../gas/log';
import { findLedgerSheet, LedgerWriter } from '../gas/ledger';
import { deleteTriggerRecord, saveTriggerRecord } from '../gas/runContext';
import {
  currentUserEmail,
  deleteOwnerCopy,
  loadSettingsWithProblems,
  mayEditReminders,
  mayTakeOverReminders,
  type RemindersState,
  SettingsError,
  saveOwnerCopy,
  setRemindersOwner,
  storedAsJson,
  storedInDocument,
} from '../../gas/settingsStore';
import { installReminderTrigger, removeReminderTriggers } from '../gas/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SwitchResult {
  readonly ok: boolean;
  readonly message: string;
  /** When turning on needs the user's confirmation first: what to show, and the token that confirms it. */
  readonly confirmation?: Confirmation;
}

/** What turning reminders on will use, in words, and a token that stands for exactly that text. */
export interface Confirmation {
  readonly text: string;
  readonly token: string;
}

const MAX_LISTED_OWNERS = 8;

function fnv(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36);
}

/** The owners the accounts name, lower-case, churned accounts left out. */
export function ownersIn(accounts: readonly Account[]): string[] {
  const owners = new Set<string>();
  for (const a of accounts) {
    if (a.renewalStatus === 'Churned') continue;
    const o = a.owner.trim().toLowerCase();
    if (o) owners.add(o);
  }
  return [...owners].sort();
}

/**
 * The recipients, leader and allowed domains turning reminders on would use, and what changed while they were
 * off: settings are trusted only once the person whose account sends the mail has seen them (docs/rules.md §6).
 */
export function confirmationOf(
  ss: Spreadsheet,
  settings: Settings,
  state: RemindersState,
  user: string,
  /** The owners, when the caller has read Accounts already; else one read of Accounts. */
  knownOwners?: readonly string[],
): Confirmation {
  const owners = knownOwners ?? ownersIn(loadBook(['accounts'], ss).book.accounts);
  const domains = allowedDomainsOf({ ...settings, remindersOwner: user }, user);
  const inDomain = owners.filter((o) =>
    domains.some((d) => domainOf(o) === d || domainOf(o).endsWith(`.${d}`)),
  );
  const listed = inDomain.slice(0, MAX_LISTED_OWNERS).join(', ');
  const more = inDomain.length > MAX_LISTED_OWNERS ? ` and ${inDomain.length - MAX_LISTED_OWNERS} more` : '';
  const lines = [
    `Reminders will go out ${scheduleText(settings, ss.getSpreadsheetTimeZone())}, sent from your account (${user}).`,
    `Owners who may get a digest: ${inDomain.length}${inDomain.length ? ` (${listed}${more})` : ''}.`,
    owners.length > inDomain.length
      ? `Not mailed (outside the allowed domains): ${owners.length - inDomain.length} owners.`
      : '',
    `Leader digest (Red accounts, data problems, per-owner counts) to: ${settings.leaderEmail || 'nobody (no leader email set)'}.`,
    `Allowed recipient domains: ${domains.join(', ') || 'none'}${settings.allowedDomains.length ? '' : ' (the default: your own domain)'}.`,
    state.unconfirmed.length ? `Changed while reminders were off: ${state.unconfirmed.join('; ')}.` : '',
    settings.remindersOwner && settings.remindersOwner !== user
      ? `You are taking reminders over from ${settings.remindersOwner}: their trigger stops at its next run, and the Reminder log records the change.`
      : '',
  ].filter((l) => l !== '');
  const text = lines.join('\n');
  return { text, token: fnv(text) };
}

/**
 * Copies the stored settings into the Reminder ledger, where a run without document properties reads them, and,
 * when the user is the reminders owner, into their own user properties (keyed by this spreadsheet), which survive
 * the ledger's deletion. Turning reminders off drops the user's own copy.
 */
export function mirrorSettings(ss: Spreadsheet): void {
  const stored = storedInDocument();
  if (!stored) return;
  const now = new Date();
  const sheet = findLedgerSheet(ss);
  new LedgerWriter(ss, { sheet, records: [], state: '', lastRow: 0 }).writeState(
    storedAsJson(stored),
    now.toISOString(),
  );
  const owner = loadSettingsWithProblems(stored).reminders.owner;
  const user = currentUserEmail();
  if (owner === '') deleteOwnerCopy(ss.getId());
  else if (user !== '' && owner.trim().toLowerCase() === user) saveOwnerCopy(ss.getId(), stored, now);
}

function uiOrNull(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

function tell(ss: Spreadsheet, text: string): void {
  ss.toast(text, 'Results Ladder reminders', 10);
}

/**
 * Makes the signed-in user the reminders owner and leaves exactly one trigger for this spreadsheet. From the
 * menu it asks with a dialog; from the sidebar `token` is the confirmation the user saw (refused if the
 * settings changed since). Another owner's reminders are taken over the same way, visibly and logged.
 */
export function turnRemindersOn(token?: unknown): SwitchResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const { settings, reminders } = loadSettingsWithProblems();
  if (!user) {
    return {
      ok: false,
      message: 'Apps Script did not reveal your email, so reminders cannot be owned by you.',
    };
  }
  const takingOver = mayTakeOverReminders(settings, user);
  if (!mayEditReminders(settings, user) && !takingOver) {
    return { ok: false, message: `Reminders are owned by ${settings.remindersOwner}.` };
  }
  const confirmation = confirmationOf(ss, settings, reminders, user);
  if (token === undefined) {
    const ui = uiOrNull();
    if (!ui) return { ok: false, message: 'Confirm the reminder settings first.', confirmation };
    const answer = ui.alert(
      takingOver ? 'Take reminders over?' : 'Turn daily reminders on?',
      confirmation.text,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return { ok: false, message: 'Reminders were not turned on.' };
  } else if (token !== confirmation.token) {
    return {
      ok: false,
      message: 'The reminder settings changed since you looked: review them and confirm again.',
      confirmation,
    };
  }
  const previous = takingOver ? settings.remindersOwner : '';
  const { id, removed } = installReminderTrigger(ss, settings);
  let saved: Settings;
  try {
    saved = setRemindersOwner(user, user, id);
  } catch (e) {
    removeReminderTriggers(ss);
    if (e instanceof SettingsError) return { ok: false, message: e.message };
    throw e;
  }
  for (const old of removed) deleteTriggerRecord(old);
  saveTriggerRecord(id, {
    spreadsheetId: ss.getId(),
    name: ss.getName(),
    url: ss.getUrl(),
    owner: user,
    leaderEmail: saved.leaderEmail,
    allowedDomains: saved.allowedDomains,
  });
  mirrorSettings(ss);
  if (previous) {
    appendLog(ss, [
      {
        time: new Date(),
        recipient: user,
        kind: 'settings',
        accounts: [],
        status: 'done',
        detail: `Reminders taken over from ${previous} by ${user}; ${previous}'s trigger stands down at its next run.`,
      },
    ]);
  }
  const message = `Reminders are on: ${scheduleText(saved, ss.getSpreadsheetTimeZone())}, owned by ${user}.${previous ? ` Taken over from ${previous}.` : ''}`;
  tell(ss, message);
  return { ok: true, message };
}

/** Removes this spreadsheet's trigger and frees the reminder settings; only the owner (or anyone when nobody owns them). */
export function turnRemindersOff(): SwitchResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = currentUserEmail();
  const { settings } = loadSettingsWithProblems();
  let result: SwitchResult;
  if (!mayEditReminders(settings, user)) {
    // Refused before touching anything; the way out for a departed owner is to take reminders over first.
    result = {
      ok: false,
      message: `Reminders are owned by ${settings.remindersOwner}; only they can turn them off. If they have left, take reminders over (Turn daily reminders on), then turn them off.`,
    };
  } else {
    // Only this spreadsheet's triggers: the same user's reminders in other team sheets keep running.
    const removed = removeReminderTriggers(ss);
    for (const id of removed) deleteTriggerRecord(id);
    if (settings.remindersOwner) setRemindersOwner('', user);
    mirrorSettings(ss);
    result = { ok: true, message: removed.length > 0 ? 'Reminders are off.' : 'Reminders were already off.' };
  }
  tell(ss, result.message);
  return result;
}
