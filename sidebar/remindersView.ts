// The Reminders & settings tab: the on/off switch with its confirmation, schedule, recipients, thresholds (leader only), the next run, quota and last runs.
import type { ReminderPanel } from '../src/reminders/entry/types';
import { el } from './dom';
import { formStatus } from './form';
import { createInstallPanel } from './install/installPanel';
import { createOverview } from './reminders/overview';
import { createReminderSwitch } from './reminders/reminderSwitch';
import { createSettingsForm } from './reminders/settingsForm';
import { call } from './server';

export interface RemindersPanel {
  readonly element: HTMLElement;
  load(): Promise<void>;
}

export function createRemindersPanel(): RemindersPanel {
  const overview = createOverview();
  const settings = createSettingsForm(show);
  const switchBox = createReminderSwitch(show);
  const readStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const element = el(
    'section',
    { attrs: { 'aria-label': 'Reminders & settings' } },
    el('div', { class: 'actions' }, refreshButton),
    readStatus.element,
    overview.head,
    switchBox.element,
    overview.preview,
    overview.runs,
    settings.form,
    createInstallPanel().element,
  );

  function show(p: ReminderPanel): void {
    overview.render(p);
    switchBox.render(p);
    settings.show(p);
  }

  async function load(): Promise<void> {
    try {
      const p = await call('getReminderPanel');
      readStatus.clear();
      // A refresh must not wipe settings being typed; a successful save answers with a fresh panel.
      if (settings.hasEdits()) {
        overview.render(p);
        settings.refresh(p);
      } else show(p);
    } catch (err) {
      readStatus.error(`Could not read the settings: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  refreshButton.addEventListener('click', () => void load());
  return { element, load };
}
