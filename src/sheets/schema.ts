// The workbook contract as zod schemas: what each column of each data sheet holds and how a cell is read.
import * as z from 'zod/mini';
import { isoOfDay } from '../core/dates';
import { FIRST_DAY, isCalendarDay, isoDay, LAST_DAY } from '../core/typedInput';

/** 1900-01-02T00:00Z: any Date before it is at most a day from Sheets' day zero in every zone, i.e. a bare time. */
const EARLIEST_DATE_MS = Date.UTC(1900, 0, 2);
import {
  CHECK_KINDS,
  CONFIRMED_VIA,
  type Day,
  HEALTHS,
  RENEWAL_STATUSES,
  RUNG_NAMES,
  type Rung,
  VALIDATOR_ROLES,
} from '../core/types';
import {
  type CellKind,
  type ColumnFlags,
  columnsOf,
  type DataSheetKey,
  fieldNames,
  perSheet,
  YES_NO,
} from './columns';

export type DayOf = (date: Date) => Day | null;

export type { CellKind };

/** One column of a data sheet with its field name: what the sheet parser reads, in column order. */
export interface FieldSpec extends ColumnFlags {
  readonly field: string;
  /** The header text (docs/rules.md §2). */
  readonly header: string;
  readonly kind: CellKind;
}

/** Per sheet, the columns in spec order: the column tables of columns.ts as lists. */
export const SHEET_FIELDS: Readonly<Record<DataSheetKey, readonly FieldSpec[]>> = perSheet((key) =>
  fieldNames(key).map((field, i): FieldSpec => ({ field, ...columnsOf(key)[i] })),
);

/** Cells Sheets hands over as empty: '' (and null/undefined from other callers), or only white space. */
export function isBlank(cell: unknown): boolean {
  return (
    cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
  );
}

/** A Date from any realm: Sheets' Dates come from the script's realm, tests' and the bench's from Node's. */
export function isDate(cell: unknown): cell is Date {
  if (typeof cell !== 'object' || cell === null) return false;
  return cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]';
}

