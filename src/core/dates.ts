// Calendar-day arithmetic: the core counts whole days, never milliseconds or time zones.
import type { Day } from './types';

const MS_PER_DAY = 86_400_000;

/** The Day of an ISO date `YYYY-MM-DD` (a leading date of a longer ISO string is accepted), or null. */
export function dayFromIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * `YYYY-MM-DD` for a Day. Pure integer arithmetic (Hinnant's civil-from-days): the rules call this for every
 * reason they write, and allocating a Date each time showed up in profiles of 50k-account books.
 */
export function isoOfDay(day: Day): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

/** Whole days from `earlier` to `later` (negative when `later` is before `earlier`). */
export function daysBetween(earlier: Day, later: Day): number {
  return later - earlier;
}

/**
 * Converts JS Dates to Days in a given IANA time zone. Sheets hands over a date cell as the instant of
 * midnight in the spreadsheet's zone; reading its calendar date in that zone gives the day the user typed.
 * Memoised per instant: a Usage sheet repeats a few dozen week dates over hundreds of thousands of rows.
 */
export function dayConverter(timeZone: string): (date: Date) => Day | null {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const memo = new Map<number, Day | null>();
  return (date: Date) => {
    const ms = date.getTime();
    const hit = memo.get(ms);
    if (hit !== undefined) return hit;
    const day = Number.isNaN(ms) ? null : dayFromIso(format.format(date));
    memo.set(ms, day);
    return day;
  };
}

/**
 * The JS Date that Sheets would hold for a Day in a time zone: midnight of that calendar day there.
 * Used at the edge when writing dates back into cells.
 */
export function dateOfDay(day: Day, timeZone: string, DateCtor: DateConstructor = Date): Date {
  const utcMidnight = day * MS_PER_DAY;
  // Offset of the zone at that instant, found by reading the wall clock there; two passes settle DST edges.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    guess = utcMidnight - zoneOffsetMs(guess, timeZone);
  }
  return new DateCtor(guess);
}

/** The calendar fields of an instant as a wall clock in a time zone shows them. */
export interface WallClockFields {
  /** Astronomical: 1 BC is year 0. */
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  /** 0..23 */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_ABBREVIATIONS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Reads the wall clock of `timeZone` at an instant (also the local runtime's formatDate, so both agree). */
export function wallClockFields(instant: number, timeZone: string): WallClockFields {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    wallFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = part.value;
  return {
    year: p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAY_ABBREVIATIONS.indexOf(p.weekday),
  };
}

/** How far the wall clock of `timeZone` is ahead of UTC at an instant, in whole seconds' worth of ms. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClockFields(instant, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(instant / 1000) * 1000;
}
