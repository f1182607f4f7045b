// The leader's thresholds have sane ranges, checked when saved and when read back, with a message per field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, SettingsSchema, settingsProblem } from '../../src/core/settings';

describe('threshold ranges', () => {
  const refused: [string, number, RegExp][] = [
    ['activityWindowDays', 0, /Activity window must be a whole number from 7 to 365 days/],
    ['activityWindowDays', 6, /from 7 to 365/],
    ['trendDays', 3, /Trend window must be a whole number from 7/],
    ['stalledDays', 1, /Stalled after/],
    ['adoptionWeeksNeeded', 1000, /Adoption weeks needed must be a whole number from 1 to 52 weeks/],
    ['adoptionWeeksOf', 0, /Adoption weeks counted/],
    ['qbrEveryDays', 2.5, /QBR every/],
  ];
  it.each(refused)('%s = %s is refused: %s', (field, value, message) => {
    const parsed = SettingsSchema.safeParse({ [field]: value });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0].message).toMatch(message);
  });

  it('accepts the defaults and the edges of each range', () => {
    expect(
      SettingsSchema.safeParse({
        activityWindowDays: 7,
        trendDays: 7,
        adoptionWeeksNeeded: 52,
        adoptionWeeksOf: 52,
      }).success,
    ).toBe(true);
    expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
  });

  it('adoption weeks needed cannot exceed the weeks counted', () => {
    const wrong = settingsProblem({ ...DEFAULT_SETTINGS, adoptionWeeksNeeded: 5, adoptionWeeksOf: 4 });
    expect(wrong).toEqual({
      field: 'adoptionWeeksNeeded',
      message: expect.stringMatching(
        /Adoption weeks needed \(5\) cannot be more than the weeks counted \(4\)/,
      ),
    });
  });

  it('read back, nonsense thresholds fall back to defaults and say so', () => {
    const { settings, problems } = readSettings({
      adoptionWeeksNeeded: 1000,
      adoptionWeeksOf: 1,
      activityWindowDays: 0,
    });
    expect([settings.adoptionWeeksNeeded, settings.adoptionWeeksOf]).toEqual([3, 4]);
    expect(settings.activityWindowDays).toBe(28);
    expect(problems.join(' ')).toMatch(/Activity window must be/);
    const consistent = readSettings({ adoptionWeeksNeeded: 4, adoptionWeeksOf: 2 });
    expect([consistent.settings.adoptionWeeksNeeded, consistent.settings.adoptionWeeksOf]).toEqual([3, 4]);
    expect(consistent.problems.join(' ')).toMatch(/cannot be more than the weeks counted/);
  });
});
