// The column tables: what derives from them agrees with them, and a misspelt field or header does not compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Account, CheckRecord, HistoryRecord, ResultRecord, UsageRecord } from '../../src/core/types';
import type { ChainFields } from '../../src/entry/sidebarTypes';
import type { CellsByHeader } from '../../src/gas/writes';
import {
  ACCOUNT_COLUMNS,
  CHAIN_FIELDS,
  COLUMNS,
  type ChainField,
  type DataSheetKey,
  DROPDOWN_VALUES,
  type FieldOf,
  type FieldsOfKind,
  fieldsOf,
  type HeaderOf,
} from '../../src/sheets/columns';
import { ENUMS, HEADERS } from '../../src/sheets/layout';
import { SHEET_FIELDS } from '../../src/sheets/schema';

const KEYS = Object.keys(COLUMNS) as DataSheetKey[];

describe('column tables', () => {
  it('give HEADERS, SHEET_FIELDS and the field indexes in one order', () => {
    expect(Object.keys(HEADERS)).toEqual(KEYS);
    for (const key of KEYS) {
      const table = COLUMNS[key] as Readonly<Record<string, { header: string }>>;
      expect(HEADERS[key]).toEqual(Object.values(table).map((c) => c.header));
      expect(SHEET_FIELDS[key].map((s) => s.header)).toEqual(HEADERS[key]);
      const at: Readonly<Record<string, number>> = fieldsOf(key);
      for (const [i, spec] of SHEET_FIELDS[key].entries()) {
        expect(at[spec.field]).toBe(i);
        expect(table[spec.field].header).toBe(spec.header);
      }
    }
  });

  it('have no field name that looks like a number (JavaScript would list it first, moving its column)', () => {
    for (const key of KEYS) for (const field of Object.keys(COLUMNS[key])) expect(field).not.toMatch(/^\d+$/);
  });

  it('give a dropdown for every column of a dropdown kind, and for no other', () => {
    const expected: Record<string, readonly string[]> = {};
    for (const key of KEYS) {
      for (const spec of SHEET_FIELDS[key]) {
        const values = (DROPDOWN_VALUES as Partial<Record<string, readonly string[]>>)[spec.kind];
        if (values) expected[`${key}:${spec.header}`] = values;
      }
    }
    expect(ENUMS).toEqual(expected);
    expect(ENUMS['accounts:Validator role']).toEqual(DROPDOWN_VALUES.validatorRole);
  });

  it('flag as chain only Accounts columns the chain form can send', () => {
    expect(CHAIN_FIELDS.length).toBeGreaterThan(0);
    for (const field of CHAIN_FIELDS)
      expect(['text', 'number', 'validatorRole']).toContain(ACCOUNT_COLUMNS[field].kind);
    expect(CHAIN_FIELDS).toEqual(
      (Object.keys(ACCOUNT_COLUMNS) as FieldOf<'accounts'>[]).filter((f) =>
        CHAIN_FIELDS.includes(f as ChainField),
      ),
    );
  });

  it('name exactly the fields of the records they are read into', () => {
    expectTypeOf<FieldOf<'accounts'>>().toEqualTypeOf<Exclude<keyof Account, 'row'>>();
    expectTypeOf<FieldOf<'usage'>>().toEqualTypeOf<Exclude<keyof UsageRecord, 'row'>>();
    expectTypeOf<FieldOf<'results'>>().toEqualTypeOf<Exclude<keyof ResultRecord, 'row'>>();
    expectTypeOf<FieldOf<'checks'>>().toEqualTypeOf<Exclude<keyof CheckRecord, 'row'>>();
    expectTypeOf<FieldOf<'history'>>().toEqualTypeOf<Exclude<keyof HistoryRecord, 'row'>>();
    expectTypeOf<FieldsOfKind<'accounts', 'date'>>().toEqualTypeOf<'startDate' | 'renewalDate'>();
    expectTypeOf<keyof ChainFields>().toEqualTypeOf<ChainField>();
  });

  it('make a misspelt field or header a compile error (tsc checks the expectations below)', () => {
    const ACC = fieldsOf('accounts');
    expect(ACC.namedResult).toBe(HEADERS.accounts.indexOf('Named result'));
    // @ts-expect-error 'nmae' is not an Accounts field: it would otherwise read every account's name as ''.
    expect(ACC.nmae).toBeUndefined();
    // @ts-expect-error nor a column of the Accounts table.
    expect(ACCOUNT_COLUMNS.nmae).toBeUndefined();
    // @ts-expect-error 'Acount ID' is not an Accounts header.
    const header: HeaderOf<'accounts'> = 'Acount ID';
    expect(HEADERS.accounts).not.toContain(header);
    // @ts-expect-error 'Named result' is an Accounts header, not a Results one: a write keyed by it does not compile.
    const cells: CellsByHeader<'results'> = { 'Named result': 'x' };
    expect(Object.keys(cells)).toEqual(['Named result']);
  });
});
