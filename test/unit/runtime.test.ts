// The in-memory Apps Script runtime behaves like Sheets and the Apps Script services where the product relies on it.
import { describe, expect, it } from 'vitest';
import { loadProject } from './scriptProject';
import { parseA1 } from '../../local/runtime/a1';
import { formatDate } from '../../local/runtime/utilities';

const project = loadProject;

describe('A1 notation', () => {
  it.each([
    ['A1', { sheet: null, row: 1, column: 1, lastRow: 1, lastColumn: 1 }],
    ['B2:D5', { sheet: null, row: 2, column: 2, lastRow: 5, lastColumn: 4 }],
    ['D5:B2', { sheet: null, row: 2, column: 2, lastRow: 5, lastColumn: 4 }],
    ['A:O', { sheet: null, row: 1, column: 1, lastRow: null, lastColumn: 15 }],
    ['Accounts!A:D', { sheet: 'Accounts', row: 1, column: 1, lastRow: null, lastColumn: 4 }],
    ["'Ladder history'!A2:C", { sheet: 'Ladder history', row: 2, column: 1, lastRow: null, lastColumn: 3 }],
    ["'It''s'!$A$1", { sheet: "It's", row: 1, column: 1, lastRow: 1, lastColumn: 1 }],
    ['2:3', { sheet: null, row: 2, column: 1, lastRow: 3, lastColumn: null }],
    ['AA10', { sheet: null, row: 10, column: 27, lastRow: 10, lastColumn: 27 }],
  ])('%s', (text, ref) => {
    expect(parseA1(text)).toEqual(ref);
  });

  it.each(['', 'A0', '1A', 'A1:B2:C3', 'Sheet!', 'A'])('%s is not a range', (text) => {
    expect(parseA1(text)).toBeNull();
  });
});

