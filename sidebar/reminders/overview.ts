// What the reminders panel reports: status, quota and problems, what the next run would send, and the last runs.
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { el, fill } from '../dom';

export interface Overview {
  readonly head: HTMLElement;
  readonly preview: HTMLElement;
  readonly runs: HTMLElement;
  render(p: ReminderPanel): void;
}

function renderHead(head: HTMLElement, p: ReminderPanel): void {
  fill(
    head,
    el('h2', {}, 'Reminders & settings'),
    el('p', {}, p.remindersStatus),
    el('p', {}, `Emails left today: ${p.quota}`),
    el('p', {}, p.lastRunStatus),
    p.problems.length
      ? el('ul', { class: 'list error' }, ...p.problems.map((problem) => el('li', {}, problem)))
      : null,
  );
}

function renderPreview(preview: HTMLElement, p: ReminderPanel): void {
  fill(
    preview,
    el('h3', {}, `Next run would send (${p.preview.filter((r) => r.status === 'would send').length})`),
    p.preview.length
      ? el(
          'ul',
          { class: 'list' },
          ...p.preview.map((r) =>
            el(
              'li',
              {},
              el('strong', {}, r.recipient),
              ` · ${r.kind} · ${r.items} item${r.items === 1 ? '' : 's'}`,
              el('span', { class: 'detail' }, r.subject),
              el('span', { class: `detail ${r.status === 'would send' ? 'ok' : 'error'}` }, r.status),
            ),
          ),
        )
      : el('p', { class: 'gray' }, 'Nothing to send.'),
  );
}

function renderRuns(runs: HTMLElement, p: ReminderPanel): void {
  fill(
    runs,
    el('h3', {}, 'Last runs'),
    p.lastRuns.length
      ? el(
          'table',
          { class: 'kv' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Time'), el('th', {}, 'To'), el('th', {}, 'Status'))),
          el(
            'tbody',
            {},
            ...p.lastRuns.map((r) =>
              el(
                'tr',
                {},
                el('td', {}, r.time.replace('T', ' ').slice(0, 16)),
                el('td', {}, r.recipient || r.kind),
                el(
                  'td',
                  {},
                  r.status,
                  r.detail ? el('span', { class: 'detail gray' }, ` ${r.detail}`) : null,
                ),
              ),
            ),
          ),
        )
      : el('p', { class: 'gray' }, 'No run yet.'),
  );
}

export function createOverview(): Overview {
  const head = el('div');
  const preview = el('div');
  const runs = el('div');
  return {
    head,
    preview,
    runs,
    render(p) {
      renderHead(head, p);
      renderPreview(preview, p);
      renderRuns(runs, p);
    },
  };
}