/** Numeric text: plain decimals, optional sign and exponent, or thousands separators; at least one digit. */
const NUMERIC = /^[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

function numberOfText(text: string): number {
  const t = text.trim();
  return NUMERIC.test(t) ? Number(t.replace(/,/g, '')) : Number.NaN;
}

/** Case-insensitive match of a written choice to its canonical spelling; runs of spaces folded. */
function canonicalOf(values: readonly string[]): (text: string) => string | undefined {
  const map = new Map(values.map((v) => [foldChoice(v), v]));
  return (text) => map.get(foldChoice(text));
}

function foldChoice(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const validatorRoleOf = canonicalOf(VALIDATOR_ROLES);
const checkKindOf = canonicalOf(CHECK_KINDS);
const renewalStatusOf = canonicalOf(RENEWAL_STATUSES);
const confirmedViaOf = canonicalOf(CONFIRMED_VIA);
const healthOf = canonicalOf(HEALTHS);
const rungNameOf = canonicalOf(RUNG_NAMES);
const yesNoOf = canonicalOf(YES_NO);

function rungOfText(text: string): Rung | undefined {
  const name = rungNameOf(text);
  if (name !== undefined) return RUNG_NAMES.indexOf(name as (typeof RUNG_NAMES)[number]) as Rung;
  const n = numberOfText(text);
  return Number.isInteger(n) && n >= 0 && n <= 4 ? (n as Rung) : undefined;
}

/**
 * The zod schema of a non-blank cell of a kind: the definition of what a cell may hold and what it means.
 * `dayOf` reads a Date cell as a calendar day in the spreadsheet's time zone.
 */
export function cellSchema(kind: CellKind, dayOf: DayOf): z.ZodMiniType<unknown, unknown> {
  const dateCell = z.custom<Date>(isDate);
  const finite = z.number();
  const numericText = z.pipe(z.string(), z.transform(numberOfText));
  const choice = (of: (t: string) => string | undefined, values: readonly string[]) =>
    z.pipe(z.string(), z.pipe(z.transform(of), z.enum(values as [string, ...string[]])));
  switch (kind) {
    case 'text':
      return z.union([
        z.pipe(
          z.string(),
          z.transform((s) => s.trim()),
        ),
        z.pipe(finite, z.transform(String)),
        z.pipe(
          z.boolean(),
          z.transform((b) => (b ? 'TRUE' : 'FALSE')),
        ),
        z.pipe(dateCell, z.pipe(z.transform(dayOf), z.pipe(finite, z.transform(isoOfDay)))),
      ]);
    case 'number':
      return z.union([finite, z.pipe(numericText, finite)]);
    case 'count':
      return z.pipe(z.union([finite, z.pipe(numericText, finite)]), z.number().check(z.minimum(0)));
    case 'threshold':
      return z.pipe(z.union([finite, z.pipe(numericText, finite)]), z.number().check(z.int(), z.minimum(1)));
    case 'date':
      return z.pipe(
        z.union([z.pipe(dateCell, z.transform(dayOf)), z.pipe(z.string(), z.transform(isoDay))]),
        z.pipe(finite, z.number().check(z.int(), z.minimum(FIRST_DAY), z.maximum(LAST_DAY))),
      );
    case 'yesNo':
      return z.union([
        z.boolean(),
        z.pipe(
          choice(yesNoOf, YES_NO),
          z.transform((v) => v === 'Yes'),
        ),
      ]);
    case 'validatorRole':
      return choice(validatorRoleOf, VALIDATOR_ROLES);
    case 'checkKind':
      return choice(checkKindOf, CHECK_KINDS);
    case 'renewalStatus':
      return choice(renewalStatusOf, RENEWAL_STATUSES);
    case 'confirmedVia':
      return choice(confirmedViaOf, CONFIRMED_VIA);
    case 'health':
      return choice(healthOf, HEALTHS);
    case 'rung':
      return z.union([
        z.pipe(finite, z.number().check(z.int(), z.minimum(0), z.maximum(4))),
        z.pipe(
          z.string(),
          z.pipe(
            z.transform((t: string): number => rungOfText(t) ?? Number.NaN),
            finite,
          ),
        ),
      ]);
  }
}

/** A cell's value, or `undefined` when the cell cannot be read as its kind. */
export type CellReader = (cell: unknown) => unknown;

/**
 * The same reading as `cellSchema`, as plain code. Usage and Ladder history run to hundreds of thousands of
 * rows, where schema dispatch per cell costs seconds; test/unit/parse.test.ts proves the two agree on every kind.
 */
export function cellReader(kind: CellKind, dayOf: DayOf): CellReader {
  const finiteOrUndefined = (n: number) => (Number.isFinite(n) ? n : undefined);
  const numberOf = (cell: unknown): number | undefined =>
    typeof cell === 'number'
      ? finiteOrUndefined(cell)
      : typeof cell === 'string'
        ? finiteOrUndefined(numberOfText(cell))
        : undefined;
  const choice = (of: (t: string) => string | undefined) => (cell: unknown) =>
    typeof cell === 'string' ? of(cell) : undefined;
  switch (kind) {
    case 'text':
      return (cell) => {
        if (typeof cell === 'string') return cell.trim();
        if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : undefined;
        if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
        if (isDate(cell)) {
          const day = dayOf(cell);
          return day === null || !Number.isFinite(day) ? undefined : isoOfDay(day);
        }
        return undefined;
      };
    case 'number':
      return numberOf;
    case 'count':
      return (cell) => {
        const n = numberOf(cell);
        return n !== undefined && n >= 0 ? n : undefined;
      };
    case 'threshold':
      return (cell) => {
        const n = numberOf(cell);
        return n !== undefined && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
      };
    case 'date':
      // A Date before 1900 is a time typed without a date (Sheets' day zero, 1899-12-30); text must be YYYY-MM-DD.
      return (cell) => {
        const day = isDate(cell) ? dayOf(cell) : typeof cell === 'string' ? isoDay(cell) : null;
        return isCalendarDay(day) ? day : undefined;
      };
    case 'yesNo':
      return (cell) => {
        if (typeof cell === 'boolean') return cell;
        const v = typeof cell === 'string' ? yesNoOf(cell) : undefined;
        return v === undefined ? undefined : v === 'Yes';
      };
    case 'validatorRole':
      return choice(validatorRoleOf);
    case 'checkKind':
      return choice(checkKindOf);
    case 'renewalStatus':
      return choice(renewalStatusOf);
    case 'confirmedVia':
      return choice(confirmedViaOf);
    case 'health':
      return choice(healthOf);
    case 'rung':
      return (cell) => {
        if (typeof cell === 'number')
          return Number.isInteger(cell) && cell >= 0 && cell <= 4 ? cell : undefined;
        return typeof cell === 'string' ? rungOfText(cell) : undefined;
      };
  }
}

/** A reader backed by the zod schema, with the reader's contract (`undefined` when unreadable). */
export function schemaReader(kind: CellKind, dayOf: DayOf): CellReader {
  const schema = cellSchema(kind, dayOf);
  return (cell) => {
    const parsed = schema.safeParse(cell);
    return parsed.success ? parsed.data : undefined;
  };
}

/** What is wrong with an unreadable cell, for the person fixing it. */
export function cellProblem(kind: CellKind, cell: unknown): string {
  const shown = `'${isDate(cell) ? 'an invalid date' : String(cell).trim().slice(0, 40)}'`;
  switch (kind) {
    case 'text':
      return `${shown} cannot be read as text`;
    case 'number':
      return `${shown} is not a number`;
    case 'count':
      return `${shown} is not a number of zero or more`;
    case 'threshold':
      return `${shown} is not a whole number of 1 or more`;
    case 'date':
      return isDate(cell) && !Number.isNaN(cell.getTime()) && cell.getTime() < EARLIEST_DATE_MS
        ? 'a time of day without a date is not a date (use a date or YYYY-MM-DD)'
        : `${shown} is not a date (use a date or YYYY-MM-DD)`;
    case 'yesNo':
      return `${shown} is not Yes or No`;
    case 'validatorRole':
      return `${shown} is not one of ${VALIDATOR_ROLES.join(', ')}`;
    case 'checkKind':
      return `${shown} is not one of ${CHECK_KINDS.join(', ')}`;
    case 'renewalStatus':
      return `${shown} is not one of ${RENEWAL_STATUSES.join(', ')}`;
    case 'confirmedVia':
      return `${shown} is not one of ${CONFIRMED_VIA.join(', ')}`;
    case 'health':
      return `${shown} is not one of ${HEALTHS.join(', ')}`;
    case 'rung':
      return `${shown} is not a rung (${RUNG_NAMES.join(', ')} or 0–4)`;
  }
}
