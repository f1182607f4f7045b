// The Account forms' date field: ISO dates (YYYY-MM-DD) typed as text, never the browser's locale date picker.
import { type Field, textField } from '../form';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date field that shows and takes ISO dates (YYYY-MM-DD), never the browser's locale date picker. */
export function isoDateField(label: string): Field<HTMLInputElement | HTMLTextAreaElement> {
  const f = textField(label, { placeholder: 'YYYY-MM-DD', maxLength: 10 });
  f.control.setAttribute('pattern', '\\d{4}-\\d{2}-\\d{2}');
  f.control.setAttribute('inputmode', 'numeric');
  f.control.setAttribute('autocomplete', 'off');
  return f;
}
