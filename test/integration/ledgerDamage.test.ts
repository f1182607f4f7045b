// Never twice, whatever a team does to the hidden Reminder ledger or to the witness kept beside it: a same-day
// rerun sends no digest and tells the owner why; the next day's run sends normally. And the confirmed settings
// survive the ledger: deleting it in a timed run without document properties costs at most that day's mail.
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ReminderPanel } from '../../src/reminders/entry/types';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { loadBundle, openAccountRow } from './harness';

const TZ = 'America/New_York';
const DAY1 = new Date('2026-11-24T13:30:00Z');
const DAY1_LATER = new Date('2026-11-24T20:30:00Z');
const DAY2 = new Date('2026-11-25T13:30:00Z');
const LEAD = 'lead@acme.example';
const MAYA = 'maya@acme.example';
const JONAS = 'jonas@acme.example';
const LEDGER = 'Reminder ledger';
const WITNESS = 'resultsLadder.ledgerWitness.';
const NOTICE = 'Results Ladder: your daily reminders did not run';

const CHAIN_SO_FAR = {
  'Business pain': 'Month-end close takes 12 days',
  'Solution value': 'Automated reconciliations',
};

function account(id: string, owner: string): unknown[] {
  return openAccountRow({ id, owner }, TZ, CHAIN_SO_FAR);
}

function book(): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [
      [...HEADERS.accounts],
      account('A-1', MAYA),
      account('A-2', JONAS),
      account('A-3', MAYA),
    ],
    [SHEET.usage]: [[...HEADERS.usage]],
    [SHEET.results]: [[...HEADERS.results]],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}

function start(opts: RuntimeOptions = {}): Runtime {
  const rt = loadBundle({ timeZone: TZ, now: DAY1, user: LEAD, sheets: book(), ...opts });
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
  return rt;
}

function on(rt: Runtime): void {
  rt.ui.replies.push({ button: 'YES' });
  expect(rt.call<{ ok: boolean }>('turnRemindersOn').ok).toBe(true);
}

type Run = { status: string; detail: string };
const digests = (rt: Runtime) => rt.mail.outbox.filter((m) => m.subject !== NOTICE);
const notices = (rt: Runtime) => rt.mail.outbox.filter((m) => m.subject === NOTICE);

/** Runs code in the script's realm, as a user editing the sheet would change it. */
function edit(rt: Runtime, code: string): void {
  vm.runInContext(`(function () { var ss = SpreadsheetApp.getActiveSpreadsheet(); ${code} })()`, rt.context);
}

const witnessKey = (rt: Runtime) => WITNESS + rt.spreadsheetIds()[0];

/** Sets the witness in every store that holds it. */
function setWitness(rt: Runtime, value: (old: Record<string, unknown>) => string): void {
  const key = witnessKey(rt);
  for (const store of [rt.properties.user, rt.properties.document]) {
    const old = store.get(key);
    if (old !== undefined) store.set(key, value(JSON.parse(old) as Record<string, unknown>));
  }
}

/** The ledger's record rows (below its header and state row) rewritten by `change`. */
function editRecords(rt: Runtime, change: (rows: unknown[][]) => unknown[][]): void {
  const [header, state, ...records] = rt.values(LEDGER);
  const width = header.length;
  const changed = change(records.map((r) => [...r]));
  edit(
    rt,
    `var s = ss.getSheetByName('${LEDGER}'); s.getRange(3, 1, s.getMaxRows() - 2, ${width}).clearContent();` +
      (changed.length
        ? `s.getRange(3, 1, ${changed.length}, ${width}).setValues(${JSON.stringify(changed)});`
        : ''),
  );
  expect(rt.values(LEDGER)[1]).toEqual(state);
}

