// What a statement is (docs/rules.md §3 and the articles it quotes): a measurable change in the customer's world, or activity, adoption,
// sentiment, a vague aim, a value statement or a feature name — and what to say when it is not measurable.
// Pure and dependency-free: the sidebar bundles it for live hints, and the custom functions run it per cell.
import {
  AIM_VERB,
  AMOUNT_WORD,
  ATTRIBUTION,
  BEFORE_AFTER,
  CALENDAR,
  FEATURE_HEAD,
  FILLER,
  NAMED,
  NUMBERED_NAME,
  PAIN_STATE,
  NOT_A_NAME,
  QUANTITY,
  REPEATING,
  SENTIMENT,
  SENTIMENT_METRIC,
  STATUS_CHANGE,
  USAGE,
  VAGUE,
  VALUE_MARKER,
} from './statementVocabulary';

/**
 * - `measurable`: a quantity, a status change or a before-and-after about the customer's world (a result's shape).
 * - `activity` / `adoption`: the subject is the product's own use (adoption: it repeats across users or weeks).
 * - `sentiment`: how people feel about the product.
 * - `value`: says how things work differently for the customer, without a measure.
 * - `feature`: only the name of a capability ("automated report builder", "faster remediation").
 * - `vague`: an aim or a state with nothing to check ("improve conversion", "reporting is slow").
 */
export const STATEMENT_KINDS = [
  'measurable',
  'activity',
  'adoption',
  'sentiment',
  'value',
  'feature',
  'vague',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number] | 'empty';

/** The seed's three forms of "measurable": "a number, a status change, or a before-and-after". */
export type MeasureForm = 'quantity' | 'status change' | 'before and after';

export interface StatementReading {
  readonly kind: StatementKind;
  readonly form: MeasureForm | null;
  /** Why a vague line fell short, when it nearly made it: a bare number, or only a date. */
  readonly note: 'names nothing' | 'only when' | null;
}

const reading = (
  kind: StatementKind,
  form: MeasureForm | null = null,
  note: StatementReading['note'] = null,
): StatementReading => ({ kind, form, note });

/**
 * The text with its calendar references blanked out, so a date or a year is never read as an amount. Every
 * calendar form has a digit, and most cells have none: the cheap test first (the functions run per cell).
 */
function withoutCalendar(text: string): string {
  return /\d/.test(text) ? text.replace(CALENDAR, ' ') : text;
}

/** The calendar-free text with names that carry digits or numbers (B2B, phase two) blanked out. */
function amountsOnly(calendarless: string): string {
  const unnamed = /\d/.test(calendarless) ? calendarless.replace(NAMED, ' ') : calendarless;
  return unnamed.replace(NUMBERED_NAME, ' ');
}

/** True when the text has a quantity at all: digits, a percentage, money, a multiple, or number words. */
export function statesQuantity(text: string): boolean {
  return QUANTITY.test(amountsOnly(withoutCalendar(text)));
}

/** True when some word names what is measured, beyond the quantity and filler words ("40% by March" names nothing). */
function namesSomething(calendarless: string): boolean {
  const words = calendarless.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  return words.some((w) => w.length > 1 && !FILLER.has(w) && !AMOUNT_WORD.test(w));
}

/** The statement without the phrases that name the product as the cause: attribution is welcome, never activity. */
function withoutAttribution(text: string): string {
  return text.replace(ATTRIBUTION, ' ');
}

/** True when the subject is the product's own use (logins, usage, reports run, a rollout), attribution aside. */
export function describesActivity(text: string): boolean {
  return USAGE.test(withoutAttribution(String(text ?? '')));
}

function formOf(body: string, calendarless: string, quantity: boolean): MeasureForm | null {
  if (quantity && namesSomething(calendarless)) return 'quantity';
  if (STATUS_CHANGE.test(body)) return 'status change';
  if (BEFORE_AFTER.test(body)) return 'before and after';
  return null;
}

/** Only a capability's name: a short noun phrase ending in a product noun, with no verb of aim or sentence word. */
function isFeatureName(body: string): boolean {
  const words = body
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s+/);
  return (
    words.length <= 6 &&
    FEATURE_HEAD.test(words[words.length - 1]) &&
    !NOT_A_NAME.test(body) &&
    !AIM_VERB.test(body) &&
    !VALUE_MARKER.test(body)
  );
}

/**
 * Subject first, then form: a statement about the product's use is activity or adoption whatever numbers it has;
 * a sentiment score is sentiment; otherwise a quantity, status change or before-and-after makes it measurable.
 */
export function classifyStatement(text: string): StatementReading {
  const t = String(text ?? '').trim();
  if (t === '') return reading('empty');
  const body = withoutAttribution(t);
  // "They enjoy using it": the feeling is the point, the use only its object.
  if (USAGE.test(body)) {
    if (SENTIMENT.test(body)) return reading('sentiment');
    return reading(REPEATING.test(body) ? 'adoption' : 'activity');
  }
  if (SENTIMENT_METRIC.test(body)) return reading('sentiment');
  const calendarless = withoutCalendar(body);
  const quantity = QUANTITY.test(amountsOnly(calendarless));
  const form = formOf(body, calendarless, quantity);
  if (form) return reading('measurable', form);
  if (SENTIMENT.test(body)) return reading('sentiment');
  if (quantity) return reading('vague', null, 'names nothing');
  const note = calendarless !== body ? 'only when' : null;
  if (isFeatureName(body)) return reading('feature', null, note);
  if (VAGUE.test(body)) return reading('vague', null, note);
  if (VALUE_MARKER.test(body)) return reading('value', null, note);
  if (PAIN_STATE.test(body)) return reading('vague', null, note);
  // A sentence that says how things work for them, with no aim and no complaint in it, is a value statement.
  if (body.trim().split(/\s+/).length >= 4) return reading('value', null, note);
  return reading('vague', null, note);
}

/** A statement a customer could check: a quantity, a status change or a before-and-after in their world. */
export function isMeasurable(text: string): boolean {
  return classifyStatement(text).kind === 'measurable';
}

export const RESULT_EXAMPLE = "'cut month-end close from 10 days to 6'";

/** What is wrong with a statement meant to be measurable, in a CSM's words; '' when nothing is. */
export function measurabilityHint(r: StatementReading, example: string): string {
  switch (r.kind) {
    case 'measurable':
      return '';
    case 'empty':
      return `Nothing named yet. Say what changes for them and by how much, e.g. ${example}`;
    case 'activity':
      return `Reads as activity (use of the product), not a change for the customer. E.g. ${example}`;
    case 'adoption':
      return `Reads as adoption (usage repeating), not a change for the customer. E.g. ${example}`;
    case 'sentiment':
      return `Sentiment: say what changed for them, e.g. ${example}`;
    case 'feature':
      return `Reads as a feature: say what it changes for them, e.g. ${example}`;
    default:
      if (r.note === 'names nothing') return `A number, but of what? Name the measure, e.g. ${example}`;
      if (r.note === 'only when')
        return `Says when, not how much. Add a number, a status change or a before-and-after, e.g. ${example}`;
      return `Too vague to measure. Add a number, a status change or a before-and-after, e.g. ${example}`;
  }
}

/** What is wrong with a result statement, in plain words; '' when nothing is (RESULT_LINT). */
export function lintResult(text: string): string {
  return measurabilityHint(classifyStatement(text), RESULT_EXAMPLE);
}