describe('ranges and values', () => {
  const code = `
function wholeColumns(a1) { return SpreadsheetApp.getActive().getRange(a1).getValues(); }
function lastRow(name) { return SpreadsheetApp.getActive().getSheetByName(name).getLastRow(); }
function lastColumn(name) { return SpreadsheetApp.getActive().getSheetByName(name).getLastColumn(); }
function dataRange(name) { var r = SpreadsheetApp.getActive().getSheetByName(name).getDataRange(); return [r.getA1Notation(), r.getValues()]; }
function write(name, row, col, values) { SpreadsheetApp.getActive().getSheetByName(name).getRange(row, col, values.length, values[0].length).setValues(values); }
function writeA1(a1, values) { SpreadsheetApp.getActive().getRange(a1).setValues(values); }
function clear(name, a1) { SpreadsheetApp.getActive().getSheetByName(name).getRange(a1).clearContent(); }
function textFormat(name, a1) { SpreadsheetApp.getActive().getSheetByName(name).getRange(a1).setNumberFormat('@'); }
function display(a1) { return SpreadsheetApp.getActive().getRange(a1).getDisplayValues(); }
function kinds(a1) { return SpreadsheetApp.getActive().getRange(a1).getValues()[0].map(function (v) { return v instanceof Date ? 'date' : typeof v; }); }
function mutateCopy(a1) { var v = SpreadsheetApp.getActive().getRange(a1).getValues(); v[0][0] = 'changed'; return SpreadsheetApp.getActive().getRange(a1).getValue(); }
function outside(name) { return SpreadsheetApp.getActive().getSheetByName(name).getRange(1001, 1).getValue(); }
function zeroRows(name) { return SpreadsheetApp.getActive().getSheetByName(name).getRange(2, 1, 0, 3).getValues(); }
function append(name, row) { SpreadsheetApp.getActive().getSheetByName(name).appendRow(row); }
`;
  const sheets = {
    Accounts: [
      ['Account ID', 'Account', 'Start date'],
      ['A-1', 'Acme', new Date('2026-01-05T00:00:00Z')],
      ['A-2', 'Globex', ''],
    ],
  };

  it('a whole-column range passes every row of the grid, trailing blanks as ""', () => {
    const rt = project(code, { sheets });
    const values = rt.call<unknown[][]>('wholeColumns', 'Accounts!A:B');
    expect(values).toHaveLength(1000);
    expect(values[1]).toEqual(['A-1', 'Acme']);
    expect(values[999]).toEqual(['', '']);
    expect(rt.call<unknown[][]>('wholeColumns', 'Accounts!B2:C')).toHaveLength(999);
  });

  it('a sheet larger than the default grid is covered in full by a whole-column range', () => {
    const rows: unknown[][] = [['Week', 'Account ID']];
    for (let i = 0; i < 2500; i++) rows.push([i, `A-${i}`]);
    const rt = project(code, { sheets: { Usage: rows } });
    const values = rt.call<unknown[][]>('wholeColumns', 'Usage!A:B');
    expect(values).toHaveLength(2501);
    expect(values[2500]).toEqual([2499, 'A-2499']);
  });

  it('getLastRow and getDataRange ignore trailing blank rows and columns', () => {
    const rt = project(code, { sheets });
    rt.call('write', 'Accounts', 10, 5, [['late']]);
    expect(rt.call('lastRow', 'Accounts')).toBe(10);
    expect(rt.call('lastColumn', 'Accounts')).toBe(5);
    rt.call('clear', 'Accounts', 'E10');
    expect(rt.call('lastRow', 'Accounts')).toBe(3);
    expect(rt.call('lastColumn', 'Accounts')).toBe(3);
    const [a1, values] = rt.call<[string, unknown[][]]>('dataRange', 'Accounts');
    expect(a1).toBe('A1:C3');
    expect(values[2]).toEqual(['A-2', 'Globex', '']);
  });

  it('setValues of the wrong shape fails with Apps Script’s text', () => {
    const rt = project(code, { sheets });
    expect(() => rt.call('writeA1', 'Accounts!A2:C3', [[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => rt.call('writeA1', 'Accounts!A2:C2', [[1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('counts the cells each call moves beside the calls, so budgets can hold on data moved', () => {
    const rt = project(code, { sheets });
    rt.calls.reset();
    rt.call('wholeColumns', 'Accounts!A1:C3');
    rt.call('write', 'Accounts', 2, 2, [['Initech'], ['Umbrella']]);
    rt.call('display', 'Accounts!A1');
    expect(rt.calls.count('Range.getValues')).toBe(1);
    expect(rt.calls.cells('Range.getValues')).toBe(9);
    expect(rt.calls.cells('Range.setValues')).toBe(2);
    expect(rt.calls.cells('Range.getDisplayValues')).toBe(1);
    expect(rt.calls.cells('Range')).toBe(12);
    expect(rt.calls.cells('Sheet.getRange')).toBe(0);
    expect(rt.calls.cellsByMethod()).toEqual({
      'Range.getDisplayValues': 1,
      'Range.getValues': 9,
      'Range.setValues': 2,
    });
    rt.calls.reset();
    expect(rt.calls.cells()).toBe(0);
  });

  it('ranges outside the grid and empty ranges fail as in Sheets', () => {
    const rt = project(code, { sheets });
    expect(() => rt.call('outside', 'Accounts')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => rt.call('zeroRows', 'Accounts')).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('inserting rows after the last row of the grid makes room for a larger write', () => {
    const rt = project(
      `function grow(name, rows) {
        var sheet = SpreadsheetApp.getActive().getSheetByName(name);
        sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
        sheet.getRange(rows, 1).setValue('last');
        return sheet.getMaxRows();
      }`,
      { sheets },
    );
    expect(rt.call('grow', 'Accounts', 10_001)).toBe(10_001);
    expect(rt.values('Accounts')).toHaveLength(10_001);
    expect(rt.values('Accounts')[1]).toEqual(['A-1', 'Acme', new Date('2026-01-05T05:00:00Z')]);
  });

  it('appendRow grows the grid past its last row', () => {
    const rows: unknown[][] = [['Week']];
    for (let i = 1; i < 1000; i++) rows.push([i]);
    const rt = project(code, { sheets: { Usage: rows } });
    rt.call('append', 'Usage', [1000]);
    expect(rt.call('lastRow', 'Usage')).toBe(1001);
    expect(rt.spreadsheet.maxRows('Usage')).toBe(1001);
  });

  it('text starting with = becomes a formula unless the cell is plain text; an apostrophe keeps text', () => {
    const rt = project(code, { sheets });
    rt.call('textFormat', 'Accounts', 'B5');
    rt.call('writeA1', 'Accounts!A4:C5', [
      ['=1+1', "'=HYPERLINK(1)", '00123'],
      ['x', '=not a formula', 'TRUE'],
    ]);
    expect(rt.values('Accounts').slice(3)).toEqual([
      ['', '=HYPERLINK(1)', 123],
      ['x', '=not a formula', true],
    ]);
    expect(rt.spreadsheet.formulas('Accounts')[3]).toEqual(['=1+1', '', '']);
    expect(rt.spreadsheet.formulas('Accounts')[4]).toEqual(['', '', '']);
  });

  it("a leading apostrophe is Sheets' quote prefix, never part of the value, on plain-text cells too", () => {
    const rt = project(code, { sheets });
    rt.call('textFormat', 'Accounts', 'A4:C4');
    rt.call('writeA1', 'Accounts!A4:C5', [
      ["'=1+1", "'00123", "''quoted"],
      ["'=1+1", "'00123", "''quoted"],
    ]);
    // Typed input: the first apostrophe keeps the rest as text and is not stored; a second one is text.
    expect(rt.values('Accounts').slice(3)).toEqual([
      ['=1+1', '00123', "'quoted"],
      ['=1+1', '00123', "'quoted"],
    ]);
    expect(rt.spreadsheet.formulas('Accounts').slice(3)).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('numbers, booleans and blanks keep their kind; getValues returns fresh copies', () => {
    const rt = project(code, { sheets });
    rt.call('writeA1', 'Accounts!A4:D4', [[1.5, false, null, new Date('2026-03-01T12:00:00Z')]]);
    expect(rt.call('kinds', 'Accounts!A4:D4')).toEqual(['number', 'boolean', 'string', 'date']);
    expect(rt.call('mutateCopy', 'Accounts!A2')).toBe('A-1');
  });

  it('display values show dates as yyyy-MM-dd in the sheet’s zone and numbers as text', () => {
    const rt = project(code, { sheets, timeZone: 'Asia/Tokyo' });
    rt.call('writeA1', 'Accounts!A5:B5', [[42, true]]);
    expect(rt.call('display', 'Accounts!C2')).toEqual([['2026-01-05']]);
    expect(rt.call('display', 'Accounts!A5:B5')).toEqual([['42', 'TRUE']]);
  });
});

describe('dates cross into the script’s realm', () => {
  const code = `
function describe(d) { return { isDate: d instanceof Date, iso: d.toISOString(), nested: arguments[1].when instanceof Date }; }
function cell() { var v = SpreadsheetApp.getActive().getRange('Accounts!B2').getValue(); return [v instanceof Date, v]; }
function now() { return [new Date().toISOString(), Date.now(), new Date(0).toISOString(), new Date() instanceof Date]; }
function writeDate(d) { SpreadsheetApp.getActive().getRange('Accounts!C2').setValue(d); }
`;
  const sheets = {
    Accounts: [
      ['Account ID', 'Start date'],
      ['A-1', new Date('2026-01-05T00:00:00Z')],
    ],
  };

  it('arguments are converted deeply and results come back as host Dates', () => {
    const rt = project(code, { sheets });
    const when = new Date('2026-11-24T10:00:00Z');
    expect(rt.call('describe', when, { when })).toEqual({
      isDate: true,
      iso: when.toISOString(),
      nested: true,
    });
    const [isDate, value] = rt.call<[boolean, Date]>('cell');
    expect(isDate).toBe(true);
    expect(value).toBeInstanceOf(Date);
    // A date-only setup value is that calendar day at midnight in the spreadsheet's zone (New York, UTC-5).
    expect(value.toISOString()).toBe('2026-01-05T05:00:00.000Z');
  });

  it('the clock inside the script is the runtime’s', () => {
    const rt = project(code, { sheets, now: new Date('2026-11-24T15:30:00Z') });
    expect(rt.call('now')).toEqual([
      '2026-11-24T15:30:00.000Z',
      Date.parse('2026-11-24T15:30:00Z'),
      '1970-01-01T00:00:00.000Z',
      true,
    ]);
    rt.setNow(new Date('2026-12-01T00:00:00Z'));
    expect(rt.call<string[]>('now')[0]).toBe('2026-12-01T00:00:00.000Z');
  });

  it('a Date the script writes keeps its instant', () => {
    const rt = project(code, { sheets });
    const at = new Date('2026-11-24T17:45:00Z');
    rt.call('writeDate', at);
    expect(rt.values('Accounts')[1][2]).toEqual(at);
  });
});

describe('services', () => {
  it('MailApp counts recipients against the daily quota and fails with Apps Script’s text', () => {
    const rt = project(
      `function send(to) { MailApp.sendEmail(to, 'Subject', 'Body', { htmlBody: '<b>Body</b>', name: 'Results Ladder' }); return MailApp.getRemainingDailyQuota(); }
       function sendObject(m) { MailApp.sendEmail(m); }`,
      { mailQuota: 3 },
    );
    expect(rt.call('send', 'a@acme.example,b@acme.example')).toBe(1);
    rt.call('sendObject', { to: 'c@acme.example', subject: 'S', body: 'B' });
    expect(rt.mail.quota).toBe(0);
    expect(() => rt.call('send', 'd@acme.example')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.mail.outbox.map((m) => m.to)).toEqual(['a@acme.example,b@acme.example', 'c@acme.example']);
    expect(rt.mail.outbox[0]).toMatchObject({
      subject: 'Subject',
      htmlBody: '<b>Body</b>',
      name: 'Results Ladder',
    });
  });

  it('MailApp fails for a recipient the test marks as failing, and sends nothing', () => {
    const rt = project(`function send(to) { MailApp.sendEmail(to, 'S', 'B'); }`);
    rt.mail.failFor.add('bounce@acme.example');
    expect(() => rt.call('send', 'bounce@acme.example')).toThrow(/bounce@acme.example/);
    expect(rt.mail.outbox).toEqual([]);
    expect(rt.mail.quota).toBe(100);
  });

  it('a lock another run holds makes tryLock false and waitLock time out', () => {
    const rt = project(`
      function tryIt() { return LockService.getScriptLock().tryLock(1000); }
      function waitIt() { LockService.getDocumentLock().waitLock(1000); return true; }
      function holdAcrossRuns() { var l = LockService.getScriptLock(); l.tryLock(10); return l.hasLock(); }`);
    const release = rt.locks.holdScriptLock();
    expect(rt.call('tryIt')).toBe(false);
    release();
    expect(rt.call('tryIt')).toBe(true);
    expect(rt.call('holdAcrossRuns')).toBe(true);
    // Locks end with the execution that took them.
    expect(rt.call('tryIt')).toBe(true);
    const releaseDoc = rt.locks.holdDocumentLock();
    expect(() => rt.call('waitIt')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    releaseDoc();
    expect(rt.call('waitIt')).toBe(true);
  });

  it('time triggers are created, listed and deleted', () => {
    const rt = project(`
      function on() { return ScriptApp.newTrigger('runReminders').timeBased().atHour(7).everyDays(1).inTimezone('Europe/Paris').create().getUniqueId(); }
      function weekly() { ScriptApp.newTrigger('digest').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create(); }
      function list() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.CLOCK]; }); }
      function off(handler) { ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t); }); }
      function badHours() { ScriptApp.newTrigger('x').timeBased().everyHours(3).create(); }
      function noRecurrence() { ScriptApp.newTrigger('x').timeBased().atHour(3).create(); }`);
    const id = rt.call<string>('on');
    // An add-on has at most one time-driven trigger per user per document.
    expect(() => rt.call('weekly')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(rt.triggers).toEqual([
      {
        id,
        user: 'lead@acme.example',
        spreadsheetId: rt.spreadsheet.id,
        handler: 'runReminders',
        type: 'CLOCK',
        atHour: 7,
        everyDays: 1,
        timeZone: 'Europe/Paris',
      },
    ]);
    expect(rt.call('list')).toEqual([['runReminders', true]]);
    rt.call('off', 'runReminders');
    rt.call('weekly');
    expect(rt.triggers).toEqual([
      expect.objectContaining({ handler: 'digest', onWeekDay: 'MONDAY', atHour: 8 }),
    ]);
    expect(() => rt.call('badHours')).toThrow('Invalid argument: hours');
    expect(() => rt.call('noRecurrence')).toThrow(
      'The trigger must have a recurrence interval or a specific time.',
    );
  });

  it('triggers belong to the user who made them: others neither see nor delete them', () => {
    const rt = project(`
      function on() { return ScriptApp.newTrigger('runReminders').timeBased().everyDays(1).atHour(8).create().getUniqueId(); }
      function list() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }
      function offAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`);
    rt.setUser('maya@acme.example');
    const maya = rt.call<string>('on');
    rt.setUser('lead@acme.example');
    const lead = rt.call<string>('on');
    expect(rt.call('list')).toEqual([lead]);
    rt.call('offAll');
    expect(rt.triggers.map((t) => [t.id, t.user])).toEqual([[maya, 'maya@acme.example']]);
    rt.setUser('maya@acme.example');
    expect(rt.call('list')).toEqual([maya]);
    rt.call('offAll');
    expect(rt.triggers).toEqual([]);
  });

  it('properties are strings per store; authorization info follows the runtime', () => {
    const rt = project(`
      function save() { PropertiesService.getDocumentProperties().setProperty('n', 5).setProperties({ a: true }); }
      function read() { return PropertiesService.getDocumentProperties().getProperties(); }
      function auth() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED; }`);
    rt.call('save');
    expect(rt.call('read')).toEqual({ n: '5', a: 'true' });
    expect(rt.properties.document.get('n')).toBe('5');
    expect(rt.properties.script.size).toBe(0);
    expect(rt.call('auth')).toBe(false);
    rt.authorization.required = true;
    expect(rt.call('auth')).toBe(true);
  });

  it('the Ui records menus, sidebars, dialogs and alerts', () => {
    const rt = project(`
      function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addItem('Settings', 'showSettings').addToUi(); }
      function show() {
        var ui = SpreadsheetApp.getUi();
        ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Results Ladder'));
        ui.showModalDialog(HtmlService.createHtmlOutput('<p>brief</p>'), 'QBR brief');
        return ui.alert('Done') === ui.Button.OK;
      }`);
    rt.call('onOpen', { authMode: rt.authMode('NONE') });
    expect(rt.ui.menus).toEqual([
      {
        title: '',
        addon: true,
        items: [
          { caption: 'Open sidebar', fn: 'showSidebar' },
          { caption: 'Settings', fn: 'showSettings' },
        ],
      },
    ]);
    expect(rt.call('show')).toBe(true);
    expect(rt.ui.sidebars).toEqual([{ title: 'Results Ladder', html: '<p>hi</p>' }]);
    expect(rt.ui.dialogs).toEqual([{ title: 'QBR brief', html: '<p>brief</p>' }]);
    expect(rt.ui.alerts).toEqual(['Done']);
  });

  it('digests are signed bytes like Apps Script’s', () => {
    const rt = project(
      `function md5(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, s); }`,
    );
    // md5('abc') = 90 01 50 98 3c d2 4f b0 d6 96 3f 7d 28 e1 7f 72
    expect(rt.call('md5', 'abc')).toEqual([
      -112, 1, 80, -104, 60, -46, 79, -80, -42, -106, 63, 125, 40, -31, 127, 114,
    ]);
  });
});

describe('call counting', () => {
  it('counts every service call by Class.method', () => {
    const rows: unknown[][] = [['Week', 'Account ID', 'Active users', 'Key actions']];
    for (let i = 0; i < 999; i++) rows.push([i, `A-${i}`, i % 7, i % 3]);
    const rt = project(
      `function readOnce() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Usage').getDataRange().getValues().length; }`,
      { sheets: { Usage: rows } },
    );
    expect(rt.calls.count()).toBe(0);
    expect(rt.call('readOnce')).toBe(1000);
    expect(rt.calls.byMethod()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
    expect(rt.calls.count('Range')).toBe(1);
    rt.calls.reset();
    expect(rt.calls.count()).toBe(0);
  });

  it('only the services’ methods are visible to the script', () => {
    const rt = project(
      `function peek() { var r = SpreadsheetApp.getActive().getRange('A1'); return [typeof r.sheet, typeof r._self, typeof r.getValues]; }`,
    );
    expect(rt.call('peek')).toEqual(['undefined', 'undefined', 'function']);
  });
});

describe('Utilities.formatDate', () => {
  const summer = new Date('2026-07-04T16:05:09Z');
  const winter = new Date('2026-01-04T16:05:09Z');
  it.each([
    [summer, 'America/New_York', 'yyyy-MM-dd HH:mm:ss', '2026-07-04 12:05:09'],
    [winter, 'America/New_York', 'yyyy-MM-dd HH:mm:ss', '2026-01-04 11:05:09'],
    [summer, 'America/New_York', 'XXX Z', '-04:00 -0400'],
    [winter, 'America/New_York', 'XXX Z', '-05:00 -0500'],
    [summer, 'Etc/UTC', 'XXX', 'Z'],
    [summer, 'Europe/Berlin', "EEE, d MMM yy 'at' h:mm a", 'Sat, 4 Jul 26 at 6:05 PM'],
    [summer, 'Asia/Kolkata', 'EEEE d MMMM yyyy H:mm', 'Saturday 4 July 2026 21:35'],
    [new Date('2026-03-08T06:59:00Z'), 'America/New_York', 'HH:mm XXX', '01:59 -05:00'],
    [new Date('2026-03-08T07:00:00Z'), 'America/New_York', 'HH:mm XXX', '03:00 -04:00'],
    [new Date('2026-11-01T05:30:00Z'), 'America/New_York', 'hh:mm a z', '01:30 AM EDT'],
    [new Date('2026-11-01T06:30:00Z'), 'America/New_York', 'hh:mm a z', '01:30 AM EST'],
  ])('%s in %s as %s', (date, tz, pattern, text) => {
    expect(formatDate(date, tz, pattern)).toBe(text);
  });

  it('through the service, with the script zone when none is given', () => {
    const rt = project(
      `function f(d) { return Utilities.formatDate(d, Session.getScriptTimeZone(), 'yyyy-MM-dd'); }`,
      {
        timeZone: 'Pacific/Auckland',
      },
    );
    expect(rt.call('f', new Date('2026-11-24T12:00:00Z'))).toBe('2026-11-25');
  });
});

describe('loading', () => {
  it('top-level function declarations become globals; calling a missing one says so', () => {
    const rt = project('function onOpen() {}\nvar Lib_ = {};');
    expect(typeof rt.context.onOpen).toBe('function');
    expect(() => rt.call('onEdit')).toThrow("The bundle has no top-level function 'onEdit'");
  });

  it('every execution starts from a freshly evaluated script, as in Apps Script', () => {
    const rt = project('var runs = 0;\nfunction count() { runs++; return runs; }');
    expect(rt.call('count')).toBe(1);
    expect(rt.call('count')).toBe(1);
  });

  it('the script sees no Node globals', () => {
    const rt = project(
      `function g() { return [typeof process, typeof require, typeof setTimeout, typeof Buffer]; }`,
    );
    expect(rt.call('g')).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});

describe('scale', () => {
  it('reads a 520,000 × 4 sheet with one getValues', () => {
    const day = Date.UTC(2026, 0, 5);
    const rows: unknown[][] = [['Week', 'Account ID', 'Active users', 'Key actions']];
    for (let i = 0; i < 520_000; i++)
      rows.push([new Date(day + (i % 52) * 7 * 86_400_000), `A-${i % 10_000}`, i % 40, i % 9]);
    const rt = project(
      `function read() { var v = SpreadsheetApp.getActive().getSheetByName('Usage').getDataRange().getValues(); return [v.length, v[1][0] instanceof Date]; }`,
      { sheets: { Usage: rows } },
    );
    expect(rt.call('read')).toEqual([520_001, true]);
    expect(rt.calls.count('Range.getValues')).toBe(1);
  });
});
