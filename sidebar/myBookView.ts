// The My book tab: counts per health and rung (filters), a search, then the day's list: each account once, with all its reasons.
import { HEALTHS, RUNG_NAMES } from '../src/core/types';
import type {
  BookAccountView,
  BookTallyView,
  MyBookView,
  ProblemView,
  WaitingAskView,
} from '../src/entry/sidebarTypes';
import { el, fill, uniqueId } from './dom';
import { formStatus } from './form';
import { call } from './server';
import { usageFreshnessLine } from './usageFreshness';

export interface MyBookPanel {
  readonly element: HTMLElement;
  load(): Promise<void>;
}

/** At most this many accounts answer a search or a filter; the count says how many matched. */
const FOUND_SHOWN = 50;

/** A count button's filter: one health or one rung. */
type Filter = { readonly kind: 'health' | 'rung'; readonly value: string } | null;

/** One section of the day's list: a heading and the accounts placed in it (an account sits in the first that has it). */
interface DaySection {
  readonly key: string;
  readonly title: string;
  readonly accounts: readonly BookAccountView[];
  /** How many of this list's accounts sit in an earlier section (listed once, with this reason among theirs). */
  readonly above: number;
}

/** An email or other unbroken text that may be too wide: cut with an ellipsis, whole in its tooltip. */
export function clipped(text: string, className = 'clip'): HTMLElement {
  return el('span', { class: className, attrs: { title: text } }, text);
}

/**
 * Why an account is on the day's list, every reason once: its health reasons, then what the other lists say about it
 * (overdue, due soon, chain gap, a result to validate, stalled, an ask waiting) when the reasons do not say it already.
 */
export function reasonsOf(a: BookAccountView, book: MyBookView): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    if (text && !out.includes(text)) out.push(text);
  };
  for (const r of a.reasons) add(r);
  const said = (pattern: RegExp) => out.some((r) => pattern.test(r));
  if (a.daysOverdue > 0 && !said(/overdue/i))
    add(`90-day check ${a.daysOverdue} days overdue (due ${a.nextCheckDue ?? '—'})`);
  if (book.checksDue.some((x) => x.id === a.id)) add(`90-day check due ${a.nextCheckDue ?? '—'}`);
  if (a.chainGap && !a.triage) add(`Chain: ${a.chainGap}`);
  if (book.toValidate?.some((x) => x.id === a.id) && !said(/validat|attribut/i))
    add('Result moved; not yet attributed and validated');
  if (a.stalled && !said(/stalled/i)) add(`Stalled on ${a.rungName}`);
  const ask = book.waiting?.find((w) => w.accountId === a.id);
  if (ask) add(`Waiting for ${ask.validator} to confirm (asked ${ask.askedOn})`);
  return out;
}

/** The day's sections in the order to work them; each account only in the first section that lists it. */
export function daySections(book: MyBookView, keep: (a: BookAccountView) => boolean): DaySection[] {
  const placed = new Set<string>();
  const section = (key: string, title: string, list: readonly BookAccountView[] | undefined): DaySection => {
    const accounts: BookAccountView[] = [];
    let above = 0;
    for (const a of list ?? []) {
      if (!keep(a)) continue;
      if (placed.has(a.id)) above += 1;
      else {
        placed.add(a.id);
        accounts.push(a);
      }
    }
    return { key, title, accounts, above };
  };
  const red = book.red.map((g) => section(`red-${g.action}`, g.title, g.accounts));
  const rest: DaySection[] = [
    section('overdue', 'Checks overdue', book.overdue),
    section('chain', 'Chain gaps: fix the chain', book.chainGaps),
    section('validate', 'Get it validated', book.toValidate),
    section('due', 'Checks due soon', book.checksDue),
    section('stalled', 'Stalled', book.stalled),
  ];
  return [...red, ...rest];
}

/** Accounts of a list placed in an earlier section: "It is listed above…" / "2 more are listed above…". */
function aboveText(n: number, more: boolean): string {
  const who = more ? `${n} more ${n === 1 ? 'is' : 'are'}` : n === 1 ? 'Its one account is' : `All ${n} are`;
  return `${who} listed above, with this among their reasons.`;
}

