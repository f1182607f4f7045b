// Reminders through the built bundle: digests per owner, recipient rules, same-day reruns, quota, lock, triggers, failures.
import { beforeAll, describe, expect, it } from 'vitest';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import type {
  ReminderPanel,
  ReminderPreview,
  SaveReminderSettingsResult,
} from '../../src/reminders/entry/types';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T13:30:00Z'); // 08:30 in New York
const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, TZ);

const MAYA = 'maya@acme.example';
const JONAS = 'jonas@acme.example';
const PRIYA = 'priya@acme.example';
const LEAD = 'lead@acme.example';

/** An account row in spec column order; `named` false puts it on triage. */
function account(id: string, owner: string, opts: { named?: boolean; start?: string } = {}): unknown[] {
  const named = opts.named ?? false;
  return [
    id,
    `Account ${id}`,
    'SMB',
    owner,
    date(opts.start ?? '2026-10-01'),
    date('2027-10-01'),
    'Month-end close takes 12 days',
    'Automated reconciliations',
    named ? 'Close the books in 5 days' : '',
    named ? 'days to close' : '',
    named ? 12 : '',
    named ? 5 : '',
    named ? 'Pat Buyer' : '',
    named ? 'Buyer' : '',
    'Open',
  ];
}

function book(): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [
      [...HEADERS.accounts],
      account('A-1', MAYA),
      // Started in June with no check since: its 90-day check is long overdue, the most urgent digest.
      account('A-2', JONAS, { named: true, start: '2026-06-01' }),
      account('A-3', PRIYA),
      account('A-4', 'someone@evil.example'),
      account('A-5', 'not-an-email'),
      account('A-6', MAYA),
    ],
    [SHEET.usage]: [[...HEADERS.usage]],
    [SHEET.results]: [[...HEADERS.results]],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}

function start(opts: RuntimeOptions = {}, leader = true): Runtime {
  const rt = loadBundle({ timeZone: TZ, now: NOW, user: LEAD, sheets: book(), ...opts });
  if (leader) {
    rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
  }
  return rt;
}

/** Turns reminders on from the menu, answering Yes to the confirmation that lists recipients, leader and domains. */
function on(rt: Runtime): { ok: boolean; message: string } {
  rt.ui.replies.push({ button: 'YES' });
  return rt.call('turnRemindersOn');
}

interface LogRow {
  time: unknown;
  recipient: string;
  kind: string;
  accounts: string;
  status: string;
  detail: string;
}

function log(rt: Runtime): LogRow[] {
  const [header, ...rows] = rt.values(SHEET.reminderLog);
  expect(header).toEqual([...HEADERS.reminderLog]);
  return rows.map(([time, recipient, kind, accounts, status, detail]) => ({
    time,
    recipient: String(recipient),
    kind: String(kind),
    accounts: String(accounts),
    status: String(status),
    detail: String(detail),
  }));
}

const recipients = (rt: Runtime) => rt.mail.outbox.map((m) => m.to).sort();

