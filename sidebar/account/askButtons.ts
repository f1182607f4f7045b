// "Ask … to confirm": askToConfirm prepares the mail (To, subject, body; the signed link where the web app runs) and
// puts the ask on the record; the sidebar opens it in the CSM's mail app. The account's asks are listed from the record.
import type { AskView } from '../../src/confirmations/entry/types';
import type { AccountView } from '../../src/entry/sidebarTypes';
import { validatorsToAsk } from '../accountSummary';
import { el, fill } from '../dom';
import { call } from '../server';

export interface AskParts {
  /** One button per validator to ask, each with its own status line. */
  readonly buttons: HTMLElement;
  /** "Asked Dana Li on 2026-11-24 (pending)", one line per ask, newest first. */
  readonly asks: HTMLElement;
  render(view: AccountView): void;
  /** Reads the shown account's asks again (a Refresh that brought an unchanged view: the customer may have answered). */
  reload(): void;
}

/** Opens the prepared mail in the CSM's own mail app (nothing is sent by the add-on). */
function openMail(mailto: string): void {
  window.open(mailto, '_blank', 'noopener');
}

export function createAskParts(current: () => AccountView | null): AskParts {
  const buttons = el('div', { class: 'ask' });
  const asks = el('ul', { class: 'list asks', attrs: { 'aria-label': 'Asks to confirm' } });
  /** Drops asks lists that answer after another account was shown. */
  let shownAccount = '';

  function showAsks(list: readonly AskView[]): void {
    fill(asks, ...list.map((a) => el('li', {}, a.line)));
  }

  async function loadAsks(accountId: string): Promise<void> {
    try {
      const response = await call('getConfirmationAsks', accountId);
      if (accountId !== shownAccount) return;
      if (response.ok) showAsks(response.asks);
      else fill(asks, el('li', { class: 'gray' }, response.message));
    } catch {
      // The asks list is a convenience: a failed read leaves it as it was.
    }
  }

  function askButton(view: AccountView, name: string, index: number): HTMLElement {
    const button = el(
      'button',
      { class: 'link', attrs: { type: 'button' } },
      `Ask ${name} to confirm the result`,
    );
    const status = el('p', { class: 'hint', attrs: { role: 'status', 'aria-live': 'polite' } });
    status.hidden = true;
    button.addEventListener('click', () => {
      const shown = current() ?? view;
      button.disabled = true;
      status.hidden = true;
      status.classList.remove('error');
      void call('askToConfirm', { row: shown.row, accountId: shown.account.id, validatorIndex: index })
        .then((response) => {
          if (!response.ok) {
            // e.g. no Validator email: the message says where to add it (the chain form's Validator email field).
            status.textContent =
              response.field === 'validatorEmail'
                ? `${response.message} Add it in the Three-Link Chain form's Validator email field.`
                : response.message;
            status.classList.add('error');
            status.hidden = false;
            return;
          }
          openMail(response.mailto);
          status.textContent = `Mail to ${response.to} opened in your mail app: send it from there.`;
          status.hidden = false;
          void loadAsks(shown.account.id);
        })
        .catch((err: unknown) => {
          status.textContent = `Couldn't prepare the mail: ${err instanceof Error ? err.message : String(err)}`;
          status.classList.add('error');
          status.hidden = false;
        })
        .finally(() => {
          button.disabled = false;
        });
    });
    return el('div', {}, button, status);
  }

  return {
    buttons,
    asks,
    render(view) {
      fill(buttons, ...validatorsToAsk(view).map((v) => askButton(view, v.name, v.index)));
      // Read again whenever the view is (a refresh, a write, after each ask): the customer answers on the
      // confirmation page, so the asks change while the account stays shown. Another account's list is cleared first.
      if (shownAccount !== view.account.id) fill(asks);
      shownAccount = view.account.id;
      void loadAsks(view.account.id);
    },
    reload() {
      if (shownAccount) void loadAsks(shownAccount);
    },
  };
}
