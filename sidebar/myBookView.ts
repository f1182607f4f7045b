// The My book tab: counts per rung, the triage list, checks due and overdue, data problems; a click selects the row.
import { RUNG_NAMES } from '../src/core/types';
import type { BookAccountView, MyBookView, ProblemView } from '../src/entry/sidebarTypes';
import { el, fill } from './dom';
import { formStatus } from './form';
import { call } from './server';

export interface MyBookPanel {
  readonly element: HTMLElement;
  load(): Promise<void>;
}

/** `onSelected(row)` runs after an Accounts row was selected in the sheet (the Account tab shows it). */
export function createMyBookPanel(onSelected: (row: number) => void): MyBookPanel {
  const content = el('div', {}, el('p', { class: 'gray' }, 'Loading…'));
  const readStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const element = el(
    'section',
    { attrs: { 'aria-label': 'My book' } },
    el('div', { class: 'actions' }, refreshButton),
    readStatus.element,
    content,
  );

  /** A link-styled button that selects a row; a failure is shown right under it. */
  function selectButton(label: string, sheet: string, row: number, detail: string): HTMLElement {
    const button = el('button', { class: 'link', attrs: { type: 'button' } }, label);
    const status = formStatus();
    button.addEventListener('click', () => {
      void (async () => {
        status.clear();
        button.disabled = true;
        try {
          const response = await call('selectRow', sheet, row);
          if (!response.ok) status.error(response.message);
          else if (sheet === 'Accounts') onSelected(row);
        } catch (err) {
          status.error(err instanceof Error ? err.message : String(err));
        } finally {
          button.disabled = false;
        }
      })();
    });
    return el('li', {}, button, detail ? el('span', { class: 'detail' }, detail) : null, status.element);
  }

  function accountList(
    accounts: readonly BookAccountView[],
    detail: (a: BookAccountView) => string,
  ): HTMLElement {
    if (!accounts.length) return el('p', { class: 'gray' }, 'None.');
    return el(
      'ul',
      { class: 'list' },
      ...accounts.map((a) => {
        const item = selectButton(a.name || a.id, 'Accounts', a.row, detail(a));
        item.firstElementChild?.after(' ', el('span', { class: `pill ${a.health}` }, a.health));
        return item;
      }),
    );
  }

  function problemList(problems: readonly ProblemView[]): HTMLElement {
    if (!problems.length) return el('p', { class: 'gray' }, 'None.');
    return el(
      'ul',
      { class: 'list' },
      ...problems.map((p) =>
        selectButton(`${p.sheet} row ${p.row}${p.column ? `, ${p.column}` : ''}`, p.sheet, p.row, p.message),
      ),
    );
  }

  function render(book: MyBookView): void {
    const whose = book.scope === 'all' ? 'All accounts' : 'Your accounts';
    // A leader's lists are capped; the heading counts every account ("first 100 of 412").
    const count = (shown: number, total: number | undefined) =>
      total === undefined || total === shown ? String(shown) : `first ${shown} of ${total}`;
    fill(
      content,
      el('h2', {}, `${whose} (${count(book.accounts.length, book.totals?.accounts)})`),
      el('p', { class: 'gray' }, `${book.user || 'Signed-in user unknown'} · as of ${book.asOf}`),
      book.usageFreshness ? el('p', { class: 'gray' }, book.usageFreshness) : null,
      el(
        'div',
        { class: 'counts', attrs: { role: 'list', 'aria-label': 'Accounts per rung' } },
        ...RUNG_NAMES.map((name) =>
          el(
            'div',
            { attrs: { role: 'listitem' } },
            el('strong', {}, String(book.rungCounts[name] ?? 0)),
            el('span', {}, name),
          ),
        ),
      ),
      el('h3', {}, `Triage (${count(book.triage.length, book.totals?.triage)})`),
      accountList(book.triage, (a) =>
        [!a.nextStep ? '' : a.nextStep, a.owner && book.scope === 'all' ? a.owner : '']
          .filter(Boolean)
          .join(' · '),
      ),
      el('h3', {}, `Checks overdue (${count(book.overdue.length, book.totals?.overdue)})`),
      accountList(book.overdue, (a) => `${a.daysOverdue} days overdue (due ${a.nextCheckDue ?? '—'})`),
      el('h3', {}, `Checks due soon (${count(book.checksDue.length, book.totals?.checksDue)})`),
      accountList(book.checksDue, (a) => `due ${a.nextCheckDue ?? '—'}`),
      el('h3', {}, `Data problems (${count(book.problems.length, book.totals?.problems)})`),
      problemList(book.problems),
    );
  }

  async function load(): Promise<void> {
    try {
      const book = await call('getMyBook');
      readStatus.clear();
      render(book);
    } catch (err) {
      readStatus.error(`Could not read your book: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  refreshButton.addEventListener('click', () => void load());
  return { element, load };
}
