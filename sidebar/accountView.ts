// The Account tab: status and the two frequent actions first, then the ladder, the chain form and what was logged.
import type { AccountView, AccountViewResponse, SelectionView } from '../src/entry/sidebarTypes';
import { createAccountHeader } from './account/accountHeader';
import { createAccountRecord } from './account/accountRecord';
import { createCheckForm } from './account/checkForm';
import { nextStepLink } from './account/nextStepLink';
import { createQbrButton } from './account/qbrButton';
import { createResultForm } from './account/resultForm';
import { type AccountWrites, finishWrite } from './account/writes';
import { createChainForm } from './chainForm';
import { el, fill } from './dom';
import { formStatus, submitting } from './form';
import { call } from './server';

export interface AccountPanel {
  readonly element: HTMLElement;
  /** Follow the sheet's selection, or show one Accounts row (My book's click); resolves to what was read (null: failed or superseded). */
  load(row?: number): Promise<AccountViewResponse | null>;
  /** Shows a view the page arrived with (showSidebar templates it in), and the selection it was read from. */
  showInitial(view: AccountViewResponse, selection: SelectionView | null): void;
  /**
   * The poll: asks only where the selection is (no cell reads) and loads the account view only when the
   * selection has moved since the last poll. Resolves true when it moved.
   */
  follow(): Promise<boolean>;
  /** Moves keyboard focus to the account's heading (after choosing an account elsewhere). */
  focusTitle(): void;
}

