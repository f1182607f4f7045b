// Formula cells that call the bundle's custom functions: computed when read, spilled into the sheet, #REF! when the
// result does not fit the grid or would overwrite data, #ERROR! when the function throws (local/runtime/formulas.ts).
import { describe, expect, it } from 'vitest';
import { loadProject } from './scriptProject';
import { parseCall } from '../../local/runtime/formulas';
import type { Runtime } from '../../local/runtime/index';

const code = `
/** @customfunction */
function DOUBLE(input) { return Array.isArray(input) ? input.map(function (r) { return r.map(function (c) { return c * 2; }); }) : input * 2; }
/** @customfunction */
function STAMP(today, label) { return [[label, today]]; }
/** @customfunction */
function BROKEN() { throw new Error('no'); }
/** @customfunction */
function MAILER() { MailApp.sendEmail('a@acme.example', 's', 'b'); return 'sent'; }
function formula(a1, f) { SpreadsheetApp.getActive().getRange(a1).setFormula(f); }
function read(a1) { return SpreadsheetApp.getActive().getRange(a1).getValues(); }
function lastRow(name) { return SpreadsheetApp.getActive().getSheetByName(name).getLastRow(); }
function write(a1, values) { SpreadsheetApp.getActive().getRange(a1).setValues(values); }
function shrink(name, keep) { var s = SpreadsheetApp.getActive().getSheetByName(name); s.deleteRows(keep + 1, s.getMaxRows() - keep); }
`;

function project(): Runtime {
  return loadProject(code, {
    timeZone: 'America/New_York',
    now: new Date('2026-11-24T15:00:00Z'),
    sheets: { Data: [[1], [2], [3], [4]], Out: [['']] },
  });
}

describe('formula cells calling the bundle', () => {
  it('spill the custom function’s array from the formula cell, for the script and for tests', () => {
    const rt = project();
    rt.call('formula', 'Out!B2', '=DOUBLE(Data!A1:A4)');
    expect(rt.values('Out')).toEqual([
      ['', ''],
      ['', 2],
      ['', 4],
      ['', 6],
      ['', 8],
    ]);
    expect(rt.call('read', 'Out!B2:B3')).toEqual([[2], [4]]);
    expect(rt.call('lastRow', 'Out')).toBe(5);
    expect(rt.spreadsheet.formulas('Out')[1][1]).toBe('=DOUBLE(Data!A1:A4)');
  });

  it('follow their inputs: a write to a referenced cell changes the result on the next read', () => {
    const rt = project();
    rt.call('formula', 'Out!A1', '=DOUBLE(Data!A:A)');
    expect(rt.values('Out').slice(0, 4)).toEqual([[2], [4], [6], [8]]);
    rt.call('write', 'Data!A1', [[10]]);
    expect(rt.values('Out')[0]).toEqual([20]);
  });

  it('pass a one-cell range as its value, TODAY() as midnight of the runtime’s day, "text" as text', () => {
    const rt = project();
    rt.call('formula', 'Out!A1', '=STAMP(TODAY(), "as of")');
    rt.call('formula', 'Out!A3', '=DOUBLE(Data!A2)');
    const out = rt.values('Out');
    expect(out[0][0]).toBe('as of');
    // 2026-11-24 in New York: midnight EST is 05:00 UTC.
    expect(out[0][1]).toEqual(new Date('2026-11-24T05:00:00Z'));
    expect(out[2][0]).toBe(4);
  });

  it('show #REF! in the formula cell, and nothing else, when the result has more rows than the sheet', () => {
    const rt = project();
    rt.call('shrink', 'Out', 3);
    rt.call('formula', 'Out!A1', '=DOUBLE(Data!A1:A4)');
    expect(rt.spreadsheet.maxRows('Out')).toBe(3);
    expect(rt.values('Out')).toEqual([['#REF!']]);
    expect(rt.call('read', 'Out!A1:A3')).toEqual([['#REF!'], [''], ['']]);
  });

  it('show #REF! when the result would overwrite a cell that holds data', () => {
    const rt = project();
    rt.call('write', 'Out!A3', [['mine']]);
    rt.call('formula', 'Out!A1', '=DOUBLE(Data!A1:A4)');
    expect(rt.values('Out')).toEqual([['#REF!'], [''], ['mine']]);
  });

  it('show #ERROR! when the function throws, or calls a service a custom function may not', () => {
    const rt = project();
    rt.call('formula', 'Out!A1', '=BROKEN()');
    rt.call('formula', 'Out!A2', '=MAILER()');
    expect(rt.values('Out')).toEqual([['#ERROR!'], ['#ERROR!']]);
    expect(rt.mail.outbox).toEqual([]);
  });

  it('cost the reader nothing: the formula’s own service calls are its execution’s, not the reader’s', () => {
    const rt = project();
    rt.call('formula', 'Out!A1', '=MAILER()');
    rt.calls.reset();
    rt.call('read', 'Out!A1:A2');
    expect(rt.calls.byMethod()).toEqual({
      'Range.getValues': 1,
      'Spreadsheet.getRange': 1,
      'SpreadsheetApp.getActive': 1,
    });
  });

  it('leave formulas of any other shape blank, as before', () => {
    const rt = project();
    rt.call('formula', 'Out!A1', '=SUM(Data!A1:A4)');
    rt.call('formula', 'Out!A2', '=NOT_IN_THE_BUNDLE(Data!A1)');
    expect(rt.values('Out')).toEqual([[''], ['']]);
  });

  it.each([
    ["=LADDER(Accounts!A:O, Usage!A:D, TODAY(), 'Ladder history'!A:D)", 'LADDER', 4],
    ['=F()', 'F', 0],
    ['=F("a, b", 1.5, TRUE, )', 'F', 4],
  ])('parses %s', (formula, name, count) => {
    expect(parseCall(formula)).toMatchObject({ name });
    expect(parseCall(formula)?.args).toHaveLength(count);
  });

  it.each(['=A1+1', '=F(A1', '=F(1+2)', 'LADDER()'])('does not evaluate %s', (formula) => {
    expect(parseCall(formula)).toBeNull();
  });
});
