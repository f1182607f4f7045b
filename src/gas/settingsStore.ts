// Settings kept as one JSON document property; reminder fields belong to the user who turned reminders on, thresholds to the leader.
import * as z from 'zod/mini';
import { isDomain, isWellFormedEmail } from '../core/addresses';
import { REMINDER_FIELDS } from '../reminders/core/planning';
import { storedJson } from '../core/storedJson';
import {
  fieldMessage,
  readSettings,
  type Settings,
  SettingsSchema,
  settingLabel,
  settingsProblem,
} from '../core/settings';

export const SETTINGS_PROPERTY = 'resultsLadder.settings';
/**
 * Who owns the reminders and which trigger is theirs, apart from the settings JSON: a damaged or hand-edited
 * settings property must never drop the owner (then any editor could change the recipients).
 */
export const REMINDERS_PROPERTY = 'resultsLadder.reminders';

const RemindersStateSchema = z.object({
  owner: z._default(z.string(), ''),
  /** The unique ID of the owner's trigger for this spreadsheet (getUniqueId()). */
  triggerId: z._default(z.string(), ''),
  /** Reminder fields changed since the owner last confirmed them, with who changed them. */
  unconfirmed: z._default(z.array(z.string()), []),
});
export type RemindersState = z.infer<typeof RemindersStateSchema>;
const NO_STATE: RemindersState = Object.freeze({ owner: '', triggerId: '', unconfirmed: [] });

/**
 * The settings property as JSON, left for readSettings to check key by key (so one bad value costs only that
 * value). JSON that is not an object reads as no settings, as readSettings reads it; only text that is not JSON
 * is unreadable.
 */
export const StoredSettingsObject = z.pipe(
  z.unknown(),
  z.transform((v): object => (v !== null && typeof v === 'object' ? v : {})),
);

/** A stored text, or null when it was not stored (anything else reads as not stored too). */
const StoredText = z._default(
  z.pipe(
    z.unknown(),
    z.transform((v) => (typeof v === 'string' ? v : null)),
  ),
  null,
);
/** What storedAsJson writes: each stored text, or null when it was not stored. */
const StoredSettingsSchema = z.object({ settings: StoredText, reminders: StoredText });

/** The stored JSON texts: from document properties, or (a run without them) the Reminder ledger's state row. */
export interface StoredSettings {
  readonly settings: string | null;
  readonly reminders: string | null;
}

/** The stored texts from document properties, or null when this execution has none (a time-driven run). */
export function storedInDocument(): StoredSettings | null {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return null;
  return { settings: props.getProperty(SETTINGS_PROPERTY), reminders: props.getProperty(REMINDERS_PROPERTY) };
}

/** The stored texts as one JSON, for the ledger's state row. */
export function storedAsJson(stored: StoredSettings): string {
  return JSON.stringify(stored);
}

/** Reads what storedAsJson wrote; null when it is not that. */
export function storedFromJson(json: string): StoredSettings | null {
  return storedJson(json, StoredSettingsSchema);
}

/**
 * The reminders owner's own copy of the confirmed settings, in their user properties keyed by spreadsheet ID. A
 * timed run may get no document properties (docs/platform.md), and the ledger's mirror is a sheet an editor can
 * delete; user properties belong to the user a trigger runs as in every context
 * (https://developers.google.com/apps-script/guides/properties; "installable triggers always run under the account
 * of the person who created them": https://developers.google.com/apps-script/guides/triggers/installable), so
 * this copy survives both. It is the last
 * source a run without document properties reads: the ledger's mirror, when readable, is newer (a leader's
 * threshold change reaches it, not the owner's properties) and says who owns the reminders now.
 */
const OWNER_COPY_PREFIX = 'resultsLadder.settingsCopy.';
const OwnerCopySchema = z.object({
  settings: StoredText,
  reminders: StoredText,
  /** ISO date-time the copy was saved. */
  saved: z._default(z.string(), ''),
});

export interface OwnerCopy {
  readonly stored: StoredSettings;
  readonly saved: string;
}

/**
 * Saves the running user's copy of `stored` for `spreadsheetId`. A value over the 9 kB a property holds
 * (https://developers.google.com/apps-script/guides/services/quotas) is refused by Apps Script: then no copy is
 * kept and false is returned, so the caller can say so.
 */
export function saveOwnerCopy(spreadsheetId: string, stored: StoredSettings, saved: Date): boolean {
  try {
    PropertiesService.getUserProperties().setProperty(
      OWNER_COPY_PREFIX + spreadsheetId,
      JSON.stringify({ ...stored, saved: saved.toISOString() }),
    );
    return true;
  } catch {
    return false;
  }
}

