// Whether a result statement states a measurable quantity, and what to fix when it does not (SPEC §3).
// Pure and dependency-free: the sidebar bundles it for live hints as the CSM types.

/** Digits (covers money, percentages and "from 5 to 2"), multiples like 2x / 3× and number words. */
const QUANTITY = new RegExp(
  [
    String.raw`\d`,
    String.raw`\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)s?\b`,
    String.raw`\b(?:once|twice|thrice|double[ds]?|doubling|triple[ds]?|tripling|quadruple[ds]?|half|halve[ds]?|halving|third|quarter)\b`,
    String.raw`\b(?:two|three|four|five|ten|hundred)fold\b`,
    String.raw`\bpercent\b`,
  ].join('|'),
  'i',
);

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

/** True when the text has a quantity at all: digits, a percentage, money, a multiple, or number words. */
export function statesQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** True when the text talks about logins, usage or adoption: activity, never a result. */
export function describesActivity(text: string): boolean {
  return ACTIVITY.test(text);
}

/** True when some word names what is measured, beyond the quantity and filler words. */
function namesSomething(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  return words.some((w) => w.length > 1 && !FILLER.has(w) && !QUANTITY.test(w));
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
    return "States no quantity: say how much, e.g. 'cut reporting time 40%' or 'from 5 days to 2'";
  }
  if (!namesSomething(t)) return 'States a number but not what it measures';
  return '';
}
