// Whether a result statement states a measurable quantity, and what to fix when it does not (SPEC §3).
// Pure and dependency-free: the sidebar bundles it for live hints as the CSM types.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * When, not how much: dates, quarters, halves, fiscal years and years (Q3, H1, FY26, 2027-03-31). A 19xx/20xx
 * number is a year when it stands alone — at the end, before punctuation or a joining word — and not after money
 * ("$2000") or before a thing counted ("2000 tickets").
 */
const CALENDAR = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}(?:-\d{1,2})?\b`,
    String.raw`\b\d{1,2}/\d{1,2}/\d{2,4}\b`,
    String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`,
    String.raw`\b(?:q[1-4]|h[12]|[fc]y\s?'?\d{2}(?:\d{2})?)\b`,
    String.raw`(?<![$€£¥\d.,])\b(?:19|20)\d\d\b(?=\s*(?:$|[^\w\s%$€£¥×]|(?:and|or|to|through|until|for|in|on|at|by|with|from|than|vs|versus|when|so|as|q[1-4]|h[12])\b))`,
  ].join('|'),
  'gi',
);

/** Digits inside a name (B2B, G2, Office365) are part of the name; "x3" is a multiple. */
const NAMED = /\b(?!x\d)[a-z]+\d\w*/gi;

/**
 * Digits (money, percentages, "from 5 to 2"), multiples like 2x / 3×, and number words. "one", "third", "quarter"
 * and "half" count only where they are amounts ("one day", "a third of", "by a quarter"), not in "the one tool",
 * "third-party", "this quarter" or "the second half".
 */
const QUANTITY = new RegExp(
  [
    String.raw`\d`,
    String.raw`\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)s?\b`,
    String.raw`(?<!\b(?:the|this|that|no|any|each|every|which|some)\s+)\bone\b(?!\s*(?:-|of\b|another\b))`,
    String.raw`\b(?:a|one|two)\s+thirds?\b(?!-)`,
    String.raw`\b(?:(?:a|one|three)\s+quarters?\s+of|by\s+(?:a|one|three)\s+quarters?)\b(?!-)`,
    String.raw`(?<!\b(?:first|second|this|next|last)\s+)\bhalf\b(?!-)`,
    String.raw`\b(?:once|twice|thrice|double[ds]?|doubling|triple[ds]?|tripling|quadruple[ds]?|halve[ds]?|halving)\b`,
    String.raw`\b(?:two|three|four|five|ten|hundred)fold\b`,
    String.raw`\bpercent\b`,
  ].join('|'),
  'i',
);

/** Words that are only amounts: they name nothing that is measured. */
const AMOUNT_WORD =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|once|twice|thrice|double[ds]?|triple[ds]?|half|halve[ds]?|third|quarter|percent|\w*fold)s?$/;

/** Language that describes using the product rather than a change in the customer's world. */
const ACTIVITY = new RegExp(
  [
    String.raw`\blog(?:s|ged|ging)?[ -]?ins?\b`,
    String.raw`\blogins?\b`,
    String.raw`\busage\b`,
    String.raw`\b(?:active|daily|weekly|monthly) users?\b`,
    String.raw`\b(?:dau|mau|wau)\b`,
    String.raw`\badopt(?:s|ed|ion|ing)?\b`,
    String.raw`\bengagement\b`,
    String.raw`\bsessions?\b`,
    String.raw`\b(?:seats?|licen[cs]es?) (?:used|activated|assigned)\b`,
    String.raw`\b(?:use|uses|using|used)(?: of)? (?:the |our |this )?(?:product|platform|tool|app|software|system|dashboard|feature)s?\b`,
    String.raw`\b(?:users?|people|staff|employees|seats?|team members?) (?:were |are )?(?:onboarded|trained|activated)\b`,
    String.raw`\btraining (?:completed|done|finished)\b`,
  ].join('|'),
  'i',
);

/** Words that say nothing about what is measured: a statement of only these and a number is not a result. */
const FILLER = new Set(
  'a an the by of to from in on at for with and or per than more less about up down over under each every x'.split(
    ' ',
  ),
);

/** The text with its calendar references blanked out, so a date or a year is never read as an amount. */
function withoutCalendar(text: string): string {
  return text.replace(CALENDAR, ' ');
}

/** The text with only its amounts left to find: no calendar references, no digits inside names. */
function amountsOnly(text: string): string {
  return withoutCalendar(text).replace(NAMED, ' ');
}

/** True when the text has a quantity at all: digits, a percentage, money, a multiple, or number words. */
export function statesQuantity(text: string): boolean {
  return QUANTITY.test(amountsOnly(text));
}

/** True when the text talks about logins, usage or adoption: activity, never a result. */
export function describesActivity(text: string): boolean {
  return ACTIVITY.test(text);
}

/** True when some word names what is measured, beyond the quantity and filler words. */
function namesSomething(text: string): boolean {
  // "40% by March" names nothing measured: a month is when, not what.
  const words =
    withoutCalendar(text)
      .toLowerCase()
      .match(/[a-z][a-z'’-]*/g) ?? [];
  return words.some((w) => w.length > 1 && !FILLER.has(w) && !AMOUNT_WORD.test(w));
}

/** A statement a customer could check: it states a quantity about something, and it is not activity. */
export function isMeasurable(text: string): boolean {
  const t = String(text ?? '').trim();
  return t !== '' && statesQuantity(t) && !describesActivity(t) && namesSomething(t);
}

/** What is wrong with a result statement, in plain words; '' when nothing is. */
export function lintResult(text: string): string {
  const t = String(text ?? '').trim();
  if (t === '') return 'No result named: say what will change for the customer, and by how much';
  if (describesActivity(t)) {
    return 'Describes activity or adoption (logins, usage), not a result: say what changed for the customer';
  }
  if (!statesQuantity(t)) {
    // A deadline is fine to have, but it answers "by when", and the statement still needs "how much".
    const when = withoutCalendar(t) !== t ? ' (a date or period says when, not how much)' : '';
    return `States no quantity${when}: say how much, e.g. 'cut reporting time 40%' or 'from 5 days to 2'`;
  }
  if (!namesSomething(t)) return 'States a number but not what it measures';
  return '';
}
