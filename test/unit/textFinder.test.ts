// The runtime's TextFinder finds cells as Apps Script documents and charges every cell it searches.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime/index';

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
