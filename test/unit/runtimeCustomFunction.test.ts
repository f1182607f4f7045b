// AuthMode.CUSTOM_FUNCTION in the runtime: what a custom function may not call throws Apps Script's own error text.
import { describe, expect, it } from 'vitest';
import { loadProject } from './scriptProject';
import { customFunctionRefusal } from '../../local/runtime/customFunctionMode';
import type { Runtime } from '../../local/runtime/index';

const code = `
function MAILS() { MailApp.sendEmail('a@acme.example', 'hi', 'body'); return 'sent'; }
function QUOTA() { return MailApp.getRemainingDailyQuota(); }
function TRIGGERS() { return ScriptApp.getProjectTriggers().length; }
function WHO() { return Session.getActiveUser().getEmail(); }
function ZONE() { return Session.getScriptTimeZone(); }
function WRITES() { SpreadsheetApp.getActive().getRange('Data!A1').setValue('x'); return 'wrote'; }
function CLEARS() { SpreadsheetApp.getActive().getSheetByName('Data').clearContents(); return 'cleared'; }
function INSERTS() { SpreadsheetApp.getActive().insertSheet('More'); return 'inserted'; }
function UI() { SpreadsheetApp.getUi(); return 'ui'; }
function READS() { return SpreadsheetApp.getActive().getRange('Data!A1:B2').getValues(); }
function LOCKS() { var l = LockService.getDocumentLock(); var ok = l.tryLock(100); l.releaseLock(); return ok; }
function CACHES() { CacheService.getScriptCache().put('k', 'v'); return Utilities.formatDate(new Date(0), 'UTC', 'yyyy'); }
`;

function project(): Runtime {
  return loadProject(code, {
    timeZone: 'UTC',
    sheets: {
      Data: [
        ['a', 1],
        ['b', 2],
      ],
    },
  });
}

describe('a custom function (AuthMode.CUSTOM_FUNCTION)', () => {
  it.each([
    [
      'MAILS',
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    ],
    [
      'QUOTA',
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    ],
    [
      'TRIGGERS',
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    ],
    [
      'WHO',
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    ],
    ['WRITES', 'You do not have permission to call setValue'],
    ['CLEARS', 'You do not have permission to call clearContents'],
    ['INSERTS', 'You do not have permission to call insertSheet'],
    ['UI', 'You do not have permission to call SpreadsheetApp.getUi'],
  ])('%s throws Apps Script’s permission error and changes nothing', (name, message) => {
    const rt = project();
    expect(() => rt.callAsCustomFunction(name)).toThrow(message);
    expect(rt.mail.outbox).toEqual([]);
    expect(rt.values('Data')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(rt.spreadsheet.sheetNames()).toEqual(['Data']);
  });

  it('may read the spreadsheet, take a lock, use the cache, Utilities and the script time zone', () => {
    const rt = project();
    expect(rt.callAsCustomFunction('READS')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(rt.callAsCustomFunction('LOCKS')).toBe(true);
    expect(rt.callAsCustomFunction('CACHES')).toBe('1970');
    expect(rt.callAsCustomFunction('ZONE')).toBe('UTC');
  });

  it('is one execution: the next ordinary call may send mail and write again', () => {
    const rt = project();
    expect(() => rt.callAsCustomFunction('MAILS')).toThrow(/permission/);
    expect(rt.call('MAILS')).toBe('sent');
    expect(rt.call('WRITES')).toBe('wrote');
    expect(rt.values('Data')[0][0]).toBe('x');
  });

  it('refuses by class and verb, not by a list of the bundle’s own calls', () => {
    expect(customFunctionRefusal('Range', 'getValues')).toBeNull();
    expect(customFunctionRefusal('Range', 'getDisplayValues')).toBeNull();
    expect(customFunctionRefusal('Range', 'setNumberFormat')).toBe(
      'You do not have permission to call setNumberFormat',
    );
    expect(customFunctionRefusal('Sheet', 'appendRow')).toBe('You do not have permission to call appendRow');
    expect(customFunctionRefusal('Sheet', 'deleteRows')).toBe(
      'You do not have permission to call deleteRows',
    );
    expect(customFunctionRefusal('SpreadsheetApp', 'openById')).toBe(
      'You do not have permission to call SpreadsheetApp.openById',
    );
    expect(customFunctionRefusal('Lock', 'tryLock')).toBeNull();
    expect(customFunctionRefusal('Utilities', 'formatDate')).toBeNull();
  });
});
