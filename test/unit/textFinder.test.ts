// The runtime's TextFinder finds cells as Apps Script documents and charges every cell it searches.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime/index';
import { formatNumber } from '../../local/runtime/sheetModel';
import { idPattern } from '../../src/gas/rowsFinder';

const dir = mkdtempSync(join(tmpdir(), 'textfinder-test-'));

const code = `
function rowsOf(a1, text, entire, regex, matchCase) {
  var f = SpreadsheetApp.getActive().getRange(a1).createTextFinder(text).matchEntireCell(entire);
  if (regex) f = f.useRegularExpression(true);
  if (matchCase) f = f.matchCase(true);
  return f.findAll().map(function (r) { return r.getA1Notation(); });
}
function next(a1, text) {
  var f = SpreadsheetApp.getActive().getRange(a1).createTextFinder(text).matchEntireCell(true);
  var a = f.findNext(); var b = f.findNext();
  return [a && a.getA1Notation(), b && b.getA1Notation()];
}
function empty() { return SpreadsheetApp.getActive().getRange('Usage!B:B').createTextFinder(''); }
`;

function runtime() {
  const file = join(dir, 'finder.js');
  writeFileSync(file, code);
  const rows: unknown[][] = [['Week', 'Account ID', 'Active users', 'Key actions']];
  for (let i = 0; i < 1000; i++) rows.push(['2026-11-16', `A-${i % 100}`, i, 1]);
  const rt = createRuntime({ sheets: { Usage: rows } });
  rt.load(file);
  return rt;
}

describe('Range.createTextFinder', () => {
  it('finds whole cells case-insensitively by default, partial matches unless matchEntireCell', () => {
    const rt = runtime();
    expect(rt.call<string[]>('rowsOf', 'Usage!B:B', 'a-7', true, false, false)).toHaveLength(10);
    expect(rt.call<string[]>('rowsOf', 'Usage!B:B', 'A-7', false, false, false)).toHaveLength(110);
    expect(rt.call<string[]>('rowsOf', 'Usage!B:B', 'a-7', true, false, true)).toHaveLength(0);
    expect(rt.call<string[]>('rowsOf', 'Usage!B:B', '\\s*A-7\\s*', true, true, true)[0]).toBe('B9');
  });

  it('walks matches with findNext', () => {
    expect(runtime().call('next', 'Usage!B:B', 'A-3')).toEqual(['B5', 'B105']);
  });

  it('refuses empty text', () => {
    expect(() => runtime().call('empty')).toThrow(/empty/);
  });

  it('charges every cell it searches, up to the last row with data, and moves no values', () => {
    const rt = runtime();
    rt.calls.reset();
    rt.call('rowsOf', 'Usage!B:B', 'A-7', true, false, false);
    expect(rt.calls.cells('TextFinder.findAll')).toBe(1001);
    expect(rt.calls.cells('Range.getValues')).toBe(0);
  });
});

describe('what a number shows through its number format (TextFinder searches it)', () => {
  it.each([
    [1001, '00000', '01001'],
    [1001, '#,##0', '1,001'],
    [1234567.5, '#,##0.00', '1,234,567.50'],
    [1001, '0', '1001'],
    [1001, '0.##', '1001'],
    [3.5, '0.0#', '3.5'],
    [-42, '000', '-042'],
    [1001, '"AC-"0000', 'AC-1001'],
    [0.25, '0%', null],
    [1001, '@', null],
    [1001, 'yyyy-mm-dd', null],
  ])('%s through %s shows %s', (v, format, shown) => {
    expect(formatNumber(v, format)).toBe(shown);
  });

  it.each([
    [
      '1001',
      ['1001', '01001', '0001001', '1,001', '1.001', '1 001', '1\u00a0001', '1001.00', ' 1001 '],
      ['11001', '1001.5', '10010', 'AC-1001'],
    ],
    ['1234567', ['1,234,567', '1.234.567', '01234567'], ['1,2345,67x']],
    ['AC-1001', ['AC-1001', ' AC-1001'], ['AC-10010', 'ac-1001x']],
    ['01001', ['01001'], ['1001', '001001']],
  ])('the ID %s is found shown as each of %j and never as %j', (id, found, not) => {
    const re = new RegExp(`^(?:${idPattern(id)})$`);
    for (const text of found) expect(re.test(text), text).toBe(true);
    for (const text of not) expect(re.test(text), text).toBe(false);
  });
});
