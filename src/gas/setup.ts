// Set up workbook (SPEC §2): adds what is missing — sheets, columns, default segments, formats, dropdowns, the Ladder view — and never touches user data.
import { holdsLadderValues } from './ladderStatus';
import {
  DEFAULT_SEGMENTS,
  type DataSheetKey,
  ENUMS,
  HEADERS,
  normalizeHeader,
  SHEET,
} from '../sheets/layout';

/** What a setup run did, for the toast and the tests. */
export interface SetupReport {
  readonly createdSheets: readonly string[];
  /** Sheet name → the spec columns appended at the end of its header row. */
  readonly addedColumns: Readonly<Record<string, readonly string[]>>;
  readonly segmentsAdded: number;
  /** 'left alone' when Ladder!A1 holds something other than a LADDER formula setup wrote (the user's choice stands). */
  readonly ladderFormula: 'set' | 'updated' | 'kept' | 'left alone';
  /** Rows added to the Ladder sheet so LADDER's answer fits (Sheets will not expand a result over missing rows). */
  readonly ladderRowsAdded: number;
}

/** Data sheets in the order their tabs are created. */
const SHEET_ORDER: readonly DataSheetKey[] = [
  'accounts',
  'usage',
  'results',
  'checks',
  'segments',
  'history',
  'reminderLog',
];

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const COUNT_FORMAT = '0';
const MEASURE_FORMAT = '#,##0.##';
/** Plain text: what a user types there stays text, even when it starts with '='. */
const TEXT_FORMAT = '@';

/** Number formats per (sheet, column); columns not listed keep Sheets' automatic format. */
const FORMATS: Readonly<Partial<Record<DataSheetKey, Readonly<Record<string, string>>>>> = {
  segments: {
    'Result looks like': TEXT_FORMAT,
    'Weekly users for adoption': COUNT_FORMAT,
    'Result window (days)': COUNT_FORMAT,
    'Check every (days)': COUNT_FORMAT,
  },
  accounts: {
    'Start date': DATE_FORMAT,
    'Renewal date': DATE_FORMAT,
    'Business pain': TEXT_FORMAT,
    'Solution value': TEXT_FORMAT,
    'Named result': TEXT_FORMAT,
    Baseline: MEASURE_FORMAT,
    Target: MEASURE_FORMAT,
  },
  usage: { Week: DATE_FORMAT, 'Active users': COUNT_FORMAT, 'Key actions': COUNT_FORMAT },
  results: {
    Date: DATE_FORMAT,
    Value: MEASURE_FORMAT,
    "Customer's words": TEXT_FORMAT,
    Evidence: TEXT_FORMAT,
  },
  checks: { Date: DATE_FORMAT, Notes: TEXT_FORMAT },
  reminderLog: { Time: DATE_TIME_FORMAT },
  history: { Date: DATE_FORMAT },
};

/** The LADDER formula's range arguments before `as_of`, in its parameter order. */
const LADDER_ARGUMENTS: readonly DataSheetKey[] = ['accounts', 'usage', 'results', 'checks', 'segments'];

/** Background colours on the Ladder view: rungs from grey to green, health as traffic lights. */
const RUNG_COLOURS: readonly (readonly [string, string])[] = [
  ['None', '#f1f3f4'],
  ['Activity', '#e8f0fe'],
  ['Adoption', '#c6dafc'],
  ['Outcome', '#fce8b2'],
  ['Result', '#b7e1cd'],
];
const HEALTH_COLOURS: readonly (readonly [string, string])[] = [
  ['Green', '#b7e1cd'],
  ['Yellow', '#fce8b2'],
  ['Red', '#f4c7c3'],
];
/** LADDER's output columns: Account ID · Account · Owner · Segment · Rung · Health · … */
const LADDER_RUNG_COLUMN = 5;
const LADDER_HEALTH_COLUMN = 6;

/** 'A' for 1, 'Z' for 26, 'AA' for 27. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula writes it: quoted when it has anything but letters, digits and underscores. */
function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const wholeColumns = (key: DataSheetKey, width: number) =>
  `${sheetReference(SHEET[key])}!A:${columnLetter(Math.max(1, width))}`;

/**
 * The Ladder sheet's A1: LADDER over whole columns, wide enough to cover the columns users added. TODAY() makes
 * Sheets recalculate it every day (a custom function with unchanged arguments is otherwise cached), and the Ladder
 * history range lets Why say which accounts are climbing, slipping or stalled.
 */
export function ladderFormula(widths: Readonly<Record<DataSheetKey, number>>): string {
  const ranges = LADDER_ARGUMENTS.map((key) => wholeColumns(key, widths[key]));
  return `=LADDER(${ranges.join(', ')}, TODAY(), ${wholeColumns('history', widths.history)})`;
}

