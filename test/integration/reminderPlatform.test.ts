// Reminders where Apps Script is harsher than a kind model: two team sheets for one user, timed runs without
// their spreadsheet, openById refused, a Reminder log people have broken, runs killed mid-send, and settings
// that are trusted only when confirmed.
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ReminderPanel, SaveReminderSettingsResult } from '../../src/reminders/entry/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import { EXECUTION_KILLED, type Runtime, type RuntimeOptions } from '../../local/runtime/index';
import { loadBundle, openAccountRow } from './harness';

const TZ = 'America/New_York';
const NOW = new Date('2026-11-24T13:30:00Z');
const LEAD = 'lead@acme.example';
const MAYA = 'maya@acme.example';
const JONAS = 'jonas@acme.example';
const PRIYA = 'priya@acme.example';

const CHAIN_SO_FAR = {
  'Business pain': 'Month-end close takes 12 days',
  'Solution value': 'Automated reconciliations',
};

function account(id: string, owner: string): unknown[] {
  return openAccountRow({ id, owner }, TZ, CHAIN_SO_FAR);
}

function book(owners: readonly string[]): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [[...HEADERS.accounts], ...owners.map((o, i) => account(`A-${i + 1}`, o))],
    [SHEET.usage]: [[...HEADERS.usage]],
    [SHEET.results]: [[...HEADERS.results]],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}

const OWNERS = [MAYA, JONAS, PRIYA, MAYA];
const SETTINGS = JSON.stringify({ leaderEmail: LEAD });

function start(opts: RuntimeOptions = {}): Runtime {
  const rt = loadBundle({
    timeZone: TZ,
    now: NOW,
    user: LEAD,
    sheets: book(OWNERS),
    spreadsheets: [{ id: 'team-b', name: 'Team B', sheets: book([JONAS, PRIYA]) }],
    ...opts,
  });
  rt.properties.document.set('resultsLadder.settings', SETTINGS);
  rt.open('team-b');
  rt.properties.document.set('resultsLadder.settings', SETTINGS);
  rt.open(rt.spreadsheetIds()[0]);
  return rt;
}

function on(rt: Runtime): { ok: boolean; message: string } {
  rt.ui.replies.push({ button: 'YES' });
  return rt.call('turnRemindersOn');
}

const A = (rt: Runtime) => rt.spreadsheetIds()[0];
const sentTo = (rt: Runtime) => rt.mail.outbox.map((m) => m.to).sort();

describe('two spreadsheets, one user: each trigger belongs to its spreadsheet', () => {
  it('on, status, off and stand-down in one leave the other’s trigger intact', () => {
    const rt = start();
    on(rt);
    const inA = rt.triggers[0].id;
    rt.open('team-b');
    on(rt);
    expect(rt.triggers).toHaveLength(2);
    const inB = rt.triggers.find((t) => t.id !== inA)?.id as string;
    // Turning on in B replaced only B's trigger; A's is still there and A says so.
    rt.open(A(rt));
    expect(rt.call<ReminderPanel>('getReminderPanel').remindersOn).toBe(true);
    rt.open('team-b');
    expect(rt.call<{ ok: boolean }>('turnRemindersOff').ok).toBe(true);
    expect(rt.triggers.map((t) => t.id)).toEqual([inA]);
    // B says off although the same user's trigger in A is on.
    expect(rt.call<ReminderPanel>('getReminderPanel').remindersOn).toBe(false);
    on(rt);
    const newB = rt.triggers.find((t) => t.id !== inA)?.id as string;
    expect(newB).not.toBe(inB);
    // A is taken over by Jonas: the lead's trigger in A stands down — only that one.
    rt.open(A(rt));
    rt.setUser(JONAS);
    on(rt);
    rt.setUser(LEAD);
    const run = rt.fireTrigger<{ status: string }>(inA);
    expect(run.status).toBe('skipped');
    expect(rt.triggers.map((t) => `${t.user}:${t.spreadsheetId}`).sort()).toEqual(
      [`${JONAS}:${A(rt)}`, `${LEAD}:team-b`].sort(),
    );
    expect(rt.triggers.map((t) => t.id)).toContain(newB);
  });
});

