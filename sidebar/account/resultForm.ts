// Log a result value: date, value, attribution, who validated it in which role, their words and the evidence.
import { VALIDATOR_ROLES, type ValidatorRole } from '../../src/core/types';
import { namedValidators } from '../../src/core/validators';
import type { AccountView } from '../../src/entry/sidebarTypes';
import { numberText } from '../accountSummary';
import { el } from '../dom';
import { formStatus, selectField, submitting, textField } from '../form';
import { call } from '../server';
import { ISO_DATE, isoDateField } from './isoDateField';
import { type AccountWrites, type FieldsByKey, fieldErrors } from './writes';

export interface ResultForm {
  readonly form: HTMLFormElement;
  readonly status: ReturnType<typeof formStatus>;
  /** Empties the form for the view's account: today's date, the expected validator, the metric as a hint. */
  clear(view: AccountView): void;
}

/**
 * The validator this result should come from: the chain's validator whose role has no counting result
 * yet (for an `A + B` segment, the one still missing), else the first named one.
 */
function expectedValidator(view: AccountView): { name: string; role: ValidatorRole | null } | null {
  const named = namedValidators(view.account.validator, view.account.validatorRole);
  if (named.length === 0) return null;
  const counted = new Set(view.results.filter((r) => r.counts).map((r) => r.validatorRole));
  return named.find((v) => !counted.has(v.role)) ?? named[0];
}

export function createResultForm(writes: AccountWrites): ResultForm {
  const result = {
    date: isoDateField('Date'),
    value: textField('Value'),
    validatedBy: textField('Validated by'),
    role: selectField('Their role', VALIDATOR_ROLES, '—'),
    words: textField("Customer's words", { multiline: true }),
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
    el('div', { class: 'row' }, result.validatedBy.wrap, result.role.wrap),
    result.words.wrap,
    result.evidence.wrap,
    el('div', { class: 'actions' }, button),
    status.element,
  );
  const byKey: FieldsByKey = {
    date: result.date,
    value: result.value,
    validatedBy: result.validatedBy,
    validatorRole: result.role,
    customerWords: result.words,
    evidence: result.evidence,
  };
  const errors = fieldErrors(byKey);

  function clear(view: AccountView): void {
    form.reset();
    result.date.control.value = view.asOf;
    for (const f of Object.values(byKey)) f.setError('');
    // Pre-filled from the chain, so the result names the same person in the same role as the chain does.
    const who = expectedValidator(view);
    result.validatedBy.control.value = who?.name ?? '';
    result.role.control.value = who?.role ?? '';
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
        validatedBy: result.validatedBy.control.value,
        validatorRole: result.role.control.value as ValidatorRole | '',
        customerWords: result.words.control.value,
        evidence: result.evidence.control.value,
      });
      await writes.finish(response, status, errors, 'Logged in the Results sheet.', clear);
    });
  });

  return { form, status, clear };
}
