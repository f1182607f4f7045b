// How the Account tab's forms write: field errors by payload key, and one way to show a write's answer (or a stale row).
import type { AccountView, WriteResponse } from '../../src/entry/sidebarTypes';
import type { Control, Field, FormStatus } from '../form';
import { call } from '../server';

/** A form's fields by the payload key the server names when it refuses one. */
export type FieldsByKey = Record<string, Field<Control>>;

/** Puts a refusal next to the field the server named, and clears them all before the next try. */
export interface FormErrors {
  /** False when no field of the form matches (the status line still says it). */
  set(field: string | undefined, message: string): boolean;
  clear(): void;
}

export function fieldErrors(fields: FieldsByKey): FormErrors {
  return {
    set(field: string | undefined, message: string): boolean {
      const target = field ? fields[field] : undefined;
      if (!target) return false;
      target.setError(message);
      target.control.focus();
      return true;
    },
    clear(): void {
      for (const f of Object.values(fields)) f.setError('');
    },
  };
}

/** What a form of the Account tab needs from the panel around it. */
export interface AccountWrites {
  /** The account shown (null while none is). */
  current(): AccountView | null;
  /** What was typed into `form` is saved or dropped: a refresh may replace its fields again. */
  markClean(form: HTMLFormElement): void;
  /** A write starts: reads that started before it are dropped when they answer. */
  begin(): void;
  /** Shows a write's answer next to its form; on a stale row it reloads the view and keeps every input. */
  finish(
    response: WriteResponse,
    status: FormStatus,
    errors: FormErrors,
    done: string,
    clear: (view: AccountView) => void,
    rebase?: (view: AccountView) => void,
  ): Promise<void>;
}

/** The panel's side of `finish`: which account is shown, and showing another. */
export interface ShownAccount {
  current(): AccountView | null;
  show(view: AccountView): void;
}

/** Shows a write's answer next to its form; on a stale row it reloads the view and keeps every input. */
export async function finishWrite(
  panel: ShownAccount,
  response: WriteResponse,
  status: FormStatus,
  errors: FormErrors,
  done: string,
  clear: (view: AccountView) => void,
  rebase?: (view: AccountView) => void,
): Promise<void> {
  errors.clear();
  if (response.ok) {
    clear(response.view);
    panel.show(response.view);
    status.ok(done);
    return;
  }
  errors.set(response.field, response.message);
  if (!response.stale) {
    status.error(response.message);
    return;
  }
  status.error(
    `${response.message} Your input is kept and the view now shows the sheet's latest; save again to apply it.`,
  );
  const row = panel.current()?.row;
  if (row === undefined) return;
  const fresh = await call('getAccountView', row);
  if (!fresh.empty && fresh.account.id === panel.current()?.account.id) {
    panel.show(fresh);
    rebase?.(fresh);
  }
}
