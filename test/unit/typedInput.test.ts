// Numbers and dates as a person typed them: the spreadsheet locale's decimal mark, complete ISO dates only.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/dates';
import { isCalendarDay, isoDay, numberStyleOf, parseLocaleNumber } from '../../src/core/typedInput';

describe('parseLocaleNumber', () => {
  const cases: [string, string, number | null][] = [
    ['40', 'en_US', 40],
    [' 40 ', 'en_US', 40],
    ['-2.75', 'en_US', -2.75],
    ['+3', 'en_US', 3],
    ['.5', 'en_US', 0.5],
    ['1,200', 'en_US', 1200],
    ['1,234,567.25', 'en_US', 1234567.25],
    ['1e3', 'en_US', 1000],
    ['1,5', 'en_US', null],
    ['2,75', 'en_US', null],
    ['12,34', 'en_US', null],
    ['1.234,5', 'en_US', null],
    ['1,5', 'de_DE', 1.5],
    ['2,75', 'de_DE', 2.75],
    ['1.234,5', 'de_DE', 1234.5],
    ['1234,5', 'de_DE', 1234.5],
    ['1.5', 'de_DE', null],
    ['1,234.5', 'de_DE', null],
    ['1 234,5', 'fr_FR', 1234.5],
    ['1\u202f234,5', 'fr_FR', 1234.5],
    ['0,5', 'pt_BR', 0.5],
    ['1.5', 'es_MX', 1.5],
    ['1’234.5', 'de_CH', 1234.5],
    ['1.5', 'ja_JP', 1.5],
    ['1.5', 'fil', 1.5],
    ['0x10', 'en_US', null],
    ['0b101', 'en_US', null],
    ['0o17', 'en_US', null],
    ['Infinity', 'en_US', null],
    ['-Infinity', 'en_US', null],
    ['NaN', 'en_US', null],
    ['1e999', 'en_US', null],
    ['forty', 'en_US', null],
    ['40%', 'en_US', null],
    ['', 'en_US', null],
    ['-', 'en_US', null],
    ['1,,000', 'en_US', null],
  ];
  it.each(cases)('%j in %s → %s', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale)).toBe(expected);
  });

  it('knows which locales write a decimal comma', () => {
    expect(numberStyleOf('en_US').decimal).toBe('.');
    expect(numberStyleOf('en_GB').decimal).toBe('.');
    expect(numberStyleOf('de_DE').decimal).toBe(',');
    expect(numberStyleOf('de_AT').decimal).toBe(',');
    expect(numberStyleOf('de_CH').decimal).toBe('.');
    expect(numberStyleOf('fr_FR').decimal).toBe(',');
    expect(numberStyleOf('ru').decimal).toBe(',');
    expect(numberStyleOf('xx_YY').decimal).toBe('.');
  });
});

describe('isoDay', () => {
  const cases: [string, string | null][] = [
    ['2026-03-01', '2026-03-01'],
    [' 2026-03-01 ', '2026-03-01'],
    ['2026-03-01 or maybe April', null],
    ['2026-03-01T25:99', null],
    ['2026-03-01T10:00', null],
    ['2026-02-30', null],
    ['2026-3-1', null],
    ['03/01/2026', null],
    ['March 1, 2026', null],
  ];
  it.each(cases)('%j → %s', (text, iso) => {
    expect(isoDay(text)).toBe(iso === null ? null : dayFromIso(iso));
  });
});

describe('isCalendarDay', () => {
  it("refuses Sheets' day zero (a time typed without a date) and anything past 9999", () => {
    expect(isCalendarDay(dayFromIso('1899-12-30'))).toBe(false);
    expect(isCalendarDay(dayFromIso('1899-12-31'))).toBe(false);
    expect(isCalendarDay(dayFromIso('1900-01-01'))).toBe(true);
    expect(isCalendarDay(dayFromIso('2026-03-01'))).toBe(true);
    expect(isCalendarDay(dayFromIso('9999-12-31'))).toBe(true);
    expect(isCalendarDay((dayFromIso('9999-12-31') as number) + 1)).toBe(false);
    expect(isCalendarDay(Number.NaN)).toBe(false);
    expect(isCalendarDay(null)).toBe(false);
  });
});
