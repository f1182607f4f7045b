import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  dateOfDay,
  dayConverter,
  dayFromIso,
  daysBetween,
  isoOfDay,
  SCRIPT_TIME_ZONE,
} from '../../src/core/dates';

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

// ---------- calendar days in every zone, without locale data, without Intl per date ----------

/** Every IANA zone this engine knows (Node 20's lib typings lack Intl.supportedValuesOf). */
const supportedZones = (): string[] =>
  (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');

const FROM = dayFromIso('2000-01-01')!;
const TO = dayFromIso('2030-12-31')!;

/** An independent reading of the calendar day at an instant: Intl's fields, by part type. */
function intlDay(instant: number, f: Intl.DateTimeFormat): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = Number(part.value);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / 86_400_000);
}
const formatFor = (zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });

describe('calendar days in every IANA zone, 2000–2030', () => {
  const zones = supportedZones();
  // Eight groups of zones, every zone in one of them: each group is its own test, so a loaded machine's slowness
  // never adds up past one test's timeout.
  const GROUPS = 8;
  const groups = Array.from({ length: GROUPS }, (_, g) => zones.filter((_, i) => i % GROUPS === g));

  it('knows every IANA zone', () => {
    expect(zones.length).toBeGreaterThan(400);
    expect(groups.flat().sort()).toEqual([...zones].sort());
  });

  it.each(groups.map((g, i) => [i + 1, g] as const))(
    'zones group %i: every day written (dateOfDay) reads back as the same day and is the first instant of it',
    (_group, groupZones) => {
      const failures: string[] = [];
      for (const zone of groupZones) {
        const dayOf = dayConverter(zone);
        const f = formatFor(zone);
        let t = dateOfDay(FROM, zone).getTime();
        for (let day = FROM; day <= TO; day++) {
          const next = dateOfDay(day + 1, zone).getTime();
          const back = dayOf(new Date(t));
          const before = dayOf(new Date(t - 1000));
          // A day the zone skipped altogether (Pacific/Apia, 2011-12-30) has no instant: it reads as the next day,
          // and the day after it starts right after the day before it.
          const skipped = back === day + 1 && before === day - 1;
          if (!skipped && (back !== day || (before !== day - 1 && before !== day - 2))) {
            failures.push(`${zone} ${isoOfDay(day)}: read back ${back}, a second before ${before}`);
            if (failures.length > 20) break;
          }
          // Intl itself agrees, checked every 13 weeks and on every day whose length is not 24 hours.
          if ((day - FROM) % 91 === 0 || next - t !== 86_400_000) {
            if (intlDay(t, f) !== back || intlDay(t - 1000, f) !== before)
              failures.push(`${zone} ${isoOfDay(day)}: Intl disagrees`);
          }
          t = next;
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(['America/Santiago', 'America/Havana', 'America/Asuncion', 'Africa/Casablanca', 'Asia/Gaza'])(
    'agrees with Intl on every single day in %s (clocks change at midnight or twice a year around Ramadan)',
    (zone) => {
      const dayOf = dayConverter(zone);
      const f = formatFor(zone);
      const wrong: string[] = [];
      for (let day = FROM; day <= TO; day++) {
        const t = dateOfDay(day, zone).getTime();
        if (intlDay(t, f) !== day || intlDay(t - 1000, f) !== day - 1 || dayOf(new Date(t)) !== day)
          wrong.push(isoOfDay(day));
        // Noon of the day, wherever it falls, reads as the day too.
        const noon = t + 12 * 3_600_000;
        if (dayOf(new Date(noon)) !== intlDay(noon, f)) wrong.push(`${isoOfDay(day)} noon`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('dayConverter without Intl per date', () => {
  it('converts 10,000 different dates with a few hundred Intl calls, not one per date', () => {
    const calls = { n: 0 };
    const proto = Intl.DateTimeFormat.prototype;
    const parts = vi.spyOn(proto, 'formatToParts');
    const getter = Object.getOwnPropertyDescriptor(proto, 'format')?.get as (this: unknown) => unknown;
    vi.spyOn(proto as unknown as { readonly format: unknown }, 'format', 'get').mockImplementation(function (
      this: unknown,
    ) {
      calls.n++;
      return getter.call(this);
    });
    try {
      const dayOf = dayConverter('America/Denver');
      const start = Date.UTC(2020, 0, 1, 7);
      for (let i = 0; i < 10_000; i++) dayOf(new Date(start + i * 86_400_000 + (i % 24) * 3_600_000));
      // One probe per week of time, and ~20 per change of offset (two a year).
      expect(calls.n + parts.mock.calls.length).toBeLessThan(10_000 / 7 + 60 * 25);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('no reliance on locale data', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each(['en-US', 'de-DE', 'ar-EG'])('gives the same days when Intl only knows %s', async (only) => {
    const Real = Intl.DateTimeFormat;
    // Whatever locale the code asks for, this Intl answers in one locale (and its default numbering system).
    class OnlyOne extends Real {
      constructor(_locales?: unknown, options?: Intl.DateTimeFormatOptions) {
        const { numberingSystem: _ignored, ...rest } = options ?? {};
        super(only, rest);
      }
    }
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: OnlyOne, supportedValuesOf: supportedZones });
    vi.resetModules();
    const fresh = await import('../../src/core/dates');
    for (const zone of ['America/New_York', 'Asia/Kolkata', 'America/Santiago']) {
      const dayOf = fresh.dayConverter(zone);
      for (const iso of ['2026-03-01', '2026-09-06', '2024-02-29', '2000-01-01']) {
        const day = fresh.dayFromIso(iso)!;
        const date = fresh.dateOfDay(day, zone);
        expect(fresh.isoOfDay(dayOf(date)!)).toBe(iso);
      }
    }
  });
});

describe('a date cell at either midnight (docs/platform.md, Dates)', () => {
  it('the script zone dayConverter assumes is the manifest’s', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as {
      timeZone: string;
    };
    expect(SCRIPT_TIME_ZONE).toBe(manifest.timeZone);
  });

  it.each([
    'Pacific/Auckland',
    'Pacific/Kiritimati',
    'Asia/Kolkata',
    'Europe/Berlin',
    'Etc/UTC',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Pago_Pago',
  ])('%s: every day of 2026 reads back from midnight in its zone and from midnight UTC', (zone) => {
    const dayOf = dayConverter(zone);
    const first = dayFromIso('2026-01-01') as number;
    for (let day = first; day < first + 365; day++) {
      expect(dayOf(dateOfDay(day, zone))).toBe(day);
      expect(dayOf(new Date(day * 86_400_000))).toBe(day);
    }
  });

  it('a date-time that is not midnight in either zone is read in the spreadsheet’s zone', () => {
    const dayOf = dayConverter('America/Los_Angeles');
    expect(isoOfDay(dayOf(new Date('2026-11-24T07:30:00Z')) as number)).toBe('2026-11-23');
    expect(isoOfDay(dayOf(new Date('2026-11-24T08:00:00Z')) as number)).toBe('2026-11-24');
  });
});
