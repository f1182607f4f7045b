// The sidebar: three tabs (Account, My book, Reminders & settings), a progress bar while the server works, and the selection poll.
import {
  type AccountViewResponse,
  INITIAL_VIEW_ID,
  type InitialView,
  SIDEBAR_TAB_ATTRIBUTE,
  type SidebarTab,
} from '../src/entry/sidebarTypes';
import { createAccountPanel } from './accountView';
import { el } from './dom';
import { createMyBookPanel } from './myBookView';
import { createRemindersPanel } from './remindersView';
import { isBusy, onBusyChange } from './server';

/**
 * How often the Account tab asks which row is selected; only while visible and no other call runs. The sheet
 * sends a sidebar no selection events, so it must ask. getSelection reads no cells (getActiveSheet,
 * getActiveRange, getRow), so one poll costs one short google.script.run execution and nothing in the
 * per-action cell budget; the Account view itself is read only when the selection moved. So: every second
 * while the person is active (a selection moved, or they used the sidebar, within the last minute), so a new
 * row shows within ~1 s; every 3 s after a quiet minute; every 8 s after five quiet minutes, when nobody is
 * waiting for it. An idle open sidebar then costs ~450 short executions an hour instead of 3,600.
 */
const POLL_ACTIVE_MS = 1000;
const POLL_QUIET_MS = 3000;
const POLL_IDLE_MS = 8000;
const ACTIVE_FOR_MS = 60_000;
const QUIET_FOR_MS = 5 * 60_000;

function pollDelay(sinceActivity: number): number {
  if (sinceActivity < ACTIVE_FOR_MS) return POLL_ACTIVE_MS;
  if (sinceActivity < QUIET_FOR_MS) return POLL_QUIET_MS;
  return POLL_IDLE_MS;
}

/** The tab the sidebar opens on: the Account tab for one of the user's own accounts, else My book (the day's list). */
export function landingTab(view: AccountViewResponse): SidebarTab {
  if (view.empty || !view.user) return 'book';
  return view.account.owner.trim().toLowerCase() === view.user.trim().toLowerCase() ? 'account' : 'book';
}

/** showSidebar's templated first view, or null (the preview server, an older Sidebar.html). */
function initialView(): InitialView | null {
  const node = document.getElementById(INITIAL_VIEW_ID);
  if (!node?.textContent) return null;
  try {
    return JSON.parse(node.textContent) as InitialView;
  } catch {
    return null;
  }
}

const app = document.getElementById('app');
if (app) start(app);

function start(root: HTMLElement): void {
  const account = createAccountPanel();
  const book = createMyBookPanel((row) => {
    select('account', false);
    lastActivity = Date.now();
    // Focus follows the choice to the account's heading, so keyboard and screen-reader users land on it.
    void account.load(row).then(() => account.focusTitle());
  });
  const reminders = createRemindersPanel();
  let lastActivity = Date.now();
  const panels: Record<SidebarTab, { element: HTMLElement; load(): Promise<unknown>; label: string }> = {
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

  root.replaceChildren(el('h1', { class: 'sr-only' }, 'Results Ladder'), tablist, progress);
  for (const key of order) {
    const { element } = panels[key];
    element.id = `panel-${key}`;
    element.setAttribute('role', 'tabpanel');
    element.setAttribute('aria-labelledby', `tab-${key}`);
    root.appendChild(element);
  }

  /** Where each tab was scrolled when left: coming back to My book or Reminders lands where the person was. */
  const scrolled: Partial<Record<SidebarTab, number>> = {};
  function select(key: SidebarTab, loadIt = true): void {
    const changed = key !== active && loadIt;
    if (key !== active) scrolled[active] = window.scrollY;
    active = key;
    order.forEach((k, i) => {
      tabs[i].setAttribute('aria-selected', String(k === key));
      tabs[i].tabIndex = k === key ? 0 : -1;
      panels[k].element.hidden = k !== key;
    });
    document.body.dataset.tab = key;
    // The Account tab shows one account from its top; the lists come back where they were left.
    const at = key === 'account' ? 0 : (scrolled[key] ?? 0);
    window.scrollTo(0, at);
    if (changed) {
      void panels[key].load().then(() => {
        if (active === key && key !== 'account') window.scrollTo(0, at);
      });
    }
  }

  const initial = document.body.getAttribute(SIDEBAR_TAB_ATTRIBUTE);
  const first: SidebarTab = order.find((k) => k === initial) ?? 'account';
  // Nothing is shown yet: `active` starts on another tab so the first select counts as a change.
  active = first === 'settings' ? 'account' : 'settings';
  if (first !== 'account') select(first);
  else {
    // The first open lands on My book unless the selected row is one of the signed-in user's accounts (issue 25).
    const arrived = initialView();
    if (arrived) {
      account.showInitial(arrived.view, arrived.selection);
      const landing = landingTab(arrived.view);
      select(landing, landing === 'book');
    } else {
      select('account', false);
      void account.load().then((view) => {
        if (view && landingTab(view) === 'book' && active === 'account') select('book');
      });
    }
  }

  // Using the sidebar counts as activity: the person is at the screen, so the next selection should show fast.
  for (const type of ['pointerdown', 'keydown', 'focusin'] as const) {
    root.addEventListener(type, () => {
      lastActivity = Date.now();
    });
  }
  // "Follows the selected row": never while hidden, and never on top of a call still running (calls queue
  // up in Apps Script otherwise).
  const poll = async (): Promise<void> => {
    if (active === 'account' && document.visibilityState === 'visible' && !isBusy()) {
      if (await account.follow()) lastActivity = Date.now();
    }
    setTimeout(() => void poll(), pollDelay(Date.now() - lastActivity));
  };
  setTimeout(() => void poll(), POLL_ACTIVE_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && active === 'account' && !isBusy()) void account.load();
  });
}
