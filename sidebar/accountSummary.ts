// The Account tab's read-only parts: status, the ladder with its evidence, data problems, the logged results and
// checks, and which validators to ask to confirm.
import { namedValidators } from '../src/core/validators';
import type { AccountView, CheckView, ResultView } from '../src/entry/sidebarTypes';
import { el } from './dom';

const RUNG_ORDER = [4, 3, 2, 1] as const;

export function numberText(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Identity, health with its reasons, rung, next step, next check and progress: what the view leads with. */
export function statusParts(view: AccountView): HTMLElement[] {
  const a = view.account;
  const overdue = view.daysOverdue > 0 ? ` (overdue ${view.daysOverdue} days)` : '';
  const parts = [
    el('p', { class: 'gray' }, [a.id, a.segment ?? 'no segment', a.owner || 'no owner'].join(' · ')),
    el(
      'p',
      { class: 'status-line' },
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
    el('p', {}, 'Next 90-day check: ', view.nextCheckDue ?? '—', overdue),
  ];
  // A churned account has no next step (docs/rules.md §2).
  if (view.nextStep) {
    parts.splice(
      parts.length - 1,
      0,
      el('div', { class: 'next-step' }, el('strong', {}, 'Next step: '), view.nextStep),
    );
  }
  if (view.progressPercent !== null) {
    parts.push(
      el(
        'p',
        {},
        `Progress to target: ${view.progressPercent}% (${a.metric || 'metric'} ${numberText(a.baseline)} → ${numberText(a.target)})`,
      ),
    );
  }
  return parts;
}

/** Rungs top (Result) to bottom, each with its evidence; the current one marked for screen readers too. */
export function ladderItems(view: AccountView): HTMLElement[] {
  const items: HTMLElement[] = [];
  for (const rung of RUNG_ORDER) {
    const ev = view.evidence.find((e) => e.rung === rung);
    if (!ev) continue;
    const isCurrent = view.rung === rung;
    items.push(
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
    items.push(el('li', { class: 'current' }, el('span', { class: 'name' }, 'None'), ' (current rung)'));
  }
  return items;
}

export function problemsPart(view: AccountView): HTMLElement | null {
  if (!view.problems.length) return null;
  return el(
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
  );
}

/** A validator of the chain to ask, with their place in the Validator cell (askToConfirm's validatorIndex). */
export interface ValidatorToAsk {
  readonly name: string;
  readonly index: number;
}

/**
 * Whom to ask to confirm: while the newest logged value does not yet make the account a Result — it is unvalidated,
 * or an `A + B` segment still waits for a role — each validator of the chain whose role has not confirmed it (for an
 * unvalidated value: confirmed nothing since it).
 */
export function validatorsToAsk(view: AccountView): ValidatorToAsk[] {
  const a = view.account;
  const latest = view.results.find((r) => r.value !== null);
  if (latest === undefined || (latest.counts && view.rung === 4)) return [];
  const since = latest.counts ? '' : latest.date;
  const confirmed = new Set(
    view.results.filter((r) => r.counts && r.date >= since).map((r) => r.validatorRole),
  );
  return namedValidators(a.validator, a.validatorRole)
    .map((v, index) => ({ ...v, index }))
    .filter((v) => v.name && !confirmed.has(v.role))
    .map(({ name, index }) => ({ name, index }));
}

export function resultItem(r: ResultView): HTMLElement {
  const progress = r.progressPercent === null ? '' : ` (${r.progressPercent}%)`;
  const counts = r.counts ? 'counts' : r.attributed ? 'not validated by an accepted role' : 'not attributed';
  return el(
    'li',
    {},
    el('span', { class: 'date' }, r.date),
    ` · ${r.value ?? 'no value'}${progress} · ${counts}`,
    r.customerWords ? el('span', { class: 'detail' }, `“${r.customerWords}”`) : null,
    r.validatedBy
      ? el('span', { class: 'detail' }, `Validated by ${r.validatedBy} (${r.validatorRole ?? '—'})`)
      : null,
  );
}

export function checkItem(c: CheckView): HTMLElement {
  const answer = c.resultNamed === null ? '' : c.resultNamed ? ' · Yes' : ' · No';
  return el(
    'li',
    {},
    el('span', { class: 'date' }, c.date),
    ` · ${c.kind}${answer}`,
    c.notes ? el('span', { class: 'detail' }, c.notes) : null,
  );
}

/** The items, or one "None yet." line. */
export function listOr(items: HTMLElement[]): HTMLElement[] {
  return items.length ? items : [el('li', { class: 'gray' }, 'None yet.')];
}
