// What a person typed, read as they meant it: numbers by the spreadsheet's locale, dates only as complete ISO days.
import { dayFromIso } from './dates';
import type { Day } from './types';

/** How a locale writes numbers: the decimal mark and the grouping marks it accepts. */
export interface NumberStyle {
  readonly decimal: '.' | ',';
  /** Marks between groups of three digits. */
  readonly groups: readonly string[];
}

const POINT: NumberStyle = { decimal: '.', groups: [','] };
const COMMA_DOT: NumberStyle = { decimal: ',', groups: ['.'] };
/** Space grouping: the plain space, the no-break space and the narrow no-break space Sheets shows in these locales. */
const COMMA_SPACE: NumberStyle = { decimal: ',', groups: [' ', '\u00a0', '\u202f'] };
const SWISS: NumberStyle = { decimal: '.', groups: ['\u2019', "'"] };

/**
 * Languages whose locales write a decimal comma, by their grouping mark (CLDR number symbols, which Sheets follows
 * for a spreadsheet's locale: File › Settings › Locale). Every other language writes a decimal point.
 */
const COMMA_DOT_LANGUAGES = new Set([
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'id',
  'tr',
  'da',
  'el',
  'ro',
  'hr',
  'sl',
  'sr',
  'vi',
  'ca',
  'gl',
  'eu',
  'is',
  'az',
]);
const COMMA_SPACE_LANGUAGES = new Set([
  'fr',
  'ru',
  'pl',
  'cs',
  'sk',
  'sv',
  'fi',
  'nb',
  'no',
  'nn',
  'uk',
  'hu',
  'bg',
  'lt',
  'lv',
  'et',
  'be',
  'kk',
  'ka',
  'hy',
]);
/** Countries whose locales differ from their language's style. */
const REGION_STYLES: Readonly<Record<string, NumberStyle>> = {
  de_CH: SWISS,
  it_CH: SWISS,
  fr_CH: { decimal: ',', groups: ['\u202f', ' ', '\u00a0'] },
  es_MX: POINT,
  es_US: POINT,
  es_419: POINT,
  pt_PT: COMMA_SPACE,
};

/** The number style of a spreadsheet locale such as 'en_US', 'de_DE' or 'fil' (unknown locales: a decimal point). */
export function numberStyleOf(locale: string): NumberStyle {
  const normal = locale.trim().replace('-', '_');
  const region = REGION_STYLES[normal];
  if (region) return region;
  const language = normal.split('_')[0].toLowerCase();
  if (COMMA_DOT_LANGUAGES.has(language)) return COMMA_DOT;
  if (COMMA_SPACE_LANGUAGES.has(language)) return COMMA_SPACE;
  return POINT;
}

const literal = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number as a person in that locale types it, or null when it is not one: an optional sign, digits grouped in
 * threes by the locale's grouping mark (or not grouped at all), the locale's decimal mark, and an optional exponent.
 * '1,5' is 1.5 in de_DE and not a number in en_US (where ',' groups thousands, and '5' is no group of three); '1.234,5'
 * is 1234.5 in de_DE. Hex ('0x10'), binary ('0b101'), 'Infinity' and 'NaN' are never numbers here.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const { decimal, groups } = numberStyleOf(locale);
  const group = groups.map(literal).join('|');
  const dec = literal(decimal);
  const pattern = new RegExp(
    `^([-+])?(\\d{1,3}(?:(?:${group})\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([-+]?\\d{1,3}))?$`,
  );
  const m = pattern.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const digits = (m[2] ?? '0').replace(/\D/g, '');
  const n = Number(`${m[1] ?? ''}${digits}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** An example of a number with decimals in a locale, for messages: '1234.5' or '1234,5'. */
export function numberExample(locale: string): string {
  return numberStyleOf(locale).decimal === ',' ? '1234,5' : '1234.5';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day from text written as a complete ISO date (`2026-03-01`) and nothing else: `2026-03-01 or maybe
 * April`, `2026-03-01T25:99` and `2026-02-30` are not dates.
 */
export function isoDay(text: string): Day | null {
  const t = text.trim();
  return ISO_DAY.test(t) ? dayFromIso(t) : null;
}

/**
 * The first calendar day a date cell may hold. Sheets keeps a time typed without a date ("9:30") as that time on
 * 1899-12-30, its day zero (https://developers.google.com/sheets/api/guides/formats#about_date_time_values); no
 * account starts, renews or logs a result before 1900, so anything earlier is a time of day or a slip, never a date.
 */
export const FIRST_DAY = dayFromIso('1900-01-01') as Day;
/** The last calendar day a date cell may hold: Sheets shows years up to 9999. */
export const LAST_DAY = dayFromIso('9999-12-31') as Day;

/** Whether a calendar day is one a date cell may hold (see FIRST_DAY). */
export function isCalendarDay(day: number | null): day is Day {
  return day !== null && Number.isInteger(day) && day >= FIRST_DAY && day <= LAST_DAY;
}
