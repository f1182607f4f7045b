// The reminders switch: off for the owner, on (after showing what it will use and a confirm) for anyone else.
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { el, fill } from '../dom';
import { formStatus, submitting } from '../form';
import { call } from '../server';

export interface ReminderSwitch {
  readonly element: HTMLFormElement;
  render(p: ReminderPanel): void;
}

/** `onPanel` shows the fresh panel the server answers a switch with. */
export function createReminderSwitch(onPanel: (p: ReminderPanel) => void): ReminderSwitch {
  const switchBox = el('form', {
    attrs: { 'aria-label': 'Turn reminders on or off', 'aria-live': 'polite' },
  });
  switchBox.addEventListener('submit', (ev) => ev.preventDefault());

  function render(p: ReminderPanel): void {
    const status = formStatus();
    if (p.remindersOn) {
      const off = el('button', { class: 'action', attrs: { type: 'button' } }, 'Turn reminders off');
      off.addEventListener('click', () => {
        void submitting(switchBox, off, 'Turning off…', status, async () => {
          const r = await call('setRemindersOn', { on: false });
          if (r.panel) onPanel(r.panel);
          (r.ok ? status.ok : status.error)(r.message);
        });
      });
      fill(switchBox, el('div', { class: 'actions' }, off), status.element);
      return;
    }
    const confirmation = p.confirmation;
    if (!confirmation) {
      fill(switchBox);
      return;
    }
    const taking = p.owner !== '' && p.owner !== p.user;
    const start = el(
      'button',
      { class: 'action', attrs: { type: 'button' } },
      taking ? 'Take reminders over…' : 'Turn reminders on…',
    );
    const confirmBox = el(
      'div',
      { class: 'confirm' },
      el('p', {}, 'Reminders will use these settings. Check them before you confirm:'),
      el('ul', { class: 'list' }, ...confirmation.text.split('\n').map((line) => el('li', {}, line))),
    );
    const yes = el('button', { class: 'action', attrs: { type: 'button' } }, 'Confirm and turn on');
    const no = el('button', { class: 'link', attrs: { type: 'button' } }, 'Cancel');
    confirmBox.append(el('div', { class: 'actions' }, yes, no));
    confirmBox.hidden = true;
    start.addEventListener('click', () => {
      confirmBox.hidden = false;
      start.hidden = true;
      yes.focus();
    });
    no.addEventListener('click', () => {
      confirmBox.hidden = true;
      start.hidden = false;
      start.focus();
    });
    yes.addEventListener('click', () => {
      void submitting(switchBox, yes, 'Turning on…', status, async () => {
        const r = await call('setRemindersOn', { on: true, token: confirmation.token });
        if (r.panel) onPanel(r.panel);
        (r.ok ? status.ok : status.error)(r.message);
      });
    });
    fill(switchBox, el('div', { class: 'actions' }, start), confirmBox, status.element);
  }

  return { element: switchBox, render };
}
