// The QBR brief in the sidebar: a customer-facing brief under the button, with Copy as text; no dialog (docs/platform.md).
import type { QbrBrief } from '../../src/core/qbr';
import type { AccountView } from '../../src/entry/sidebarTypes';
import { measureLine, qbrBriefText, valueCell } from '../../src/render/qbr';
import { el, fill } from '../dom';
import { formStatus } from '../form';
import { call } from '../server';

export interface QbrButton {
  readonly button: HTMLButtonElement;
  readonly status: ReturnType<typeof formStatus>;
  /** Where the brief shows, under the button (empty and hidden until asked for). */
  readonly panel: HTMLElement;
  /** Hides the brief (another account is shown). */
  close(): void;
}

/** The brief as sidebar elements: every piece of account text goes in as text. */
export function qbrBriefParts(brief: QbrBrief): HTMLElement[] {
  const a = brief.account;
  const measure = measureLine(brief);
  const para = (text: string, none: string) => (text ? el('p', {}, text) : el('p', { class: 'gray' }, none));
  return [
    el(
      'p',
      { class: 'gray' },
      `${a.segment ?? 'No segment'} · stage ${brief.rungName} · as of `,
      el('span', { class: 'date' }, brief.asOf),
      a.renewalDate ? ' · renews ' : '',
      a.renewalDate ? el('span', { class: 'date' }, a.renewalDate) : '',
    ),
    el('h4', {}, 'Business pain'),
    para(brief.pain, 'Not written down.'),
    el('h4', {}, 'Solution value'),
    para(brief.value, 'Not written down.'),
    el('h4', {}, 'The result we are working toward'),
    para(brief.namedResult, 'None agreed yet.'),
    measure ? el('p', { class: 'hint' }, measure) : el('span'),
    el('h4', {}, 'Results delivered'),
    brief.delivered.length === 0
      ? el('p', { class: 'gray' }, 'None confirmed yet.')
      : el(
          'ul',
          { class: 'list' },
          ...brief.delivered.map((d) =>
            el(
              'li',
              {},
              el('span', { class: 'date' }, d.date),
              `: ${valueCell(d.value, d.progressPercent)}`,
              d.customerWords ? el('q', { class: 'detail' }, d.customerWords) : '',
              el(
                'span',
                { class: 'detail' },
                `Confirmed by ${d.validatedBy}${d.validatorRole ? ` (${d.validatorRole})` : ''}`,
              ),
            ),
          ),
        ),
    el('h4', {}, 'Results in flight'),
    brief.inFlight.length === 0
      ? el('p', { class: 'gray' }, 'None.')
      : el(
          'ul',
          { class: 'list' },
          ...brief.inFlight.map((f) =>
            el(
              'li',
              {},
              el('span', { class: 'date' }, f.date),
              `: ${valueCell(f.value, f.progressPercent)}`,
              el('span', { class: 'detail' }, f.pending),
            ),
          ),
        ),
    el('h4', {}, 'Proposed next result'),
    el('p', { class: 'proposed-next' }, brief.proposedNext.text),
    el('p', { class: 'hint' }, brief.proposedNext.basis),
  ];
}

/** `current` is the account shown when the button is pressed (nothing happens while none is). */
export function createQbrButton(current: () => AccountView | null): QbrButton {
  const button = el('button', { attrs: { type: 'button', 'aria-expanded': 'false' } }, 'QBR brief');
  const status = formStatus();
  const heading = el('h3', { attrs: { tabindex: '-1' } }, 'QBR brief');
  const body = el('div');
  const copy = el('button', { attrs: { type: 'button' } }, 'Copy as text');
  const closeButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Close');
  const copyStatus = el('span', { class: 'hint', attrs: { role: 'status' } });
  const text = el('textarea', {
    attrs: { readonly: '', 'aria-label': 'The QBR brief as text', rows: '8' },
  });
  text.hidden = true;
  const panel = el(
    'section',
    { class: 'qbr-brief card', attrs: { 'aria-label': 'QBR brief' } },
    heading,
    el('p', { class: 'hint' }, 'For the customer: no internal health, no owner.'),
    body,
    el('div', { class: 'actions' }, copy, closeButton, copyStatus),
    text,
  );
  panel.hidden = true;
  panel.id = 'qbr-brief';
  button.setAttribute('aria-controls', panel.id);

  function close(): void {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    fill(body);
    text.value = '';
    text.hidden = true;
    copyStatus.textContent = '';
  }

  button.addEventListener('click', () => {
    const view = current();
    if (!view) return;
    void (async () => {
      button.disabled = true;
      button.textContent = 'Opening…';
      status.clear();
      try {
        const brief = await call('getQbrBrief', view.row);
        if ('empty' in brief) status.error(brief.message);
        else {
          fill(heading, `QBR brief — ${brief.account.name || brief.account.id}`);
          fill(body, ...qbrBriefParts(brief));
          text.value = qbrBriefText(brief);
          text.hidden = true;
          copyStatus.textContent = '';
          panel.hidden = false;
          button.setAttribute('aria-expanded', 'true');
          heading.focus();
        }
      } catch (err) {
        status.error(`Couldn't open the QBR brief: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        button.disabled = false;
        button.textContent = 'QBR brief';
      }
    })();
  });

  copy.addEventListener('click', () => {
    const done = (ok: boolean) => {
      copyStatus.textContent = ok ? 'Copied.' : 'Select the text below and copy it.';
      if (!ok) {
        text.hidden = false;
        text.select();
      }
    };
    if (navigator.clipboard?.writeText)
      navigator.clipboard.writeText(text.value).then(
        () => done(true),
        () => done(false),
      );
    else done(false);
  });
  closeButton.addEventListener('click', () => {
    close();
    button.focus();
  });
  return { button, status, panel, close };
}
