// The one text guard for every write (docs/rules.md §9): which strings Sheets would not keep as typed. Sheets reads a
// written string the way it reads typing ("setValues … as if entered by a user"), so a string it would turn into a
// formula, number, date or boolean must be written behind its quote prefix. Pure: the gas layer's `asText` applies it.

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Text Sheets would not keep as typed:
 * - a leading '=', '+', '-' or '@' (a formula, or a failed one: `+1-555` becomes `=+1-555`), or a leading apostrophe
 *   (Sheets' own quote prefix, which it strips);
 * - a number in any spelling Sheets parses: `1200`, `1,200`, `.5`, exponent notation `1e3` / `1.5E-3`, percent
 *   `40%`, currency `$5` / `5 €`, an accounting negative `(100)`;
 * - a date or time: `2026-03-01`, `3/1`, `3/1/2026`, `1.3.2026`, `14:30`, `2:30 pm`, `1 Mar 2026`, `March 1, 2026`;
 * - a boolean: `TRUE`, `false`.
 */
const READ_AS_NOT_TEXT = new RegExp(
  [
    "^[=+\\-@']",
    '^\\s*\\(?\\s*[$€£¥]?\\s*(?:\\d[\\d,]*(?:\\.\\d*)?|\\.\\d+)(?:e[+-]?\\d+)?\\s*[$€£¥%]?\\s*\\)?\\s*$',
    '^\\s*\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{1,4})?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*$',
    '^\\s*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*$',
    `^\\s*\\d{1,2}[ -]${MONTH}(?:[ -,]+\\d{2,4})?\\s*$`,
    `^\\s*${MONTH}[ -]\\d{1,2}(?:(?:,\\s*|[ -])\\d{2,4})?\\s*$`,
    '^\\s*(?:true|false)\\s*$',
  ].join('|'),
  'i',
);

/** Whether Sheets would store `text` as something other than that text (a formula, number, date, boolean). */
export function readAsNotText(text: string): boolean {
  return text !== '' && READ_AS_NOT_TEXT.test(text);
}

/**
 * A value as it must be written so Sheets stores exactly that text: a string Sheets would reinterpret gets the quote
 * prefix (an apostrophe, not kept in the value: getValues returns the text without it); every other value — numbers,
 * dates, booleans meant as such, ordinary prose — is returned unchanged, so prose never shows a stray apostrophe.
 */
export function guardText(value: unknown): unknown {
  return typeof value === 'string' && readAsNotText(value) ? `'${value}` : value;
}
