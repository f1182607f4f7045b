// Check this installation, in the Reminders & settings tab: a button that runs the check (and schedules its timed
// part a minute later), a link that reads the report again, one line per assumption, and the text to copy.
import type { InstallCheckReport } from '../../src/gas/installCheckAssumptions';
import { el, fill } from '../dom';
import { formStatus } from '../form';
import { call } from '../server';

export interface InstallPanel {
  readonly element: HTMLElement;
}

export function createInstallPanel(): InstallPanel {
  const status = formStatus();
  const run = el('button', { attrs: { type: 'button' } }, 'Check this installation');
  const again = el('button', { class: 'link', attrs: { type: 'button' } }, 'Show the latest report');
  const list = el('ul', { class: 'install-report' });
  const text = el('textarea', {
    attrs: { readonly: '', rows: '6', 'aria-label': 'Report for the maintainers', hidden: '' },
  });
  const element = el(
    'section',
    { attrs: { 'aria-label': 'Check this installation' } },
    el('h3', {}, 'This installation'),
    el(
      'p',
      { class: 'hint' },
      'Checks what Apps Script really does here for each thing the add-on relies on; a timed part runs a minute later.',
    ),
    el('div', { class: 'actions' }, run, again),
    status.element,
    list,
    text,
  );

  function show(report: InstallCheckReport): void {
    fill(
      list,
      ...report.assumptions.map((a) =>
        el('li', {}, el('b', {}, a.status), ` ${a.statement} `, el('small', {}, `${a.observed}. ${a.then}`)),
      ),
    );
    text.value = report.text;
    text.hidden = false;
    status.ok(report.timed ? `Timed check: ${report.timed}.` : 'The timed check has not reported yet.');
  }

  async function load(name: 'runInstallCheck' | 'getInstallCheck'): Promise<void> {
    try {
      show(await call(name));
    } catch (err) {
      status.error(`The check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  run.addEventListener('click', () => void load('runInstallCheck'));
  again.addEventListener('click', () => void load('getInstallCheck'));
  return { element };
}
