// The next step's link to the form that does it: "Fix the chain" scrolls to the chain form and focuses its first gap.
import type { AccountView } from '../../src/entry/sidebarTypes';
import { el } from '../dom';

/** Which of the Account tab's forms does the next step (null: none on this tab, e.g. set the segment in the sheet). */
export type NextStepForm = 'chain' | 'check' | 'result' | 'ask';

/**
 * The form for the next step, from the facts the step is chosen on (core/nextStep.ts): a triage account or a chain gap
 * → the chain form; a 90-day No or an overdue check → record the check; a metric that moved → ask the validator to
 * confirm; a metric to measure → log a result value.
 */
export function nextStepForm(view: AccountView): NextStepForm | null {
  if (!view.nextStep || view.health === 'Churned') return null;
  if (view.segment === null) return null;
  const a = view.account;
  if (view.triage || !view.chain.complete || a.baseline === null || a.target === null) return 'chain';
  if (view.daysOverdue > 0 || /^Intervene/.test(view.nextStep)) return 'check';
  if (view.rung === 3) return 'ask';
  if (view.rung === 2) return 'result';
  return null;
}

const LABELS: Readonly<Record<NextStepForm, string>> = {
  chain: 'Fix the chain',
  check: 'Record the check',
  result: 'Log a result value',
  ask: 'Ask for confirmation',
};

export interface NextStepTargets {
  readonly chain: HTMLFormElement;
  readonly checkDetails: HTMLDetailsElement;
  readonly logDetails: HTMLDetailsElement;
  readonly askLinks: HTMLElement;
}

/** The first field a person should fill: the first empty one, else the first. */
function firstGap(form: HTMLElement): HTMLElement | null {
  const controls = [
    ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      'input:not([type=hidden]):not([readonly]), textarea:not([readonly]), select:not([disabled])',
    ),
  ].filter((c) => !c.closest('[hidden]'));
  return controls.find((c) => c.value.trim() === '') ?? controls[0] ?? null;
}

function go(target: HTMLElement, focus: HTMLElement | null): void {
  target.scrollIntoView({ block: 'start' });
  (focus ?? target).focus({ preventScroll: true });
}

/** A link-styled button for the next-step box, or null when no form on this tab does the step. */
export function nextStepLink(view: AccountView, targets: NextStepTargets): HTMLButtonElement | null {
  const form = nextStepForm(view);
  if (form === null) return null;
  const button = el(
    'button',
    { class: 'link', attrs: { type: 'button', 'data-next-form': form } },
    `${LABELS[form]} ↓`,
  );
  button.addEventListener('click', () => {
    if (form === 'chain') go(targets.chain, firstGap(targets.chain));
    else if (form === 'check') {
      targets.checkDetails.open = true;
      go(targets.checkDetails, firstGap(targets.checkDetails));
    } else if (form === 'ask' && targets.askLinks.querySelector('button')) {
      go(targets.askLinks, targets.askLinks.querySelector('button'));
    } else {
      targets.logDetails.open = true;
      go(targets.logDetails, firstGap(targets.logDetails));
    }
  });
  return button;
}