const columnsPattern = (key: DataSheetKey) => {
  const name = SHEET[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return String.raw`\s*(?:${name}|'${name}')!A:[A-Z]+\s*`;
};

/**
 * The LADDER formulas setup has written, in any version: the five ranges at any width, with or without
 * `TODAY(), 'Ladder history'!A:D`. Only these are upgraded; any other formula in A1 is the user's own.
 */
const OUR_LADDER = new RegExp(
  String.raw`^=\s*LADDER\(${LADDER_ARGUMENTS.map(columnsPattern).join(',')}(?:,\s*TODAY\(\)\s*,${columnsPattern('history')})?\)\s*$`,
  'i',
);

export function isSetupLadderFormula(formula: string): boolean {
  return OUR_LADDER.test(formula);
}

/** Default segment rows laid out under a header that may be ordered differently or hold extra columns. */
export function defaultSegmentRows(header: readonly unknown[]): unknown[][] {
  const positions = HEADERS.segments.map((h) =>
    header.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(h)),
  );
  return DEFAULT_SEGMENTS.map((segment) => {
    const row: unknown[] = new Array(header.length).fill('');
    positions.forEach((at, i) => {
      if (at >= 0) row[at] = segment[i];
    });
    return row;
  });
}

/** The spec columns a header row lacks, in spec order (header text compared trimmed, case-insensitively). */
export function missingColumns(key: DataSheetKey, header: readonly unknown[]): string[] {
  const present = new Set(header.map(normalizeHeader));
  return HEADERS[key].filter((h) => !present.has(normalizeHeader(h)));
}

interface PreparedSheet {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly header: readonly unknown[];
  readonly touchedHeader: boolean;
}

/** Creates the sheet or completes its header (and the default segments) with at most one setValues. */
function prepareDataSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: DataSheetKey,
  report: { createdSheets: string[]; addedColumns: Record<string, string[]>; segmentsAdded: number },
): PreparedSheet {
  const name = SHEET[key];
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name, ss.getNumSheets());
    report.createdSheets.push(name);
  }
  const lastColumn = sheet.getLastColumn();
  const existing = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const blankHeader = existing.every((cell) => String(cell).trim() === '');
  const missing = missingColumns(key, blankHeader ? [] : existing);
  // A header row with nothing in it is replaced whole; otherwise spec columns go after the user's last column.
  const header: unknown[] = blankHeader ? [...HEADERS[key]] : [...existing, ...missing];
  const addsDefaults = key === 'segments' && sheet.getLastRow() <= 1;
  if (missing.length > 0 && !blankHeader) report.addedColumns[name] = missing;

  if (addsDefaults) {
    const rows = [header, ...defaultSegmentRows(header)];
    sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
    report.segmentsAdded = DEFAULT_SEGMENTS.length;
  } else if (blankHeader) {
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  } else if (missing.length > 0) {
    sheet.getRange(1, existing.length + 1, 1, missing.length).setValues([missing]);
  }
  return { sheet, header, touchedHeader: blankHeader || missing.length > 0 };
}

/** The dropdown setup adds: the list, shown as a dropdown, anything else refused. */
function isOurDropdown(
  rule: GoogleAppsScript.Spreadsheet.DataValidation | null,
  values: readonly string[],
): boolean {
  if (!rule || String(rule.getCriteriaType()) !== 'VALUE_IN_LIST' || rule.getAllowInvalid()) return false;
  const [list] = rule.getCriteriaValues();
  return (
    Array.isArray(list) && list.length === values.length && list.every((v, i) => String(v) === values[i])
  );
}

/**
 * Frozen bold header, number formats and dropdowns, each added only where it is not already in place (read from
 * the column's first body cell), so a second run makes no change at all.
 */
function formatDataSheet(key: DataSheetKey, prepared: PreparedSheet): void {
  const { sheet, header } = prepared;
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  if (prepared.touchedHeader) sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  const bodyRows = sheet.getMaxRows() - 1;
  if (bodyRows < 1) return;
  const columnOf = (name: string) =>
    header.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(name)) + 1;
  for (const [name, format] of Object.entries(FORMATS[key] ?? {})) {
    const column = columnOf(name);
    if (column < 1) continue;
    const body = sheet.getRange(2, column, bodyRows, 1);
    if (body.getNumberFormat() !== format) body.setNumberFormat(format);
  }
  for (const [where, values] of Object.entries(ENUMS)) {
    const [sheetKey, name] = where.split(':');
    if (sheetKey !== key) continue;
    const column = columnOf(name);
    if (column < 1) continue;
    const body = sheet.getRange(2, column, bodyRows, 1);
    if (isOurDropdown(body.getDataValidation(), values)) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .setHelpText(`${name}: one of ${values.join(', ')}.`)
      .build();
    body.setDataValidation(rule);
  }
}

