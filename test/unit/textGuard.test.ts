// The one text guard (src/sheets/textGuard.ts): every spelling Sheets would turn into a formula, number, date or
// boolean is flagged, and ordinary prose is left alone (it would otherwise show a stray apostrophe).
import { describe, expect, it } from 'vitest';
import { guardText, readAsNotText } from '../../src/sheets/textGuard';

const NOT_TEXT = [
  '=1+1',
  '+1-555',
  '-5',
  '@home',
  "'quoted",
  '1e3',
  '1.5E-3',
  '2E+10',
  '1200',
  '1,200',
  '.5',
  '40%',
  '$5',
  '5 €',
  '(100)',
  '2026-03-01',
  '3/1',
  '3/1/2026',
  '1.3.2026',
  '2026-03-01 14:30',
  '14:30',
  '2:30 pm',
  '1 Mar 2026',
  'March 1, 2026',
  'Mar 1',
  'TRUE',
  'false',
];
const TEXT = [
  'Close days',
  'Reporting days 6 vs 5',
  'A-1',
  'AC-1001',
  'Dana Chief',
  'Cut close from 9 to 5 days',
  '2026-11-23 12 40; 2026-11-16 11 38',
  'e3',
  'Maybe',
  '',
];

describe('the text guard', () => {
  it.each(NOT_TEXT)('%s is text Sheets would not keep: it gets the quote prefix', (s) => {
    expect(readAsNotText(s)).toBe(true);
    expect(guardText(s)).toBe(`'${s}`);
  });
  it.each(TEXT)('%s is kept as typed', (s) => {
    expect(readAsNotText(s)).toBe(false);
    expect(guardText(s)).toBe(s);
  });
  it('leaves numbers, dates and booleans meant as such alone', () => {
    const d = new Date(0);
    expect(guardText(5)).toBe(5);
    expect(guardText(d)).toBe(d);
    expect(guardText(true)).toBe(true);
    expect(guardText(null)).toBe(null);
  });
});
