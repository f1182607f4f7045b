// The Reminders & thresholds form: both field groups, what changed, the confirm-thresholds step and the save.
import type { ReminderPanel, SaveReminderSettingsPayload } from '../../src/reminders/entry/types';
import { el } from '../dom';
import { formStatus, submitting } from '../form';
import { call } from '../server';
import { createReminderFields } from './reminderFields';
import { createThresholdFields } from './thresholdFields';

export interface SettingsForm {
  readonly form: HTMLFormElement;
  /** True while the person has typed since the panel was last shown: a refresh must not wipe it. */
  hasEdits(): boolean;
  /** Shows a panel's settings (drops edits and any pending confirmation). */
  show(p: ReminderPanel): void;
  /** A refresh while editing: only access changes, and the reminder fields if they just became locked. */
  refresh(p: ReminderPanel): void;
}

/** `onPanel` shows a fresh panel from the server (after a successful save). */
export function createSettingsForm(onPanel: (p: ReminderPanel) => void): SettingsForm {
  let panel: ReminderPanel | null = null;
  let edited = false;
  const reminders = createReminderFields();
  const thresholds = createThresholdFields();
  const byKey = { ...reminders.byKey, ...thresholds.byKey };
  const saveButton = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Save settings');
  const saveStatus = formStatus();
  const form = el(
    'form',
    { attrs: { 'aria-label': 'Reminder settings and thresholds', novalidate: '' } },
    el('h3', {}, 'Reminders'),
    reminders.element,
    el('h3', {}, 'Thresholds'),
    ...thresholds.parts,
    el('div', { class: 'actions' }, saveButton),
    saveStatus.element,
  );
  form.hidden = true;

  function applyAccess(p: ReminderPanel): void {
    reminders.applyAccess(p);
    thresholds.applyAccess(p);
  }

  /** Only what changed goes to the server, so a read-only viewer can still save thresholds. */
  function changes(p: ReminderPanel): SaveReminderSettingsPayload | null {
    const patch: Record<string, unknown> = {};
    const s = p.settings;
    // Both groups are read (and marked) even when the first has a bad number.
    const remindersOk = p.canEdit ? reminders.readNumbers(s, patch) : true;
    const thresholdsOk = p.canEditThresholds ? thresholds.readNumbers(s, patch) : true;
    if (p.canEdit) reminders.readTexts(s, patch);
    return remindersOk && thresholdsOk ? (patch as SaveReminderSettingsPayload) : null;
  }

  form.addEventListener('input', () => {
    edited = true;
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = panel;
    if (!p) return;
    for (const f of Object.values(byKey)) f.setError('');
    const patch = changes(p);
    if (!patch) {
      saveStatus.error('Fix the fields marked above.');
      return;
    }
    if (Object.keys(patch).length === 0) {
      saveStatus.ok('Nothing changed.');
      return;
    }
    if (thresholds.askToConfirm(p, patch)) {
      saveButton.focus();
      return;
    }
    void submitting(form, saveButton, 'Saving…', saveStatus, async () => {
      const response = await call('saveReminderSettings', patch);
      if (response.ok) {
        onPanel(response.panel);
        saveStatus.ok('Settings saved.');
        return;
      }
      const target = response.field ? byKey[response.field] : undefined;
      if (target) {
        target.setError(response.message);
        target.control.focus();
      }
      saveStatus.error(response.message);
    });
  });

  return {
    form,
    hasEdits: () => panel !== null && edited,
    show(p) {
      panel = p;
      edited = false;
      reminders.fill(p.settings);
      thresholds.fill(p.settings);
      applyAccess(p);
      thresholds.reset();
      form.hidden = false;
    },
    refresh(p) {
      // Someone else took over reminders meanwhile: their fields are locked, so show what is stored.
      if (panel?.canEdit && !p.canEdit) reminders.fill(p.settings);
      applyAccess(p);
      panel = p;
    },
  };
}
