// The panel's whole-number setting fields, labelled from the settings table, and the two-per-line layout they share.
import type { Settings } from '../../src/core/settings';
import { fieldLabel, type NumberSettingKey, SETTINGS } from '../../src/core/settingsTable';
import { el } from '../dom';
import { type Control, type Field, textField } from '../form';

/** A setting stored as a number (the panel reads and compares them as numbers). */
export type NumberKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings] &
  NumberSettingKey;

/** The reminder hour's label: its range, and once the panel knows it, the spreadsheet's time zone. */
export function reminderHourLabel(timeZone?: string): string {
  const { label, min, max } = SETTINGS.reminderHour;
  return `${label} (${min}–${max}${timeZone === undefined ? '' : `, ${timeZone}`})`;
}

/** The field's words from the table: the hour with its range, every other number with its unit. */
export function numberLabel(key: NumberKey): string {
  return key === 'reminderHour' ? reminderHourLabel() : fieldLabel(key);
}

export function numberField(label: string): Field<Control> {
  const f = textField(label, { type: 'number' });
  f.control.setAttribute('step', '1');
  f.control.setAttribute('min', '0');
  return f;
}

/** Fields by setting key, created in the order given (their ids follow that order). */
export function numberFields(keys: readonly NumberKey[]): Map<NumberKey, Field<Control>> {
  return new Map(keys.map((key) => [key, numberField(numberLabel(key))]));
}

/** Two narrow fields per line keep the 300 px panel short. */
export function pairs(fields: readonly Field<Control>[]): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    rows.push(el('div', { class: 'row paired' }, fields[i].wrap, fields[i + 1]?.wrap ?? el('div')));
  }
  return rows;
}

/**
 * Reads the number fields into `patch` (only values that changed); a field that is not a whole number is marked.
 * Returns false when any was marked.
 */
export function readNumbers(
  fields: Iterable<[NumberKey, Field<Control>]>,
  stored: Settings,
  patch: Record<string, unknown>,
): boolean {
  let ok = true;
  for (const [key, f] of fields) {
    const text = f.control.value.trim();
    const n = Number(text);
    if (!text || !Number.isInteger(n)) {
      f.setError('Enter a whole number.');
      ok = false;
    } else if (n !== stored[key]) patch[key] = n;
  }
  return ok;
}
