// The workbook contract of SPEC §2: sheet names and their columns' header text, in default order.
import { CHECK_KINDS, RENEWAL_STATUSES, VALIDATOR_ROLES } from '../core/types';

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

/** The data sheets and their headers, in default order. */
export const HEADERS = {
  segments: [
    'Segment',
    'Result looks like',
    'Validator roles',
    'Weekly users for adoption',
    'Result window (days)',
    'Check every (days)',
  ],
  accounts: [
    'Account ID',
    'Account',
    'Segment',
    'Owner',
    'Start date',
    'Renewal date',
    'Business pain',
    'Solution value',
    'Named result',
    'Metric',
    'Baseline',
    'Target',
    'Validator',
    'Validator role',
    'Renewal status',
  ],
  usage: ['Week', 'Account ID', 'Active users', 'Key actions'],
  results: [
    'Date',
    'Account ID',
    'Value',
    'Attributed',
    'Validated by',
    'Validator role',
    "Customer's words",
    'Evidence',
    'Logged by',
  ],
  checks: ['Date', 'Account ID', 'Check', 'Result named', 'Notes', 'Checked by'],
  reminderLog: ['Time', 'Recipient', 'Kind', 'Accounts', 'Status', 'Detail'],
  history: ['Date', 'Account ID', 'Rung', 'Health'],
} as const;

export type DataSheetKey = keyof typeof HEADERS;

/** Dropdown values per (sheet, column). Matching is case-insensitive. */
export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'accounts:Validator role': VALIDATOR_ROLES,
  'accounts:Renewal status': RENEWAL_STATUSES,
  'results:Attributed': ['Yes', 'No'],
  'results:Validator role': VALIDATOR_ROLES,
  'checks:Check': CHECK_KINDS,
  'checks:Result named': ['Yes', 'No'],
};

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