describe('a time-driven run', () => {
  it.each(['none', 'document'] as const)(
    'with triggerContext %s sends the same digests as Send reminders now',
    (triggerContext) => {
      const manual = start();
      manual.call('runReminders');
      const rt = start({ triggerContext });
      on(rt);
      rt.open('team-b'); // the user is looking at another spreadsheet when A's trigger fires
      rt.fireTrigger(rt.triggers[0].id);
      expect(sentTo(rt)).toEqual(sentTo(manual));
      expect(sentTo(rt)).toEqual([JONAS, LEAD, MAYA, PRIYA]);
      rt.open(A(rt));
      const panel = rt.call<ReminderPanel>('getReminderPanel');
      expect(panel.lastRunStatus).toMatch(/^Last run: done — Sent 4/);
      // A second firing the same day sends nothing.
      rt.fireTrigger(rt.triggers[0].id);
      expect(rt.mail.outbox).toHaveLength(4);
    },
  );

  it('without document properties, an editor who rewrites the ledger’s copy of the settings cannot redirect mail', () => {
    const rt = start();
    on(rt);
    const ledger = rt.values('Reminder ledger');
    const state = JSON.parse(String(ledger[1][3])) as { settings: string };
    const settings = JSON.parse(state.settings) as Record<string, unknown>;
    ledger[1][3] = JSON.stringify({
      ...state,
      settings: JSON.stringify({ ...settings, leaderEmail: 'kim@gmail.com', allowedDomains: ['gmail.com'] }),
    });
    rt.setValues('Reminder ledger', ledger);
    rt.fireTrigger(rt.triggers[0].id);
    expect(sentTo(rt)).toEqual([JONAS, LEAD, MAYA, PRIYA]);
  });

  it('when even openById is refused, records the failure for the owner and mails them once a day', () => {
    const rt = start({ openById: 'refused' });
    on(rt);
    const uid = rt.triggers[0].id;
    const run = rt.fireTrigger<{ status: string; detail: string }>(uid);
    expect(run.status).toBe('failed');
    expect(run.detail).toMatch(/refused to open/);
    expect(run.detail).toMatch(/Checking openById/);
    expect(rt.mail.outbox).toEqual([
      expect.objectContaining({ to: LEAD, subject: 'Results Ladder: your daily reminders did not run' }),
    ]);
    expect(JSON.parse(rt.properties.user.get(`resultsLadder.lastRun.${A(rt)}`) ?? '{}')).toMatchObject({
      status: 'failed',
    });
    rt.fireTrigger(uid);
    expect(rt.mail.outbox).toHaveLength(1);
    rt.setNow(new Date('2026-11-25T13:30:00Z'));
    rt.fireTrigger(uid);
    expect(rt.mail.outbox).toHaveLength(2);
    // The sidebar shows it: the log could not be written, the owner's record could.
    expect(rt.call<ReminderPanel>('getReminderPanel').lastRunStatus).toMatch(
      /^Last run: failed — Apps Script refused to open/,
    );
  });
});

/** Runs code in the script's realm, as a user editing the sheet would change it. */
function edit(rt: Runtime, code: string): void {
  vm.runInContext(`(function () { var ss = SpreadsheetApp.getActiveSpreadsheet(); ${code} })()`, rt.context);
}

