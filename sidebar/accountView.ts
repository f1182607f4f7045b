// The Account tab: the selected account's ladder, health and next step, and the forms that write its chain, results and checks.
import { CHECK_KINDS, type CheckKind, VALIDATOR_ROLES, type ValidatorRole } from '../src/core/types';
import type {
  AccountView,
  AccountViewResponse,
  CheckView,
  ResultView,
  WriteResponse,
} from '../src/entry/sidebarTypes';
import { chainHints } from './chainHints';
import { el, fill } from './dom';
import { type Control, type Field, formStatus, selectField, submitting, textField } from './form';
import { call } from './server';

export interface AccountPanel {
  readonly element: HTMLElement;
  /** Follow the sheet's selection, or show one row (My book's click). */
  load(row?: number): Promise<void>;
  /**
   * The poll: asks only where the selection is (no cell reads) and loads the account view — one read of every
   * sheet — only when the selection has moved since the last poll.
   */
  follow(): Promise<void>;
}

const RUNG_ORDER = [4, 3, 2, 1] as const;

/** A form's fields by the payload key the server names when it refuses one. */
type FieldsByKey = Record<string, Field<Control>>;

function dateText(iso: string | null): string {
  return iso ?? '—';
}

function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}

export function createAccountPanel(): AccountPanel {
  let current: AccountView | null = null;
  /** Reads that started before the latest write or explicit load are dropped when they answer. */
  let generation = 0;

  const summary = el('div');
  // Announces only a change of account; the summary itself re-renders on every change and would be noisy.
  const announcer = el('p', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  /** The last view rendered, as JSON: an unchanged poll answer re-renders nothing. */
  let shownJson = '';
  const banner = el('div', { class: 'banner', attrs: { role: 'status' } });
  banner.hidden = true;
  const empty = el('p', { class: 'gray' }, 'Loading…');
  const readError = formStatus();

  // ---- the Three-Link Chain form ----
  const chain = {
    pain: textField('Business pain', { multiline: true }),
    value: textField('Solution value', { multiline: true }),
    result: textField('Named result', { multiline: true }),
    metric: textField('Metric'),
    baseline: textField('Baseline'),
    target: textField('Target'),
    validator: textField('Validator', { placeholder: 'Name of the person' }),
    role: selectField('Validator role', VALIDATOR_ROLES, '—'),
  };
  for (const f of [chain.baseline, chain.target]) f.control.setAttribute('inputmode', 'decimal');
  const chainSummary = el('p', { class: 'hint' });
  const chainButton = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Save chain');
  const chainStatus = formStatus();
  const chainForm = el(
    'form',
    { attrs: { 'aria-label': 'Three-Link Chain', novalidate: '' } },
    el('h3', {}, 'Three-Link Chain'),
    chainSummary,
    chain.pain.wrap,
    chain.value.wrap,
    chain.result.wrap,
    chain.metric.wrap,
    el('div', { class: 'row' }, chain.baseline.wrap, chain.target.wrap),
    el('div', { class: 'row' }, chain.validator.wrap, chain.role.wrap),
    el('div', { class: 'actions' }, chainButton),
    chainStatus.element,
  );
  const chainByKey: FieldsByKey = {
    'fields.businessPain': chain.pain,
    'fields.solutionValue': chain.value,
    'fields.namedResult': chain.result,
    'fields.metric': chain.metric,
    'fields.baseline': chain.baseline,
    'fields.target': chain.target,
    'fields.validator': chain.validator,
    'fields.validatorRole': chain.role,
  };

  // ---- Log a result value ----
  const result = {
    date: textField('Date', { type: 'date' }),
    value: textField('Value'),
    validatedBy: textField('Validated by'),
    role: selectField('Their role', VALIDATOR_ROLES, '—'),
    words: textField("Customer's words", { multiline: true }),
    evidence: textField('Evidence', { placeholder: 'Link or where it is recorded' }),
  };
  result.value.control.setAttribute('inputmode', 'decimal');
  const attributed = el('input', { attrs: { type: 'checkbox' } });
  const resultButton = el('button', { attrs: { type: 'submit' } }, 'Log result');
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
    date: textField('Date', { type: 'date' }),
    kind: selectField('Check', CHECK_KINDS),
    notes: textField('Notes', { multiline: true }),
  };
  check.kind.control.value = '90-day';
  const answerName = 'result-named';
  const answers = (['Yes', 'No', 'Not asked'] as const).map((label) =>
    el('input', { attrs: { type: 'radio', name: answerName, value: label } }),
  );
  const checkButton = el('button', { attrs: { type: 'submit' } }, 'Record check');
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

  const body = el(
    'div',
    {},
    summary,
    chainForm,
    el(
      'details',
      { class: 'card' },
      el('summary', {}, el('strong', {}, 'Log a result value')),
      resultForm,
      el('h3', {}, 'Results logged'),
      resultList,
    ),
    el(
      'details',
      { class: 'card' },
      el('summary', {}, el('strong', {}, 'Record a check')),
      checkForm,
      el('h3', {}, 'Checks recorded'),
      checkList,
    ),
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
  for (const form of [chainForm, resultForm, checkForm]) {
    form.addEventListener('input', () => dirty.add(form));
    form.addEventListener('change', () => dirty.add(form));
  }

  function chainInput() {
    return {
      pain: chain.pain.control.value,
      value: chain.value.control.value,
      result: chain.result.control.value,
      baseline: chain.baseline.control.value,
      target: chain.target.control.value,
      validator: chain.validator.control.value,
      role: chain.role.control.value,
    };
  }

  function updateHints(): void {
    const hints = chainHints(chainInput(), current?.segment ?? null);
    chainSummary.textContent = `Chain: ${hints.chain.text}`;
    chainSummary.classList.toggle('warn', hints.chain.warn);
    chain.pain.setHint(hints.pain.text, hints.pain.warn);
    chain.value.setHint(hints.value.text, hints.value.warn);
    chain.result.setHint(hints.result.text, hints.result.warn);
    chain.target.setHint(hints.target.text, hints.target.warn);
    chain.role.setHint(hints.role.text, hints.role.warn);
  }
  chainForm.addEventListener('input', updateHints);
  chainForm.addEventListener('change', updateHints);

  /**
   * The version and values the chain form was filled from. A save sends this version, not the latest
   * polled one, so an edit someone made in the sheet while this form was being typed into is never
   * silently reverted: the server refuses, and rebaseChain merges.
   */
  let chainBase: { version: string; values: Record<string, string> } = { version: '', values: {} };

  function chainValuesOf(view: AccountView): Record<string, string> {
    const a = view.account;
    return {
      'fields.businessPain': a.businessPain,
      'fields.solutionValue': a.solutionValue,
      'fields.namedResult': a.namedResult,
      'fields.metric': a.metric,
      'fields.baseline': numberText(a.baseline),
      'fields.target': numberText(a.target),
      'fields.validator': a.validator,
      'fields.validatorRole': a.validatorRole ?? '',
    };
  }

  function fillChain(view: AccountView): void {
    const values = chainValuesOf(view);
    for (const [key, f] of Object.entries(chainByKey)) {
      f.control.value = values[key];
      f.setError('');
    }
    chainBase = { version: view.version, values };
    dirty.delete(chainForm);
  }

  /** After a refused save: fields the person did not touch take the sheet's new values; their edits stay. */
  function rebaseChain(view: AccountView): void {
    const values = chainValuesOf(view);
    for (const [key, f] of Object.entries(chainByKey)) {
      if (f.control.value === chainBase.values[key]) f.control.value = values[key];
    }
    chainBase = { version: view.version, values };
    updateHints();
  }

  function clearResultForm(view: AccountView): void {
    resultForm.reset();
    result.date.control.value = view.asOf;
    for (const f of Object.values(resultByKey)) f.setError('');
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
    const overdue = view.daysOverdue > 0 ? ` (overdue ${view.daysOverdue} days)` : '';
    const ladder = el('ol', { class: 'ladder', attrs: { 'aria-label': 'The ladder, top rung first' } });
    for (const rung of RUNG_ORDER) {
      const ev = view.evidence.find((e) => e.rung === rung);
      if (!ev) continue;
      const isCurrent = view.rung === rung;
      ladder.appendChild(
        el(
          'li',
          { class: `${ev.holds ? 'holds' : ''} ${isCurrent ? 'current' : ''}` },
          el('span', { class: 'name' }, ev.name),
          isCurrent ? el('span', { class: 'sr-only' }, ' (current rung)') : null,
          ev.holds ? ' ✓' : '',
          el('span', { class: 'evidence' }, ev.evidence),
        ),
      );
    }
    if (view.rung === 0) {
      ladder.appendChild(
        el('li', { class: 'current' }, el('span', { class: 'name' }, 'None'), ' (current rung)'),
      );
    }
    fill(
      summary,
      el('p', { class: 'account-title' }, a.name || a.id),
      el('p', { class: 'gray' }, [a.id, a.segment ?? 'no segment', a.owner || 'no owner'].join(' · ')),
      el(
        'p',
        {},
        el('span', { class: `pill ${view.health}` }, view.health),
        ' ',
        el('strong', {}, view.rungName),
        ` · ${view.movement.text}`,
      ),
      el(
        'ul',
        { class: 'reasons', attrs: { 'aria-label': 'Why' } },
        ...view.reasons.map((r) => el('li', {}, r)),
      ),
      el('div', { class: 'next-step' }, el('strong', {}, 'Next step: '), view.nextStep),
      el('p', {}, 'Next 90-day check: ', dateText(view.nextCheckDue), overdue),
      view.progressPercent === null ? null : el('p', {}, `Progress to target: ${view.progressPercent}%`),
      el('div', { class: 'actions' }, qbrButton, refreshButton),
      qbrStatus.element,
      el('h3', {}, 'Ladder'),
      ladder,
      view.usageFreshness ? el('p', { class: 'gray usage-freshness' }, view.usageFreshness) : null,
      view.problems.length
        ? el(
            'div',
            {},
            el('h3', { class: 'error' }, 'Data problems'),
            el(
              'ul',
              { class: 'list' },
              ...view.problems.map((p) =>
                el('li', {}, `${p.sheet} row ${p.row}${p.column ? `, ${p.column}` : ''}: `, p.message),
              ),
            ),
          )
        : null,
    );
    fill(
      resultList,
      ...(view.results.length ? view.results.map(resultItem) : [el('li', { class: 'gray' }, 'None yet.')]),
    );
    fill(
      checkList,
      ...(view.checks.length ? view.checks.map(checkItem) : [el('li', { class: 'gray' }, 'None yet.')]),
    );
  }

  function resultItem(r: ResultView): HTMLElement {
    const progress = r.progressPercent === null ? '' : ` (${r.progressPercent}%)`;
    const counts = r.counts
      ? 'counts'
      : r.attributed
        ? 'not validated by an accepted role'
        : 'not attributed';
    return el(
      'li',
      {},
      `${r.date} · ${r.value ?? 'no value'}${progress} · ${counts}`,
      r.customerWords ? el('span', { class: 'detail' }, `“${r.customerWords}”`) : null,
      r.validatedBy
        ? el('span', { class: 'detail' }, `Validated by ${r.validatedBy} (${r.validatorRole ?? '—'})`)
        : null,
    );
  }

  function checkItem(c: CheckView): HTMLElement {
    const answer = c.resultNamed === null ? '' : c.resultNamed ? ' · Yes' : ' · No';
    return el(
      'li',
      {},
      `${c.date} · ${c.kind}${answer}`,
      c.notes ? el('span', { class: 'detail' }, c.notes) : null,
    );
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
    if (!(sameRow && dirty.has(chainForm))) fillChain(view);
    if (!sameRow) {
      clearResultForm(view);
      clearCheckForm(view);
      for (const s of [chainStatus, resultStatus, checkStatus, qbrStatus]) s.clear();
    }
    updateHints();
  }

  /** The selection moved while the person has unsaved input: say so and let them choose. */
  function offerSwitch(next: AccountViewResponse): void {
    const what = next.empty
      ? next.message
      : `Row ${next.row} (${next.account.name || next.account.id}) is selected.`;
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
      readError.error(`Could not read the account: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Shows a write's answer next to its form; on a stale row it reloads the view and keeps every input. */
  async function finishWrite(
    response: WriteResponse,
    status: ReturnType<typeof formStatus>,
    fields: FieldsByKey,
    done: string,
    clear: (view: AccountView) => void,
    rebase?: (view: AccountView) => void,
  ): Promise<void> {
    for (const f of Object.values(fields)) f.setError('');
    if (response.ok) {
      clear(response.view);
      show(response.view);
      status.ok(done);
      return;
    }
    const target = response.field ? fields[response.field] : undefined;
    if (target) {
      target.setError(response.message);
      target.control.focus();
    }
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

  chainForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = current;
    if (!view) return;
    generation += 1;
    void submitting(chainForm, chainButton, 'Saving…', chainStatus, async () => {
      const response = await call('saveChain', {
        row: view.row,
        version: chainBase.version,
        fields: {
          businessPain: chain.pain.control.value,
          solutionValue: chain.value.control.value,
          namedResult: chain.result.control.value,
          metric: chain.metric.control.value,
          baseline: chain.baseline.control.value,
          target: chain.target.control.value,
          validator: chain.validator.control.value,
          validatorRole: chain.role.control.value as ValidatorRole | '',
        },
      });
      await finishWrite(
        response,
        chainStatus,
        chainByKey,
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
    if (!result.date.control.value) {
      result.date.setError('Pick the date the value was measured.');
      return;
    }
    generation += 1;
    void submitting(resultForm, resultButton, 'Logging…', resultStatus, async () => {
      const response = await call('logResult', {
        row: view.row,
        version: (current ?? view).version,
        date: result.date.control.value,
        value: result.value.control.value,
        attributed: attributed.checked,
        validatedBy: result.validatedBy.control.value,
        validatorRole: result.role.control.value as ValidatorRole | '',
        customerWords: result.words.control.value,
        evidence: result.evidence.control.value,
      });
      await finishWrite(response, resultStatus, resultByKey, 'Logged in the Results sheet.', clearResultForm);
    });
  });

  checkForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const view = current;
    if (!view) return;
    const picked = answers.find((a) => a.checked)?.value;
    answerError.hidden = true;
    if (!check.date.control.value) {
      check.date.setError('Pick the date of the check.');
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
        date: check.date.control.value,
        kind: check.kind.control.value as CheckKind,
        resultNamed: picked === 'Not asked' ? null : picked === 'Yes',
        notes: check.notes.control.value,
      });
      await finishWrite(response, checkStatus, checkByKey, 'Recorded in the Checks sheet.', clearCheckForm);
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
        qbrStatus.error(err instanceof Error ? err.message : String(err));
      } finally {
        qbrButton.disabled = false;
        qbrButton.textContent = 'QBR brief';
      }
    })();
  });

  refreshButton.addEventListener('click', () => void load(current?.row));

  let lastSelection = '';
  async function follow(): Promise<void> {
    try {
      const where = await call('getSelection');
      const key = `${where.sheet}:${where.row}`;
      if (key === lastSelection) return;
      lastSelection = key;
      // The row is already known: pass it on, so the view need not ask the sheet for the selection again.
      if (!where.isAccounts) await load();
      else if (where.row !== current?.row) await load(where.row);
    } catch (err) {
      readError.error(`Could not read the selection: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return { element, load, follow };
}
