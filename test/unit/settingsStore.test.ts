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
    expect(problems[0]).toMatch(/reminderHour/);
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

  it('only the reminders owner may change reminder fields; anyone may change thresholds', () => {
    setRemindersOwner('owner@acme.example', 'owner@acme.example');
    const e = refusal(() => saveSettings({ leaderEmail: 'x@acme.example' }, 'other@acme.example'));
    expect(e.field).toBe('leaderEmail');
    expect(e.message).toMatch(/Only owner@acme.example/);
    expect(saveSettings({ overdueGraceDays: 21 }, 'other@acme.example').overdueGraceDays).toBe(21);
    expect(saveSettings({ leaderEmail: 'x@acme.example' }, 'OWNER@acme.example').leaderEmail).toBe(
      'x@acme.example',
    );
  });

  it('an unchanged reminder field sent back by a form is not refused', () => {
    const current = setRemindersOwner('owner@acme.example', 'owner@acme.example');
    expect(saveSettings({ ...current, kickoffDays: 45 }, 'other@acme.example').kickoffDays).toBe(45);
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

describe('setRemindersOwner', () => {
  it('the owner, or anyone while nobody owns them; the leader only to take over for themselves', () => {
    store.set(SETTINGS_PROPERTY, JSON.stringify({ leaderEmail: 'lead@acme.example' }));
    expect(setRemindersOwner('Maya@acme.example', 'maya@acme.example').remindersOwner).toBe(
      'maya@acme.example',
    );
    expect(refusal(() => setRemindersOwner('', 'jonas@acme.example')).field).toBe('remindersOwner');
    expect(refusal(() => setRemindersOwner('jonas@acme.example', 'jonas@acme.example')).message).toMatch(
      /Only maya@acme.example/,
    );
    // The leader may take over, but may not hand reminders to someone else or switch them off for Maya.
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