/** The running user's copy for `spreadsheetId`, or null when none (or none readable) is kept. */
export function ownerCopy(spreadsheetId: string): OwnerCopy | null {
  const copy = storedJson(
    PropertiesService.getUserProperties().getProperty(OWNER_COPY_PREFIX + spreadsheetId),
    OwnerCopySchema,
  );
  return copy ? { stored: { settings: copy.settings, reminders: copy.reminders }, saved: copy.saved } : null;
}

export function deleteOwnerCopy(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(OWNER_COPY_PREFIX + spreadsheetId);
}

function parseState(raw: string | null): RemindersState | null {
  return storedJson(raw, RemindersStateSchema);
}

export { REMINDER_FIELDS };

/** A refused or invalid save, with the field the user should look at. */
export class SettingsError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'SettingsError';
    this.field = field;
  }
}

function parseStored(raw: string | null): unknown {
  if (!raw) return {};
  // A hand-edited or truncated property must not stop the rules: defaults apply and the problem is reported.
  return storedJson(raw, StoredSettingsObject) ?? { __unreadable: true };
}

/**
 * Settings, the reminders state and any problems found reading them (a damaged value is replaced by its
 * default). The owner comes from the reminders property when it is readable, so damaged settings keep it.
 */
export function loadSettingsWithProblems(stored: StoredSettings | null = storedInDocument()): {
  settings: Settings;
  problems: string[];
  reminders: RemindersState;
} {
  if (!stored) {
    return {
      settings: readSettings({}).settings,
      problems: ['This run could not read the stored settings; using the defaults.'],
      reminders: NO_STATE,
    };
  }
  const parsedSettings = parseStored(stored.settings);
  const read = readSettings(parsedSettings);
  const problems = read.problems.map(labelledProblem);
  if (parsedSettings && typeof parsedSettings === 'object' && '__unreadable' in parsedSettings) {
    problems.push('Stored settings were unreadable; using the defaults.');
  }
  const state = parseState(stored.reminders);
  // Older versions kept the owner only inside the settings JSON: it still counts when no state was stored.
  const reminders = state ?? { ...NO_STATE, owner: read.settings.remindersOwner };
  if (stored.reminders && !state) problems.push('The stored reminders owner was unreadable.');
  return { settings: { ...read.settings, remindersOwner: reminders.owner }, problems, reminders };
}

/** "Setting 'reminderHour' was invalid (…)" → the label in words, never the internal key. */
function labelledProblem(problem: string): string {
  const key = /Setting '([^']+)'/.exec(problem)?.[1];
  return key ? `${settingLabel(key)} was not valid; using the default.` : problem;
}

export function loadSettings(): Settings {
  return loadSettingsWithProblems().settings;
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Reminder settings are open to everyone until someone turns reminders on; then only to that user. */
export function mayEditReminders(settings: Settings, user: string): boolean {
  return settings.remindersOwner === '' || (user !== '' && sameEmail(settings.remindersOwner, user));
}

/**
 * Anyone signed in may take the reminders over from another owner, through a visible, confirmed and logged
 * step — the way out when the CSM who turned them on has left and no leader email is set (docs/rules.md §6: nobody is
 * ever locked out). The old owner's trigger stands down at its next run.
 */
export function mayTakeOverReminders(settings: Settings, user: string): boolean {
  return user !== '' && !mayEditReminders(settings, user);
}

/**
 * Thresholds define health, so only the leader changes them; while no leader email is set, the reminders
 * owner; while neither is set, anyone (someone has to set the first leader).
 */
export function mayEditThresholds(settings: Settings, user: string): boolean {
  if (settings.leaderEmail !== '') return user !== '' && sameEmail(settings.leaderEmail, user);
  return mayEditReminders(settings, user);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys of `patch` the schema knows whose value differs from what is stored. */
function changesOf(patch: Partial<Settings>, current: Settings): Record<string, unknown> {
  const known = new Set<string>(Object.keys(SettingsSchema.shape));
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!known.has(key) || value === undefined) continue;
    if (sameValue(value, current[key as keyof Settings])) continue;
    changes[key] = value;
  }
  return changes;
}

/**
 * Merges `patch` into the stored settings, validates the whole and stores it. Keys the schema does not
 * know are ignored; a field that did not change is never refused, so a form may send back everything it
 * showed. Throws SettingsError (nothing stored) for an invalid value, a reminder field from a non-owner, or
 * a new reminders owner: the owner changes only with the trigger (setRemindersOwner), otherwise anyone could
 * name an owner — and so who may change the recipients — while reminders are off.
 */
