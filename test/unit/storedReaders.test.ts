// The stored-JSON readers that go through storedJson: what the product writes reads back, damaged text never throws.
import { describe, expect, it } from 'vitest';
import { storedJson } from '../../src/core/storedJson';
import { StoredSettingsObject, storedAsJson, storedFromJson } from '../../src/gas/settingsStore';

describe('storedFromJson', () => {
  it('reads back what storedAsJson wrote', () => {
    for (const stored of [
      { settings: '{"atRiskDays":30}', reminders: null },
      { settings: null, reminders: '{"owner":"a@b.example"}' },
      { settings: null, reminders: null },
    ]) {
      expect(storedFromJson(storedAsJson(stored))).toEqual(stored);
    }
  });

  it('reads a missing or non-text entry as not stored, and text that is not that JSON as null', () => {
    expect(storedFromJson('{"settings":5}')).toEqual({ settings: null, reminders: null });
    expect(storedFromJson('{"settings"')).toBeNull();
    expect(storedFromJson('')).toBeNull();
    expect(storedFromJson('null')).toBeNull();
  });
});

describe('the stored settings object', () => {
  it('keeps every key for readSettings, reads JSON that is not an object as no settings, and refuses non-JSON', () => {
    expect(storedJson('{"atRiskDays":"x","other":1}', StoredSettingsObject)).toEqual({
      atRiskDays: 'x',
      other: 1,
    });
    expect(storedJson('5', StoredSettingsObject)).toEqual({});
    expect(storedJson('null', StoredSettingsObject)).toEqual({});
    expect(storedJson('{broken', StoredSettingsObject)).toBeNull();
  });
});
