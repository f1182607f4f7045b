// Record a check: its date and kind, whether they could name the measurable result, and notes. An Intervention (after a
// 90-day No) also says who met, the re-planned result and its due date, and its notes (what changes) are required.
import { CHECK_KINDS, type CheckKind } from '../../src/core/types';
import type { AccountView } from '../../src/entry/sidebarTypes';
import { el } from '../dom';
import { formStatus, selectField, submitting, textField } from '../form';
import { call } from '../server';
import { ISO_DATE, isoDateField } from './isoDateField';
import { type AccountWrites, type FieldsByKey, fieldErrors } from './writes';

export interface CheckForm {
  readonly form: HTMLFormElement;
  readonly status: ReturnType<typeof formStatus>;
  /** Empties the form: today's date, a 90-day check, no answer chosen. */
  clear(view: AccountView): void;
}

export function createCheckForm(writes: AccountWrites): CheckForm {
  const check = {
    date: isoDateField('Date'),
    kind: selectField('Check', CHECK_KINDS),
    notes: textField('Notes', { multiline: true }),
  };
  check.kind.control.value = '90-day';
  const intervention = {
    metWith: textField('Met with'),
    replannedResult: textField('Re-planned result'),
    replannedDue: isoDateField('Re-planned due'),
  };
  const interventionBox = el(
    'div',
    { class: 'intervention' },
    el(
      'p',
      { class: 'hint' },
      'After a 90-day No: who you met, what changes (in the notes) and the re-planned result.',
    ),
    intervention.metWith.wrap,
    intervention.replannedResult.wrap,
    intervention.replannedDue.wrap,
  );
  const isIntervention = () => check.kind.control.value === 'Intervention';
  /** The intervention's fields show only for an Intervention; the notes then say what changes. */
  function showKind(): void {
    interventionBox.hidden = !isIntervention();
    check.notes.setHint(isIntervention() ? 'What changes (required for an intervention).' : '');
  }
  check.kind.control.addEventListener('change', showKind);
  const answerName = 'result-named';
  const answers = (['Yes', 'No', 'Not asked'] as const).map((label) =>
    el('input', { attrs: { type: 'radio', name: answerName, value: label } }),
  );
  const button = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Record check');
  const status = formStatus();
  const answerError = el('p', { class: 'hint error', attrs: { role: 'alert' } });
  answerError.hidden = true;
  const form = el(
    'form',
    { attrs: { 'aria-label': 'Record a check', novalidate: '' } },
    el('div', { class: 'row' }, check.date.wrap, check.kind.wrap),
    el(
      'fieldset',
      {},
      el(
        'legend',
        { class: 'hint' },
        'Can they name the measurable result they got? (No is an intervention trigger.)',
      ),
      ...answers.map((input) => el('label', { class: 'check-label' }, input, input.value)),
      answerError,
    ),
    interventionBox,
    check.notes.wrap,
    el('div', { class: 'actions' }, button),
    status.element,
  );
  const byKey: FieldsByKey = {
    date: check.date,
    kind: check.kind,
    notes: check.notes,
    metWith: intervention.metWith,
    replannedResult: intervention.replannedResult,
    replannedDue: intervention.replannedDue,
  };
  const errors = fieldErrors(byKey);

  function clear(view: AccountView): void {
    form.reset();
    check.date.control.value = view.asOf;
    check.kind.control.value = '90-day';
    for (const f of Object.values(byKey)) f.setError('');
    answerError.hidden = true;
    showKind();
    writes.markClean(form);
  }
  showKind();

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = writes.current();
    if (!view) return;
    const picked = answers.find((a) => a.checked)?.value;
    answerError.hidden = true;
    if (!ISO_DATE.test(check.date.control.value.trim())) {
      check.date.setError('Type the date of the check as YYYY-MM-DD.');
      return;
    }
    for (const f of Object.values(byKey)) f.setError('');
    const interventionInput = isIntervention()
      ? {
          metWith: intervention.metWith.control.value,
          replannedResult: intervention.replannedResult.control.value,
          replannedDue: intervention.replannedDue.control.value.trim(),
        }
      : undefined;
    if (interventionInput) {
      const missing: [keyof typeof byKey, string][] = [];
      if (interventionInput.metWith.trim() === '') missing.push(['metWith', 'Say who you met.']);
      if (check.notes.control.value.trim() === '') missing.push(['notes', 'Say what changes.']);
      if (interventionInput.replannedResult.trim() === '')
        missing.push(['replannedResult', 'Name the re-planned result.']);
      if (!ISO_DATE.test(interventionInput.replannedDue))
        missing.push(['replannedDue', 'Type the re-planned due date as YYYY-MM-DD.']);
      for (const [key, message] of missing) byKey[key].setError(message);
      if (missing.length) {
        byKey[missing[0][0]].control.focus();
        return;
      }
    }
    if (!picked && !interventionInput) {
      answerError.textContent = 'Choose Yes, No or Not asked.';
      answerError.hidden = false;
      answers[0].focus();
      return;
    }
    writes.begin();
    void submitting(form, button, 'Recording…', status, async () => {
      const response = await call('recordCheck', {
        row: view.row,
        version: (writes.current() ?? view).version,
        date: check.date.control.value.trim(),
        kind: check.kind.control.value as CheckKind,
        resultNamed: picked === undefined || picked === 'Not asked' ? null : picked === 'Yes',
        notes: check.notes.control.value,
        ...(interventionInput ? { intervention: interventionInput } : {}),
      });
      await writes.finish(response, status, errors, 'Recorded in the Checks sheet.', clear);
    });
  });

  return { form, status, clear };
}
