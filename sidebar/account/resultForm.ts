// Log a result value: date, value, attribution and the evidence. Logging is not a confirmation: the form names no
// validator; the validator's confirmation is recorded on its own (Record a confirmation, or their answer to an ask).
import type { AccountView } from '../../src/entry/sidebarTypes';
import { numberText } from '../accountSummary';
import { el } from '../dom';
import { formStatus, submitting, textField } from '../form';
import { call } from '../server';
import { ISO_DATE, isoDateField } from './isoDateField';
import { type AccountWrites, type FieldsByKey, fieldErrors } from './writes';

export interface ResultForm {
  readonly form: HTMLFormElement;
  readonly status: ReturnType<typeof formStatus>;
  /** Empties the form for the view's account: today's date, the metric as a hint. */
  clear(view: AccountView): void;
}

export function createResultForm(writes: AccountWrites): ResultForm {
  const result = {
    date: isoDateField('Date'),
    value: textField('Value'),
    evidence: textField('Evidence', { placeholder: 'Link or where it is recorded' }),
  };
  result.value.control.setAttribute('inputmode', 'decimal');
  const attributed = el('input', { attrs: { type: 'checkbox' } });
  const button = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Log result');
  const status = formStatus();
  const form = el(
    'form',
    { attrs: { 'aria-label': 'Log a result value', novalidate: '' } },
    el('div', { class: 'row' }, result.date.wrap, result.value.wrap),
    el('label', { class: 'check-label' }, attributed, 'Attributed to the product'),
    result.evidence.wrap,
    el('div', { class: 'actions' }, button),
    status.element,
  );
  const byKey: FieldsByKey = {
    date: result.date,
    value: result.value,
    evidence: result.evidence,
  };
  const errors = fieldErrors(byKey);

  function clear(view: AccountView): void {
    form.reset();
    result.date.control.value = view.asOf;
    for (const f of Object.values(byKey)) f.setError('');
    const a = view.account;
    const latest = view.results.find((r) => r.value !== null);
    result.value.setHint(
      `${a.metric.trim() || 'Metric not set'}: baseline ${numberText(a.baseline)} → target ${numberText(a.target)}` +
        (latest ? `; last ${numberText(latest.value)} on ${latest.date}` : ''),
    );
    writes.markClean(form);
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = writes.current();
    if (!view) return;
    if (!ISO_DATE.test(result.date.control.value.trim())) {
      result.date.setError('Type the date the value was measured as YYYY-MM-DD.');
      return;
    }
    writes.begin();
    void submitting(form, button, 'Logging…', status, async () => {
      const response = await call('logResult', {
        row: view.row,
        version: (writes.current() ?? view).version,
        date: result.date.control.value.trim(),
        value: result.value.control.value,
        attributed: attributed.checked,
        evidence: result.evidence.control.value,
      });
      await writes.finish(response, status, errors, 'Logged in the Results sheet.', clear);
    });
  });

  return { form, status, clear };
}
