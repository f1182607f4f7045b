// The settings store over a fake document-properties service: defaults, validation, and who may change reminders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  loadSettings,
  loadSettingsWithProblems,
  mayEditReminders,
  SETTINGS_PROPERTY,
  SettingsError,
  saveSettings,
  setRemindersOwner,
} from '../../src/gas/settingsStore';

const store = new Map<string, string>();
const g = globalThis as Record<string, unknown>;

beforeEach(() => {
  store.clear();
  g.PropertiesService = {
    getDocumentProperties: () => ({
      getProperty: (k: string) => store.get(k) ?? null,
      setProperty: (k: string, v: string) => {
        store.set(k, v);
      },
    }),
  };
});
afterEach(() => {
  delete g.PropertiesService;
});

function refusal(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what was stored and replaces a bad value by its default, saying so', () => {
    store.set(SETTINGS_PROPERTY, JSON.stringify({ reminderHour: 30, leaderEmail: 'lead@acme.example' }));
    const { settings, problems } = loadSettingsWithProblems();
    expect(settings.reminderHour).toBe(DEFAULT_SETTINGS.reminderHour);
    expect(settings.leaderEmail).toBe('lead@acme.example');
    // In words, never the internal key.
    expect(problems[0]).toBe('Reminder hour was not valid; using the default.');
  });

  it('survives an unreadable property', () => {
    store.set(SETTINGS_PROPERTY, '{not json');
    const { settings, problems } = loadSettingsWithProblems();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});

describe('saveSettings', () => {
  it('merges, normalises emails and domains, and stores one JSON', () => {
    const saved = saveSettings(
      {
        leaderEmail: ' Lead@Acme.Example ',
        allowedDomains: ['@Acme.example', 'acme.example', ' eu.acme.example '],
      },
      'me@acme.example',
    );
    expect(saved.leaderEmail).toBe('lead@acme.example');
    expect(saved.allowedDomains).toEqual(['acme.example', 'eu.acme.example']);
    expect(JSON.parse(store.get(SETTINGS_PROPERTY) ?? '{}')).toEqual(saved);
    expect(saveSettings({ dueSoonDays: 3 }, 'me@acme.example').leaderEmail).toBe('lead@acme.example');
  });

  it.each([
    [{ reminderHour: 24 }, 'reminderHour'],
    [{ remindEveryDays: 0 }, 'remindEveryDays'],
    [{ cadence: 'hourly' }, 'cadence'],
    [{ leaderEmail: 'not an email' }, 'leaderEmail'],
    [{ allowedDomains: ['acme'] }, 'allowedDomains'],
  ])('refuses %j naming the field, storing nothing', (patch, field) => {
    const e = refusal(() => saveSettings(patch as never, 'me@acme.example'));
    expect(e.field).toBe(field);
    expect(store.has(SETTINGS_PROPERTY)).toBe(false);
  });

  it('only the reminders owner may change reminder fields; only the leader (else the owner) thresholds', () => {
    setRemindersOwner('owner@acme.example', 'owner@acme.example');
    const e = refusal(() => saveSettings({ leaderEmail: 'x@acme.example' }, 'other@acme.example'));
    expect(e.field).toBe('leaderEmail');
    expect(e.message).toMatch(/Only owner@acme.example/);
    expect(refusal(() => saveSettings({ overdueGraceDays: 21 }, 'other@acme.example')).field).toBe(
      'overdueGraceDays',
    );
    expect(saveSettings({ overdueGraceDays: 21 }, 'owner@acme.example').overdueGraceDays).toBe(21);
    expect(saveSettings({ leaderEmail: 'x@acme.example' }, 'OWNER@acme.example').leaderEmail).toBe(
      'x@acme.example',
    );
    // Now a leader is named: thresholds are theirs alone.
    expect(refusal(() => saveSettings({ stalledDays: 30 }, 'owner@acme.example')).message).toMatch(
      /^Only the leader \(x@acme\.example\)/,
    );
    expect(saveSettings({ stalledDays: 30 }, 'x@acme.example').stalledDays).toBe(30);
  });

  it('an unchanged reminder field sent back by a form is not refused', () => {
    const current = setRemindersOwner('owner@acme.example', 'owner@acme.example');
    const after = saveSettings({ ...current, kickoffDays: 45 }, 'owner@acme.example');
    expect(saveSettings({ ...after }, 'other@acme.example').kickoffDays).toBe(45);
  });

  it('never sets the reminders owner, not even while nobody owns them', () => {
    const e = refusal(() =>
      saveSettings({ remindersOwner: 'mallory@acme.example', dueSoonDays: 3 }, 'mallory@acme.example'),
    );
    expect(e.field).toBe('remindersOwner');
    expect(e.message).toMatch(/turns reminders on/);
    expect(store.has(SETTINGS_PROPERTY)).toBe(false);
    setRemindersOwner('owner@acme.example', 'owner@acme.example');
    expect(() => saveSettings({ remindersOwner: '' }, 'owner@acme.example')).toThrow(SettingsError);
    expect(loadSettings().remindersOwner).toBe('owner@acme.example');
  });
});

