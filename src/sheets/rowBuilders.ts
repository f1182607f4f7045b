// Row builders: one record (or a problem) from each usable row of a data sheet, by field position (columns.ts).
import { isWellFormedEmail } from '../core/addresses';
import type {
  Account,
  CheckKind,
  CheckRecord,
  ConfirmedVia,
  Health,
  HistoryRecord,
  Problem,
  RenewalStatus,
  ResultRecord,
  Rung,
  Segment,
  UsageRecord,
  ValidatorRole,
  ValidatorRule,
} from '../core/types';
import { ACCOUNT_COLUMNS, COLUMNS, type DataSheetKey, type FieldOf, fieldsOf } from './columns';
import { DEFAULT_SEGMENTS, SHEET } from './layout';
import { cellProblem, cellReader, type DayOf, isBlank } from './schema';

/**
 * What a builder's record literal `satisfies`: `row` and every field of the sheet's table, each also a field of the
 * record type R. A field in only one of the two has the literal type below, so the builder's line says what to add.
 */
type Built<S extends DataSheetKey, R> = {
  readonly [K in 'row' | FieldOf<S> | keyof R]: K extends keyof R
    ? K extends 'row' | FieldOf<S>
      ? R[K]
      : 'no column: add it to the table in src/sheets/columns.ts'
    : 'not in the record type: add it in src/core/types.ts';
};

/**
 * Builds a record from one usable row's values (by field position; null for a blank or unreadable cell). `cells` is
 * the sheet row as read, for builders that word their own problems (`builderReports` fields).
 */
export type RowBuilder<T> = (values: readonly unknown[], row: number, cells: readonly unknown[]) => T | null;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** `A, B`: any one role; `A + B`: every role. Unknown roles are problems and are left out of the rule. */
function validatorRuleOf(written: string, row: number, problems: Problem[], dayOf: DayOf): ValidatorRule {
  const sheet = SHEET.segments;
  const column = COLUMNS.segments.validatorRoles.header;
  const hasPlus = written.includes('+');
  if (hasPlus && written.includes(',')) {
    problems.push({
      sheet,
      row,
      column,
      message: `'${written}' mixes ',' (either role) and '+' (every role); use one of them`,
    });
  }
  const readRole = cellReader('validatorRole', dayOf);
  const roles: ValidatorRole[] = [];
  for (const part of written.split(/[+,]/)) {
    if (part.trim() === '') continue;
    const role = readRole(part) as ValidatorRole | undefined;
    if (role === undefined)
      problems.push({ sheet, row, column, message: cellProblem('validatorRole', part) });
    else if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0) {
    problems.push({
      sheet,
      row,
      column,
      message: 'No accepted validator role: no result in this segment can be validated',
    });
  }
  return { mode: hasPlus ? 'all' : 'any', roles };
}

const SEG = fieldsOf('segments');
const ACC = fieldsOf('accounts');
export const USE = fieldsOf('usage');
const RES = fieldsOf('results');
const CHK = fieldsOf('checks');
const HIS = fieldsOf('history');

/**
 * The segment thresholds: whole numbers from 1 (a bar of 0 users or a 0-day window means nothing) to a sane most
 * (a check every 100,000,000 days is a typo, and would put its due date past any calendar).
 */
const THRESHOLDS = [
  ['weeklyUsersForAdoption', COLUMNS.segments.weeklyUsersForAdoption.header, 3, 100_000],
  ['resultWindowDays', COLUMNS.segments.resultWindowDays.header, 4, 3_650],
  ['checkEveryDays', COLUMNS.segments.checkEveryDays.header, 5, 3_650],
] as const;

/**
 * Segments rows. A blank or unusable threshold is a problem naming its cell; a built-in segment (SMB, Mid-Market,
 * Enterprise) then takes the built-in value for that column, while any other segment is left out — there is no
 * value to fall back on that would not silently change its accounts' rungs — and its accounts say so.
 * `leftOut` collects those segments by folded name → row.
 */
export function segmentReader(
  problems: Problem[],
  dayOf: DayOf,
  columns: Record<string, number>,
  leftOut: Map<string, number>,
): RowBuilder<Segment> {
  const sheet = SHEET.segments;
  const seen = new Map<string, number>();
  return (v, row, cells) => {
    const name = text(v[SEG.name]);
    const folded = name.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      problems.push({
        sheet,
        row,
        column: COLUMNS.segments.name.header,
        message: `Duplicate segment '${name}' (first on row ${first}); this row is ignored`,
      });
      return null;
    }
    seen.set(folded, row);
    const builtIn = DEFAULT_SEGMENTS.find((d) => d[0].toLowerCase() === folded);
    const numbers: Record<(typeof THRESHOLDS)[number][0], number> = {
      weeklyUsersForAdoption: 0,
      resultWindowDays: 0,
      checkEveryDays: 0,
    };
    let complete = true;
    for (const [field, header, position, most] of THRESHOLDS) {
      const n = num(v[SEG[field]]);
      if (n !== null && n <= most) {
        numbers[field] = n;
        continue;
      }
      const at = columns[header];
      const cell = at >= 0 ? cells[at] : '';
      const wrong = isBlank(cell)
        ? `${header} is blank`
        : n !== null
          ? `${header} ${n} is more than ${most.toLocaleString('en-US')}`
          : `${header} ${cellProblem('threshold', cell)}`;
      if (builtIn) {
        const fallback = builtIn[position];
        numbers[field] = fallback;
        problems.push({
          sheet,
          row,
          column: header,
          message: `${wrong}; using ${fallback}, the built-in ${builtIn[0]} value`,
        });
      } else {
        complete = false;
        problems.push({
          sheet,
          row,
          column: header,
          message: `${wrong}; segment '${name}' is left out until it is a whole number from 1 to ${most.toLocaleString('en-US')}`,
        });
      }
    }
    const validatorRule = validatorRuleOf(text(v[SEG.validatorRoles]), row, problems, dayOf);
    if (!complete) {
      leftOut.set(folded, row);
      return null;
    }
    return {
      row,
      name,
      resultLooksLike: text(v[SEG.resultLooksLike]),
      validatorRule,
      ...numbers,
    };
  };
}

