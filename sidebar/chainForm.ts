// The Three-Link Chain form: pain, value, named result, metric, baseline → target and the validators, with live hints.
import { VALIDATOR_ROLES, type ValidatorRole } from '../src/core/types';
import { namedValidators, validatorCell } from '../src/core/validators';
import type { AccountView, SaveChainPayload } from '../src/entry/sidebarTypes';
import type { ChainField } from '../src/sheets/columns';
import { chainHints } from './chainHints';
import { el, fill } from './dom';
import { type Control, type Field, formStatus, selectField, textField } from './form';

export interface ChainForm {
  readonly form: HTMLFormElement;
  readonly button: HTMLButtonElement;
  readonly status: ReturnType<typeof formStatus>;
  /** Shows the view's chain (drops what was typed). */
  fill(view: AccountView): void;
  /** After a refused save: untouched fields take the sheet's new values; edits stay. */
  rebase(view: AccountView): void;
  /** Lays out the validator fields for the view's segment without touching typed text. */
  layout(view: AccountView): void;
  /** The save payload's fields, from what is in the form now. */
  fields(): SaveChainPayload['fields'];
  /** The version the form was filled from: a save sends it, so an edit made in the sheet meanwhile is never reverted. */
  version(): string;
  /** Puts a server refusal next to its field ('fields.baseline'…); false when no field matches. */
  showError(field: string | undefined, message: string): boolean;
  clearErrors(): void;
  updateHints(segment: AccountView['segment']): void;
}

/** The key a field's value is tracked under: the payload's key for a chain column, or one per role for `A + B`. */
type FieldKey = `fields.${ChainField}` | `validator:${ValidatorRole}`;

function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}

