// What the Account tab lists about the account: the ask links, the ladder, data problems, results logged and checks recorded.
import type { AccountView } from '../../src/entry/sidebarTypes';
import { askLinkParts, checkItem, ladderItems, listOr, problemsPart, resultItem } from '../accountSummary';
import { el, fill } from '../dom';

export interface AccountRecord {
  readonly askLinks: HTMLElement;
  readonly ladderList: HTMLOListElement;
  readonly problemsBox: HTMLElement;
  readonly resultList: HTMLUListElement;
  readonly checkList: HTMLUListElement;
  render(view: AccountView): void;
}

export function createAccountRecord(): AccountRecord {
  const askLinks = el('div', { class: 'ask' });
  const ladderList = el('ol', { class: 'ladder', attrs: { 'aria-label': 'The ladder, top rung first' } });
  const problemsBox = el('div');
  const resultList = el('ul', { class: 'list' });
  const checkList = el('ul', { class: 'list' });
  return {
    askLinks,
    ladderList,
    problemsBox,
    resultList,
    checkList,
    render(view) {
      fill(ladderList, ...ladderItems(view));
      fill(
        problemsBox,
        view.usageFreshness ? el('p', { class: 'gray usage-freshness' }, view.usageFreshness) : null,
        problemsPart(view),
      );
      fill(askLinks, ...askLinkParts(view));
      fill(resultList, ...listOr(view.results.map(resultItem)));
      fill(checkList, ...listOr(view.checks.map(checkItem)));
    },
  };
}
