// The thresholds of the rules: they define health, so only the leader changes them, and a change is confirmed first.
import type { Settings } from '../../src/core/settings';
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { el, fill } from '../dom';
import type { Control, Field } from '../form';
import { type NumberKey, numberFields, pairs, readNumbers } from './numberFields';

/** Thresholds of the rules, in the form's order (the server enforces who may change them too). */
const THRESHOLDS: readonly NumberKey[] = [
  'activityWindowDays',
  'adoptionWeeksNeeded',
  'adoptionWeeksOf',
  'overdueGraceDays',
  'stalledDays',
  'trendDays',
  'kickoffDays',
  'qbrEveryDays',
  'renewalLiftMinimum',
];

export interface ThresholdFields {
  /** The note, the fields two per line and the confirmation box, in that order. */
  readonly parts: readonly HTMLElement[];
  readonly byKey: Readonly<Record<string, Field<Control>>>;
  fill(s: Settings): void;
  applyAccess(p: ReminderPanel): void;
  readNumbers(s: Settings, patch: Record<string, unknown>): boolean;
  /**
   * Thresholds move accounts between Green, Yellow and Red: the first save of a change lists it and asks again.
   * True when the confirmation was just shown (do not save yet).
   */
  askToConfirm(p: ReminderPanel, patch: Record<string, unknown>): boolean;
  /** A fresh panel: any pending confirmation is dropped. */
  reset(): void;
}

export function createThresholdFields(): ThresholdFields {
  const thresholds = numberFields(THRESHOLDS);
  const note = el('p', { class: 'hint' });
  const confirm = el('div', { class: 'confirm', attrs: { role: 'alert' } });
  confirm.hidden = true;
  let confirmed = false;

  return {
    parts: [note, ...pairs([...thresholds.values()]), confirm],
    byKey: Object.fromEntries(thresholds),
    fill(s) {
      for (const [key, f] of thresholds) {
        f.control.value = String(s[key]);
        f.setError('');
      }
    },
    applyAccess(p) {
      for (const f of thresholds.values()) {
        if (!(f.control instanceof HTMLSelectElement)) f.control.readOnly = !p.canEditThresholds;
      }
      note.textContent = p.canEditThresholds
        ? 'These define Green, Yellow and Red for every account: saving asks you to confirm.'
        : `Read-only: only the leader${p.settings.leaderEmail ? ` (${p.settings.leaderEmail})` : ''} can change the thresholds that define health.`;
    },
    readNumbers: (s, patch) => readNumbers(thresholds, s, patch),
    askToConfirm(p, patch) {
      const changed = [...thresholds].filter(([key]) => key in patch);
      if (changed.length === 0 || confirmed) return false;
      fill(
        confirm,
        el('p', {}, 'These change health for every account:'),
        el(
          'ul',
          { class: 'list' },
          ...changed.map(([key, f]) =>
            el(
              'li',
              {},
              `${f.wrap.querySelector('label')?.textContent ?? key}: ${p.settings[key]} → ${patch[key]}`,
            ),
          ),
        ),
        el('p', {}, 'Press Save settings again to confirm.'),
      );
      confirm.hidden = false;
      confirmed = true;
      return true;
    },
    reset() {
      confirm.hidden = true;
      confirmed = false;
    },
  };
}