describe('never twice, whatever happened to the Reminder log', () => {
  const breakages: [string, (rt: Runtime) => void][] = [
    [
      'columns reordered (Time still first)',
      (rt) => {
        const rows = rt.values(SHEET.reminderLog).map((r) => [r[0], r[5], r[4], r[3], r[2], r[1]]);
        rt.setValues(SHEET.reminderLog, rows);
      },
    ],
    [
      'every column formatted as plain text',
      (rt) => {
        rt.setValues(
          SHEET.reminderLog,
          rt.values(SHEET.reminderLog).map((r) => r.map((v) => String(v))),
        );
        edit(
          rt,
          "var s = ss.getSheetByName('Reminder log'); s.getRange(1, 1, s.getMaxRows(), 6).setNumberFormat('@');",
        );
      },
    ],
    [
      'the Time column’s date format cleared',
      (rt) =>
        rt.setValues(
          SHEET.reminderLog,
          rt.values(SHEET.reminderLog).map((r, i) => [i === 0 ? r[0] : 46_350.56, ...r.slice(1)]),
        ),
    ],
    ['the log deleted', (rt) => edit(rt, "ss.deleteSheet(ss.getSheetByName('Reminder log'));")],
  ];

  it.each(breakages)('%s: a second run the same day sends nothing new', (_, breakIt) => {
    const rt = start();
    rt.call('runReminders');
    expect(rt.mail.outbox).toHaveLength(4);
    breakIt(rt);
    rt.call('runReminders');
    rt.setNow(new Date('2026-11-24T20:30:00Z'));
    rt.call('runReminders');
    expect(rt.mail.outbox).toHaveLength(4);
  });

  it('a 5-column log is widened, not crashed on, and the second run sends nothing new', () => {
    const rt = start();
    // The add-on's own log (created and marked by setup, SPEC §9), narrowed to 5 columns by a user.
    rt.call('setUpWorkbook');
    rt.setValues(SHEET.reminderLog, [HEADERS.reminderLog.slice(0, 5)]);
    edit(rt, "var s = ss.getSheetByName('Reminder log'); s.deleteColumns(6, s.getMaxColumns() - 5);");
    rt.call('runReminders');
    expect(rt.mail.outbox).toHaveLength(4);
    const [header, ...rows] = rt.values(SHEET.reminderLog);
    expect(header).toEqual([...HEADERS.reminderLog]);
    expect(rows.filter((r) => r[4] === 'sent')).toHaveLength(4);
    rt.call('runReminders');
    expect(rt.mail.outbox).toHaveLength(4);
  });

  // (Without document properties, the same in test/integration/ledgerDamage.test.ts: the settings then come from
  // the owner's own copy in their user properties.)
  it.each(['menu', 'timed trigger'] as const)(
    'the hidden ledger deleted after today’s digests (%s): no digest goes twice, the run says why, mail resumes tomorrow',
    (how) => {
      const rt = start({ triggerContext: 'document' });
      on(rt);
      const run = () =>
        how === 'menu'
          ? rt.call<{ status: string; detail: string }>('runReminders')
          : rt.fireTrigger<{ status: string; detail: string }>(rt.triggers[0].id);
      run();
      expect(rt.mail.outbox).toHaveLength(4);
      edit(rt, "ss.deleteSheet(ss.getSheetByName('Reminder ledger'));");
      const again = run();
      // No digest again; the owner is told by one notice.
      expect(rt.mail.outbox.map((m) => m.subject).slice(4)).toEqual([
        'Results Ladder: your daily reminders did not run',
      ]);
      expect(again.status).toBe('failed');
      expect(again.detail).toMatch(/Reminder ledger.*deleted.*sent nothing/);
      // Loud where the owner looks: the log and the sidebar's last run.
      expect(rt.values(SHEET.reminderLog).some((r) => /Reminder ledger/.test(String(r[5])))).toBe(true);
      expect(rt.call<ReminderPanel>('getReminderPanel').lastRunStatus).toMatch(
        /^Last run: failed — The Reminder ledger/,
      );
      rt.setNow(new Date('2026-11-25T13:30:00Z'));
      expect(run().status).toBe('done');
      expect(rt.mail.outbox).toHaveLength(9);
    },
  );

  it.each([1, 2, 3])('a run killed after the %i-th send: the next run sends only what had not gone', (k) => {
    const rt = start();
    rt.killAfter('MailApp.sendEmail', k);
    expect(() => rt.call('runReminders')).toThrow(EXECUTION_KILLED);
    expect(rt.mail.outbox).toHaveLength(k);
    const second = rt.call<{ detail: string }>('runReminders');
    expect(sentTo(rt)).toEqual([JONAS, LEAD, MAYA, PRIYA]);
    // The interrupted run is not silent: the next run says its last digest may not have gone out.
    expect(second.detail).toMatch(/stopped before it finished/);
  });
});

