// The Account tab: status and the two frequent actions first, then the ladder, the chain form and what was logged.
import { CHECK_KINDS, type CheckKind, VALIDATOR_ROLES, type ValidatorRole } from '../src/core/types';
import { namedValidators } from '../src/core/validators';
import type {
  AccountView,
  AccountViewResponse,
  SelectionView,
  WriteResponse,
} from '../src/entry/sidebarTypes';
import {
  askLinkParts,
  checkItem,
  ladderItems,
  listOr,
  numberText,
  problemsPart,
  resultItem,
  statusParts,
} from './accountSummary';
import { createChainForm } from './chainForm';
import { el, fill } from './dom';
import { type Control, type Field, formStatus, selectField, submitting, textField } from './form';
import { call } from './server';

export interface AccountPanel {
  readonly element: HTMLElement;
  /** Follow the sheet's selection, or show one Accounts row (My book's click). */
  load(row?: number): Promise<void>;
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A form's fields by the payload key the server names when it refuses one. */
type FieldsByKey = Record<string, Field<Control>>;

/** A date field that shows and takes ISO dates (YYYY-MM-DD), never the browser's locale date picker. */
function isoDateField(label: string): Field<HTMLInputElement | HTMLTextAreaElement> {
  const f = textField(label, { placeholder: 'YYYY-MM-DD', maxLength: 10 });
  f.control.setAttribute('pattern', '\\d{4}-\\d{2}-\\d{2}');
  f.control.setAttribute('inputmode', 'numeric');
  f.control.setAttribute('autocomplete', 'off');
  return f;
}

export function createAccountPanel(): AccountPanel {
  let current: AccountView | null = null;
  /** Reads that started before the latest write or explicit load are dropped when they answer. */
  let generation = 0;

  const summary = el('div');
  const title = el('h2', { class: 'account-title', attrs: { tabindex: '-1' } });
  // Announces only a change of account; the summary itself re-renders on every change and would be noisy.
  const announcer = el('p', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  /** The last view rendered, as JSON: an unchanged poll answer re-renders nothing. */
  let shownJson = '';
  const banner = el('div', { class: 'banner', attrs: { role: 'status' } });
  banner.hidden = true;
  const empty = el('p', { class: 'gray' }, 'Loading…');
  const readError = formStatus();

  const chain = createChainForm();

  // ---- Log a result value ----
  const result = {
    date: isoDateField('Date'),
    value: textField('Value'),
    validatedBy: textField('Validated by'),
    role: selectField('Their role', VALIDATOR_ROLES, '—'),
    words: textField("Customer's words", { multiline: true }),
    evidence: textField('Evidence', { placeholder: 'Link or where it is recorded' }),
  };
  result.value.control.setAttribute('inputmode', 'decimal');
  const attributed = el('input', { attrs: { type: 'checkbox' } });
  const resultButton = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Log result');
  const resultStatus = formStatus();
  const resultList = el('ul', { class: 'list' });
  const resultForm = el(
    'form',
    { attrs: { 'aria-label': 'Log a result value', novalidate: '' } },
    el('div', { class: 'row' }, result.date.wrap, result.value.wrap),
    el('label', { class: 'check-label' }, attributed, 'Attributed to the product'),
    el('div', { class: 'row' }, result.validatedBy.wrap, result.role.wrap),
    result.words.wrap,
    result.evidence.wrap,
    el('div', { class: 'actions' }, resultButton),
    resultStatus.element,
  );
  const resultByKey: FieldsByKey = {
    date: result.date,
    value: result.value,
    validatedBy: result.validatedBy,
    validatorRole: result.role,
    customerWords: result.words,
    evidence: result.evidence,
  };

  // ---- Record a check ----
  const check = {
    date: isoDateField('Date'),
    kind: selectField('Check', CHECK_KINDS),
    notes: textField('Notes', { multiline: true }),
  };
  check.kind.control.value = '90-day';
  const answerName = 'result-named';
  const answers = (['Yes', 'No', 'Not asked'] as const).map((label) =>
    el('input', { attrs: { type: 'radio', name: answerName, value: label } }),
  );
  const checkButton = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Record check');
  const checkStatus = formStatus();
  const checkList = el('ul', { class: 'list' });
  const answerError = el('p', { class: 'hint error', attrs: { role: 'alert' } });
  answerError.hidden = true;
  const checkForm = el(
    'form',
    { attrs: { 'aria-label': 'Record a check', novalidate: '' } },
    el('div', { class: 'row' }, check.date.wrap, check.kind.wrap),
    el(
      'fieldset',
      {},
      el(
        'legend',
        { class: 'hint' },
        'Can they name the measurable result they got? (No is an intervention trigger.)',
      ),
      ...answers.map((input) => el('label', { class: 'check-label' }, input, input.value)),
      answerError,
    ),
    check.notes.wrap,
    el('div', { class: 'actions' }, checkButton),
    checkStatus.element,
  );
  const checkByKey: FieldsByKey = { date: check.date, kind: check.kind, notes: check.notes };

  const qbrButton = el('button', { attrs: { type: 'button' } }, 'QBR brief');
  const qbrStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const askLinks = el('div', { class: 'ask' });
  const ladderList = el('ol', { class: 'ladder', attrs: { 'aria-label': 'The ladder, top rung first' } });
  const problemsBox = el('div');

  // The two frequent tasks sit right under the status, one click each; the chain form and history follow.
  const logDetails = el(
    'details',
    { class: 'card task' },
    el('summary', {}, 'Log a result value'),
    resultForm,
  );
  const checkDetails = el('details', { class: 'card task' }, el('summary', {}, 'Record a check'), checkForm);
  const body = el(
    'div',
    {},
    title,
    summary,
    logDetails,
    checkDetails,
    askLinks,
    el('div', { class: 'actions' }, qbrButton, refreshButton),
    qbrStatus.element,
    el('h3', {}, 'Ladder'),
    ladderList,
    problemsBox,
    chain.form,
    el('h3', {}, 'Results logged'),
    resultList,
    el('h3', {}, 'Checks recorded'),
    checkList,
  );
  body.hidden = true;
  const element = el(
    'section',
    { attrs: { 'aria-label': 'Account' } },
    announcer,
    banner,
    readError.element,
    empty,
    body,
  );

  // ---- dirty tracking: input the person typed is never replaced by a refresh ----
  const dirty = new Set<HTMLFormElement>();
  for (const form of [chain.form, resultForm, checkForm]) {
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

  /**
   * The validator this result should come from: the chain's validator whose role has no counting result
   * yet (for an `A + B` segment, the one still missing), else the first named one.
   */
  function expectedValidator(view: AccountView): { name: string; role: ValidatorRole | null } | null {
    const named = namedValidators(view.account.validator, view.account.validatorRole);
    if (named.length === 0) return null;
    const counted = new Set(view.results.filter((r) => r.counts).map((r) => r.validatorRole));
    return named.find((v) => !counted.has(v.role)) ?? named[0];
  }

  function clearResultForm(view: AccountView): void {
    resultForm.reset();
    result.date.control.value = view.asOf;
    for (const f of Object.values(resultByKey)) f.setError('');
    // Pre-filled from the chain, so the result names the same person in the same role as the chain does.
    const who = expectedValidator(view);
    result.validatedBy.control.value = who?.name ?? '';
    result.role.control.value = who?.role ?? '';
    const a = view.account;
    const latest = view.results.find((r) => r.value !== null);
    result.value.setHint(
      `${a.metric.trim() || 'Metric not set'}: baseline ${numberText(a.baseline)} → target ${numberText(a.target)}` +
        (latest ? `; last ${numberText(latest.value)} on ${latest.date}` : ''),
    );
    dirty.delete(resultForm);
  }

  function clearCheckForm(view: AccountView): void {
    checkForm.reset();
    check.date.control.value = view.asOf;
    check.kind.control.value = '90-day';
    for (const f of Object.values(checkByKey)) f.setError('');
    answerError.hidden = true;
    dirty.delete(checkForm);
  }

  function renderSummary(view: AccountView): void {
    const a = view.account;
    title.textContent = a.name || a.id;
    fill(summary, ...statusParts(view));
    fill(ladderList, ...ladderItems(view));
    fill(
      problemsBox,
      view.usageFreshness ? el('p', { class: 'gray usage-freshness' }, view.usageFreshness) : null,
      problemsPart(view),
    );
    fill(askLinks, ...askLinkParts(view));
    fill(resultList, ...listOr(view.results.map(resultItem)));
    fill(checkList, ...listOr(view.checks.map(checkItem)));
  }

  function show(view: AccountView): void {
    const sameRow = current !== null && current.row === view.row && current.account.id === view.account.id;
    const json = JSON.stringify(view);
    current = view;
    banner.hidden = true;
    empty.hidden = true;
    body.hidden = false;
    if (sameRow && json === shownJson) return;
    shownJson = json;
    if (!sameRow) announcer.textContent = `Showing ${view.account.name || view.account.id}`;
    renderSummary(view);
    // Typed-in chain text survives refreshes of the same row; another row always shows its own values.
    if (!(sameRow && dirty.has(chain.form))) fillChain(view);
    if (!sameRow) {
      clearResultForm(view);
      clearCheckForm(view);
      for (const s of [chain.status, resultStatus, checkStatus, qbrStatus]) s.clear();
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

  async function load(row?: number): Promise<void> {
    const started = row === undefined ? generation : ++generation;
    try {
      const next = await call('getAccountView', ...(row === undefined ? [] : [row]));
      if (started !== generation) return;
      readError.clear();
      applyRead(next);
    } catch (err) {
      if (started !== generation) return;
      // Never "Loading…" under an error: the message replaces it, with a way to try again.
      empty.hidden = true;
      readError.error(
        `Couldn't load the account: ${err instanceof Error ? err.message : String(err)}`,
        () => void load(row),
      );
    }
  }

  /** Shows a write's answer next to its form; on a stale row it reloads the view and keeps every input. */
  async function finishWrite(
    response: WriteResponse,
    status: ReturnType<typeof formStatus>,
    setFieldError: (field: string | undefined, message: string) => boolean,
    clearErrors: () => void,
    done: string,
    clear: (view: AccountView) => void,
    rebase?: (view: AccountView) => void,
  ): Promise<void> {
    clearErrors();
    if (response.ok) {
      clear(response.view);
      show(response.view);
      status.ok(done);
      return;
    }
    setFieldError(response.field, response.message);
    if (!response.stale) {
      status.error(response.message);
      return;
    }
    status.error(
      `${response.message} Your input is kept and the view now shows the sheet's latest; save again to apply it.`,
    );
    const row = current?.row;
    if (row === undefined) return;
    const fresh = await call('getAccountView', row);
    if (!fresh.empty && fresh.account.id === current?.account.id) {
      show(fresh);
      rebase?.(fresh);
    }
  }

  function fieldErrors(fields: FieldsByKey) {
    return {
      set(field: string | undefined, message: string): boolean {
        const target = field ? fields[field] : undefined;
        if (!target) return false;
        target.setError(message);
        target.control.focus();
        return true;
      },
      clear(): void {
        for (const f of Object.values(fields)) f.setError('');
      },
    };
  }
  const resultErrors = fieldErrors(resultByKey);
  const checkErrors = fieldErrors(checkByKey);

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
      await finishWrite(
        response,
        chain.status,
        (f, m) => chain.showError(f, m),
        () => chain.clearErrors(),
        'Saved to the Accounts sheet.',
        fillChain,
        rebaseChain,
      );
    });
  });

  resultForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = current;
    if (!view) return;
    if (!ISO_DATE.test(result.date.control.value.trim())) {
      result.date.setError('Type the date the value was measured as YYYY-MM-DD.');
      return;
    }
    generation += 1;
    void submitting(resultForm, resultButton, 'Logging…', resultStatus, async () => {
      const response = await call('logResult', {
        row: view.row,
        version: (current ?? view).version,
        date: result.date.control.value.trim(),
        value: result.value.control.value,
        attributed: attributed.checked,
        validatedBy: result.validatedBy.control.value,
        validatorRole: result.role.control.value as ValidatorRole | '',
        customerWords: result.words.control.value,
        evidence: result.evidence.control.value,
      });
      await finishWrite(
        response,
        resultStatus,
        resultErrors.set,
        resultErrors.clear,
        'Logged in the Results sheet.',
        clearResultForm,
      );
    });
  });

  checkForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = current;
    if (!view) return;
    const picked = answers.find((a) => a.checked)?.value;
    answerError.hidden = true;
    if (!ISO_DATE.test(check.date.control.value.trim())) {
      check.date.setError('Type the date of the check as YYYY-MM-DD.');
      return;
    }
    if (!picked) {
      answerError.textContent = 'Choose Yes, No or Not asked.';
      answerError.hidden = false;
      answers[0].focus();
      return;
    }
    generation += 1;
    void submitting(checkForm, checkButton, 'Recording…', checkStatus, async () => {
      const response = await call('recordCheck', {
        row: view.row,
        version: (current ?? view).version,
        date: check.date.control.value.trim(),
        kind: check.kind.control.value as CheckKind,
        resultNamed: picked === 'Not asked' ? null : picked === 'Yes',
        notes: check.notes.control.value,
      });
      await finishWrite(
        response,
        checkStatus,
        checkErrors.set,
        checkErrors.clear,
        'Recorded in the Checks sheet.',
        clearCheckForm,
      );
    });
  });

  qbrButton.addEventListener('click', () => {
    const view = current;
    if (!view) return;
    void (async () => {
      qbrButton.disabled = true;
      qbrButton.textContent = 'Opening…';
      qbrStatus.clear();
      try {
        const response = await call('openQbrBrief', view.row);
        if (!response.ok) qbrStatus.error(response.message);
      } catch (err) {
        qbrStatus.error(`Couldn't open the QBR brief: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        qbrButton.disabled = false;
        qbrButton.textContent = 'QBR brief';
      }
    })();
  });

  refreshButton.addEventListener('click', () => void load(current?.row));

  let lastSelection = '';
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
      if (!body.hidden) title.focus();
    },
  };
}