/** How the accounts shown add up, every left-out row named: "39 accounts: 38 on the ladder + 1 churned (Orion)". */
export function tallyText(tally: BookTallyView, listed: number): string[] {
  const lines: string[] = [];
  const churned = tally.churned.map((c) => c.name || c.id);
  lines.push(
    `${listed} account${listed === 1 ? '' : 's'}: ${tally.onLadder} on the ladder (the tiles)` +
      (churned.length ? ` + ${churned.length} churned (${churned.join(', ')}), counted nowhere` : ''),
  );
  if (tally.ignored.length) {
    lines.push(
      `${tally.ignored.length} more Accounts row${tally.ignored.length === 1 ? ' is' : 's are'} ignored: ${tally.ignored
        .map((p) => `row ${p.row} (${p.message.replace(/;\s*this row is ignored$/i, '')})`)
        .join('; ')}`,
    );
  }
  return lines;
}

/**
 * The tiles' counts for one owner ('' = everyone): the server's counts, or the owner's from the accounts listed when
 * the list is whole (a leader's list is capped; then the tiles stay whole-book and say so). Churned counts nowhere.
 */
export function countsFor(
  book: MyBookView,
  owner: string,
): { health: Record<string, number>; rung: Record<string, number>; note: string } {
  const whole = { health: { ...book.healthCounts }, rung: { ...book.rungCounts }, note: '' };
  if (owner === '') return whole;
  if ((book.totals?.accounts ?? book.accounts.length) !== book.accounts.length)
    return { ...whole, note: 'The tiles count every owner; the lists show the owner chosen.' };
  const health: Record<string, number> = {};
  const rung: Record<string, number> = {};
  for (const a of book.accounts) {
    if (a.owner !== owner || a.health === 'Churned') continue;
    health[a.health] = (health[a.health] ?? 0) + 1;
    rung[a.rungName] = (rung[a.rungName] ?? 0) + 1;
  }
  return { health, rung, note: '' };
}

