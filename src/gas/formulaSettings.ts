// The leader's stored Settings as custom functions read them: a read-only document property, never an error.
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../core/settings';
import { storedJson } from '../core/storedJson';
import { SETTINGS_PROPERTY, StoredSettingsObject } from './settingsStore';

/**
 * Custom functions may read document properties without authorization, so the formulas follow the thresholds the
 * leader set. Anything that goes wrong (no bound document, a damaged property) falls back to the defaults: a
 * formula must still answer. It only reads — no migration, no write — because custom functions may not write.
 */
export function settingsForFormulas(): Settings {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
    const stored = storedJson(raw, StoredSettingsObject);
    return stored ? readSettings(stored).settings : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}
