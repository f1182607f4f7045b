// The reminder settings fieldset: cadence, day, hour, repeat and due-soon days, leader and domains; only the owner edits them.
import type { Settings } from '../../src/core/settings';
import { SETTINGS, settingLabel } from '../../src/core/settingsTable';
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { el } from '../dom';
import { type Control, type Field, selectField, textField } from '../form';
import { type NumberKey, numberFields, pairs, readNumbers, reminderHourLabel } from './numberFields';

/** Reminder fields: only the user who turned reminders on may change them (the server enforces it too). */
const REMINDER_NUMBERS: readonly NumberKey[] = ['reminderHour', 'remindEveryDays', 'dueSoonDays'];

export interface ReminderFields {
  readonly element: HTMLFieldSetElement;
  /** The fields by setting key, for a refusal the server names. */
  readonly byKey: Readonly<Record<string, Field<Control>>>;
  /** Shows the stored values and clears errors. */
  fill(s: Settings): void;
  /** Read-only, not hidden: everyone should see when and to whom reminders go. Names the hour's time zone. */
  applyAccess(p: ReminderPanel): void;
  /** The changed numbers into `patch`; false when one is not a whole number. */
  readNumbers(s: Settings, patch: Record<string, unknown>): boolean;
  /** The changed choices and texts into `patch`. */
  readTexts(s: Settings, patch: Record<string, unknown>): void;
}

export function createReminderFields(): ReminderFields {
  const cadence = selectField(settingLabel('cadence'), SETTINGS.cadence.options);
  const weeklyDay = selectField(settingLabel('weeklyDay'), SETTINGS.weeklyDay.options);
  const leaderEmail = textField(settingLabel('leaderEmail'), {
    type: 'email',
    placeholder: 'lead@yourcompany.com',
  });
  const domains = textField(settingLabel('allowedDomains'), { placeholder: 'acme.com, acme.co.uk' });
  const numbers = numberFields(REMINDER_NUMBERS);
  const ownerNote = el('p', { class: 'hint' });
  const element = el(
    'fieldset',
    {},
    el('legend', { class: 'sr-only' }, 'Reminder settings'),
    ownerNote,
    el('div', { class: 'row' }, cadence.wrap, weeklyDay.wrap),
    ...pairs([...numbers.values()]),
    leaderEmail.wrap,
    domains.wrap,
  );
  const lockable = [cadence, weeklyDay, leaderEmail, domains, ...numbers.values()];

  cadence.control.addEventListener('change', () => {
    weeklyDay.wrap.hidden = cadence.control.value !== 'weekly';
  });

  return {
    element,
    byKey: {
      cadence,
      weeklyDay,
      leaderEmail,
      allowedDomains: domains,
      ...Object.fromEntries(numbers),
    },
    fill(s) {
      cadence.control.value = s.cadence;
      weeklyDay.control.value = s.weeklyDay;
      leaderEmail.control.value = s.leaderEmail;
      domains.control.value = s.allowedDomains.join(', ');
      for (const [key, f] of numbers) f.control.value = String(s[key]);
      for (const f of lockable) f.setError('');
      weeklyDay.wrap.hidden = s.cadence !== 'weekly';
    },
    applyAccess(p) {
      for (const f of lockable) {
        if (f.control instanceof HTMLSelectElement) f.control.disabled = !p.canEdit;
        else f.control.readOnly = !p.canEdit;
      }
      ownerNote.textContent = p.canEdit
        ? p.owner
          ? 'You turned reminders on, so you can change them.'
          : 'Nobody has turned reminders on yet; the first to do so owns these settings.'
        : `Read-only: only ${p.owner}, who turned reminders on, can change them.`;
      // The hour is the spreadsheet's: its label names the time zone once the panel knows it.
      const label = numbers.get('reminderHour')?.wrap.querySelector('label');
      if (label) label.textContent = reminderHourLabel(p.timeZone);
    },
    readNumbers: (s, patch) => readNumbers(numbers, s, patch),
    readTexts(s, patch) {
      if (cadence.control.value !== s.cadence) patch.cadence = cadence.control.value;
      if (weeklyDay.control.value !== s.weeklyDay) patch.weeklyDay = weeklyDay.control.value;
      if (leaderEmail.control.value.trim() !== s.leaderEmail)
        patch.leaderEmail = leaderEmail.control.value.trim();
      const list = domains.control.value
        .split(/[,\s]+/)
        .map((d) => d.trim())
        .filter(Boolean);
      if (list.join(',') !== s.allowedDomains.join(',')) patch.allowedDomains = list;
    },
  };
}
