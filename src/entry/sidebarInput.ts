import * as z from 'zod/mini';
import { dayConverter, dayFromIso } from '../core/dates';
import { numberExample, parseLocaleNumber } from '../core/typedInput';
import { CHECK_KINDS, CONFIRMED_VIA, VALIDATOR_ROLES } from '../core/types';
import { WriteRefusal } from '../gas/writes';
import {
  ACCOUNT_COLUMNS,
  CHAIN_FIELDS,
  type ChainField,
  isOptionalChainField,
  type KindOf,
  type OptionalChainField,
} from '../sheets/columns';
import type {
  LogResultPayload,
  RecordCheckPayload,
  RecordConfirmationPayload,
  SaveChainPayload,
} from './sidebarTypes';

// ---------- payload schemas ----------

/** Sheets holds at most 50,000 characters in a cell. */
export const Text = z.string().check(z.maxLength(50_000));
export const Row = z.int().check(z.minimum(2), z.maximum(10_000_000));
const Version = z.string().check(z.minLength(1), z.maxLength(64));
const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const NumberInput = z.union([z.number(), Text, z.null()]);
const RoleInput = z.union([z.enum(VALIDATOR_ROLES), z.literal('')]);

/** The payload schema for each kind of column the chain form edits (ChainInput in sidebarTypes.ts says the same). */
const CHAIN_INPUTS = { text: Text, number: NumberInput, validatorRole: RoleInput } as const;
type ChainInputs = typeof CHAIN_INPUTS;
type InputOf<F extends ChainField> =
  KindOf<'accounts', F> extends keyof ChainInputs ? ChainInputs[KindOf<'accounts', F>] : never;
type ChainShape = {
  readonly [F in ChainField]: F extends OptionalChainField ? z.ZodMiniOptional<InputOf<F>> : InputOf<F>;
};

/** One schema per chain column, by its kind: a chain column of a kind the form cannot send does not compile. */
function chainShape(): ChainShape {
  const shape: Partial<Record<ChainField, z.ZodMiniType>> = {};
  for (const field of CHAIN_FIELDS) {
    const input = CHAIN_INPUTS[ACCOUNT_COLUMNS[field].kind];
    // An optional column's field may be left out: a sidebar or book from before the column keeps saving.
    shape[field] = isOptionalChainField(field) ? z.optional(input) : input;
  }
  return shape as ChainShape;
}

// Typed as the wire types, so a schema that drifts from what the sidebar sends does not compile.
export const SaveChainSchema: z.ZodMiniType<SaveChainPayload> = z.object({
  row: Row,
  version: Version,
  fields: z.object(chainShape()),
});

export const LogResultSchema: z.ZodMiniType<LogResultPayload> = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  value: NumberInput,
  attributed: z.boolean(),
  evidence: Text,
});

/** Text someone must type: not blank once trimmed. */
const Required = Text.check(z.refine((t) => t.trim() !== ''));
const VIA_BY_HAND = CONFIRMED_VIA.filter((v) => v !== 'link') as Exclude<
  (typeof CONFIRMED_VIA)[number],
  'link'
>[];

export const RecordConfirmationSchema: z.ZodMiniType<RecordConfirmationPayload> = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  resultRow: Row,
  validatedBy: Required,
  validatorRole: z.enum(VALIDATOR_ROLES),
  confirmedVia: z.enum(VIA_BY_HAND),
  customerWords: Required,
});

export const RecordCheckSchema: z.ZodMiniType<RecordCheckPayload> = z.object({
  row: Row,
  version: Version,
  date: IsoDay,
  kind: z.enum(CHECK_KINDS),
  resultNamed: z.union([z.boolean(), z.null()]),
  notes: Text,
  intervention: z.optional(
    z.object({
      metWith: Text,
      replannedResult: Text,
      replannedDue: IsoDay,
    }),
  ),
});

/** A date that may lie ahead (a re-planned result's due date), refused when it is not a calendar day. */
export function dueDayCell(iso: string, field: string): number {
  const day = dayFromIso(iso);
  if (day === null) throw new WriteRefusal(`Nothing was saved. ${iso} is not a calendar date.`, { field });
  return day;
}

/** What to tell the user about each payload field when it does not fit. */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  row: 'Select an account row in Accounts (row 2 or below).',
  version: 'The sidebar lost track of this account; reload it.',
  date: 'Enter the date as YYYY-MM-DD.',
  kind: `Choose a check: ${CHECK_KINDS.join(', ')}.`,
  resultNamed: 'Answer Yes or No (or leave it blank).',
  attributed: 'Say whether the customer attributes it to the product.',
  validatorRole: `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`,
  value: 'Enter the value the metric reached, as a number.',
  resultRow: 'Choose a logged value to confirm (reload the account).',
  validatedBy: 'Say who confirmed it: the validator by name.',
  confirmedVia: 'Say how they confirmed it: an email reply, a meeting or a call.',
  customerWords: 'Write what they said: their own words are the confirmation.',
  ...chainHints(),
};

/** The chain columns' hints, by kind: 'fields.baseline' → 'Enter the baseline as a number.' (text needs none). */
function chainHints(): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const field of CHAIN_FIELDS) {
    const { header, kind } = ACCOUNT_COLUMNS[field];
    if (kind === 'validatorRole') hints[`fields.${field}`] = `Choose a role: ${VALIDATOR_ROLES.join(', ')}.`;
    else if (kind === 'number') hints[`fields.${field}`] = `Enter the ${header.toLowerCase()} as a number.`;
  }
  return hints;
}

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