export function accountReader(
  segmentNames: ReadonlySet<string>,
  leftOutSegments: ReadonlyMap<string, number>,
  problems: Problem[],
): RowBuilder<Account> {
  const sheet = SHEET.accounts;
  const seen = new Map<string, number>();
  return (v, row) => {
    const id = text(v[ACC.id]);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        sheet,
        row,
        column: ACCOUNT_COLUMNS.id.header,
        message: `Duplicate Account ID '${id}' (first on row ${first}); this row is ignored`,
      });
      return null;
    }
    seen.set(id, row);
    const segment = text(v[ACC.segment]);
    if (segment === '') {
      problems.push({ sheet, row, column: ACCOUNT_COLUMNS.segment.header, message: 'Segment is blank' });
    } else if (!segmentNames.has(segment.toLowerCase())) {
      const leftOutRow = leftOutSegments.get(segment.toLowerCase());
      const message =
        leftOutRow === undefined
          ? `Segment '${segment}' is not in Segments`
          : `Segment '${segment}' is left out: fix its numbers on Segments row ${leftOutRow}`;
      problems.push({ sheet, row, column: ACCOUNT_COLUMNS.segment.header, message });
    }
    const owner = text(v[ACC.owner]);
    if (owner === '') {
      problems.push({
        sheet,
        row,
        column: ACCOUNT_COLUMNS.owner.header,
        message: "Owner is blank: no one gets this account's reminders",
      });
    } else if (!isWellFormedEmail(owner)) {
      problems.push({
        sheet,
        row,
        column: ACCOUNT_COLUMNS.owner.header,
        message: `'${owner}' is not an email address`,
      });
    }
    return {
      row,
      id,
      name: text(v[ACC.name]),
      segment: segment === '' ? null : segment,
      owner,
      startDate: num(v[ACC.startDate]),
      renewalDate: num(v[ACC.renewalDate]),
      businessPain: text(v[ACC.businessPain]),
      solutionValue: text(v[ACC.solutionValue]),
      namedResult: text(v[ACC.namedResult]),
      metric: text(v[ACC.metric]),
      baseline: num(v[ACC.baseline]),
      target: num(v[ACC.target]),
      validator: text(v[ACC.validator]),
      validatorRole: (v[ACC.validatorRole] as ValidatorRole | null) ?? null,
      renewalStatus: (v[ACC.renewalStatus] as RenewalStatus | null) ?? null,
      validatorEmail: text(v[ACC.validatorEmail]),
    } satisfies Built<'accounts', Account>;
  };
}

export const usageRecord = (v: readonly unknown[], row: number): UsageRecord =>
  ({
    row,
    week: v[USE.week] as number,
    accountId: v[USE.accountId] as string,
    activeUsers: num(v[USE.activeUsers]) ?? 0,
    keyActions: num(v[USE.keyActions]) ?? 0,
  }) satisfies Built<'usage', UsageRecord>;

export const resultRecord: RowBuilder<ResultRecord> = (v, row) =>
  ({
    row,
    date: v[RES.date] as number,
    accountId: v[RES.accountId] as string,
    value: num(v[RES.value]),
    attributed: v[RES.attributed] === true,
    validatedBy: text(v[RES.validatedBy]),
    validatorRole: (v[RES.validatorRole] as ValidatorRole | null) ?? null,
    customerWords: text(v[RES.customerWords]),
    evidence: text(v[RES.evidence]),
    loggedBy: text(v[RES.loggedBy]),
    confirmedVia: (v[RES.confirmedVia] as ConfirmedVia | null) ?? null,
  }) satisfies Built<'results', ResultRecord>;

export const checkRecord: RowBuilder<CheckRecord> = (v, row) =>
  ({
    row,
    date: v[CHK.date] as number,
    accountId: v[CHK.accountId] as string,
    kind: v[CHK.kind] as CheckKind,
    resultNamed: typeof v[CHK.resultNamed] === 'boolean' ? (v[CHK.resultNamed] as boolean) : null,
    notes: text(v[CHK.notes]),
    checkedBy: text(v[CHK.checkedBy]),
    metWith: text(v[CHK.metWith]),
    replannedResult: text(v[CHK.replannedResult]),
    replannedDue: num(v[CHK.replannedDue]),
  }) satisfies Built<'checks', CheckRecord>;

export const historyRecord: RowBuilder<HistoryRecord> = (v, row) =>
  ({
    row,
    date: v[HIS.date] as number,
    accountId: v[HIS.accountId] as string,
    rung: v[HIS.rung] as Rung,
    health: v[HIS.health] as Health,
  }) satisfies Built<'history', HistoryRecord>;
