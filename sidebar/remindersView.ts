// The Reminders & settings tab: the on/off switch with its confirmation, schedule, recipients, thresholds (leader only), the next run, quota and last runs.
import type { Settings, WeekdayName } from '../src/core/settings';
import type { ReminderPanel, SaveReminderSettingsPayload } from '../src/reminders/entry/types';
import { el, fill } from './dom';
import { type Control, type Field, formStatus, selectField, submitting, textField } from './form';
import { call } from './server';

export interface RemindersPanel {
  readonly element: HTMLElement;
  load(): Promise<void>;
}

/** Spelled out here: importing WEEKDAYS from core/settings would pull zod (~19 KB) into the sidebar. */
const WEEKDAYS: readonly WeekdayName[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

type NumberKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

/** Reminder fields: only the user who turned reminders on may change them (the server enforces it too). */
const REMINDER_NUMBERS: readonly [NumberKey, string][] = [
  ['reminderHour', 'Reminder hour (0–23)'],
  ['remindEveryDays', 'Remind every (days)'],
  ['dueSoonDays', 'Due soon within (days)'],
];

/** Thresholds of the rules: they define health, so only the leader changes them (the server enforces it too). */
const THRESHOLDS: readonly [NumberKey, string][] = [
  ['activityWindowDays', 'Activity window (days)'],
  ['adoptionWeeksNeeded', 'Adoption: weeks needed'],
  ['adoptionWeeksOf', '…of the last (weeks)'],
  ['overdueGraceDays', 'Overdue grace (days)'],
  ['stalledDays', 'Stalled after (days)'],
  ['trendDays', 'Trend window (days)'],
  ['kickoffDays', 'Chain due after start (days)'],
  ['qbrEveryDays', 'QBR every (days)'],
  ['renewalLiftMinimum', 'Renewal lift: minimum renewals'],
];

function numberField(label: string): Field<Control> {
  const f = textField(label, { type: 'number' });
  f.control.setAttribute('step', '1');
  f.control.setAttribute('min', '0');
  return f;
}

/** Two narrow fields per line keep the 300 px panel short. */
function pairs(fields: readonly Field<Control>[]): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    rows.push(el('div', { class: 'row paired' }, fields[i].wrap, fields[i + 1]?.wrap ?? el('div')));
  }
  return rows;
}

