// Set up workbook (SPEC §2, §9): adds what is missing — sheets, columns, default segments, formats, dropdowns, the Ladder view — marks the sheets it uses, and never touches user data.
import { holdsLadderValues } from './ladderStatus';
import {
  DEFAULT_SEGMENTS,
  type DataSheetKey,
  ENUMS,
  HEADERS,
  normalizeHeader,
  SHEET,
  type SheetKey,
} from '../sheets/layout';
import { HEALTH_FILLS, RUNG_FILLS } from '../core/palette';
import { HEALTHS, RUNG_NAMES } from '../core/types';
import { SheetFinder } from './sheetFinder';
import { columnLetter } from '../sheets/a1';

// Set up's tests and callers read column letters here; the one definition lives with the workbook contract.
export { columnLetter };

/** The tab name of each sheet as this workbook has it (a team may rename a marked sheet). */
export type SheetNames = Readonly<Record<SheetKey, string>>;

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
  /** Data sheets whose row 1 is blank above data: no header was written there (it would be a guess). */
  readonly headerless?: readonly string[];
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

/** Background colours on the Ladder view: rungs in one blue sequence, health as traffic lights (core/palette.ts). */
const RUNG_COLOURS = RUNG_NAMES.map((r) => [r, RUNG_FILLS[r]] as const);
const HEALTH_COLOURS = HEALTHS.map((h) => [h, HEALTH_FILLS[h]] as const);
/**
 * Column widths (px) for LADDER's columns, in order, so Why (up to ~200 characters) and Next step read whole
 * (wrapped) instead of cut to ~15 characters.
 */
const LADDER_WIDTHS: readonly number[] = [90, 170, 190, 100, 80, 70, 360, 320, 110];
/** Why and Next step: the long texts that wrap. */
const LADDER_WRAPPED_FROM = 7;
const LADDER_WRAPPED_COLUMNS = 2;
/** LADDER's output columns: Account ID · Account · Owner · Segment · Rung · Health · … */
const LADDER_RUNG_COLUMN = 5;
const LADDER_HEALTH_COLUMN = 6;

/** A sheet name as a formula writes it: quoted when it has anything but letters, digits and underscores. */
function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const wholeColumns = (name: string, width: number) =>
  `${sheetReference(name)}!A:${columnLetter(Math.max(1, width))}`;

/**
 * The Ladder sheet's A1: LADDER over whole columns, wide enough to cover the columns users added. TODAY() makes
 * Sheets recalculate it every day (a custom function with unchanged arguments is otherwise cached), and the Ladder
 * history range lets Why say which accounts are climbing, slipping or stalled.
 */
export function ladderFormula(
  widths: Readonly<Record<DataSheetKey, number>>,
  names: Readonly<Partial<SheetNames>> = SHEET,
): string {
  const nameOf = (key: DataSheetKey) => names[key] ?? SHEET[key];
  const ranges = LADDER_ARGUMENTS.map((key) => wholeColumns(nameOf(key), widths[key]));
  return `=LADDER(${ranges.join(', ')}, TODAY(), ${wholeColumns(nameOf('history'), widths.history)})`;
}

const columnsPattern = (sheetName: string) => {
  const name = sheetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "''");
  return String.raw`\s*(?:${name}|'${name}')!A:[A-Z]+\s*`;
};

/**
 * The LADDER formulas setup has written, in any version: the five ranges at any width, with or without
 * `TODAY(), 'Ladder history'!A:D`, over the sheets as they are named now. Only these are upgraded; any other
 * formula in A1 is the user's own.
 */