/** `onSelected(row)` runs after an Accounts row was selected in the sheet (the Account tab shows it). */
export function createMyBookPanel(onSelected: (row: number) => void): MyBookPanel {
  const head = el('div', {}, el('p', { class: 'gray' }, 'Loading…'));
  const lists = el('div');
  const readStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  // The day's list is one Tab and Enter away from the tab strip (WCAG 2.4.1 bypass blocks).
  const skip = el('button', { class: 'link skip', attrs: { type: 'button' } }, "Go to today's list");
  const searchId = uniqueId('search');
  const search = el('input', {
    attrs: { id: searchId, type: 'search', placeholder: 'Account ID or name', autocomplete: 'off' },
  });
  const ownerId = uniqueId('owner');
  const owner = el('select', { attrs: { id: ownerId } });
  const ownerBox = el('div', {}, el('label', { attrs: { for: ownerId } }, 'Owner'), owner);
  ownerBox.hidden = true;
  const countsBox = el('div');
  // Results appear below the tiles, so a pressed tile never moves.
  const found = el('div', { class: 'filtered', attrs: { 'aria-live': 'polite' } });
  const element = el(
    'section',
    { attrs: { 'aria-label': 'My book' } },
    el('div', { class: 'actions' }, skip, refreshButton),
    readStatus.element,
    head,
    el('label', { attrs: { for: searchId } }, 'Find an account'),
    search,
    ownerBox,
    countsBox,
    found,
    lists,
  );
  let book: MyBookView | null = null;
  let filter: Filter = null;
  const tiles: { button: HTMLButtonElement; kind: 'health' | 'rung'; value: string }[] = [];

  /** A link-styled button that selects a row; a failure is shown right under it. */
  function selectButton(label: string, sheet: string, row: number, ...details: HTMLElement[]): HTMLElement {
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
    return el('li', {}, button, ...details, status.element);
  }

  const ownerOf = (a: BookAccountView): HTMLElement | null =>
    book?.scope === 'all' && a.owner ? clipped(a.owner, 'detail clip') : null;

  /** One account: its name, health, every reason, its next step, and (for the leader) its owner. */
  function accountItem(a: BookAccountView, reasons: readonly string[], lead?: string): HTMLElement {
    const item = selectButton(
      a.name || a.id,
      'Accounts',
      a.row,
      el('span', { class: 'detail' }, [lead, ...reasons].filter(Boolean).join('; ')),
      a.nextStep ? el('span', { class: 'detail next' }, `Next: ${a.nextStep}`) : el('span'),
      ownerOf(a) ?? el('span'),
    );
    item.dataset.accountId = a.id;
    item.firstElementChild?.after(' ', el('span', { class: `pill ${a.health}` }, a.health));
    return item;
  }

  function accountList(
    accounts: readonly BookAccountView[],
    lead: (a: BookAccountView) => string = () => '',
  ): HTMLElement {
    if (!accounts.length) return el('p', { class: 'gray' }, 'None.');
    const b = book;
    return el(
      'ul',
      { class: 'list' },
      ...accounts.map((a) => accountItem(a, b ? reasonsOf(a, b) : a.reasons, lead(a))),
    );
  }

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
            el('span', { class: 'detail' }, p.message),
          ),
        ),
      ),
      total > problems.length
        ? el('p', { class: 'hint' }, `Showing ${problems.length} of ${total}; the Dashboard lists more.`)
        : null,
    );
  }

  /** The owner the leader picked, or '' for everyone. */
  const ownerKept = (a: BookAccountView) => owner.value === '' || a.owner === owner.value;

  function matchesOf(b: MyBookView): BookAccountView[] {
    const query = search.value.trim().toLowerCase();
    const f = filter;
    return b.accounts.filter(
      (a) =>
        ownerKept(a) &&
        (query === '' || a.id.toLowerCase().includes(query) || a.name.toLowerCase().includes(query)) &&
        (f === null || (f.kind === 'health' ? a.health === f.value : a.rungName === f.value)),
    );
  }

  /** The accounts a search or a count filter picks, or nothing when neither is set. */
  function renderFound(): void {
    const query = search.value.trim();
    if (!book || (query === '' && filter === null)) {
      fill(found);
      return;
    }
    const matches = matchesOf(book);
    const what = [query ? `“${query}”` : '', filter ? filter.value : ''].filter(Boolean).join(' · ');
    const clear = el('button', { class: 'link', attrs: { type: 'button' } }, 'Clear');
    clear.addEventListener('click', () => {
      filter = null;
      search.value = '';
      renderFound();
      markTiles();
    });
    fill(
      found,
      el('h3', {}, `${matches.length} found: ${what} `, clear),
      accountList(matches.slice(0, FOUND_SHOWN), (a) => `${a.id} · ${a.rungName}`),
      matches.length > FOUND_SHOWN
        ? el('p', { class: 'hint' }, `Showing the first ${FOUND_SHOWN}: type more of the name to narrow it.`)
        : null,
      matches.length === 1 && query
        ? el('p', { class: 'hint' }, 'Press Enter in the search to open it.')
        : null,
    );
  }

  /** Pressed state in place: the tiles are never rebuilt by a press, so neither they nor the focus move. */
  function markTiles(): void {
    for (const t of tiles) {
      t.button.setAttribute('aria-pressed', String(filter?.kind === t.kind && filter.value === t.value));
    }
  }

  function tile(kind: 'health' | 'rung', value: string, count: number): HTMLButtonElement {
    const button = el(
      'button',
      {
        class: `count ${kind === 'health' ? value : ''}`,
        attrs: { type: 'button', 'aria-pressed': 'false' },
      },
      el('strong', {}, String(count)),
      el('span', {}, value),
    );
    button.addEventListener('click', () => {
      const pressed = filter?.kind === kind && filter.value === value;
      filter = pressed ? null : { kind, value };
      markTiles();
      renderFound();
    });
    tiles.push({ button, kind, value });
    return button;
  }

  /** Count boxes are toggle buttons: pressing one lists its accounts below the tiles, pressing it again clears it. */
  function renderCounts(b: MyBookView): void {
    tiles.length = 0;
    const counts = countsFor(b, owner.value);
    fill(
      countsBox,
      counts.note ? el('p', { class: 'hint' }, counts.note) : null,
      el(
        'div',
        {
          class: 'health-counts',
          attrs: { role: 'group', 'aria-label': 'Accounts per health: press to list them' },
        },
        ...HEALTHS.map((h) => tile('health', h, counts.health[h] ?? 0)),
      ),
      el(
        'div',
        { class: 'counts', attrs: { role: 'group', 'aria-label': 'Accounts per rung: press to list them' } },
        ...RUNG_NAMES.map((name) => tile('rung', name, counts.rung[name] ?? 0)),
      ),
    );
    markTiles();
  }

  /** The leader's owner filter: every owner once, the choice kept across reloads. */
  function renderOwners(b: MyBookView): void {
    ownerBox.hidden = b.scope !== 'all';
    const kept = owner.value;
    const owners = [...new Set(b.accounts.map((a) => a.owner).filter(Boolean))].sort();
    fill(
      owner,
      el('option', { attrs: { value: '' } }, 'Everyone'),
      ...owners.map((o) => el('option', { attrs: { value: o } }, o)),
    );
    owner.value = owners.includes(kept) ? kept : '';
  }

  function waitingList(waiting: readonly WaitingAskView[]): HTMLElement {
    const shown = waiting.filter((w) => {
      const a = book?.accounts.find((x) => x.id === w.accountId);
      return !a || ownerKept(a);
    });
    if (!shown.length) return el('p', { class: 'gray' }, 'No ask is waiting.');
    return el(
      'ul',
      { class: 'list waiting', attrs: { 'aria-label': 'Asks to confirm waiting for the customer' } },
      ...shown.map((w) =>
        selectButton(
          w.accountName || w.accountId,
          'Accounts',
          w.row,
          el('span', { class: 'detail' }, `${w.validator} · asked on ${w.askedOn}`),
        ),
      ),
    );
  }

  function renderLists(view: MyBookView): void {
    const sections = daySections(view, ownerKept);
    const red = sections.filter((s) => s.key.startsWith('red-'));
    const rest = sections.filter((s) => !s.key.startsWith('red-'));
    const redCount = red.reduce((n, s) => n + s.accounts.length, 0);
    fill(
      lists,
      el(
        'section',
        { class: 'red', attrs: { 'aria-label': 'Red accounts', id: 'book-red' } },
        el('h3', {}, `Red today (${redCount})`),
        redCount === 0 ? el('p', { class: 'gray' }, 'No Red accounts.') : null,
        ...red
          .filter((s) => s.accounts.length)
          .map((s) =>
            el(
              'div',
              { class: 'red-group' },
              el('h4', {}, `${s.title} (${s.accounts.length})`),
              accountList(s.accounts),
            ),
          ),
      ),
      ...rest.flatMap((s) =>
        s.key === 'stalled' && view.stalledKnown === false
          ? [
              el('h3', {}, 'Stalled'),
              el(
                'p',
                { class: 'hint' },
                'Ladder history is too long to read here: the Dashboard (Refresh dashboard) lists stalled accounts.',
              ),
            ]
          : [
              el(
                'section',
                { attrs: { 'aria-label': s.title, 'data-list': s.key } },
                el('h3', {}, `${s.title} (${s.accounts.length})`),
                s.accounts.length === 0 && s.above > 0
                  ? el('p', { class: 'gray' }, aboveText(s.above, false))
                  : accountList(s.accounts),
                s.accounts.length > 0 && s.above > 0
                  ? el('p', { class: 'hint' }, aboveText(s.above, true))
                  : null,
              ),
            ],
      ),
      el('h3', {}, `Waiting for the customer (${view.waiting?.length ?? 0})`),
      waitingList(view.waiting ?? []),
      el('h3', {}, `Data problems (${view.problemsTotal})`),
      problemList(view.problems, view.problemsTotal),
    );
  }

  function render(view: MyBookView): void {
    book = view;
    const whose = view.scope === 'all' ? 'All accounts' : 'Your accounts';
    const total = view.totals?.accounts ?? view.accounts.length;
    const listed =
      total === view.accounts.length ? String(total) : `first ${view.accounts.length} of ${total}`;
    fill(
      head,
      el('h2', {}, `${whose} (${listed})`),
      el('p', { class: 'gray' }, clipped(view.user || 'Signed-in user unknown'), ` · as of ${view.asOf}`),
      ...(view.tally ? tallyText(view.tally, total).map((t) => el('p', { class: 'hint tally' }, t)) : []),
      usageFreshnessLine(view),
    );
    renderOwners(view);
    renderCounts(view);
    renderLists(view);
    renderFound();
  }

  async function load(): Promise<void> {
    try {
      const view = await call('getMyBook');
      readStatus.clear();
      render(view);
    } catch (err) {
      fill(head);
      readStatus.error(
        `Couldn't read your book: ${err instanceof Error ? err.message : String(err)}`,
        () => void load(),
      );
    }
  }

  search.addEventListener('input', renderFound);
  // Enter on a search with one match opens it, as a search box does.
  search.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || !book) return;
    const matches = matchesOf(book);
    if (search.value.trim() === '' || matches.length !== 1) return;
    ev.preventDefault();
    found.querySelector<HTMLButtonElement>('[data-account-id] button')?.click();
  });
  owner.addEventListener('change', () => {
    if (!book) return;
    renderCounts(book);
    renderLists(book);
    renderFound();
  });
  skip.addEventListener('click', () => {
    const first = lists.querySelector<HTMLButtonElement>('[data-account-id] button');
    first?.focus();
    first?.scrollIntoView({ block: 'center' });
  });
  refreshButton.addEventListener('click', () => void load());
  return { element, load };
}
