// The sidebar: three tabs (Account, My book, Reminders & settings), a progress bar while the server works, and the selection poll.
import { SIDEBAR_TAB_ATTRIBUTE, type SidebarTab } from '../src/entry/sidebarTypes';
import { createAccountPanel } from './accountView';
import { el } from './dom';
import { createMyBookPanel } from './myBookView';
import { createRemindersPanel } from './remindersView';
import { isBusy, onBusyChange } from './server';

/** How often the Account tab asks which row is selected; only while visible and no other call runs. */
const POLL_MS = 4000;

const app = document.getElementById('app');
if (app) start(app);

function start(root: HTMLElement): void {
  const account = createAccountPanel();
  const book = createMyBookPanel((row) => {
    select('account');
    void account.load(row);
  });
  const reminders = createRemindersPanel();
  const panels: Record<SidebarTab, { element: HTMLElement; load(): Promise<void>; label: string }> = {
    account: { element: account.element, load: () => account.load(), label: 'Account' },
    book: { element: book.element, load: book.load, label: 'My book' },
    settings: { element: reminders.element, load: reminders.load, label: 'Reminders' },
  };
  const order: SidebarTab[] = ['account', 'book', 'settings'];
  let active: SidebarTab = 'account';

  const tabs = order.map((key) => {
    const tab = el(
      'button',
      {
        class: 'tab',
        attrs: { role: 'tab', id: `tab-${key}`, 'aria-controls': `panel-${key}`, type: 'button' },
      },
      panels[key].label,
    );
    if (key === 'settings') tab.title = 'Reminders & settings';
    tab.addEventListener('click', () => select(key));
    return tab;
  });
  const tablist = el(
    'div',
    { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Results Ladder' } },
    ...tabs,
  );
  // Arrow keys move between tabs, as in every tab strip (WAI-ARIA tabs pattern).
  tablist.addEventListener('keydown', (ev) => {
    const i = order.indexOf(active);
    const next =
      ev.key === 'ArrowRight'
        ? (i + 1) % order.length
        : ev.key === 'ArrowLeft'
          ? (i + order.length - 1) % order.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? order.length - 1
              : -1;
    if (next < 0) return;
    ev.preventDefault();
    select(order[next]);
    tabs[next].focus();
  });

  const progress = el('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': 'Working' } });
  progress.hidden = false;
  onBusyChange((busy) => {
    progress.classList.toggle('on', busy);
    progress.setAttribute('aria-busy', String(busy));
    document.body.setAttribute('aria-busy', String(busy));
  });

  root.replaceChildren(tablist, progress);
  for (const key of order) {
    const { element } = panels[key];
    element.id = `panel-${key}`;
    element.setAttribute('role', 'tabpanel');
    element.setAttribute('aria-labelledby', `tab-${key}`);
    root.appendChild(element);
  }

  function select(key: SidebarTab): void {
    const changed = key !== active;
    active = key;
    order.forEach((k, i) => {
      tabs[i].setAttribute('aria-selected', String(k === key));
      tabs[i].tabIndex = k === key ? 0 : -1;
      panels[k].element.hidden = k !== key;
    });
    document.body.dataset.tab = key;
    if (changed) void panels[key].load();
  }

  const initial = document.body.getAttribute(SIDEBAR_TAB_ATTRIBUTE);
  const first: SidebarTab = order.find((k) => k === initial) ?? 'account';
  active = first === 'account' ? 'book' : 'account';
  select(first);

  // "Follows the selected row": the sheet gives a sidebar no selection events, so ask — but never while
  // hidden, and never on top of a call still running (calls queue up in Apps Script otherwise).
  setInterval(() => {
    if (active === 'account' && document.visibilityState === 'visible' && !isBusy()) void account.follow();
  }, POLL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && active === 'account' && !isBusy()) void account.load();
  });
}