export function isSetupLadderFormula(formula: string, names: Readonly<Partial<SheetNames>> = SHEET): boolean {
  const nameOf = (key: DataSheetKey) => names[key] ?? SHEET[key];
  const ours = new RegExp(
    String.raw`^=\s*LADDER\(${LADDER_ARGUMENTS.map((k) => columnsPattern(nameOf(k))).join(',')}(?:,\s*TODAY\(\)\s*,${columnsPattern(nameOf('history'))})?\)\s*$`,
    'i',
  );
  return ours.test(formula);
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

/**
 * Finds the sheet (by mark, or a data sheet by name: the team's tab is adopted and marked) or creates and marks it,
 * then completes its header (and the default segments) with at most one setValues.
 */
function prepareDataSheet(
  finder: SheetFinder,
  key: DataSheetKey,
  report: {
    createdSheets: string[];
    addedColumns: Record<string, string[]>;
    segmentsAdded: number;
    headerless: string[];
  },
): PreparedSheet {
  const { sheet, created } = finder.findOrCreate(key);
  const name = sheet.getName();
  if (created) report.createdSheets.push(name);
  const lastColumn = sheet.getLastColumn();
  const existing = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const blankHeader = existing.every((cell) => String(cell).trim() === '');
  if (blankHeader && sheet.getLastRow() > 1) {
    // Rows below a blank row 1: labelling their columns in the spec's order would be a guess about the team's data.
    report.headerless.push(name);
    return { sheet, header: [], touchedHeader: false };
  }
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

/** Formats Sheets reports for a cell nobody formatted ("Automatic"). */
const AUTOMATIC_FORMATS = new Set(['', 'General', '0.###############']);

/**
 * The list a column's dropdown should hold: the team's list with the values it lacks added at the end, or null when
 * the rule is to be left as it is (it already holds every value, or it is a kind of rule the team chose instead of a
 * list, such as a range or a checkbox). Values compare exactly: a "reject input" dropdown may match case-sensitively,
 * and the add-on writes its own spelling ('Yes', '90-day'), so a team's 'yes' gets 'Yes' beside it rather than a
 * save that Sheets refuses. (Reading stays case-insensitive, so the team's 'yes' rows still count.)
 */
export function mergedList(current: readonly unknown[] | null, values: readonly string[]): string[] | null {
  if (current === null) return [...values];
  const have = new Set(current.map((v) => String(v).trim()));
  const missing = values.filter((v) => !have.has(v));
  return missing.length === 0 ? null : [...current.map(String), ...missing];
}

/** Adds a dropdown where a column has none; adds missing values to a team's own list; never replaces a list. */
function mergeDropdown(
  body: GoogleAppsScript.Spreadsheet.Range,
  name: string,
  values: readonly string[],
): void {
  const rule = body.getDataValidation();
  if (!rule) {
    body.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...values], true)
        .setAllowInvalid(false)
        .setHelpText(`${name}: one of ${values.join(', ')}.`)
        .build(),
    );
    return;
  }
  if (String(rule.getCriteriaType()) !== 'VALUE_IN_LIST') return;
  const [list, shown] = rule.getCriteriaValues();
  const merged = mergedList(Array.isArray(list) ? list : [], values);
  if (!merged) return;
  // copy() keeps the team's "reject input"/"show warning" choice and help text; only the list grows.
  body.setDataValidation(
    rule
      .copy()
      .requireValueInList(merged, shown !== false)
      .build(),
  );
}

/**
 * Frozen bold header, number formats and dropdowns, each added only where there is none yet (read from the column's
 * first body cell), so a format or list the team set stays theirs and a second run makes no change at all.
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
    if (AUTOMATIC_FORMATS.has(body.getNumberFormat())) body.setNumberFormat(format);
  }
  for (const [where, values] of Object.entries(ENUMS)) {
    const [sheetKey, name] = where.split(':');
    if (sheetKey !== key) continue;
    const column = columnOf(name);
    if (column < 1) continue;
    mergeDropdown(sheet.getRange(2, column, bodyRows, 1), name, values);
  }
}

/**
 * The Ladder view: the marked one; else a `Ladder` tab whose A1 is a LADDER formula setup wrote before sheets were
 * marked (adopted and marked); else a new sheet, beside any `Ladder` tab of the team's own.
 */
function ladderSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  finder: SheetFinder,
  names: SheetNames,
  createdSheets: string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const marked = finder.find('ladder');
  if (marked) return marked;
  const legacy = ss.getSheetByName(SHEET.ladder);
  if (legacy && isSetupLadderFormula(legacy.getRange(1, 1).getFormula(), names)) {
    finder.mark('ladder', legacy);
    return legacy;
  }
  const { sheet } = finder.findOrCreate('ladder');
  createdSheets.push(sheet.getName());
  return sheet;
}

