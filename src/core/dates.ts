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
 * The script's time zone: `appsscript.json` pins it (test/unit/dates.test.ts checks the two agree), so it is the
 * same for every team whatever their spreadsheet's zone.
 */
export const SCRIPT_TIME_ZONE = 'Etc/UTC';

/**
 * Converts JS Dates to Days, the calendar day a date cell shows in the spreadsheet's zone `timeZone`.
 *
 * Which instant Sheets hands a date cell as is not settled: midnight in the spreadsheet's zone, or — as Google's
 * custom-function guide warns ("If the spreadsheet and the script use different time zones … the custom function
 * needs to compensate", https://developers.google.com/apps-script/guides/sheets/functions#dates) — the same wall
 * clock in the script's zone (`scriptTimeZone`, Etc/UTC by the manifest). For a date-only cell both answers are
 * read right, and they cannot be confused: the cell is midnight of its day D in one of the two zones, so the day
 * is the one whose midnight in that zone equals the instant. Midnight of D in one zone and of another day D′ in
 * the other can be the same instant only if the zones' offsets differ by a whole number of days; offsets run from
 * −12 h to +14 h, so against Etc/UTC they differ by less than 24 h, and an instant that is midnight in both is the
 * same day in both (equal offsets). So: midnight in the spreadsheet's zone → that day; else midnight in the script's
 * zone → that day; else (a date-time, or `new Date()`) → its day in the spreadsheet's zone. The one instant read
 * differently from before is a date-time at exactly the script zone's midnight (19:00 in New York in winter),
 * which a date-only column does not hold. docs/platform.md, "Dates".
 * Pure arithmetic per date: the zone's offset comes from a per-zone cache of offset periods (see zoneOffsets), so a
 * Usage sheet of 520,000 rows costs a few dozen `Intl` calls, not one per row.
 */
export function dayConverter(
  timeZone: string,
  scriptTimeZone: string = SCRIPT_TIME_ZONE,
): (date: Date) => Day | null {
  const zone = zoneOffsets(timeZone);
  const script = scriptTimeZone === timeZone ? null : zoneOffsets(scriptTimeZone);
  return (date: Date) => {
    const ms = date.getTime();
    if (Number.isNaN(ms)) return null;
    const local = ms + zone.offsetAt(ms);
    if (script !== null && local % MS_PER_DAY !== 0) {
      const inScript = ms + script.offsetAt(ms);
      if (inScript % MS_PER_DAY === 0) return inScript / MS_PER_DAY;
    }
    return Math.floor(local / MS_PER_DAY);
  };
}

/**
 * The JS Date that Sheets would hold for a Day in a time zone: the first instant of that calendar day there —
 * midnight, or the moment the clocks jump to when midnight does not exist (America/Santiago, Havana, Asuncion
 * spring forward at 00:00), so the date always reads back as the same day.
 */
export function dateOfDay(day: Day, timeZone: string, DateCtor: DateConstructor = Date): Date {
  return new DateCtor(zoneOffsets(timeZone).startOfDay(day));
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

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormats.get(timeZone);
  if (!f) {
    // Only numeric fields, read by part type: nothing depends on the locale's words, order or separators, and
    // `latn` keeps digits ASCII even if the engine falls back to another locale (Apps Script does not document
    // its ICU data).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(timeZone, f);
  }
  return f;
}

/**
 * The number a run of decimal digits spells, in any script's digits (Unicode keeps each script's 0–9 contiguous):
 * an engine that ignores `numberingSystem` and falls back to, say, Arabic-Indic digits still reads right.
 */
function decimalOf(text: string): number {
  if (ASCII_DIGITS.test(text)) return Number(text);
  let n = 0;
  let any = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!DIGIT.test(ch)) continue; // marks such as U+200F (right-to-left) sit between digits
    // Back to the start of the block of digits; blocks of several scripts back to back (mathematical digits)
    // still hold whole runs of ten.
    let start = cp;
    while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
    n = n * 10 + ((cp - start) % 10);
    any = true;
  }
  return any ? n : Number.NaN;
}
const DIGIT = /^\p{Nd}$/u;
const ASCII_DIGITS = /^[0-9]+$/;

/** Reads the wall clock of `timeZone` at an instant (also the local runtime's formatDate, so both agree). */
export function wallClockFields(instant: number, timeZone: string): WallClockFields {
  let year = Number.NaN;
  let month = Number.NaN;
  let day = Number.NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of wallFormat(timeZone).formatToParts(new Date(instant))) {
    const n = decimalOf(part.value);
    if (part.type === 'year') year = n;
    else if (part.type === 'month') month = n;
    else if (part.type === 'day') day = n;
    // Some engines print midnight as 24 even with h23; it is the start of the same day.
    else if (part.type === 'hour') hour = n === 24 ? 0 : n;
    else if (part.type === 'minute') minute = n;
    else if (part.type === 'second') second = n;
  }
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) {
    throw new Error(`The time zone ${timeZone} gave no calendar date for ${new Date(instant).toISOString()}`);
  }
  // Years before 1 AD come without a sign (the era says BC, in the locale's words): pick the reading that lies
  // near the instant instead of parsing the era's text.
  const near = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - instant) < 3 * MS_PER_DAY;
  if (!near(year) && near(1 - year)) year = 1 - year;
  const civil = Date.UTC(year, month - 1, day);
  return { year, month, day, hour, minute, second, weekday: new Date(civil).getUTCDay() };
}

