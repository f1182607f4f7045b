// The runtime where Apps Script is stricter than a kind model: several spreadsheets for one user, per-spreadsheet
// triggers, time-driven runs without a containing document, openById refused, and runs killed mid-way.
import { describe, expect, it } from 'vitest';
import { loadProject } from './scriptProject';
import { EXECUTION_KILLED, OPEN_BY_ID_REFUSED, type RuntimeOptions } from '../../local/runtime/index';

const project = loadProject;

const TWO: RuntimeOptions = {
  sheets: { Data: [['A'], ['in A']] },
  spreadsheets: [{ id: 'sheet-b', name: 'Team B', sheets: { Data: [['B'], ['in B']] } }],
};

const CODE = `
  function on() { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(8).create().getUniqueId(); }
  function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) { return t.getUniqueId(); }); }
  function all() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }
  function tick(e) {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    return {
      uid: e.triggerUid,
      active: ss ? ss.getId() : null,
      lock: LockService.getDocumentLock() === null ? null : 'lock',
      props: PropertiesService.getDocumentProperties() === null ? null : 'props',
      user: Session.getEffectiveUser().getEmail(),
    };
  }
  function open(id) { return SpreadsheetApp.openById(id).getSheetByName('Data').getRange(2, 1).getValue(); }
  function name() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
  function setProp(v) { PropertiesService.getDocumentProperties().setProperty('k', v); }
  function sendThree() { for (var i = 0; i < 3; i++) { MailApp.sendEmail('a@acme.example', 's' + i, 'b'); } }
  function sendThenLog() { try { sendThree(); } catch (e) { PropertiesService.getUserProperties().setProperty('after', 'ran'); throw e; } }
`;

describe('several spreadsheets for one user', () => {
  it('each has its own sheets and document properties; open() chooses the one in use', () => {
    const rt = project(CODE, TWO);
    const [a, b] = rt.spreadsheetIds();
    expect(b).toBe('sheet-b');
    rt.call('setProp', 'for A');
    rt.open(b);
    expect(rt.call('name')).toBe('Team B');
    expect(rt.values('Data')).toEqual([['B'], ['in B']]);
    expect(rt.properties.document.get('k')).toBeUndefined();
    rt.open(a);
    expect(rt.properties.document.get('k')).toBe('for A');
  });

  it('getUserTriggers(ss) lists only that spreadsheet’s triggers; getProjectTriggers every one of the user', () => {
    const rt = project(CODE, TWO);
    const inA = rt.call<string>('on');
    rt.open('sheet-b');
    const inB = rt.call<string>('on');
    expect(rt.call('mine')).toEqual([inB]);
    expect(rt.call('all')).toEqual([inA, inB]);
    expect(rt.triggers.map((t) => t.spreadsheetId)).toEqual([rt.spreadsheetIds()[0], 'sheet-b']);
  });
});

describe('document locks', () => {
  it('are one per spreadsheet: a run holding A’s does not block B', () => {
    const rt = project(`${CODE} function lock() { return LockService.getDocumentLock().tryLock(10); }`, TWO);
    const release = rt.locks.holdDocumentLock();
    expect(rt.call('lock')).toBe(false);
    rt.open('sheet-b');
    expect(rt.call('lock')).toBe(true);
    release();
  });
});

describe('time-driven runs', () => {
  it('by default get no active spreadsheet, no document lock and no document properties; e.triggerUid is set', () => {
    const rt = project(CODE, TWO);
    const uid = rt.call<string>('on');
    expect(rt.fireTrigger(uid)).toEqual({
      uid,
      active: null,
      lock: null,
      props: null,
      user: 'lead@acme.example',
    });
  });

  it("with triggerContext 'document' run in the trigger's spreadsheet", () => {
    const rt = project(CODE, { ...TWO, triggerContext: 'document' });
    rt.open('sheet-b');
    const uid = rt.call<string>('on');
    rt.open(rt.spreadsheetIds()[0]);
    expect(rt.fireTrigger(uid)).toMatchObject({ uid, active: 'sheet-b', lock: 'lock', props: 'props' });
  });

  it('run as the trigger’s owner, whoever has the sheet open', () => {
    const rt = project(CODE, TWO);
    const uid = rt.call<string>('on');
    rt.setUser('someone@acme.example');
    expect(rt.fireTrigger<{ user: string }>(uid).user).toBe('lead@acme.example');
  });
});

describe('openById', () => {
  it('opens the spreadsheets the runtime knows, or refuses as a narrow scope would', () => {
    expect(project(CODE, TWO).call('open', 'sheet-b')).toBe('in B');
    expect(() => project(CODE, { ...TWO, openById: 'refused' }).call('open', 'sheet-b')).toThrow(
      OPEN_BY_ID_REFUSED,
    );
  });
});

describe('killAfter', () => {
  it('ends the execution after the k-th call: nothing after it reaches a service, the next run is normal', () => {
    const rt = project(CODE);
    rt.killAfter('MailApp.sendEmail', 2);
    expect(() => rt.call('sendThenLog')).toThrow(EXECUTION_KILLED);
    expect(rt.mail.outbox).toHaveLength(2);
    expect(rt.properties.user.get('after')).toBeUndefined();
    rt.call('sendThree');
    expect(rt.mail.outbox).toHaveLength(5);
  });
});