describe('runReminders', () => {
  beforeAll(() => {
    // The bundle must exist; the suite's global setup (npm test) builds it first.
    start();
  });

  it('sends one digest per owner and one to the leader, with text, HTML and row links', () => {
    const rt = start();
    rt.call('runReminders');
    expect(recipients(rt)).toEqual([JONAS, LEAD, MAYA, PRIYA]);
    const maya = rt.mail.outbox.find((m) => m.to === MAYA);
    expect(maya?.subject).toBe('2 accounts need you today: 2 need a named result · 2026-11-24');
    const gid = rt.spreadsheet.sheetId(SHEET.accounts);
    expect(maya?.body).toContain(`${rt.spreadsheet.url.replace(/#.*$/, '')}#gid=${gid}&range=A2`);
    expect(maya?.body).toContain('&range=A7');
    expect(maya?.htmlBody).toContain('&amp;range=A7');
    expect(maya?.body).toMatch(/You get this because you are the Owner of 2 accounts/);
    const lead = rt.mail.outbox.find((m) => m.to === LEAD);
    expect(lead?.subject).toMatch(/^Escalation: 6 Red accounts .* · 2026-11-24$/);
    // The escalation names owners by name (A-4's is someone@evil.example), never by email.
    expect(lead?.body).toMatch(/· Someone\b/);
    expect(lead?.body).not.toContain('someone@evil.example');
  });

  it('sends nothing to outside domains or malformed addresses, and logs each skip with its reason', () => {
    const rt = start();
    rt.call('runReminders');
    expect(recipients(rt).some((to) => to.includes('evil') || to === 'not-an-email')).toBe(false);
    const skipped = log(rt).filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.recipient).sort()).toEqual(['not-an-email', 'someone@evil.example']);
    expect(skipped.find((r) => r.recipient === 'not-an-email')?.detail).toMatch(/malformed/);
    expect(skipped.find((r) => r.recipient === 'someone@evil.example')?.detail).toMatch(
      /not in the allowed domains/,
    );
  });

  it("logs owners as typed: a leading apostrophe or '@' stays text, in the sheet and the panel", () => {
    const rt = start();
    const rows = book()[SHEET.accounts];
    rt.setValues(SHEET.accounts, [...rows, account('A-7', "'quoted"), account('A-8', '@handle')]);
    rt.call('runReminders');
    const skipped = log(rt).filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.recipient)).toEqual(expect.arrayContaining(["'quoted", '@handle']));
    expect(skipped.find((r) => r.recipient === "'quoted")?.detail).toBe("malformed address ''quoted'");
    const panel = rt.call<ReminderPanel>('getReminderPanel');
    expect(panel.lastRuns.map((r) => r.recipient)).toContain("'quoted");
  });

  it('a second run the same day sends nothing, even hours later; after remind-every days it sends again', () => {
    const rt = start();
    rt.call('runReminders');
    const first = rt.mail.outbox.length;
    rt.call('runReminders');
    rt.setNow(new Date('2026-11-24T20:10:00Z'));
    rt.call('runReminders');
    expect(rt.mail.outbox.length).toBe(first);
    const runs = log(rt).filter((r) => r.kind === 'run');
    expect(runs).toHaveLength(3);
    expect(runs[2].detail).toMatch(/^Sent 0,/);
    rt.setNow(new Date('2026-12-01T13:30:00Z'));
    rt.call('runReminders');
    expect(rt.mail.outbox.length).toBe(first * 2);
  });

  it('with a quota of 1 the most urgent digest goes and the rest is deferred', () => {
    const rt = start({ mailQuota: 1 });
    rt.call('runReminders');
    expect(recipients(rt)).toEqual([JONAS]);
    const deferred = log(rt).filter((r) => r.status === 'deferred');
    expect(deferred.map((r) => r.recipient).sort()).toEqual([LEAD, MAYA, PRIYA]);
    expect(deferred[0].detail).toMatch(/next run/);
  });

  it('a held document lock (another run in this spreadsheet) sends nothing and logs the skip', () => {
    const rt = start();
    const release = rt.locks.holdDocumentLock();
    rt.call('runReminders');
    release();
    expect(rt.mail.outbox).toHaveLength(0);
    expect(log(rt)).toMatchObject([{ kind: 'run', status: 'skipped' }]);
    expect(log(rt)[0].detail).toMatch(/Another Results Ladder run/);
  });

  it('the script lock, shared by every document that installed the add-on, does not hold it up', () => {
    const rt = start();
    const release = rt.locks.holdScriptLock();
    rt.call('runReminders');
    release();
    expect(recipients(rt)).toEqual([JONAS, LEAD, MAYA, PRIYA]);
  });

  it('a mail failure for one owner does not stop the others', () => {
    const rt = start();
    rt.mail.failFor.add(MAYA);
    rt.call('runReminders');
    expect(recipients(rt)).toEqual([JONAS, LEAD, PRIYA]);
    const failed = log(rt).find((r) => r.recipient === MAYA);
    expect(failed?.status).toBe('failed');
    expect(log(rt).at(-1)).toMatchObject({ kind: 'run', status: 'failed' });
    // The failed items were not marked sent, so the next run tries Maya again.
    rt.mail.failFor.clear();
    rt.call('runReminders');
    expect(rt.mail.outbox.filter((m) => m.to === MAYA)).toHaveLength(1);
  });

  it('a crashed run leaves a failed row with the error', () => {
    const rt = start();
    const accounts = rt.values(SHEET.accounts).map((r) => r.filter((_, i) => i !== 2)); // no Segment column
    rt.setValues(SHEET.accounts, accounts);
    expect(() => rt.call('runReminders')).toThrow(/Segment/);
    expect(log(rt)).toMatchObject([{ kind: 'run', status: 'failed' }]);
    expect(log(rt)[0].detail).toMatch(/Accounts: no column 'Segment'/);
  });

  it('a run whose authorization lapsed sends nothing and logs why', () => {
    const rt = start();
    rt.authorization.required = true;
    rt.call('runReminders');
    expect(rt.mail.outbox).toHaveLength(0);
    expect(log(rt)).toMatchObject([{ kind: 'run', status: 'failed' }]);
    expect(log(rt)[0].detail).toMatch(/Authorization lapsed/);
  });

  it('a user string that looks like a formula is logged as text', () => {
    const rt = start();
    const accounts = rt.values(SHEET.accounts);
    accounts[4][3] = '=HYPERLINK("http://evil.example","x")';
    rt.setValues(SHEET.accounts, accounts);
    rt.call('runReminders');
    expect(
      rt.spreadsheet
        .formulas(SHEET.reminderLog)
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('a full log sheet grows instead of failing', () => {
    const rt = start();
    // 999 old rows and the header fill the 1,000 rows a new sheet has.
    const rows = Array.from({ length: 999 }, (_, i) => [
      NOW,
      `x${i}@acme.example`,
      'owner',
      '',
      'skipped',
      'old',
    ]);
    rt.setValues(SHEET.reminderLog, [[...HEADERS.reminderLog], ...rows]);
    rt.call('runReminders');
    expect(log(rt).filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(rt.spreadsheet.maxRows(SHEET.reminderLog)).toBe(1000 + 7);
  });

  it('reads each sheet once, writes the log in one batch, and never calls per row', () => {
    const rt = start();
    rt.calls.reset();
    rt.call('runReminders');
    const calls = rt.calls.byMethod();
    expect(calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(7);
    // One write to Ladder history (first run writes starting states), one to the log, one to the Usage summary,
    // the ledger's header, and one ledger row per digest as it goes out plus the run's end: writes grow with
    // digests sent, not accounts.
    expect(calls['Range.setValues'] ?? 0).toBeLessThanOrEqual(3 + 1 + 4 + 1);
    expect(calls['MailApp.sendEmail']).toBe(4);
    const rows = log(rt);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(rows.find((r) => r.recipient === MAYA)?.accounts.split('\n')).toEqual([
      'A-1/triage',
      'A-6/triage',
    ]);
  });
});

describe('previewReminders', () => {
  it('shows exactly what the next run would send, sending nothing', () => {
    const rt = start({ mailQuota: 3 });
    const preview = rt.call<ReminderPreview>('previewReminders');
    expect(rt.mail.outbox).toHaveLength(0);
    expect(preview.today).toBe('2026-11-24');
    expect(preview.quota).toBe(3);
    const status = Object.fromEntries(preview.digests.map((d) => [d.recipient, d.status]));
    expect(status[JONAS]).toBe('would send');
    expect(status['someone@evil.example']).toMatch(/^skip: domain evil.example/);
    expect(Object.values(status).filter((s) => s === 'defer')).toHaveLength(1);
    const maya = preview.digests.find((d) => d.recipient === MAYA);
    expect(maya?.itemList.map((i) => i.row)).toEqual([2, 7]);
    expect(maya?.itemList[0].link).toContain('range=A2');
    rt.call('runReminders');
    expect(recipients(rt)).toEqual(
      preview.digests
        .filter((d) => d.status === 'would send')
        .map((d) => d.recipient)
        .sort(),
    );
  });
});

describe('turning reminders on and off', () => {
  it('on twice leaves one trigger at the configured hour; off removes it', () => {
    const rt = start();
    on(rt);
    on(rt);
    expect(rt.triggers).toHaveLength(1);
    // The hour is the spreadsheet's, not the manifest's Etc/UTC.
    expect(rt.triggers[0]).toMatchObject({
      handler: 'runReminders',
      atHour: 8,
      everyDays: 1,
      timeZone: TZ,
      user: LEAD,
    });
    const settings = JSON.parse(rt.properties.document.get('resultsLadder.settings') ?? '{}');
    expect(settings.remindersOwner).toBe(LEAD);
    rt.call('turnRemindersOff');
    expect(rt.triggers).toHaveLength(0);
  });

  it('removes duplicate triggers left by older versions', () => {
    const rt = start();
    on(rt);
    rt.triggers.push({ ...rt.triggers[0], id: 'old-1' }, { ...rt.triggers[0], id: 'old-2' });
    on(rt);
    expect(rt.triggers).toHaveLength(1);
  });

  it('weekly cadence fires on the chosen day', () => {
    const rt = start();
    on(rt);
    const saved = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      cadence: 'weekly',
      weeklyDay: 'Friday',
      reminderHour: 15,
    });
    expect(saved.ok).toBe(true);
    expect(rt.triggers).toHaveLength(1);
    expect(rt.triggers[0]).toMatchObject({
      handler: 'runReminders',
      atHour: 15,
      onWeekDay: 'FRIDAY',
      timeZone: TZ,
    });
  });

  it('the trigger fires at the hour in the spreadsheet’s own time zone', () => {
    const rt = start({ timeZone: 'Asia/Tokyo' });
    on(rt);
    expect(rt.triggers).toEqual([expect.objectContaining({ atHour: 8, timeZone: 'Asia/Tokyo' })]);
  });

  it('off is refused to a non-owner before anything is removed', () => {
    const rt = start({ user: MAYA });
    on(rt);
    rt.setUser(LEAD);
    on(rt); // the leader takes over; Maya's trigger is still hers
    rt.setUser(MAYA);
    const off = rt.call<{ ok: boolean; message: string }>('turnRemindersOff');
    expect(off.ok).toBe(false);
    expect(off.message).toContain(LEAD);
    // Refused means untouched: Maya's own trigger stays until it fires and stands down.
    expect(rt.triggers.map((t) => t.user).sort()).toEqual([LEAD, MAYA]);
  });
});

describe('handing reminders over when their owner has left', () => {
  const stored = (rt: Runtime) => JSON.parse(rt.properties.document.get('resultsLadder.settings') ?? '{}');

  it('anyone may take them over, after confirming, and the Reminder log records it; saying No changes nothing', () => {
    const rt = start({ user: MAYA });
    on(rt);
    expect(stored(rt).remindersOwner).toBe(MAYA);

    rt.setUser(JONAS);
    rt.ui.replies.push({ button: 'NO' });
    const declined = rt.call<{ ok: boolean; message: string }>('turnRemindersOn');
    expect(declined.ok).toBe(false);
    expect(rt.ui.alerts.at(-1)).toContain(`taking reminders over from ${MAYA}`);
    expect(stored(rt).remindersOwner).toBe(MAYA);

    rt.setUser(LEAD);
    const taken = on(rt);
    expect(taken.ok).toBe(true);
    expect(taken.message).toContain(`Taken over from ${MAYA}`);
    expect(stored(rt).remindersOwner).toBe(LEAD);
    expect(log(rt).find((r) => r.kind === 'settings')?.detail).toContain(
      `taken over from ${MAYA} by ${LEAD}`,
    );
    // The leader cannot see or delete Maya's trigger: each has one until hers fires as her and stands down.
    expect(rt.triggers.map((t) => t.user).sort()).toEqual([LEAD, MAYA]);
    const mayas = rt.triggers.find((t) => t.user === MAYA)?.id;
    rt.setUser(MAYA);
    const run = rt.call<{ status: string }>('runReminders', { triggerUid: mayas });
    expect(run.status).toBe('skipped');
    expect(rt.triggers).toEqual([expect.objectContaining({ handler: 'runReminders', user: LEAD })]);
  });

  it("the former owner's trigger stands down, removes itself and sends nothing", () => {
    const rt = start({ user: MAYA });
    rt.properties.document.set(
      'resultsLadder.settings',
      JSON.stringify({ leaderEmail: LEAD, remindersOwner: LEAD }),
    );
    // A trigger Maya installed while she owned reminders, before the leader took them over.
    rt.triggers.push({
      id: 'maya-old',
      user: MAYA,
      handler: 'runReminders',
      type: 'CLOCK',
      atHour: 8,
      everyDays: 1,
    });
    const run = rt.call<{ status: string; detail: string }>('runReminders', { triggerUid: 'maya-old' });
    expect(run.status).toBe('skipped');
    expect(run.detail).toMatch(/stood down/);
    expect(rt.mail.outbox).toHaveLength(0);
    expect(rt.triggers).toHaveLength(0);
    expect(log(rt).at(-1)).toMatchObject({ status: 'skipped' });
  });

  it("the owner's own trigger runs as usual", () => {
    const rt = start();
    on(rt);
    const run = rt.call<{ status: string }>('runReminders', { triggerUid: rt.triggers[0].id });
    expect(run.status).not.toBe('skipped');
    expect(rt.mail.outbox.length).toBeGreaterThan(0);
  });
});

describe('the reminders panel', () => {
  it('shows settings, preview, quota and last runs; the owner may edit', () => {
    const rt = start();
    on(rt);
    rt.call('runReminders');
    const panel = rt.call<ReminderPanel>('getReminderPanel');
    expect(panel).toMatchObject({ canEdit: true, owner: LEAD, user: LEAD, remindersOn: true, quota: 96 });
    // The hour is the spreadsheet's, and says so.
    expect(panel.schedule).toBe('daily at 08:00 (America/New_York)');
    expect(panel.settings.leaderEmail).toBe(LEAD);
    expect(panel.lastRuns[0]).toMatchObject({ kind: 'run', status: 'done' });
    expect(panel.lastRunStatus).toMatch(/^Last run: done — Sent 4/);
    // Everything was sent today, so the next run would send only the refused addresses' skips.
    expect(panel.preview.every((p) => p.status.startsWith('skip'))).toBe(true);
    expect(JSON.parse(JSON.stringify(panel))).toEqual(panel);
  });

  it('only the reminders owner may change reminder settings; only the leader the thresholds', () => {
    const rt = start({ user: 'kim@acme.example' });
    rt.properties.document.set(
      'resultsLadder.settings',
      JSON.stringify({ leaderEmail: LEAD, remindersOwner: LEAD }),
    );
    const panel = rt.call<ReminderPanel>('getReminderPanel');
    expect(panel.canEdit).toBe(false);
    const refused = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      leaderEmail: 'kim@acme.example',
    });
    expect(refused).toMatchObject({ ok: false, field: 'leaderEmail' });
    expect(JSON.parse(rt.properties.document.get('resultsLadder.settings') ?? '{}').leaderEmail).toBe(LEAD);
    // Thresholds define health: a CSM sees them read-only, in words, never as an internal key.
    expect(panel.canEditThresholds).toBe(false);
    const threshold = rt.call<SaveReminderSettingsResult>('saveReminderSettings', { overdueGraceDays: 21 });
    expect(threshold).toMatchObject({ ok: false, field: 'overdueGraceDays' });
    expect(threshold.ok === false && threshold.message).toMatch(/^Only the leader \(lead@acme\.example\)/);
    expect(threshold.ok === false && threshold.message).not.toMatch(/overdueGraceDays/);
    rt.setUser(LEAD);
    const ok = rt.call<SaveReminderSettingsResult>('saveReminderSettings', { overdueGraceDays: 21 });
    expect(ok.ok && ok.panel.settings.overdueGraceDays).toBe(21);
    expect(ok.ok && ok.panel.canEditThresholds).toBe(true);
  });

  it('shows reminders on only from the owner’s own trigger; to others, who owns them', () => {
    const rt = start({ user: MAYA });
    on(rt);
    expect(rt.call<ReminderPanel>('getReminderPanel')).toMatchObject({
      remindersOn: true,
      remindersStatus: 'Reminders are on: daily at 08:00 (America/New_York).',
    });
    rt.setUser(JONAS);
    const other = rt.call<ReminderPanel>('getReminderPanel');
    expect(other.remindersOn).toBe(false);
    expect(other.remindersStatus).toMatch(/^Reminders are owned by maya@acme\.example/);
    // An owner whose trigger is gone (deleted in the Apps Script dashboard) is not told reminders are on.
    rt.triggers.splice(0);
    rt.setUser(MAYA);
    const lost = rt.call<ReminderPanel>('getReminderPanel');
    expect(lost.remindersOn).toBe(false);
    expect(lost.problems.join(' ')).toMatch(/no trigger is installed for you/);
  });

  it('the reminders owner cannot be set by saving settings, not even while reminders are off', () => {
    const rt = start({ user: 'kim@acme.example' });
    const refused = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      remindersOwner: 'kim@acme.example',
    });
    expect(refused).toMatchObject({ ok: false, field: 'remindersOwner' });
    expect(refused.ok === false && refused.message).toMatch(/turns reminders on/);
    expect(
      JSON.parse(rt.properties.document.get('resultsLadder.settings') ?? '{}').remindersOwner,
    ).toBeFalsy();
  });

  it('an invalid value is refused naming the field in words', () => {
    const rt = start();
    const hour = rt.call<SaveReminderSettingsResult>('saveReminderSettings', { reminderHour: 25 });
    expect(hour).toMatchObject({
      ok: false,
      field: 'reminderHour',
      message: 'Reminder hour must be a whole hour from 0 to 23.',
    });
    const bad = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      allowedDomains: ['not a domain'],
    });
    expect(bad).toMatchObject({ ok: false, field: 'allowedDomains' });
    expect(rt.call<SaveReminderSettingsResult>('saveReminderSettings', 'nonsense')).toMatchObject({
      ok: false,
    });
  });
});
