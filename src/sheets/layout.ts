// The workbook contract of docs/rules.md §2: sheet names and their columns' header text, in default order.
import {
  type CellKind,
  COLUMNS,
  columnsOf,
  type DataSheetKey,
  DROPDOWN_VALUES,
  type HeaderOf,
  perSheet,
} from './columns';

export const SHEET = {
  segments: 'Segments',
  accounts: 'Accounts',
  usage: 'Usage',
  results: 'Results',
  checks: 'Checks',
  reminderLog: 'Reminder log',
  history: 'Ladder history',
  ladder: 'Ladder',
  dashboard: 'Dashboard',
} as const;

export type SheetKey = keyof typeof SHEET;
export type SheetName = (typeof SHEET)[SheetKey];

/** The data sheets and their headers, in default order (derived from the column tables in columns.ts). */
export const HEADERS = perSheet((key) => columnsOf(key).map((c) => c.header)) as {
  readonly [S in DataSheetKey]: readonly HeaderOf<S>[];
};

export type { DataSheetKey };

/** Dropdown values per (sheet, column): every column of a kind that has DROPDOWN_VALUES. Matching is case-insensitive. */
export const ENUMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  (Object.keys(COLUMNS) as DataSheetKey[]).flatMap((key) =>
    columnsOf(key).flatMap((c) => {
      const values = (DROPDOWN_VALUES as Partial<Record<CellKind, readonly string[]>>)[c.kind];
      return values ? [[`${key}:${c.header}`, values] as const] : [];
    }),
  ),
);

/** Header text as compared: trimmed, lower-case, runs of white space folded to one space. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The default segments (editable in the sheet), in the project's own words. */
export const DEFAULT_SEGMENTS: readonly (readonly [string, string, string, number, number, number])[] = [
  ['SMB', 'The buyer can point to one number the product moved within a quarter.', 'Buyer', 2, 90, 90],
  [
    'Mid-Market',
    "A team's metric moved and the team lead and their manager both sign off on it.",
    'Team lead + Manager',
    5,
    90,
    90,
  ],
  [
    'Enterprise',
    'A business outcome the executive sponsor reports upward, with the product credited.',
    'Executive sponsor',
    10,
    90,
    90,
  ],
];
