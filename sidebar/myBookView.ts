// The My book tab: counts per health and rung (filters), a search, every Red account by what to do today, and the other lists.
import { HEALTHS, RUNG_NAMES } from '../src/core/types';
import type { BookAccountView, MyBookView, ProblemView } from '../src/entry/sidebarTypes';
import { el, fill, uniqueId } from './dom';
import { formStatus } from './form';
import { call } from './server';

export interface MyBookPanel {
  readonly element: HTMLElement;
  load(): Promise<void>;
}

/** At most this many accounts answer a search or a filter; the count says how many matched. */
const FOUND_SHOWN = 50;

/** A count button's filter: one health or one rung. */
type Filter = { readonly kind: 'health' | 'rung'; readonly value: string } | null;

/** `onSelected(row)` runs after an Accounts row was selected in the sheet (the Account tab shows it). */
export function createMyBookPanel(onSelected: (row: number) => void): MyBookPanel {
  const content = el('div', {}, el('p', { class: 'gray' }, 'Loading…'));
  const readStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const searchId = uniqueId('search');
  const search = el('input', {
    attrs: { id: searchId, type: 'search', placeholder: 'Account ID or name', autocomplete: 'off' },
  });
  const found = el('div', { class: 'filtered', attrs: { 'aria-live': 'polite' } });
  const element = el(
    'section',
    { attrs: { 'aria-label': 'My book' } },
    el('div', { class: 'actions' }, refreshButton),
    readStatus.element,
    el('label', { attrs: { for: searchId } }, 'Find an account'),
    search,
    found,
    content,
  );
  let book: MyBookView | null = null;
  let filter: Filter = null;

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
          status.error(`Couldn't select the row: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          button.disabled = false;
        }
      })();
    });
    return el('li', {}, button, detail ? el('span', { class: 'detail' }, detail) : null, status.element);
  }

  function accountItem(a: BookAccountView, detail: string): HTMLElement {
    const item = selectButton(a.name || a.id, 'Accounts', a.row, detail);
    item.dataset.accountId = a.id;
    item.firstElementChild?.after(' ', el('span', { class: `pill ${a.health}` }, a.health));
    return item;
  }

  function accountList(
    accounts: readonly BookAccountView[],
    detail: (a: BookAccountView) => string,
  ): HTMLElement {
    if (!accounts.length) return el('p', { class: 'gray' }, 'None.');
    return el('ul', { class: 'list' }, ...accounts.map((a) => accountItem(a, detail(a))));
  }

  const ownerOf = (a: BookAccountView) => (book?.scope === 'all' && a.owner ? ` · ${a.owner}` : '');

  function problemList(problems: readonly ProblemView[], total: number): HTMLElement {
    if (!problems.length) return el('p', { class: 'gray' }, 'None.');
    return el(
      'div',
      {},
      el(
        'ul',
        { class: 'list' },
        ...problems.map((p) =>
          selectButton(
            `${p.sheet} row ${p.row}${p.column ? `, ${p.column}` : ''}`,
            p.sheet,
            p.row,
            p.message,
          ),
        ),
      ),
      total > problems.length
        ? el('p', { class: 'hint' }, `Showing ${problems.length} of ${total}; the Dashboard lists more.`)
        : null,
    );
  }

  /** The accounts a search or a count filter picks, or nothing when neither is set. */
  function renderFound(): void {
    const query = search.value.trim().toLowerCase();
    if (!book || (query === '' && filter === null)) {
      fill(found);
      return;
    }
    const f = filter;
    const matches = book.accounts.filter(
      (a) =>
        (query === '' || a.id.toLowerCase().includes(query) || a.name.toLowerCase().includes(query)) &&
        (f === null || (f.kind === 'health' ? a.health === f.value : a.rungName === f.value)),
    );
    const what = [query ? `“${search.value.trim()}”` : '', f ? f.value : ''].filter(Boolean).join(' · ');
    const clear = el('button', { class: 'link', attrs: { type: 'button' } }, 'Clear');
    clear.addEventListener('click', () => {
      filter = null;
      search.value = '';
      renderFound();
      renderCounts();
    });
    fill(
      found,
      el('h3', {}, `${matches.length} found: ${what} `, clear),
      accountList(matches.slice(0, FOUND_SHOWN), (a) => `${a.id} · ${a.rungName}${ownerOf(a)}`),
      matches.length > FOUND_SHOWN
        ? el('p', { class: 'hint' }, `Showing the first ${FOUND_SHOWN}: type more of the name to narrow it.`)
        : null,
    );
  }

  const countsBox = el('div');
  /** Count boxes are toggle buttons: pressing one lists its accounts above, pressing it again clears it. */
  function countButton(kind: 'health' | 'rung', value: string, count: number): HTMLElement {
    const pressed = filter?.kind === kind && filter.value === value;
    const button = el(
      'button',
      {
        class: `count ${kind === 'health' ? value : ''}`,
        attrs: { type: 'button', 'aria-pressed': String(pressed) },
      },
      el('strong', {}, String(count)),
      el('span', {}, value),
    );
    button.addEventListener('click', () => {
      filter = pressed ? null : { kind, value };
      renderCounts();
      renderFound();
      found.scrollIntoView({ block: 'nearest' });
    });
    return button;
  }

  function renderCounts(): void {
    if (!book) return;
    const b = book;
    fill(
      countsBox,
      el(
        'div',
        {
          class: 'health-counts',
          attrs: { role: 'group', 'aria-label': 'Accounts per health: press to list them' },
        },
        ...HEALTHS.map((h) => countButton('health', h, b.healthCounts[h] ?? 0)),
      ),
      el(
        'div',
        { class: 'counts', attrs: { role: 'group', 'aria-label': 'Accounts per rung: press to list them' } },
        ...RUNG_NAMES.map((name) => countButton('rung', name, b.rungCounts[name] ?? 0)),
      ),
    );
  }

  function render(view: MyBookView): void {
    book = view;
    const whose = view.scope === 'all' ? 'All accounts' : 'Your accounts';
    const redShown = view.red.reduce((n, g) => n + g.accounts.length, 0);
    const redTotal = view.healthCounts.Red ?? redShown;
    // A leader's lists are capped; the heading counts every account ("first 100 of 412").
    const count = (shown: number, total: number | undefined) =>
      total === undefined || total === shown ? String(shown) : `first ${shown} of ${total}`;
    renderCounts();
    fill(
      content,
      el('h2', {}, `${whose} (${count(view.accounts.length, view.totals?.accounts)})`),
      el('p', { class: 'gray' }, `${view.user || 'Signed-in user unknown'} · as of ${view.asOf}`),
      view.usageFreshness
        ? el(
            'p',
            // Stale usage is said as a warning, read out when it appears (role=status), never as a gray footnote.
            view.usageStale
              ? { class: 'error usage-freshness', attrs: { role: 'status' } }
              : { class: 'gray usage-freshness' },
            view.usageFreshness,
          )
        : null,
      countsBox,
      el(
        'section',
        { class: 'red', attrs: { 'aria-label': 'Red accounts' } },
        el('h3', {}, `Red today (${count(redShown, redTotal)})`),
        redTotal === 0 ? el('p', { class: 'gray' }, 'No Red accounts.') : null,
        ...view.red.map((group) =>
          el(
            'div',
            { class: 'red-group' },
            el('h4', {}, `${group.title} (${group.accounts.length})`),
            accountList(group.accounts, (a) => `${a.reasons.join('; ')}${ownerOf(a)}`),
          ),
        ),
      ),
      // Every triage account is Red, so it is listed once, in its Red group ("Triage: …"), with its reasons.
      el('h3', {}, `Checks overdue (${count(view.overdue.length, view.totals?.overdue)})`),
      accountList(
        view.overdue,
        (a) => `${a.daysOverdue} days overdue (due ${a.nextCheckDue ?? '—'})${ownerOf(a)}`,
      ),
      el('h3', {}, `Checks due soon (${count(view.checksDue.length, view.totals?.checksDue)})`),
      accountList(view.checksDue, (a) => `due ${a.nextCheckDue ?? '—'}${ownerOf(a)}`),
      el('h3', {}, view.stalledKnown === false ? 'Stalled' : `Stalled (${view.stalled.length})`),
      view.stalledKnown === false
        ? el(
            'p',
            { class: 'hint' },
            'Ladder history is too long to read here: the Dashboard (Refresh dashboard) lists stalled accounts.',
          )
        : accountList(view.stalled, (a) => `on ${a.rungName}: ${a.nextStep}${ownerOf(a)}`),
      el('h3', {}, `Waiting for the customer (${view.waiting?.length ?? 0})`),
      view.waiting?.length
        ? el(
            'ul',
            { class: 'list waiting', attrs: { 'aria-label': 'Asks to confirm waiting for the customer' } },
            ...view.waiting.map((w) =>
              selectButton(
                w.accountName || w.accountId,
                'Accounts',
                w.row,
                `${w.validator} · asked on ${w.askedOn}`,
              ),
            ),
          )
        : el('p', { class: 'gray' }, 'No ask is waiting.'),
      el('h3', {}, `Data problems (${view.problemsTotal})`),
      problemList(view.problems, view.problemsTotal),
    );
    renderFound();
  }

  async function load(): Promise<void> {
    try {
      const view = await call('getMyBook');
      readStatus.clear();
      render(view);
    } catch (err) {
      fill(content);
      readStatus.error(
        `Couldn't read your book: ${err instanceof Error ? err.message : String(err)}`,
        () => void load(),
      );
    }
  }

  search.addEventListener('input', renderFound);
  refreshButton.addEventListener('click', () => void load());
  return { element, load };
}
