// The one settings table: every setting is described in full, and validation and its messages come from it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fieldMessage, readSettings, SettingsSchema } from '../../src/core/settings';
import {
  fieldLabel,
  type NumberSettingKey,
  SETTINGS,
  type SettingKey,
  settingHelp,
  settingLabel,
  settingMessage,
} from '../../src/core/settingsTable';

const keys = Object.keys(SETTINGS) as SettingKey[];
const numberKeys = keys.filter((k): k is NumberSettingKey => SETTINGS[k].kind === 'number');

describe('the settings table', () => {
  it('lists exactly the settings the schema stores, with the same defaults', () => {
    expect(keys.sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
    for (const key of keys) expect(DEFAULT_SETTINGS[key]).toEqual(SETTINGS[key].default);
  });

  it.each(keys)('%s has a label and help in words', (key) => {
    const spec = SETTINGS[key];
    expect(spec.label).toMatch(/^[A-Z]/);
    expect(spec.label).not.toContain(key);
    expect(spec.help.length).toBeGreaterThan(3);
    expect(settingLabel(key)).toBe(spec.label);
    expect(settingHelp(key)).toBe(spec.help);
  });

  it.each(numberKeys)('%s has a unit and min ≤ default ≤ max, all whole numbers', (key) => {
    const { min, max, unit, default: byDefault } = SETTINGS[key];
    expect(unit).not.toBe('');
    expect(Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(byDefault)).toBe(true);
    expect(min).toBeLessThanOrEqual(byDefault);
    expect(byDefault).toBeLessThanOrEqual(max);
  });

  it.each(numberKeys)(
    '%s: the schema takes the edges and refuses outside them, naming the label and range',
    (key) => {
      const { label, min, max } = SETTINGS[key];
      const words = (n: number) => n.toLocaleString('en-US');
      expect(SettingsSchema.safeParse({ [key]: min }).success).toBe(true);
      expect(SettingsSchema.safeParse({ [key]: max }).success).toBe(true);
      for (const wrong of [min - 1, max + 1, min + 0.5]) {
        const parsed = SettingsSchema.safeParse({ [key]: wrong });
        expect(parsed.success).toBe(false);
        const message = parsed.success ? '' : parsed.error.issues[0].message;
        expect(message).toBe(settingMessage(key));
        expect(message).toContain(label);
        expect(message).toContain(`from ${words(min)} to ${words(max)}`);
      }
    },
  );

  it('a choice setting takes its options and refuses anything else with its label and help', () => {
    for (const key of keys) {
      const spec = SETTINGS[key];
      if (spec.kind !== 'choice') continue;
      expect(spec.options).toContain(spec.default);
      for (const option of spec.options)
        expect(SettingsSchema.safeParse({ [key]: option }).success).toBe(true);
      expect(SettingsSchema.safeParse({ [key]: 'sometimes' }).success).toBe(false);
      expect(fieldMessage(key, 'zod')).toBe(`${spec.label} must be ${spec.help}.`);
    }
  });

  it('the messages people read say the label, never the internal key', () => {
    expect(settingMessage('activityWindowDays')).toBe(
      'Activity window must be a whole number from 7 to 365 days.',
    );
    expect(settingMessage('stalledDays')).toBe('Stalled after must be a whole number from 7 to 3,650 days.');
    expect(settingMessage('reminderHour')).toBe('Reminder hour must be a whole hour from 0 to 23.');
    expect(fieldMessage('nonsense', 'bad')).toBe("Setting 'nonsense' is not valid: bad.");
    const { problems } = readSettings({ trendDays: 1 });
    expect(problems).toEqual([
      "Setting 'trendDays' was invalid (Trend window must be a whole number from 7 to 3,650 days.); using the default.",
    ]);
  });

  it('the form labels a number with its unit unless the label says it', () => {
    expect(fieldLabel('stalledDays')).toBe('Stalled after (days)');
    expect(fieldLabel('adoptionWeeksNeeded')).toBe('Adoption weeks needed');
    expect(fieldLabel('renewalLiftMinimum')).toBe('Renewal lift minimum (renewals)');
  });
});
