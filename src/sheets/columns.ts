// The workbook contract as one table per data sheet: each column's field name, header text, cell kind and flags.
import { CHECK_KINDS, CONFIRMED_VIA, RENEWAL_STATUSES, VALIDATOR_ROLES } from '../core/types';

/** How a cell is read (schema.ts defines each kind). Blank cells never reach a reader: the sheet parser decides. */
export type CellKind =
  | 'text'
  | 'number'
  | 'count'
  | 'threshold'
  | 'date'
  | 'yesNo'
  | 'validatorRole'
  | 'checkKind'
  | 'renewalStatus'
  | 'confirmedVia'
  | 'rung'
  | 'health';

export const YES_NO = ['Yes', 'No'] as const;

/**
 * The values a person picks from, for the kinds setup turns into dropdowns (matching is case-insensitive). Rung and
 * Health are not among them: Ladder history is written by the add-on, and a rung is also read from 0–4.
 */
export const DROPDOWN_VALUES = {
  yesNo: YES_NO,
  validatorRole: VALIDATOR_ROLES,
  checkKind: CHECK_KINDS,
  renewalStatus: RENEWAL_STATUSES,
  confirmedVia: CONFIRMED_VIA,
} as const satisfies Partial<Record<CellKind, readonly string[]>>;

export interface ColumnFlags {
  /** The record is unusable without this cell: blank or unreadable drops the row, with a problem. */
  readonly key?: boolean;
  /** Free-text extras the rules never read: the sheet works without the column. */
  readonly optionalColumn?: boolean;
  /** The row builder decides what a blank or unreadable cell means (a fallback, or leaving the row out) and says so. */
  readonly builderReports?: boolean;
  /** The sidebar's Three-Link Chain form edits this Accounts column (kind text, number or validatorRole). */
  readonly chain?: boolean;
}

export interface Column<H extends string = string, K extends CellKind = CellKind> extends ColumnFlags {
  /** The header text as written in row 1 of the sheet (matched by normalizeHeader). */
  readonly header: H;
  readonly kind: K;
}

/** One column: its header text and kind kept as literal types, so headers and kinds can be derived per field. */
export function col<
  const H extends string,
  const K extends CellKind,
  const F extends ColumnFlags = Record<never, never>,
>(header: H, kind: K, flags?: F): Column<H, K> & NoInfer<F> {
  return { header, kind, ...flags } as Column<H, K> & F;
}

/**
 * Per data sheet, its columns in default order (the order setup writes them; readers find them by header wherever
 * they sit). The field name is the key: the record's property, the row builders' index and the sidebar's field.
 * Field names must not look like numbers: JavaScript lists such keys first, which would change the column order.
 */