function setUpLadder(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  widths: Readonly<Record<DataSheetKey, number>>,
  accountRows: number,
  createdSheets: string[],
): Pick<SetupReport, 'ladderFormula' | 'ladderRowsAdded'> {
  let sheet = ss.getSheetByName(SHEET.ladder);
  if (!sheet) {
    sheet = ss.insertSheet(SHEET.ladder, ss.getNumSheets());
    createdSheets.push(SHEET.ladder);
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const a1 = sheet.getRange(1, 1);
  const wanted = ladderFormula(widths);
  const formula = a1.getFormula();
  let outcome: SetupReport['ladderFormula'];
  // A big book's Ladder holds values its runs wrote (SPEC §4 Big books): that is the add-on's, not the team's.
  if (formula === wanted || (formula === '' && holdsLadderValues(sheet))) outcome = 'kept';
  else if (isSetupLadderFormula(formula)) outcome = 'updated';
  else if (formula === '' && String(a1.getValue()) === '') outcome = 'set';
  else outcome = 'left alone';
  if (outcome === 'set' || outcome === 'updated') a1.setFormula(wanted);

  // LADDER answers one row per Accounts row (header included); Sheets refuses a result taller than its sheet.
  const maxRows = sheet.getMaxRows();
  const ladderRowsAdded = Math.max(0, accountRows - maxRows);
  if (ladderRowsAdded > 0) sheet.insertRowsAfter(maxRows, ladderRowsAdded);

  // Rules are added once: a sheet that already has conditional formats keeps the ones its users chose.
  if (sheet.getConditionalFormatRules().length === 0) {
    const rows = sheet.getMaxRows() - 1;
    if (rows >= 1) {
      const rungRange = sheet.getRange(2, LADDER_RUNG_COLUMN, rows, 1);
      const healthRange = sheet.getRange(2, LADDER_HEALTH_COLUMN, rows, 1);
      const rule = (text: string, colour: string, range: GoogleAppsScript.Spreadsheet.Range) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(text)
          .setBackground(colour)
          .setRanges([range])
          .build();
      sheet.setConditionalFormatRules([
        ...RUNG_COLOURS.map(([text, colour]) => rule(text, colour, rungRange)),
        ...HEALTH_COLOURS.map(([text, colour]) => rule(text, colour, healthRange)),
      ]);
    }
  }
  return { ladderFormula: outcome, ladderRowsAdded };
}

/** Set up workbook: idempotent; the second run writes no values. */
export function setUpWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const report = {
    createdSheets: [] as string[],
    addedColumns: {} as Record<string, string[]>,
    segmentsAdded: 0,
  };
  const widths = {} as Record<DataSheetKey, number>;
  let accountRows = 0;
  for (const key of SHEET_ORDER) {
    const prepared = prepareDataSheet(ss, key, report);
    formatDataSheet(key, prepared);
    widths[key] = Math.max(prepared.header.length, prepared.sheet.getLastColumn());
    if (key === 'accounts') accountRows = prepared.sheet.getLastRow();
  }
  const ladder = setUpLadder(ss, widths, accountRows, report.createdSheets);
  if (!ss.getSheetByName(SHEET.dashboard)) {
    // Refresh dashboard fills it; setup only makes sure the tab exists.
    ss.insertSheet(SHEET.dashboard, ss.getNumSheets());
    report.createdSheets.push(SHEET.dashboard);
  }
  return { ...report, ...ladder };
}

/** The toast after a setup run, in plain words. */
export function setupSummary(report: SetupReport): string {
  const parts: string[] = [];
  if (report.createdSheets.length > 0) parts.push(`Created ${report.createdSheets.join(', ')}.`);
  for (const [sheet, columns] of Object.entries(report.addedColumns)) {
    parts.push(`Added to ${sheet}: ${columns.join(', ')}.`);
  }
  if (report.segmentsAdded > 0) parts.push(`Added ${report.segmentsAdded} default segments.`);
  if (report.ladderFormula === 'set') parts.push('The Ladder sheet shows the LADDER formula.');
  if (report.ladderFormula === 'updated')
    parts.push('The LADDER formula now covers every column, recalculates daily and reads Ladder history.');
  if (report.ladderRowsAdded > 0)
    parts.push(`Added ${report.ladderRowsAdded} rows to Ladder so it has room for every account.`);
  if (report.ladderFormula === 'left alone')
    parts.push('Ladder!A1 holds your own content, so it was left alone.');
  return parts.length > 0 ? parts.join(' ') : 'The workbook was already set up; nothing changed.';
}
