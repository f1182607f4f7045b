// Labelled form fields with their hint and error beside them, and a submit that shows progress and keeps the input on failure.
import { el, uniqueId } from './dom';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface Field<C extends Control> {
  /** Label, control, live hint and error, in that order. */
  readonly wrap: HTMLElement;
  readonly control: C;
  /** Set the live hint ('' hides it); `warn` draws it as a warning. */
  setHint(text: string, warn?: boolean): void;
  /** Set the error next to the field ('' clears it). */
  setError(text: string): void;
}

function field<C extends Control>(label: string, control: C): Field<C> {
  const id = uniqueId('f');
  control.id = id;
  const hint = el('p', { class: 'hint', attrs: { id: `${id}-hint` } });
  const error = el('p', { class: 'hint error', attrs: { id: `${id}-error`, role: 'alert' } });
  hint.hidden = true;
  error.hidden = true;
  control.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
  const wrap = el(
    'div',
    { class: 'field' },
    el('label', { attrs: { for: id } }, label),
    control,
    hint,
    error,
  );
  return {
    wrap,
    control,
    setHint(text, warn = false) {
      hint.textContent = text;
      hint.hidden = !text;
      hint.classList.toggle('warn', warn);
    },
    setError(text) {
      error.textContent = text;
      error.hidden = !text;
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

export function textField(
  label: string,
  options: { multiline?: boolean; type?: string; placeholder?: string; maxLength?: number } = {},
): Field<HTMLInputElement | HTMLTextAreaElement> {
  const control = options.multiline
    ? el('textarea', { attrs: { rows: '2' } })
    : el('input', { attrs: { type: options.type ?? 'text' } });
  if (options.placeholder) control.placeholder = options.placeholder;
  control.maxLength = options.maxLength ?? 2000;
  return field(label, control);
}

export function selectField(
  label: string,
  choices: readonly string[],
  blankLabel?: string,
): Field<HTMLSelectElement> {
  const control = el('select');
  if (blankLabel !== undefined) control.appendChild(el('option', { attrs: { value: '' } }, blankLabel));
  for (const choice of choices) control.appendChild(el('option', { attrs: { value: choice } }, choice));
  return field(label, control);
}

/** A line under a form's buttons saying how the last submit went; errors are announced. */
export interface FormStatus {
  readonly element: HTMLElement;
  ok(text: string): void;
  /** An error; with `retry`, a Retry button beside it runs it again. */
  error(text: string, retry?: () => void): void;
  clear(): void;
}

/**
 * The one status message on screen: a new message clears the one before, so "Saved", "Logged" and "Recorded"
 * never pile up, and the new one is scrolled into view where the person is looking.
 */
let shown: FormStatus | null = null;

export function formStatus(): FormStatus {
  const element = el('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  /** What Retry runs; the same failure repeated (a poll failing again) keeps the button rather than redrawing it. */
  let retryWith: (() => void) | null = null;
  let shownText = '';
  const status: FormStatus = {
    element,
    ok: (text) => set(text, 'ok'),
    error: (text, retry) => {
      const same = retry && retryWith && shownText === text && element.classList.contains('error');
      retryWith = retry ?? null;
      if (same) return;
      set(text, 'error');
      if (retry) {
        const again = el('button', { class: 'link retry', attrs: { type: 'button' } }, 'Retry');
        again.addEventListener('click', () => {
          const run = retryWith;
          status.clear();
          run?.();
        });
        element.append(' ', again);
      }
    },
    clear: () => set('', ''),
  };
  function set(text: string, kind: string): void {
    shownText = text;
    if (kind !== 'error') retryWith = null;
    element.textContent = text;
    element.className = `status ${kind}`;
    element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (!text) {
      if (shown === status) shown = null;
      return;
    }
    if (shown && shown !== status) shown.clear();
    shown = status;
    // Where the person is looking: the form or list they just used.
    if (!element.hidden && element.isConnected) element.scrollIntoView({ block: 'nearest' });
  }
  return status;
}

/**
 * Runs a form's submit: the button shows what is happening and cannot be pressed twice; a thrown error
 * lands in the form's status. The inputs are never touched here, so a failure keeps what was typed.
 */
export async function submitting(
  form: HTMLFormElement,
  button: HTMLButtonElement,
  busyText: string,
  status: FormStatus,
  work: () => Promise<void>,
): Promise<void> {
  if (button.disabled) return;
  const idleText = button.textContent ?? '';
  button.disabled = true;
  button.textContent = busyText;
  form.setAttribute('aria-busy', 'true');
  status.clear();
  try {
    await work();
  } catch (err) {
    status.error(err instanceof Error ? err.message : String(err));
  } finally {
    button.disabled = false;
    button.textContent = idleText;
    form.removeAttribute('aria-busy');
  }
}
