// What the Account tab lists about the account: the ask links, the ladder, data problems, results logged and checks recorded.
import type { AccountView } from '../../src/entry/sidebarTypes';
import { checkItem, ladderItems, listOr, problemsPart, resultItem } from '../accountSummary';
import { el, fill } from '../dom';
import { createAskParts } from './askButtons';
import { confirmationForms } from './confirmationForm';
import type { AccountWrites } from './writes';
import { usageFreshnessLine } from '../usageFreshness';

export interface AccountRecord {
  readonly askLinks: HTMLElement;
  /** The account's asks, as lines (under the results). */
  readonly asksList: HTMLElement;
  readonly ladderList: HTMLOListElement;
  readonly problemsBox: HTMLElement;
  readonly resultList: HTMLUListElement;
  readonly checkList: HTMLUListElement;
  render(view: AccountView): void;
  /** Reads the asks again without redrawing the rest (the view itself did not change). */
  reloadAsks(): void;
}

export function createAccountRecord(writes: AccountWrites): AccountRecord {
  const confirmations = confirmationForms(writes);
  /** The account whose results are listed: a confirmation being typed is not redrawn away on a refresh of it. */
  let listed = '';
  const ask = createAskParts(() => writes.current());
  const askLinks = ask.buttons;
  const ladderList = el('ol', { class: 'ladder', attrs: { 'aria-label': 'The ladder, top rung first' } });
  const problemsBox = el('div');
  const resultList = el('ul', { class: 'list' });
  const checkList = el('ul', { class: 'list' });
  return {
    askLinks,
    asksList: ask.asks,
    ladderList,
    problemsBox,
    resultList,
    checkList,
    render(view) {
      fill(ladderList, ...ladderItems(view));
      fill(problemsBox, usageFreshnessLine(view), problemsPart(view));
      ask.render(view);
      const key = `${view.row}:${view.account.id}`;
      if (key !== listed || !confirmations.anyDirty()) {
        listed = key;
        // Beside each logged value, its own "Record a confirmation" (the validator's answer, recorded by hand).
        const items = view.results.map((r) => {
          const item = resultItem(r);
          if (r.value !== null) item.append(confirmations.create(r, view));
          return item;
        });
        fill(resultList, ...listOr(items));
      }
      fill(checkList, ...listOr(view.checks.map(checkItem)));
    },
    reloadAsks: () => ask.reload(),
  };
}