export function createAccountPanel(): AccountPanel {
  let current: AccountView | null = null;
  /** Reads that started before the latest write or explicit load are dropped when they answer. */
  let generation = 0;
  /** Forms with input the person typed: a refresh never replaces it. */
  const dirty = new Set<HTMLFormElement>();
  const writes: AccountWrites = {
    current: () => current,
    markClean: (form) => dirty.delete(form),
    begin: () => {
      generation += 1;
    },
    finish: (...args) => finishWrite({ current: () => current, show }, ...args),
  };

  const header = createAccountHeader();
  /** The last view rendered, as JSON: an unchanged poll answer re-renders nothing. */
  let shownJson = '';
  /** The selection the poll last saw, "Sheet:row" ('' after a read outside the poll). */
  let lastSelection = '';
  const banner = el('div', { class: 'banner', attrs: { role: 'status' } });
  banner.hidden = true;
  const empty = el('p', { class: 'gray' }, 'Loading…');
  const readError = formStatus();

  // Created in this order so the fields' ids stay as they were: the chain's, the result's, the check's.
  const chain = createChainForm();
  const result = createResultForm(writes);
  const check = createCheckForm(writes);
  const qbr = createQbrButton(() => current);
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const record = createAccountRecord(writes);

  // The two frequent tasks sit right under the status, one click each; the chain form and history follow.
  const logDetails = el(
    'details',
    { class: 'card task' },
    el('summary', {}, 'Log a result value'),
    result.form,
  );
  const checkDetails = el('details', { class: 'card task' }, el('summary', {}, 'Record a check'), check.form);
  const body = el(
    'div',
    {},
    header.title,
    header.summary,
    logDetails,
    checkDetails,
    record.askLinks,
    el('div', { class: 'actions' }, qbr.button, refreshButton),
    qbr.status.element,
    qbr.panel,
    el('h3', {}, 'Ladder'),
    record.ladderList,
    record.problemsBox,
    chain.form,
    el('h3', {}, 'Results logged'),
    record.resultList,
    record.asksList,
    el('h3', {}, 'Checks recorded'),
    record.checkList,
  );
  body.hidden = true;
  const element = el(
    'section',
    { attrs: { 'aria-label': 'Account' } },
    header.announcer,
    banner,
    readError.element,
    empty,
    body,
  );

  // ---- dirty tracking: input the person typed is never replaced by a refresh ----
  for (const form of [chain.form, result.form, check.form]) {
    form.addEventListener('input', () => dirty.add(form));
    form.addEventListener('change', () => dirty.add(form));
  }
  const hints = () => chain.updateHints(current?.segment ?? null);
  chain.form.addEventListener('input', hints);
  chain.form.addEventListener('change', hints);

  function fillChain(view: AccountView): void {
    chain.fill(view);
    dirty.delete(chain.form);
  }

  function rebaseChain(view: AccountView): void {
    chain.rebase(view);
    hints();
  }

  function show(view: AccountView): void {
    const sameRow = current !== null && current.row === view.row && current.account.id === view.account.id;
    const json = JSON.stringify(view);
    current = view;
    banner.hidden = true;
    empty.hidden = true;
    body.hidden = false;
    if (sameRow && json === shownJson) {
      // The view is the same, but an ask may have been answered on the confirmation page since.
      record.reloadAsks();
      return;
    }
    shownJson = json;
    if (!sameRow) header.announce(view);
    header.render(view);
    const link = nextStepLink(view, {
      chain: chain.form,
      checkDetails,
      logDetails,
      askLinks: record.askLinks,
    });
    if (link) header.summary.querySelector('.next-step')?.append(link);
    record.render(view);
    // Typed-in chain text survives refreshes of the same row; another row always shows its own values.
    if (!(sameRow && dirty.has(chain.form))) fillChain(view);
    if (!sameRow) {
      result.clear(view);
      check.clear(view);
      for (const s of [chain.status, result.status, check.status, qbr.status]) s.clear();
      qbr.close();
    }
    hints();
  }

  /** The selection moved while the person has unsaved input: say so and let them choose. */
  function offerSwitch(next: AccountViewResponse): void {
    const what = next.empty
      ? next.message
      : `${next.account.name || next.account.id} (Accounts row ${next.row}) is selected.`;
    const showIt = el('button', { class: 'link', attrs: { type: 'button' } }, 'Show it and drop my edits');
    showIt.addEventListener('click', () => {
      dirty.clear();
      applyRead(next);
    });
    fill(banner, what, ' Your unsaved edits here are kept. ', showIt);
    banner.hidden = false;
  }

  function applyRead(next: AccountViewResponse): void {
    const moved =
      next.empty || !current || next.row !== current.row || next.account.id !== current.account.id;
    if (moved && current && dirty.size > 0) {
      offerSwitch(next);
      return;
    }
    if (next.empty) {
      current = null;
      shownJson = '';
      body.hidden = true;
      banner.hidden = true;
      empty.hidden = false;
      empty.textContent = next.message;
      return;
    }
    show(next);
  }

  async function load(row?: number): Promise<AccountViewResponse | null> {
    // A read outside the poll (a tab switch, My book's choice) may show another row than the poll last saw: the next
    // poll compares afresh, so selecting that earlier row again in the sheet is followed.
    lastSelection = '';
    const started = row === undefined ? generation : ++generation;
    try {
      const next = await call('getAccountView', ...(row === undefined ? [] : [row]));
      if (started !== generation) return null;
      readError.clear();
      applyRead(next);
      return next;
    } catch (err) {
      if (started !== generation) return null;
      // Never "Loading…" under an error: the message replaces it, with a way to try again.
      empty.hidden = true;
      readError.error(
        `Couldn't load the account: ${err instanceof Error ? err.message : String(err)}`,
        () => void load(row),
      );
      return null;
    }
  }

  chain.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = current;
    if (!view) return;
    generation += 1;
    void submitting(chain.form, chain.button, 'Saving…', chain.status, async () => {
      const response = await call('saveChain', {
        row: view.row,
        version: chain.version(),
        fields: chain.fields(),
      });
      await writes.finish(
        response,
        chain.status,
        { set: (f, m) => chain.showError(f, m), clear: () => chain.clearErrors() },
        'Saved to the Accounts sheet.',
        fillChain,
        rebaseChain,
      );
    });
  });

  refreshButton.addEventListener('click', () => void load(current?.row));

  async function follow(): Promise<boolean> {
    try {
      const where = await call('getSelection');
      const key = `${where.sheet}:${where.row}`;
      if (key === lastSelection) return false;
      lastSelection = key;
      // On Accounts the row is known: pass it on. On any other sheet the server reads that row's Account ID.
      if (!where.isAccounts) await load();
      else if (where.row !== current?.row) await load(where.row);
      return true;
    } catch (err) {
      readError.error(
        `Couldn't read the selection: ${err instanceof Error ? err.message : String(err)}`,
        () => void follow(),
      );
      return false;
    }
  }

  return {
    element,
    load,
    follow,
    showInitial(view, selection) {
      // The poll then sees no move until the person selects something else: no second read of the same view.
      if (selection) lastSelection = `${selection.sheet}:${selection.row}`;
      applyRead(view);
    },
    focusTitle: () => {
      if (!body.hidden) header.title.focus();
    },
  };
}
