// Record a check: its date and kind, whether they could name the measurable result, and notes.
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
    check.notes.wrap,
    el('div', { class: 'actions' }, button),
    status.element,
  );
  const byKey: FieldsByKey = { date: check.date, kind: check.kind, notes: check.notes };
  const errors = fieldErrors(byKey);

  function clear(view: AccountView): void {
    form.reset();
    check.date.control.value = view.asOf;
    check.kind.control.value = '90-day';
    for (const f of Object.values(byKey)) f.setError('');
    answerError.hidden = true;
    writes.markClean(form);
  }

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
    if (!picked) {
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
        resultNamed: picked === 'Not asked' ? null : picked === 'Yes',
        notes: check.notes.control.value,
      });
      await writes.finish(response, status, errors, 'Recorded in the Checks sheet.', clear);
    });
  });

  return { form, status, clear };
}