function setUpLadder(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  finder: SheetFinder,
  widths: Readonly<Record<DataSheetKey, number>>,
  names: SheetNames,
  accountRows: number,
  createdSheets: string[],
): Pick<SetupReport, 'ladderFormula' | 'ladderRowsAdded'> {
  const sheet = ladderSheet(ss, finder, names, createdSheets);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const a1 = sheet.getRange(1, 1);
  const wanted = ladderFormula(widths, names);
  const formula = a1.getFormula();
  let outcome: SetupReport['ladderFormula'];
  // A big book's Ladder holds values its runs wrote (SPEC §4 Big books): that is the add-on's, not the team's.
  if (formula === wanted || (formula === '' && holdsLadderValues(sheet))) outcome = 'kept';
  else if (isSetupLadderFormula(formula, names) || isSetupLadderFormula(formula)) outcome = 'updated';
  else if (formula === '' && String(a1.getValue()) === '') outcome = 'set';
  else outcome = 'left alone';
  if (outcome === 'set' || outcome === 'updated') a1.setFormula(wanted);

  // LADDER answers one row per Accounts row (header included); Sheets refuses a result taller than its sheet.
  const maxRows = sheet.getMaxRows();
  const ladderRowsAdded = Math.max(0, accountRows - maxRows);
  if (ladderRowsAdded > 0) sheet.insertRowsAfter(maxRows, ladderRowsAdded);

  // Widths and wrapping once, when setup creates the sheet: later, the widths people chose stand.
  if (createdSheets.includes(SHEET.ladder)) {
    for (const [i, width] of LADDER_WIDTHS.entries()) sheet.setColumnWidth(i + 1, width);
    sheet
      .getRange(1, LADDER_WRAPPED_FROM, sheet.getMaxRows(), LADDER_WRAPPED_COLUMNS)
      .setWrapStrategy(SpreadsheetApp.WrapStrategy.WRAP);
    sheet.getRange(1, 1, sheet.getMaxRows(), LADDER_WIDTHS.length).setVerticalAlignment('top');
  }

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
    headerless: [] as string[],
  };
  const finder = SheetFinder.of(ss);
  const widths = {} as Record<DataSheetKey, number>;
  const names = { ...SHEET } as Record<SheetKey, string>;
  let accountRows = 0;
  for (const key of SHEET_ORDER) {
    const prepared = prepareDataSheet(finder, key, report);
    formatDataSheet(key, prepared);
    widths[key] = Math.max(prepared.header.length, prepared.sheet.getLastColumn());
    names[key] = prepared.sheet.getName();
    if (key === 'accounts') accountRows = prepared.sheet.getLastRow();
  }
  const ladder = setUpLadder(ss, finder, widths, names, accountRows, report.createdSheets);
  // Refresh dashboard fills it; setup only makes sure the add-on's own tab exists (beside a team's `Dashboard`).
  const dashboard = finder.findOrCreate('dashboard');
  if (dashboard.created) report.createdSheets.push(dashboard.sheet.getName());
  return { ...report, ...ladder };
}

/** The toast after a setup run, in plain words. */
export function setupSummary(report: SetupReport): string {
  const parts: string[] = [];
  if (report.createdSheets.length > 0) parts.push(`Created ${report.createdSheets.join(', ')}.`);
  const beside = report.createdSheets.filter((name) => /^Results (ladder|dashboard|reminder log)/.test(name));
  if (beside.length > 0)
    parts.push(`Your own tabs of the same names are left as they are; the add-on uses ${beside.join(', ')}.`);
  for (const [sheet, columns] of Object.entries(report.addedColumns)) {
    parts.push(`Added to ${sheet}: ${columns.join(', ')}.`);
  }
  if (report.segmentsAdded > 0) parts.push(`Added ${report.segmentsAdded} default segments.`);
  for (const sheet of report.headerless ?? []) {
    parts.push(
      `${sheet}: row 1 is blank above your data, so no header was written (the add-on will not guess which column is which); put the column names in row 1 and run Set up workbook again.`,
    );
  }
  if (report.ladderFormula === 'set') parts.push('The Ladder sheet shows the LADDER formula.');
  if (report.ladderFormula === 'updated')
    parts.push('The LADDER formula now covers every column, recalculates daily and reads Ladder history.');
  if (report.ladderRowsAdded > 0)
    parts.push(`Added ${report.ladderRowsAdded} rows to Ladder so it has room for every account.`);
  if (report.ladderFormula === 'left alone')
    parts.push('Ladder!A1 holds your own content, so it was left alone.');
  return parts.length > 0 ? parts.join(' ') : 'The workbook was already set up; nothing changed.';
}