export function createChainForm(): ChainForm {
  const chain = {
    pain: textField('Business pain', { multiline: true }),
    value: textField('Solution value', { multiline: true }),
    result: textField('Named result', { multiline: true }),
    metric: textField('Metric'),
    baseline: textField('Baseline'),
    target: textField('Target'),
    validator: textField('Validator', { placeholder: 'Name of the person' }),
    role: selectField('Validator role', VALIDATOR_ROLES, '—'),
    // Where Ask to confirm sends its mail; for `A + B`, one address per validator separated by ';', in their order.
    email: textField('Validator email', { placeholder: 'name@customer.com' }),
  };
  for (const f of [chain.baseline, chain.target]) f.control.setAttribute('inputmode', 'decimal');
  /** For an `A + B` segment: one field per role (stored together in the Validator cell, core/validators.ts). */
  let perRole: { role: ValidatorRole; field: Field<Control> }[] = [];
  let layoutKey = '';
  const validators = el('div');
  const summary = el('p', { class: 'hint' });
  const button = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Save chain');
  const status = formStatus();
  const form = el(
    'form',
    { attrs: { 'aria-label': 'Three-Link Chain', novalidate: '' } },
    el('h3', {}, 'Three-Link Chain'),
    summary,
    chain.pain.wrap,
    chain.value.wrap,
    chain.result.wrap,
    chain.metric.wrap,
    el('div', { class: 'row' }, chain.baseline.wrap, chain.target.wrap),
    validators,
    chain.email.wrap,
    el('div', { class: 'actions' }, button),
    status.element,
  );

  /** Every field by the key its value is tracked under (the payload's key for the plain ones). */
  function byKey(): [FieldKey, Field<Control>][] {
    const plain: [FieldKey, Field<Control>][] = [
      ['fields.businessPain', chain.pain],
      ['fields.solutionValue', chain.value],
      ['fields.namedResult', chain.result],
      ['fields.metric', chain.metric],
      ['fields.baseline', chain.baseline],
      ['fields.target', chain.target],
      ['fields.validatorEmail', chain.email],
    ];
    if (perRole.length === 0) {
      return [...plain, ['fields.validator', chain.validator], ['fields.validatorRole', chain.role]];
    }
    return [...plain, ...perRole.map((p): [FieldKey, Field<Control>] => [`validator:${p.role}`, p.field])];
  }

  function layout(view: AccountView): void {
    const roles = view.segment?.allRolesNeeded ? view.segment.acceptedRoles : [];
    const key = roles.join('+');
    if (key === layoutKey && validators.childElementCount > 0) return;
    layoutKey = key;
    perRole = roles.map((role) => ({
      role,
      field: textField(`Validator (${role})`, { placeholder: `Name of the ${role.toLowerCase()}` }),
    }));
    if (perRole.length === 0)
      fill(validators, el('div', { class: 'row' }, chain.validator.wrap, chain.role.wrap));
    else fill(validators, ...perRole.map((p) => p.field.wrap));
  }

  function valuesOf(view: AccountView): Partial<Record<FieldKey, string>> {
    const a = view.account;
    const chainValues: Record<`fields.${ChainField}`, string> = {
      'fields.businessPain': a.businessPain,
      'fields.solutionValue': a.solutionValue,
      'fields.namedResult': a.namedResult,
      'fields.metric': a.metric,
      'fields.baseline': numberText(a.baseline),
      'fields.target': numberText(a.target),
      'fields.validator': a.validator,
      'fields.validatorRole': a.validatorRole ?? '',
      'fields.validatorEmail': a.validatorEmail,
    };
    const values: Partial<Record<FieldKey, string>> = chainValues;
    const named = namedValidators(a.validator, a.validatorRole);
    for (const p of perRole) values[`validator:${p.role}`] = named.find((v) => v.role === p.role)?.name ?? '';
    // A lone name with no role recognised goes in the first role's field rather than vanishing.
    if (
      perRole.length > 0 &&
      named.length > 0 &&
      perRole.every((p) => values[`validator:${p.role}`] === '')
    ) {
      values[`validator:${perRole[0].role}`] = named[0].name;
    }
    return values;
  }

  let base: { version: string; values: Partial<Record<FieldKey, string>> } = { version: '', values: {} };

  function validatorFields(): { validator: string; validatorRole: ValidatorRole | '' } {
    if (perRole.length === 0) {
      return {
        validator: chain.validator.control.value,
        validatorRole: chain.role.control.value as ValidatorRole | '',
      };
    }
    const cell = validatorCell(perRole.map((p) => ({ name: p.field.control.value, role: p.role })));
    return { validator: cell.validator, validatorRole: cell.validatorRole ?? '' };
  }

  function updateHints(segment: AccountView['segment']): void {
    const v = validatorFields();
    const hints = chainHints(
      {
        pain: chain.pain.control.value,
        value: chain.value.control.value,
        result: chain.result.control.value,
        baseline: chain.baseline.control.value,
        target: chain.target.control.value,
        validator: v.validator,
        role: v.validatorRole,
      },
      segment,
    );
    summary.textContent = `Chain: ${hints.chain.text}`;
    summary.classList.toggle('warn', hints.chain.warn);
    chain.pain.setHint(hints.pain.text, hints.pain.warn);
    chain.value.setHint(hints.value.text, hints.value.warn);
    chain.result.setHint(hints.result.text, hints.result.warn);
    chain.target.setHint(hints.target.text, hints.target.warn);
    if (perRole.length === 0) chain.role.setHint(hints.role.text, hints.role.warn);
    else {
      for (const p of perRole) {
        const missing = p.field.control.value.trim() === '';
        p.field.setHint(
          missing ? `${segment?.name ?? 'This segment'} needs a ${p.role} to validate too.` : '',
          missing,
        );
      }
    }
  }

  return {
    form,
    button,
    status,
    layout,
    fill(view) {
      layout(view);
      const values = valuesOf(view);
      for (const [key, f] of byKey()) {
        f.control.value = values[key] ?? '';
        f.setError('');
      }
      base = { version: view.version, values };
    },
    rebase(view) {
      const values = valuesOf(view);
      for (const [key, f] of byKey())
        if (f.control.value === base.values[key]) f.control.value = values[key] ?? '';
      base = { version: view.version, values };
    },
    fields() {
      return {
        businessPain: chain.pain.control.value,
        solutionValue: chain.value.control.value,
        namedResult: chain.result.control.value,
        metric: chain.metric.control.value,
        baseline: chain.baseline.control.value,
        target: chain.target.control.value,
        validatorEmail: chain.email.control.value,
        ...validatorFields(),
      };
    },
    version: () => base.version,
    showError(field, message) {
      if (!field) return false;
      const fields = new Map<string, Field<Control>>(byKey());
      const target =
        fields.get(field) ??
        (field.startsWith('fields.validator') && perRole.length ? perRole[0].field : undefined);
      if (!target) return false;
      target.setError(message);
      target.control.focus();
      return true;
    },
    clearErrors() {
      for (const [, f] of byKey()) f.setError('');
    },
    updateHints,
  };
}
