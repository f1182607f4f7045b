import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayConverter, dayFromIso, daysBetween, isoOfDay } from '../../src/core/dates';

describe('dayFromIso / isoOfDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2026-03-01', 20513],
    ['2026-03-01T10:00:00Z', 20513],
    [' 2024-02-29 ', 19782],
  ])('%s is day %i', (iso, day) => {
    expect(dayFromIso(iso)).toBe(day);
    expect(isoOfDay(day)).toBe(iso.trim().slice(0, 10));
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '01/03/2026', 'March 1', '', '2026-3-1'])(
    'rejects %j',
    (text) => {
      expect(dayFromIso(text)).toBeNull();
    },
  );

  it('counts days across months and years', () => {
    const a = dayFromIso('2025-12-31')!;
    expect(addDays(a, 1)).toBe(dayFromIso('2026-01-01'));
    expect(daysBetween(a, dayFromIso('2026-03-01')!)).toBe(60);
  });
});

describe('dayConverter', () => {
  it('reads the calendar date in the given zone, not UTC', () => {
    // Midnight 1 March in New York is 05:00 UTC; midnight 1 March in Tokyo is 15:00 UTC on 28 Feb.
    expect(isoOfDay(dayConverter('America/New_York')(new Date('2026-03-01T05:00:00Z'))!)).toBe('2026-03-01');
    expect(isoOfDay(dayConverter('Asia/Tokyo')(new Date('2026-02-28T15:00:00Z'))!)).toBe('2026-03-01');
    expect(isoOfDay(dayConverter('Etc/UTC')(new Date('2026-02-28T15:00:00Z'))!)).toBe('2026-02-28');
  });

  it('answers null for an invalid Date', () => {
    expect(dayConverter('Etc/UTC')(new Date('nope'))).toBeNull();
  });
});

describe('dateOfDay', () => {
  it.each(['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Auckland', 'Etc/UTC'])(
    'round-trips through %s, across DST changes',
    (zone) => {
      const toDay = dayConverter(zone);
      for (const iso of [
        '2026-01-15',
        '2026-03-08',
        '2026-03-29',
        '2026-07-01',
        '2026-10-25',
        '2026-11-01',
      ]) {
        const day = dayFromIso(iso)!;
        const date = dateOfDay(day, zone);
        expect(toDay(date)).toBe(day);
        const hour = new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hour: 'numeric',
          hourCycle: 'h23',
        }).format(date);
        expect(Number(hour)).toBe(0);
      }
    },
  );
});

describe('isoOfDay against the Date implementation', () => {
  it('agrees for every day from 1900 to 2200', () => {
    for (let day = -25_567; day <= 84_000; day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoOfDay(day) !== expected) throw new Error(`day ${day}: ${isoOfDay(day)} ≠ ${expected}`);
    }
  });
});
