// The QBR brief button: opens the account's brief in a dialog, saying why when it cannot.
import type { AccountView } from '../../src/entry/sidebarTypes';
import { el } from '../dom';
import { formStatus } from '../form';
import { call } from '../server';

export interface QbrButton {
  readonly button: HTMLButtonElement;
  readonly status: ReturnType<typeof formStatus>;
}

/** `current` is the account shown when the button is pressed (nothing happens while none is). */
export function createQbrButton(current: () => AccountView | null): QbrButton {
  const button = el('button', { attrs: { type: 'button' } }, 'QBR brief');
  const status = formStatus();
  button.addEventListener('click', () => {
    const view = current();
    if (!view) return;
    void (async () => {
      button.disabled = true;
      button.textContent = 'Opening…';
      status.clear();
      try {
        const response = await call('openQbrBrief', view.row);
        if (!response.ok) status.error(response.message);
      } catch (err) {
        status.error(`Couldn't open the QBR brief: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        button.disabled = false;
        button.textContent = 'QBR brief';
      }
    })();
  });
  return { button, status };
}
