import * as z from 'zod/mini';
import { dayConverter, dayFromIso } from '../core/dates';
import { numberExample, parseLocaleNumber } from '../core/typedInput';
import { CHECK_KINDS, VALIDATOR_ROLES } from '../core/types';
import { WriteRefusal } from '../gas/writes';

// ---------- payload schemas ----------

/** Sheets holds at most 50,000 characters in a cell. */
export const Text = z.string().check(z.maxLength(50_000));
export const Row = z.int().check(z.minimum(2), z.maximum(10_000_000));
const Version = z.string().check(z.minLength(1), z.maxLength(64));
const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const NumberInput = z.union([z.number(), Text, z.null()]);
const RoleInput = z.union([z.enum(VALIDATOR_ROLES), z.literal('')]);

export const SaveChainSchema = z.object({
  row: Row,
  version: Version,
  fields: z.object({
    businessPain: Text,
    solutionValue: Text,
    namedResult: Text,
    metric: Text,
    baseline: NumberInput,
    target: NumberInput,
    validator: Text,
    validatorRole: RoleInput,
  }),
});

export const LogResultSchema = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  value: NumberInput,
  attributed: z.boolean(),
  validatedBy: Text,
  validatorRole: RoleInput,
  customerWords: Text,
  evidence: Text,
});

export const RecordCheckSchema = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  kind: z.enum(CHECK_KINDS),
  resultNamed: z.union([z.boolean(), z.null()]),
  notes: Text,
});

/** What to tell the user about each payload field when it does not fit. */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  row: 'Select an account row in Accounts (row 2 or below).',
  version: 'The sidebar lost track of this account; reload it.',
  date: 'Enter the date as YYYY-MM-DD.',
  kind: `Choose a check: ${CHECK_KINDS.join(', ')}.`,
  resultNamed: 'Answer Yes or No (or leave it blank).',
  attributed: 'Say whether the customer attributes it to the product.',
  validatorRole: `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`,
  'fields.validatorRole': `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`,
  value: 'Enter the value the metric reached, as a number.',
  'fields.baseline': 'Enter the baseline as a number.',
  'fields.target': 'Enter the target as a number.',
};

export function parsePayload<T>(schema: z.ZodMiniType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  const hint = FIELD_HINTS[field] ?? (field ? `'${field}' is not valid (text up to 50,000 characters).` : '');
  throw new WriteRefusal(`Nothing was saved. ${hint}`.trim(), field ? { field } : {});
}

/**
 * A number typed in a form, read by the spreadsheet's locale (parseLocaleNumber): '' or null clears the cell;
 * ' 40 ', '1,200' (en_US) and '1,5' (de_DE) are numbers; '1,5' in en_US, 'forty', '0x10' are refused.
 */
export function numberCell(
  input: number | string | null,
  field: string,
  label: string,
  locale = 'en_US',
): number | '' {
  if (input === null) return '';
  if (typeof input === 'number') {
    if (Number.isFinite(input)) return input;
    throw new WriteRefusal(`Nothing was saved. ${label} must be a number.`, { field });
  }
  if (input.trim() === '') return '';
  const n = parseLocaleNumber(input, locale);
  if (n !== null) return n;
  throw new WriteRefusal(
    `Nothing was saved. ${label} must be a number written as in this spreadsheet's locale (${locale}), e.g. ${numberExample(locale)}, not '${input.trim().slice(0, 40)}'.`,
    { field },
  );
}

/** A date from the form: a real calendar day, not after today. */
export function dayCell(iso: string, today: number, field: string): number {
  const day = dayFromIso(iso);
  if (day === null) throw new WriteRefusal(`Nothing was saved. ${iso} is not a calendar date.`, { field });
  if (day > today) throw new WriteRefusal(`Nothing was saved. ${iso} is in the future.`, { field });
  return day;
}

export function todayIn(timeZone: string): number {
  const today = dayConverter(timeZone)(new Date());
  if (today === null) throw new Error('The clock gave no date');
  return today;
}

export function trimmed(text: string): string {
  return text.trim();
}
