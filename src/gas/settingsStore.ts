// Settings kept as one JSON document property; reminder fields belong to the user who turned reminders on.
import { isDomain, isWellFormedEmail } from '../core/addresses';
import { REMINDER_FIELDS } from '../core/reminders';
import { fieldMessage, readSettings, type Settings, SettingsSchema, settingsProblem } from '../core/settings';

export const SETTINGS_PROPERTY = 'resultsLadder.settings';

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
  try {
    return JSON.parse(raw);
  } catch {
    // A hand-edited or truncated property must not stop the rules: defaults apply and the problem is reported.
    return { __unreadable: true };
  }
}

/** Settings and any problems found reading them (a damaged value is replaced by its default). */
export function loadSettingsWithProblems(): { settings: Settings; problems: string[] } {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
  const stored = parseStored(raw);
  const read = readSettings(stored);
  if (stored && typeof stored === 'object' && '__unreadable' in stored) {
    return { settings: read.settings, problems: ['Stored settings were unreadable; using the defaults.'] };
  }
  return read;
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
 * The leader named in the settings may take the reminders over from another owner — the way out when the CSM
 * who turned them on has left and their trigger can be neither seen nor changed by anyone else.
 */
export function mayTakeOverReminders(settings: Settings, user: string): boolean {
  return (
    user !== '' &&
    settings.leaderEmail !== '' &&
    sameEmail(settings.leaderEmail, user) &&
    !mayEditReminders(settings, user)
  );
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
  if (!mayEditReminders(current, user)) {
    const refused = REMINDER_FIELDS.find((f) => f in changes);
    if (refused) {
      throw new SettingsError(
        `Only ${current.remindersOwner}, who turned reminders on, can change reminder settings.`,
        refused,
      );
    }
  }
  return store(current, changes);
}

/**
 * Sets who owns the reminders, for turning them on (owner = `user`) or off (owner = ''). Allowed to the
 * current owner, to anyone while nobody owns them, and to the leader taking them over for themselves.
 */
export function setRemindersOwner(owner: string, user: string): Settings {
  const current = loadSettings();
  const takingOver = owner !== '' && sameEmail(owner, user) && mayTakeOverReminders(current, user);
  if (!mayEditReminders(current, user) && !takingOver) {
    throw new SettingsError(
      `Only ${current.remindersOwner}, who turned reminders on, can change reminder settings.`,
      'remindersOwner',
    );
  }
  return store(current, { remindersOwner: owner });
}

function store(current: Settings, changes: Record<string, unknown>): Settings {
  const merged = normalize({ ...current, ...changes });
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? '');
    throw new SettingsError(fieldMessage(field, issue.message), field || undefined);
  }
  const settings = parsed.data;
  const inconsistent = settingsProblem(settings);
  if (inconsistent) throw new SettingsError(inconsistent.message, inconsistent.field);
  if (settings.leaderEmail !== '' && !isWellFormedEmail(settings.leaderEmail)) {
    throw new SettingsError(
      `Leader email '${settings.leaderEmail}' is not a plain email address.`,
      'leaderEmail',
    );
  }
  const badDomain = settings.allowedDomains.find((d) => !isDomain(d));
  if (badDomain !== undefined) {
    throw new SettingsError(`'${badDomain}' is not a domain (e.g. acme.com).`, 'allowedDomains');
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