describe('a damaged settings property', () => {
  it('never drops the reminders owner, kept apart from the settings JSON', () => {
    setRemindersOwner('maya@acme.example', 'maya@acme.example', 'trigger-1');
    store.set(SETTINGS_PROPERTY, '{not json');
    const { settings, reminders, problems } = loadSettingsWithProblems();
    expect(settings.remindersOwner).toBe('maya@acme.example');
    expect(reminders.triggerId).toBe('trigger-1');
    expect(problems).toEqual(['Stored settings were unreadable; using the defaults.']);
    // So an editor still cannot change recipients.
    expect(refusal(() => saveSettings({ leaderEmail: 'me@gmail.com' }, 'kim@acme.example')).field).toBe(
      'leaderEmail',
    );
  });

  it('a settings field edited while reminders are off is remembered for the confirmation', () => {
    saveSettings({ leaderEmail: 'me@gmail.com', allowedDomains: ['gmail.com'] }, 'kim@acme.example');
    expect(loadSettingsWithProblems().reminders.unconfirmed).toEqual([
      'Leader email (by kim@acme.example)',
      'Allowed recipient domains (by kim@acme.example)',
    ]);
    // Turning reminders on is the confirmation: nothing stays unconfirmed.
    setRemindersOwner('lead@acme.example', 'lead@acme.example', 't');
    expect(loadSettingsWithProblems().reminders.unconfirmed).toEqual([]);
  });
});

describe('setRemindersOwner', () => {
  it('the owner, or anyone while nobody owns them; anyone else only to take over for themselves', () => {
    store.set(SETTINGS_PROPERTY, JSON.stringify({ leaderEmail: 'lead@acme.example' }));
    expect(setRemindersOwner('Maya@acme.example', 'maya@acme.example').remindersOwner).toBe(
      'maya@acme.example',
    );
    expect(refusal(() => setRemindersOwner('', 'jonas@acme.example')).field).toBe('remindersOwner');
    // Anyone may take over (the confirmed, logged step of turning reminders on), but may not hand reminders to
    // someone else or switch them off for Maya.
    expect(refusal(() => setRemindersOwner('kim@acme.example', 'jonas@acme.example')).message).toMatch(
      /Only maya@acme.example/,
    );
    expect(() => setRemindersOwner('jonas@acme.example', 'lead@acme.example')).toThrow(SettingsError);
    expect(() => setRemindersOwner('', 'lead@acme.example')).toThrow(SettingsError);
    expect(setRemindersOwner('lead@acme.example', 'lead@acme.example').remindersOwner).toBe(
      'lead@acme.example',
    );
    expect(setRemindersOwner('', 'lead@acme.example').remindersOwner).toBe('');
  });

  it('mayEditReminders: open until someone owns reminders', () => {
    expect(mayEditReminders(DEFAULT_SETTINGS, 'anyone@acme.example')).toBe(true);
    const owned = { ...DEFAULT_SETTINGS, remindersOwner: 'o@acme.example' };
    expect(mayEditReminders(owned, 'o@acme.example')).toBe(true);
    expect(mayEditReminders(owned, '')).toBe(false);
    expect(mayEditReminders(owned, 'x@acme.example')).toBe(false);
  });
});
