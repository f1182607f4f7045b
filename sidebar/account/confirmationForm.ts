// Record a confirmation: the validator confirmed a logged value (an email reply, a meeting, a call). Its own act,
// apart from logging the value: who confirmed it, in which role, how, and what they said (required).
import { VALIDATOR_ROLES, type ValidatorRole } from '../../src/core/types';
import type { AccountView, RecordConfirmationPayload, ResultView } from '../../src/entry/sidebarTypes';
import { el } from '../dom';
import { formStatus, selectField, submitting, textField } from '../form';
import { call } from '../server';
import { ISO_DATE, isoDateField } from './isoDateField';
import { type AccountWrites, type FieldsByKey, fieldErrors } from './writes';

const HOW: readonly RecordConfirmationPayload['confirmedVia'][] = ['email reply', 'meeting', 'call'];

/** What the Results list needs to know of a confirmation form: whether it holds typed input. */
export interface ConfirmationForms {
  /** A `<details>` with the form confirming `result`. */
  create(result: ResultView, view: AccountView): HTMLElement;
  /** Some form holds input not yet saved: the list is not redrawn under it. */
  anyDirty(): boolean;
}

export function confirmationForms(writes: AccountWrites): ConfirmationForms {
  const dirty = new Set<HTMLFormElement>();
  return {
    anyDirty: () => [...dirty].some((f) => f.isConnected),
    create(result, view) {
      const f = {
        date: isoDateField('Confirmed on'),
        who: textField('Who confirmed'),
        role: selectField('Their role', VALIDATOR_ROLES, '—'),
        how: selectField('How', HOW, '—'),
        words: textField('What they said', { multiline: true }),
      };
      f.date.control.value = view.asOf;
      f.words.setHint('Their own words: the confirmation is what the customer said.');
      const button = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Record confirmation');
      const status = formStatus();
      const form = el(
        'form',
        { attrs: { 'aria-label': `Record a confirmation of ${result.date}`, novalidate: '' } },
        el('div', { class: 'row' }, f.who.wrap, f.role.wrap),
        el('div', { class: 'row' }, f.how.wrap, f.date.wrap),
        f.words.wrap,
        el('div', { class: 'actions' }, button),
        status.element,
      );
      form.addEventListener('input', () => dirty.add(form));
      form.addEventListener('change', () => dirty.add(form));
      const byKey: FieldsByKey = {
        date: f.date,
        validatedBy: f.who,
        validatorRole: f.role,
        confirmedVia: f.how,
        customerWords: f.words,
      };
      const errors = fieldErrors(byKey);
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const current = writes.current();
        if (!current) return;
        errors.clear();
        const missing: [keyof typeof byKey, string, string][] = [
          ['validatedBy', f.who.control.value, 'Say who confirmed it.'],
          ['validatorRole', f.role.control.value, 'Choose their role.'],
          ['confirmedVia', f.how.control.value, 'Say how they confirmed it.'],
          ['customerWords', f.words.control.value, 'Write what they said.'],
        ];
        const gap = missing.find(([, value]) => value.trim() === '');
        if (gap) {
          errors.set(gap[0], gap[2]);
          return;
        }
        if (!ISO_DATE.test(f.date.control.value.trim())) {
          errors.set('date', 'Type the date they confirmed it as YYYY-MM-DD.');
          return;
        }
        writes.begin();
        void submitting(form, button, 'Recording…', status, async () => {
          const response = await call('recordConfirmation', {
            row: current.row,
            version: current.version,
            date: f.date.control.value.trim(),
            resultRow: result.row,
            validatedBy: f.who.control.value,
            validatorRole: f.role.control.value as ValidatorRole,
            confirmedVia: f.how.control.value as RecordConfirmationPayload['confirmedVia'],
            customerWords: f.words.control.value,
          });
          await writes.finish(response, status, errors, 'Confirmation recorded in the Results sheet.', () =>
            dirty.delete(form),
          );
        });
      });
      return el('details', { class: 'confirm' }, el('summary', {}, 'Record a confirmation'), form);
    },
  };
}
