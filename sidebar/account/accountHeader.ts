// The top of the Account tab: the account's name as a focusable heading, its status, and a quiet announcement on a change of account.
import type { AccountView } from '../../src/entry/sidebarTypes';
import { statusParts } from '../accountSummary';
import { el, fill } from '../dom';

export interface AccountHeader {
  readonly title: HTMLHeadingElement;
  readonly summary: HTMLElement;
  /** Screen readers hear only a change of account; the summary re-renders on every change and would be noisy. */
  readonly announcer: HTMLElement;
  render(view: AccountView): void;
  announce(view: AccountView): void;
}

export function createAccountHeader(): AccountHeader {
  const summary = el('div');
  const title = el('h2', { class: 'account-title', attrs: { tabindex: '-1' } });
  const announcer = el('p', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  return {
    title,
    summary,
    announcer,
    render(view) {
      const a = view.account;
      title.textContent = a.name || a.id;
      fill(summary, ...statusParts(view));
    },
    announce(view) {
      announcer.textContent = `Showing ${view.account.name || view.account.id}`;
    },
  };
}