export function createRemindersPanel(): RemindersPanel {
  let panel: ReminderPanel | null = null;
  let edited = false;

  const head = el('div');
  const cadence = selectField('Cadence', ['daily', 'weekly']);
  const weeklyDay = selectField('Weekly on', WEEKDAYS);
  const leaderEmail = textField('Leader email', { type: 'email', placeholder: 'lead@yourcompany.com' });
  const domains = textField('Allowed recipient domains', { placeholder: 'acme.com, acme.co.uk' });
  const reminderNumbers = new Map(REMINDER_NUMBERS.map(([key, label]) => [key, numberField(label)]));
  const thresholds = new Map(THRESHOLDS.map(([key, label]) => [key, numberField(label)]));
  const byKey: Record<string, Field<Control>> = {
    cadence,
    weeklyDay,
    leaderEmail,
    allowedDomains: domains,
    ...Object.fromEntries(reminderNumbers),
    ...Object.fromEntries(thresholds),
  };
  const ownerNote = el('p', { class: 'hint' });
  const thresholdNote = el('p', { class: 'hint' });
  const thresholdConfirm = el('div', { class: 'confirm', attrs: { role: 'alert' } });
  thresholdConfirm.hidden = true;
  let thresholdsConfirmed = false;
  const switchBox = el('form', {
    attrs: { 'aria-label': 'Turn reminders on or off', 'aria-live': 'polite' },
  });
  switchBox.addEventListener('submit', (ev) => ev.preventDefault());
  const saveButton = el('button', { class: 'action', attrs: { type: 'submit' } }, 'Save settings');
  const saveStatus = formStatus();
  const reminderFields = el(
    'fieldset',
    {},
    el('legend', { class: 'sr-only' }, 'Reminder settings'),
    ownerNote,
    el('div', { class: 'row' }, cadence.wrap, weeklyDay.wrap),
    ...pairs([...reminderNumbers.values()]),
    leaderEmail.wrap,
    domains.wrap,
  );
  const form = el(
    'form',
    { attrs: { 'aria-label': 'Reminder settings and thresholds', novalidate: '' } },
    el('h3', {}, 'Reminders'),
    reminderFields,
    el('h3', {}, 'Thresholds'),
    thresholdNote,
    ...pairs([...thresholds.values()]),
    thresholdConfirm,
    el('div', { class: 'actions' }, saveButton),
    saveStatus.element,
  );
  const preview = el('div');
  const runs = el('div');
  const readStatus = formStatus();
  const refreshButton = el('button', { class: 'link', attrs: { type: 'button' } }, 'Refresh');
  const element = el(
    'section',
    { attrs: { 'aria-label': 'Reminders & settings' } },
    el('div', { class: 'actions' }, refreshButton),
    readStatus.element,
    head,
    switchBox,
    preview,
    runs,
    form,
  );
  form.hidden = true;

  const lockable = [cadence, weeklyDay, leaderEmail, domains, ...reminderNumbers.values()];

  function fillReminderFields(s: Settings): void {
    cadence.control.value = s.cadence;
    weeklyDay.control.value = s.weeklyDay;
    leaderEmail.control.value = s.leaderEmail;
    domains.control.value = s.allowedDomains.join(', ');
    for (const [key, f] of reminderNumbers) f.control.value = String(s[key]);
    for (const f of lockable) f.setError('');
    weeklyDay.wrap.hidden = s.cadence !== 'weekly';
  }

  /** Read-only, not hidden: everyone should see when and to whom reminders go. */
  function applyAccess(p: ReminderPanel): void {
    for (const f of lockable) {
      if (f.control instanceof HTMLSelectElement) f.control.disabled = !p.canEdit;
      else f.control.readOnly = !p.canEdit;
    }
    ownerNote.textContent = p.canEdit
      ? p.owner
        ? 'You turned reminders on, so you can change them.'
        : 'Nobody has turned reminders on yet; the first to do so owns these settings.'
      : `Read-only: only ${p.owner}, who turned reminders on, can change them.`;
    for (const f of thresholds.values()) {
      if (!(f.control instanceof HTMLSelectElement)) f.control.readOnly = !p.canEditThresholds;
    }
    thresholdNote.textContent = p.canEditThresholds
      ? 'These define Green, Yellow and Red for every account: saving asks you to confirm.'
      : `Read-only: only the leader${p.settings.leaderEmail ? ` (${p.settings.leaderEmail})` : ''} can change the thresholds that define health.`;
    const hour = reminderNumbers.get('reminderHour');
    const label = hour?.wrap.querySelector('label');
    if (label) label.textContent = `Reminder hour (0–23, ${p.timeZone})`;
  }

  /** The switch: off for the owner, on (after reading what it will use) for anyone else. */
  function renderSwitch(p: ReminderPanel): void {
    const status = formStatus();
    if (p.remindersOn) {
      const off = el('button', { class: 'action', attrs: { type: 'button' } }, 'Turn reminders off');
      off.addEventListener('click', () => {
        void submitting(switchBox, off, 'Turning off…', status, async () => {
          const r = await call('setRemindersOn', { on: false });
          if (r.panel) show(r.panel);
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
        if (r.panel) show(r.panel);
        (r.ok ? status.ok : status.error)(r.message);
      });
    });
    fill(switchBox, el('div', { class: 'actions' }, start), confirmBox, status.element);
  }

  function fillForm(p: ReminderPanel): void {
    fillReminderFields(p.settings);
    for (const [key, f] of thresholds) {
      f.control.value = String(p.settings[key]);
      f.setError('');
    }
    applyAccess(p);
  }
  form.addEventListener('input', () => {
    edited = true;
  });
  cadence.control.addEventListener('change', () => {
    weeklyDay.wrap.hidden = cadence.control.value !== 'weekly';
  });

  function render(p: ReminderPanel): void {
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

  function show(p: ReminderPanel): void {
    panel = p;
    edited = false;
    render(p);
    renderSwitch(p);
    fillForm(p);
    thresholdConfirm.hidden = true;
    thresholdsConfirmed = false;
    form.hidden = false;
  }

  /** Only what changed goes to the server, so a read-only viewer can still save thresholds. */
  function changes(p: ReminderPanel): SaveReminderSettingsPayload | null {
    const patch: Record<string, unknown> = {};
    let bad = false;
    const s = p.settings;
    const editable = [...(p.canEdit ? reminderNumbers : []), ...(p.canEditThresholds ? thresholds : [])];
    for (const [key, f] of editable) {
      const text = f.control.value.trim();
      const n = Number(text);
      if (!text || !Number.isInteger(n)) {
        f.setError('Enter a whole number.');
        bad = true;
      } else if (n !== s[key]) patch[key] = n;
    }
    if (p.canEdit) {
      if (cadence.control.value !== s.cadence) patch.cadence = cadence.control.value;
      if (weeklyDay.control.value !== s.weeklyDay) patch.weeklyDay = weeklyDay.control.value;
      if (leaderEmail.control.value.trim() !== s.leaderEmail)
        patch.leaderEmail = leaderEmail.control.value.trim();
      const list = domains.control.value
        .split(/[,\s]+/)
        .map((d) => d.trim())
        .filter(Boolean);
      if (list.join(',') !== s.allowedDomains.join(',')) patch.allowedDomains = list;
    }
    return bad ? null : (patch as SaveReminderSettingsPayload);
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = panel;
    if (!p) return;
    for (const f of Object.values(byKey)) f.setError('');
    const patch = changes(p);
    if (!patch) {
      saveStatus.error('Fix the fields marked above.');
      return;
    }
    if (Object.keys(patch).length === 0) {
      saveStatus.ok('Nothing changed.');
      return;
    }
    const changedThresholds = [...thresholds].filter(([key]) => key in patch);
    if (changedThresholds.length > 0 && !thresholdsConfirmed) {
      // Thresholds move accounts between Green, Yellow and Red: say which, and save only on a second click.
      fill(
        thresholdConfirm,
        el('p', {}, 'These change health for every account:'),
        el(
          'ul',
          { class: 'list' },
          ...changedThresholds.map(([key, f]) =>
            el(
              'li',
              {},
              `${f.wrap.querySelector('label')?.textContent ?? key}: ${p.settings[key]} → ${patch[key]}`,
            ),
          ),
        ),
        el('p', {}, 'Press Save settings again to confirm.'),
      );
      thresholdConfirm.hidden = false;
      thresholdsConfirmed = true;
      saveButton.focus();
      return;
    }
    void submitting(form, saveButton, 'Saving…', saveStatus, async () => {
      const response = await call('saveReminderSettings', patch);
      if (response.ok) {
        show(response.panel);
        saveStatus.ok('Settings saved.');
        return;
      }
      const target = response.field ? byKey[response.field] : undefined;
      if (target) {
        target.setError(response.message);
        target.control.focus();
      }
      saveStatus.error(response.message);
    });
  });

  async function load(): Promise<void> {
    try {
      const p = await call('getReminderPanel');
      readStatus.clear();
      // A refresh must not wipe settings being typed; a successful save answers with a fresh panel.
      if (panel && edited) {
        // Someone else took over reminders meanwhile: their fields are locked, so show what is stored.
        if (panel.canEdit && !p.canEdit) fillReminderFields(p.settings);
        render(p);
        applyAccess(p);
        panel = p;
      } else show(p);
    } catch (err) {
      readStatus.error(`Could not read the settings: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  refreshButton.addEventListener('click', () => void load());
  return { element, load };
}
