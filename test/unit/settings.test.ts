import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../src/core/settings';

describe('settings', () => {
  it('has the spec defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      activityWindowDays: 28,
      adoptionWeeksNeeded: 3,
      adoptionWeeksOf: 4,
      overdueGraceDays: 14,
      stalledDays: 60,
      remindEveryDays: 7,
      dueSoonDays: 7,
      cadence: 'daily',
      allowedDomains: [],
    });
  });

  it('reads a partial object and fills in the rest', () => {
    const { settings, problems } = readSettings({ stalledDays: 45, leaderEmail: 'lead@acme.example' });
    expect(problems).toEqual([]);
    expect(settings.stalledDays).toBe(45);
    expect(settings.leaderEmail).toBe('lead@acme.example');
    expect(settings.activityWindowDays).toBe(28);
  });

  it('replaces a bad value by its default and says so, keeping the good ones', () => {
    const { settings, problems } = readSettings({ stalledDays: -3, reminderHour: 30, trendDays: 10 });
    expect(settings.stalledDays).toBe(60);
    expect(settings.reminderHour).toBe(8);
    expect(settings.trendDays).toBe(10);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/stalledDays/);
  });

  it('treats a non-object as empty settings', () => {
    expect(readSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('drops unknown keys', () => {
    expect(readSettings({ nope: 1 }).settings).not.toHaveProperty('nope');
  });
});