const damages: [string, (rt: Runtime) => void][] = [
  [
    'rows cleared',
    (rt) =>
      edit(
        rt,
        `var s = ss.getSheetByName('${LEDGER}'); s.getRange(3, 1, s.getMaxRows() - 2, 5).clearContent();`,
      ),
  ],
  [
    'rows deleted',
    (rt) => edit(rt, `var s = ss.getSheetByName('${LEDGER}'); s.deleteRows(3, s.getLastRow() - 2);`),
  ],
  ['one row deleted', (rt) => editRecords(rt, (rows) => rows.slice(1))],
  [
    "a row edited: a 'sent' turned into 'failed'",
    (rt) => editRecords(rt, (rows) => rows.map((r, i) => (i === 0 ? ['failed', ...r.slice(1)] : r))),
  ],
  [
    'a row edited: its recipient changed',
    (rt) =>
      editRecords(rt, (rows) =>
        rows.map((r, i) => (i === 0 ? [r[0], r[1], 'kim@acme.example', ...r.slice(3)] : r)),
      ),
  ],
  [
    'a row edited: its day changed',
    (rt) =>
      editRecords(rt, (rows) => rows.map((r, i) => (i === 0 ? [r[0], '2026-11-20', ...r.slice(2)] : r))),
  ],
  [
    'the sheet replaced by a new tab of that name',
    (rt) => edit(rt, `ss.deleteSheet(ss.getSheetByName('${LEDGER}')); ss.insertSheet('${LEDGER}');`),
  ],
  ['the sheet deleted', (rt) => edit(rt, `ss.deleteSheet(ss.getSheetByName('${LEDGER}'));`)],
  ['the witness truncated', (rt) => setWitness(rt, (w) => JSON.stringify(w).slice(0, 20))],
  ['the witness oversized', (rt) => setWitness(rt, (w) => JSON.stringify({ ...w, note: 'x'.repeat(5000) }))],
  [
    'the witness’s ledger ID stored as text',
    (rt) => setWitness(rt, (w) => JSON.stringify({ ...w, ledger: String(w.ledger) })),
  ],
  [
    'the witness’s day in another format',
    (rt) => setWitness(rt, (w) => JSON.stringify({ ...w, day: '11/24/2026' })),
  ],
  [
    'the witness’s count stored as text',
    (rt) => setWitness(rt, (w) => JSON.stringify({ ...w, count: String(w.count) })),
  ],
  ['the witness not JSON at all', (rt) => setWitness(rt, () => 'ledger 12345 on 2026-11-24')],
];