export function saveSettings(patch: Partial<Settings>, user: string): Settings {
  const current = loadSettings();
  const changes = changesOf(patch, current);
  if (
    'remindersOwner' in changes &&
    !sameEmail(String(changes.remindersOwner ?? ''), current.remindersOwner)
  ) {
    throw new SettingsError(
      'The reminders owner is whoever turns reminders on (Results Ladder › Turn daily reminders on); it cannot be saved as a setting.',
      'remindersOwner',
    );
  }
  delete changes.remindersOwner;
  const reminderChanges = REMINDER_FIELDS.filter((f) => f in changes);
  if (!mayEditReminders(current, user) && reminderChanges.length > 0) {
    throw new SettingsError(
      `Only ${current.remindersOwner}, who turned reminders on, can change ${settingLabel(reminderChanges[0]).toLowerCase()}.`,
      reminderChanges[0],
    );
  }
  const thresholdChange = Object.keys(changes).find(
    (k) => !(REMINDER_FIELDS as readonly string[]).includes(k),
  );
  if (thresholdChange !== undefined && !mayEditThresholds(current, user)) {
    throw new SettingsError(
      `Only the leader (${current.leaderEmail || current.remindersOwner}) can change the thresholds that define health, such as ${settingLabel(thresholdChange).toLowerCase()}.`,
      thresholdChange,
    );
  }
  const saved = store(current, changes);
  if (reminderChanges.length > 0 && current.remindersOwner === '') {
    // Edited while reminders were off: turning them on must show these and ask to confirm them.
    const state = loadSettingsWithProblems().reminders;
    const unconfirmed = [
      ...state.unconfirmed,
      ...reminderChanges.map((f) => `${settingLabel(f)} (by ${user || 'someone'})`),
    ];
    storeState({ ...state, unconfirmed: [...new Set(unconfirmed)] });
  }
  return saved;
}

/** Stores the reminders state (and keeps the owner inside the settings JSON in step, for older readers). */
export function storeState(state: RemindersState): void {
  PropertiesService.getDocumentProperties().setProperty(REMINDERS_PROPERTY, JSON.stringify(state));
}

/**
 * Sets who owns the reminders, for turning them on (owner = `user`) or off (owner = ''). Allowed to the
 * current owner, to anyone while nobody owns them, and to the leader taking them over for themselves.
 */
export function setRemindersOwner(owner: string, user: string, triggerId = ''): Settings {
  const { settings: current, reminders } = loadSettingsWithProblems();
  const takingOver = owner !== '' && sameEmail(owner, user) && mayTakeOverReminders(current, user);
  if (!mayEditReminders(current, user) && !takingOver) {
    throw new SettingsError(
      `Only ${current.remindersOwner}, who turned reminders on, can change reminder settings.`,
      'remindersOwner',
    );
  }
  const saved = store(current, { remindersOwner: owner });
  // Turning on confirms what was shown; turning off keeps nothing to confirm against.
  storeState({ ...reminders, owner: saved.remindersOwner, triggerId, unconfirmed: [] });
  return saved;
}

function store(current: Settings, changes: Record<string, unknown>): Settings {
  const merged = normalize({ ...current, ...changes });
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? '');
    // The settings table's message: the field's label and what it takes.
    throw new SettingsError(fieldMessage(field, issue.message), field || undefined);
  }
  const settings = parsed.data;
  const inconsistent = settingsProblem(settings);
  if (inconsistent) throw new SettingsError(inconsistent.message, inconsistent.field);
  if (settings.leaderEmail !== '' && !isWellFormedEmail(settings.leaderEmail)) {
    throw new SettingsError(
      `Leader email: '${settings.leaderEmail}' is not a plain email address.`,
      'leaderEmail',
    );
  }
  const badDomain = settings.allowedDomains.find((d) => !isDomain(d));
  if (badDomain !== undefined) {
    throw new SettingsError(
      `Allowed recipient domains: '${badDomain}' is not a domain (e.g. acme.com).`,
      'allowedDomains',
    );
  }
  const props = PropertiesService.getDocumentProperties();
  props.setProperty(SETTINGS_PROPERTY, JSON.stringify(settings));
  return settings;
}

/** Email and domain fields are compared lower-case and trimmed everywhere, so they are stored that way. */
function normalize(s: Record<string, unknown>): Record<string, unknown> {
  const out = { ...s };
  if (typeof out.leaderEmail === 'string') out.leaderEmail = out.leaderEmail.trim().toLowerCase();
  if (typeof out.remindersOwner === 'string') out.remindersOwner = out.remindersOwner.trim().toLowerCase();
  if (typeof out.confirmationPageUrl === 'string') out.confirmationPageUrl = out.confirmationPageUrl.trim();
  if (Array.isArray(out.allowedDomains)) {
    const domains = out.allowedDomains
      .map((d) => String(d).trim().toLowerCase().replace(/^@/, ''))
      .filter((d) => d !== '');
    out.allowedDomains = [...new Set(domains)];
  }
  return out;
}

/**
 * The signed-in user's email. In a time trigger the active user may be hidden; the effective user is the
 * one the trigger runs as, which is the reminders owner.
 */
export function currentUserEmail(): string {
  const active = Session.getActiveUser().getEmail();
  if (active) return active.trim().toLowerCase();
  return Session.getEffectiveUser().getEmail().trim().toLowerCase();
}