describe('settings trusted only when confirmed', () => {
  it('recipients a non-owner set while reminders were off are shown for confirmation at turn-on', () => {
    const rt = start({ user: 'kim@acme.example' });
    rt.properties.document.delete('resultsLadder.settings');
    const saved = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      leaderEmail: 'kim.private@gmail.com',
      allowedDomains: ['acme.example', 'gmail.com'],
    });
    expect(saved.ok).toBe(true);
    rt.setUser(LEAD);
    rt.ui.replies.push({ button: 'NO' });
    const refused = rt.call<{ ok: boolean }>('turnRemindersOn');
    expect(refused.ok).toBe(false);
    expect(rt.triggers).toHaveLength(0);
    const shown = rt.ui.alerts.at(-1) ?? '';
    expect(shown).toContain(
      'Leader digest (Red accounts, data problems, per-owner counts) to: kim.private@gmail.com',
    );
    expect(shown).toContain('Allowed recipient domains: acme.example, gmail.com');
    expect(shown).toContain('Changed while reminders were off: Leader email (by kim@acme.example)');
    expect(shown).toMatch(/Owners who may get a digest: 3 \(jonas@acme.example, maya@acme.example, priya/);
  });

  it('the sidebar must send back the confirmation it showed; a changed setting needs a new one', () => {
    const rt = start();
    const panel = rt.call<ReminderPanel>('getReminderPanel');
    expect(panel.confirmation?.text).toContain(`to: ${LEAD}`);
    const stale = rt.call<{ ok: boolean; message: string }>('setRemindersOn', { on: true, token: 'nope' });
    expect(stale).toMatchObject({ ok: false });
    expect(stale.message).toMatch(/changed since you looked/);
    const ok = rt.call<{ ok: boolean; panel: ReminderPanel }>('setRemindersOn', {
      on: true,
      token: panel.confirmation?.token,
    });
    expect(ok.ok).toBe(true);
    expect(ok.panel.remindersOn).toBe(true);
    expect(rt.call<{ ok: boolean }>('setRemindersOn', { on: false }).ok).toBe(true);
    expect(rt.triggers).toHaveLength(0);
  });

  it('a departed owner’s reminders can be taken over by any editor, visibly and on record', () => {
    const rt = start({ user: MAYA });
    rt.properties.document.set('resultsLadder.settings', '{}'); // no leader email set
    on(rt);
    rt.setUser(JONAS);
    const taken = on(rt);
    expect(taken.ok).toBe(true);
    expect(rt.ui.alerts.at(-1)).toContain(`taking reminders over from ${MAYA}`);
    const rows = rt.values(SHEET.reminderLog);
    expect(rows.some((r) => String(r[5]).includes(`taken over from ${MAYA} by ${JONAS}`))).toBe(true);
  });

  it('a corrupted settings property keeps the owner, so nobody else can change recipients', () => {
    const rt = start({ user: MAYA });
    on(rt);
    rt.properties.document.set('resultsLadder.settings', '{"leaderEmail": "lead@acme.exa');
    rt.setUser('kim@acme.example');
    const panel = rt.call<ReminderPanel>('getReminderPanel');
    expect(panel.owner).toBe(MAYA);
    expect(panel.canEdit).toBe(false);
    const refused = rt.call<SaveReminderSettingsResult>('saveReminderSettings', {
      leaderEmail: 'kim@gmail.com',
    });
    expect(refused).toMatchObject({ ok: false, field: 'leaderEmail' });
  });
});