export const COLUMNS = {
  segments: {
    name: col('Segment', 'text', { key: true }),
    resultLooksLike: col('Result looks like', 'text', { optionalColumn: true }),
    validatorRoles: col('Validator roles', 'text'),
    // A bar of 0 users or a window of 0 days would make every account adopted, or every check due today.
    weeklyUsersForAdoption: col('Weekly users for adoption', 'threshold', { builderReports: true }),
    resultWindowDays: col('Result window (days)', 'threshold', { builderReports: true }),
    checkEveryDays: col('Check every (days)', 'threshold', { builderReports: true }),
  },
  accounts: {
    id: col('Account ID', 'text', { key: true }),
    name: col('Account', 'text'),
    segment: col('Segment', 'text'),
    owner: col('Owner', 'text'),
    startDate: col('Start date', 'date'),
    renewalDate: col('Renewal date', 'date', { optionalColumn: true }),
    businessPain: col('Business pain', 'text', { chain: true }),
    solutionValue: col('Solution value', 'text', { chain: true }),
    namedResult: col('Named result', 'text', { chain: true }),
    metric: col('Metric', 'text', { optionalColumn: true, chain: true }),
    baseline: col('Baseline', 'number', { chain: true }),
    target: col('Target', 'number', { chain: true }),
    validator: col('Validator', 'text', { chain: true }),
    validatorRole: col('Validator role', 'validatorRole', { chain: true }),
    renewalStatus: col('Renewal status', 'renewalStatus', { optionalColumn: true }),
    // Added after the first release, so at the end: a book without it works, and setup appends it. The customer-side
    // address a confirmation ask goes to; for `A + B`, one per validator separated by ';' in the Validator cell's order.
    validatorEmail: col('Validator email', 'text', { optionalColumn: true, chain: true }),
  },
  usage: {
    week: col('Week', 'date', { key: true }),
    accountId: col('Account ID', 'text', { key: true }),
    activeUsers: col('Active users', 'count'),
    keyActions: col('Key actions', 'count', { optionalColumn: true }),
  },
  results: {
    date: col('Date', 'date', { key: true }),
    accountId: col('Account ID', 'text', { key: true }),
    value: col('Value', 'number'),
    attributed: col('Attributed', 'yesNo'),
    validatedBy: col('Validated by', 'text'),
    validatorRole: col('Validator role', 'validatorRole'),
    customerWords: col("Customer's words", 'text', { optionalColumn: true }),
    evidence: col('Evidence', 'text', { optionalColumn: true }),
    loggedBy: col('Logged by', 'text', { optionalColumn: true }),
    // Added later, so at the end (optional): how the validator's confirmation reached the record.
    confirmedVia: col('Confirmed via', 'confirmedVia', { optionalColumn: true }),
  },
  checks: {
    date: col('Date', 'date', { key: true }),
    accountId: col('Account ID', 'text', { key: true }),
    kind: col('Check', 'checkKind', { key: true }),
    resultNamed: col('Result named', 'yesNo'),
    notes: col('Notes', 'text', { optionalColumn: true }),
    checkedBy: col('Checked by', 'text', { optionalColumn: true }),
    // An Intervention check's record (docs/rules.md §3): who met, the re-planned result and when it is due.
    metWith: col('Met with', 'text', { optionalColumn: true }),
    replannedResult: col('Re-planned result', 'text', { optionalColumn: true }),
    replannedDue: col('Re-planned due', 'date', { optionalColumn: true }),
  },
  reminderLog: {
    time: col('Time', 'text'),
    recipient: col('Recipient', 'text'),
    kind: col('Kind', 'text'),
    accounts: col('Accounts', 'text'),
    status: col('Status', 'text'),
    detail: col('Detail', 'text'),
  },
  history: {
    date: col('Date', 'date', { key: true }),
    accountId: col('Account ID', 'text', { key: true }),
    rung: col('Rung', 'rung', { key: true }),
    health: col('Health', 'health', { key: true }),
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, Column>>>>;

export type DataSheetKey = keyof typeof COLUMNS;
type Table<S extends DataSheetKey> = (typeof COLUMNS)[S];

/** A sheet's field names (distributes over a union of sheets). */
export type FieldOf<S extends DataSheetKey> = S extends DataSheetKey ? keyof Table<S> & string : never;

/** A sheet's header texts (distributes over a union of sheets). */
export type HeaderOf<S extends DataSheetKey> = S extends DataSheetKey
  ? { [F in FieldOf<S>]: Table<S>[F] extends Column<infer H> ? H : never }[FieldOf<S>]
  : never;

/** The kind of one field's column. */
export type KindOf<S extends DataSheetKey, F extends FieldOf<S>> =
  Table<S>[F] extends Column<string, infer K> ? K : never;

/** The fields of a sheet whose column is of kind `K`, e.g. the Accounts date fields. */
export type FieldsOfKind<S extends DataSheetKey, K extends CellKind> = {
  [F in FieldOf<S>]: KindOf<S, F> extends K ? F : never;
}[FieldOf<S>];

export const ACCOUNT_COLUMNS = COLUMNS.accounts;

/** The Accounts fields the sidebar's chain form edits (the columns flagged `chain`). */
export type ChainField = {
  [F in FieldOf<'accounts'>]: Table<'accounts'>[F] extends { readonly chain: true } ? F : never;
}[FieldOf<'accounts'>];

/** Chain fields of optional columns: a payload may leave them out, and a book without the column still saves. */
export type OptionalChainField = {
  [F in ChainField]: Table<'accounts'>[F] extends { readonly optionalColumn: true } ? F : never;
}[ChainField];

/** The chain fields in column order. */
export const CHAIN_FIELDS = (Object.keys(ACCOUNT_COLUMNS) as FieldOf<'accounts'>[]).filter(
  (field): field is ChainField => (ACCOUNT_COLUMNS[field] as ColumnFlags).chain === true,
);

/** True for a chain field whose column is optional (see OptionalChainField). */
export function isOptionalChainField(field: ChainField): field is OptionalChainField {
  return (ACCOUNT_COLUMNS[field] as ColumnFlags).optionalColumn === true;
}

/** A sheet's fields, in column order. */
export function fieldNames<S extends DataSheetKey>(key: S): readonly FieldOf<S>[] {
  return Object.keys(COLUMNS[key]) as FieldOf<S>[];
}

/** A sheet's columns, in column order. */
export function columnsOf<S extends DataSheetKey>(key: S): readonly Column<HeaderOf<S>>[] {
  return Object.values(COLUMNS[key]) as Column<HeaderOf<S>>[];
}

/**
 * Field name → position in the values a row builder receives (the table's order). Typed by the table, so a
 * misspelt field (`ACC.nmae`) is a compile error rather than a cell that silently reads as blank.
 */
export function fieldsOf<S extends DataSheetKey>(key: S): Readonly<Record<FieldOf<S>, number>> {
  return Object.fromEntries(fieldNames(key).map((field, i) => [field, i])) as Record<FieldOf<S>, number>;
}

/** One value per data sheet, keyed in the tables' order (the order of COLUMNS' keys). */
export function perSheet<T>(make: (key: DataSheetKey) => T): Record<DataSheetKey, T> {
  const out: Partial<Record<DataSheetKey, T>> = {};
  for (const key of Object.keys(COLUMNS) as DataSheetKey[]) out[key] = make(key);
  return out as Record<DataSheetKey, T>;
}