describe('ledger damage: a same-day rerun sends nothing and tells the owner; the next day sends normally', () => {
  it.each(['document', 'none'] as const)(
    'undamaged (triggerContext %s): a rerun sends nothing, and nobody is told anything',
    (ctx) => {
      const rt = start({ triggerContext: ctx });
      on(rt);
      const uid = rt.triggers[0].id;
      expect(rt.fireTrigger<Run>(uid).status).toBe('done');
      expect(digests(rt)).toHaveLength(3);
      rt.setNow(DAY1_LATER);
      expect(rt.fireTrigger<Run>(uid).status).toBe('done');
      expect(rt.mail.outbox).toHaveLength(3);
    },
  );

  for (const ctx of ['document', 'none'] as const) {
    it.each(damages)(`%s (timed run, triggerContext ${ctx})`, (_, damage) => {
      const rt = start({ triggerContext: ctx });
      on(rt);
      const uid = rt.triggers[0].id;
      rt.fireTrigger<Run>(uid);
      expect(digests(rt)).toHaveLength(3);
      damage(rt);
      rt.setNow(DAY1_LATER);
      const again = rt.fireTrigger<Run>(uid);
      expect(digests(rt)).toHaveLength(3);
      expect(again.status).toBe('failed');
      expect(again.detail).toMatch(/sent nothing/);
      // Loud: one email to the owner, the log and the sidebar's last run say why.
      expect(notices(rt).map((m) => m.to)).toEqual([LEAD]);
      expect(notices(rt)[0].body).toContain(again.detail);
      expect(rt.values(SHEET.reminderLog).some((r) => r[5] === again.detail)).toBe(true);
      expect(rt.call<ReminderPanel>('getReminderPanel').lastRunStatus).toContain(again.detail);
      // A third run the same day still sends nothing (what was lost is not rebuilt into a licence to resend).
      const third = rt.fireTrigger<Run>(uid);
      expect(third.status).toBe('failed');
      expect(digests(rt)).toHaveLength(3);
      expect(notices(rt)).toHaveLength(1);
      rt.setNow(DAY2);
      const next = rt.fireTrigger<Run>(uid);
      expect(next.status).toBe('done');
      expect(notices(rt)).toHaveLength(1);
      // And the day after is back to normal: a rerun sends nothing and says nothing.
      const count = digests(rt).length;
      expect(rt.fireTrigger<Run>(uid).status).toBe('done');
      expect(digests(rt)).toHaveLength(count);
    });
  }

  it('the witness kept only in document properties (a run as another editor) still catches cleared rows', () => {
    const rt = start({ triggerContext: 'document' });
    on(rt);
    rt.call('runReminders');
    expect(digests(rt)).toHaveLength(3);
    rt.properties.user.delete(witnessKey(rt));
    damages[0][1](rt);
    const again = rt.call<Run>('runReminders');
    expect(again.status).toBe('failed');
    expect(digests(rt)).toHaveLength(3);
    expect(notices(rt).map((m) => m.to)).toEqual([LEAD]);
  });
});

describe('clearing the ledger’s rows, through the menu', () => {
  it('rerun the same day: 0 digests, the run says why', () => {
    const rt = start();
    rt.call('runReminders');
    expect(digests(rt)).toHaveLength(3);
    damages[0][1](rt);
    const again = rt.call<Run>('runReminders');
    expect(digests(rt)).toHaveLength(3);
    expect(again.status).toBe('failed');
    expect(again.detail).toMatch(/^The Reminder ledger .*sent nothing/);
    expect(rt.ui.toasts.some((t) => t.includes('sent nothing'))).toBe(true);
  });
});

describe('settings that survive their mirror', () => {
  it('a timed run without document properties: the ledger deleted costs at most that day’s mail', () => {
    const rt = start({ triggerContext: 'none' });
    on(rt);
    const uid = rt.triggers[0].id;
    rt.fireTrigger<Run>(uid);
    expect(digests(rt)).toHaveLength(3);
    edit(rt, `ss.deleteSheet(ss.getSheetByName('${LEDGER}'));`);
    rt.setNow(DAY1_LATER);
    expect(rt.fireTrigger<Run>(uid).status).toBe('failed');
    expect(digests(rt)).toHaveLength(3);
    for (const [i, day] of ['2026-11-25', '2026-11-26', '2026-11-27'].entries()) {
      rt.setNow(new Date(`${day}T13:30:00Z`));
      const run = rt.fireTrigger<Run>(uid);
      expect(run.status, run.detail).toBe('done');
      if (i === 0) expect(digests(rt).length).toBeGreaterThan(3);
    }
    expect(notices(rt)).toHaveLength(1);
  });

  it('deleted before the day’s run: that day’s mail goes as usual, from the owner’s own copy of the settings', () => {
    const rt = start({ triggerContext: 'none' });
    on(rt);
    edit(rt, `ss.deleteSheet(ss.getSheetByName('${LEDGER}'));`);
    const run = rt.fireTrigger<Run>(rt.triggers[0].id);
    expect(run.status, run.detail).toBe('done');
    expect(digests(rt)).toHaveLength(3);
    expect(run.detail).toMatch(/your own copy/);
  });

  it('the owner’s copy is keyed by spreadsheet and dropped when reminders are turned off', () => {
    const rt = start();
    on(rt);
    const key = `resultsLadder.settingsCopy.${rt.spreadsheetIds()[0]}`;
    const copy = JSON.parse(rt.properties.user.get(key) ?? 'null') as { settings: string } | null;
    expect(JSON.parse(copy?.settings ?? '{}')).toMatchObject({ leaderEmail: LEAD, remindersOwner: LEAD });
    expect(rt.call<{ ok: boolean }>('turnRemindersOff').ok).toBe(true);
    expect(rt.properties.user.get(key)).toBeUndefined();
  });
});