/** How far the wall clock of `timeZone` is ahead of UTC at an instant, in whole seconds' worth of ms. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClockFields(instant, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A zone's UTC offsets, learnt from `Intl` once per week of time and cached for the life of the script.
 *
 * Offsets change at transitions (DST, a zone moving its standard time). Each 7-day span of UTC time is probed at
 * both ends; equal offsets mean no change inside (tzdb has no zone that changes its clocks twice within 7 days
 * over 2000–2030 — test/unit/dates.test.ts checks every zone against `Intl` day by day where it counts); different
 * offsets are bisected to the second of the transition. After that, every date of the span is arithmetic.
 */
export interface ZoneOffsets {
  /** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
  offsetAt(instant: number): number;
  /** The first instant of a calendar day in the zone (its midnight, or when the clocks jump past midnight). */
  startOfDay(day: Day): number;
  /** How many `Intl` calls the cache has made so far (the bench and tests watch it). */
  readonly intlCalls: number;
}

const SPAN_MS = 7 * MS_PER_DAY;
const zones = new Map<string, ZoneOffsets>();

/** The cached offsets of one zone (shared by every converter of the zone in this script run). */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let z = zones.get(timeZone);
  if (!z) {
    z = offsetCache(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

/** One span of constant offset, or one with a single transition at `at`. */
interface Span {
  readonly before: number;
  readonly at: number;
  readonly after: number;
}

function offsetCache(timeZone: string): ZoneOffsets {
  let intlCalls = 0;
  const probe = (instant: number): number => {
    intlCalls++;
    return zoneOffsetMs(instant, timeZone);
  };
  // Offset at each span boundary (span k starts at k·SPAN_MS), shared by the two spans that meet there.
  const edges = new Map<number, number>();
  const edge = (k: number): number => {
    let o = edges.get(k);
    if (o === undefined) {
      o = probe(k * SPAN_MS);
      edges.set(k, o);
    }
    return o;
  };
  const spans = new Map<number, Span>();
  // Dates cluster (a Usage sheet is mostly recent weeks): the last span asked for is usually asked for again.
  let lastK = Number.NaN;
  let last: Span = { before: 0, at: 0, after: 0 };
  const span = (k: number): Span => {
    if (k === lastK) return last;
    let s = spans.get(k);
    if (s) {
      lastK = k;
      last = s;
      return s;
    }
    const start = k * SPAN_MS;
    const before = edge(k);
    const after = edge(k + 1);
    if (before === after) s = { before, at: start + SPAN_MS, after };
    else {
      // The first whole second at which the new offset holds: bisect by minutes (clocks change on the minute),
      // then by seconds only when the second before the minute found already shows the new offset.
      let lo = start / 60_000;
      let hi = (start + SPAN_MS) / 60_000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (probe(mid * 60_000) === before) lo = mid;
        else hi = mid;
      }
      lo *= 60;
      hi *= 60;
      if (probe((hi - 1) * 1000) !== before) {
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (probe(mid * 1000) === before) lo = mid;
          else hi = mid;
        }
      }
      s = { before, at: hi * 1000, after };
    }
    spans.set(k, s);
    lastK = k;
    last = s;
    return s;
  };
  const offsetAt = (instant: number): number => {
    const s = span(Math.floor(instant / SPAN_MS));
    return instant < s.at ? s.before : s.after;
  };
  const dayAt = (instant: number): Day => Math.floor((instant + offsetAt(instant)) / MS_PER_DAY);
  return {
    offsetAt,
    startOfDay(day: Day): number {
      const utcMidnight = day * MS_PER_DAY;
      // Most days: one offset for a day either side of UTC midnight, so midnight is simply there.
      const k = Math.floor(utcMidnight / SPAN_MS);
      const own = span(k);
      if (
        own.before === own.after &&
        utcMidnight - MS_PER_DAY >= k * SPAN_MS &&
        utcMidnight + MS_PER_DAY < (k + 1) * SPAN_MS
      )
        return utcMidnight - own.before;
      // Offsets change at most once per span, so the spans within a day of UTC midnight hold every offset local
      // midnight can be read under.
      const near: Span[] = [];
      for (
        let k = Math.floor((utcMidnight - MS_PER_DAY) / SPAN_MS);
        k * SPAN_MS <= utcMidnight + MS_PER_DAY;
        k++
      )
        near.push(span(k));
      let first = Number.POSITIVE_INFINITY;
      for (const s of near) {
        for (const o of [s.before, s.after]) {
          // Midnight under offset o is real when o is the offset in force then; fall-backs at 00:00 give it twice.
          const t = utcMidnight - o;
          if (offsetAt(t) === o && t < first) first = t;
        }
      }
      if (first !== Number.POSITIVE_INFINITY) return first;
      // Midnight does not exist: the clocks jumped past it, and the day starts at that transition.
      for (const s of near) {
        if (s.before !== s.after && dayAt(s.at) === day && dayAt(s.at - 1) < day) return s.at;
      }
      // The whole day was skipped (Pacific/Apia leapt over 2011-12-30): the next day's start stands for it.
      for (const s of near) {
        if (s.before !== s.after && dayAt(s.at) > day && dayAt(s.at - 1) < day) return s.at;
      }
      throw new Error(`The time zone ${timeZone} has no start for ${isoOfDay(day)}`);
    },
    get intlCalls() {
      return intlCalls;
    },
  };
}