describe('a timed run with and without document properties', () => {
  it.each(['none', 'document'] as const)('triggerContext %s: every reminder step runs', (ctx) => {
    const rt = start({ triggerContext: ctx });
    on(rt);
    const run = rt.fireTrigger<Run>(rt.triggers[0].id);
    expect(run.status, run.detail).toBe('done');
    expect(
      digests(rt)
        .map((m) => m.to)
        .sort(),
    ).toEqual([JONAS, LEAD, MAYA]);
    // The ledger recorded them, the witness saw them, the log says so, history was written.
    expect(rt.values(LEDGER).filter((r) => r[0] === 'sent')).toHaveLength(3);
    expect(JSON.parse(rt.properties.user.get(witnessKey(rt)) ?? '{}')).toMatchObject({
      day: '2026-11-24',
      count: 3,
    });
    expect(rt.values(SHEET.reminderLog).filter((r) => r[4] === 'sent')).toHaveLength(3);
    expect(run.detail).not.toMatch(/Ladder history not written/);
    expect(rt.values(SHEET.history).length).toBeGreaterThan(1);
  });
});

describe('ledger writes go through the text guard', () => {
  it('an Account ID that reads as a formula is kept as text, and the day reads back either way Sheets answers', () => {
    const rt = start();
    const accounts = rt.values(SHEET.accounts);
    accounts[1][0] = '+1-555';
    rt.setValues(SHEET.accounts, accounts);
    rt.call('runReminders');
    expect(digests(rt)).toHaveLength(3);
    const rows = rt.values(LEDGER).filter((r) => r[0] === 'sent');
    expect(rows.map((r) => r[1])).toEqual(['2026-11-24', '2026-11-24', '2026-11-24']);
    expect(rows.some((r) => String(r[3]).split('\n').includes('+1-555/triage'))).toBe(true);
    // Were Sheets to keep the quote prefix on the ledger's plain-text cells (undocumented), the ledger reads the same:
    // the cells the guard prefixed (the day, keys starting with '+') get their apostrophe back here.
    const [header, state, ...records] = rt.values(LEDGER);
    rt.setValues(LEDGER, [
      header,
      state,
      ...records.map((r) => r.map((v) => (/^(\d{4}-\d{2}-\d{2}$|\+)/.test(String(v)) ? `'${String(v)}` : v))),
    ]);
    expect(rt.values(LEDGER).some((r) => String(r[1]).startsWith("'"))).toBe(true);
    const again = rt.call<Run>('runReminders');
    expect(again.status, again.detail).toBe('done');
    expect(rt.mail.outbox).toHaveLength(3);
  });
});

describe('reminders turned on by an earlier version (no owner’s copy yet)', () => {
  it('the first timed run keeps the owner’s copy from the ledger’s, so a later deletion costs at most a day', () => {
    const rt = start({ triggerContext: 'none' });
    on(rt);
    const uid = rt.triggers[0].id;
    rt.properties.user.delete(`resultsLadder.settingsCopy.${rt.spreadsheetIds()[0]}`);
    expect(rt.fireTrigger<Run>(uid).status).toBe('done');
    edit(rt, `ss.deleteSheet(ss.getSheetByName('${LEDGER}'));`);
    rt.setNow(DAY2);
    const run = rt.fireTrigger<Run>(uid);
    expect(run.status, run.detail).toBe('done');
    expect(run.detail).toMatch(/your own copy/);
  });
});
