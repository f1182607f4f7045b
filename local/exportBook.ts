// `npm start -- --xlsx demo.xlsx` and `--template team.xlsx`: a book a team without a terminal can upload to Google Sheets.
// Both come from the built bundle itself: Set up workbook runs in the in-memory runtime and what it wrote (headers,
// dropdowns, formats, default segments, the Ladder and the Dashboard) is written out, so the files cannot drift from
// what the add-on makes.
import ExcelJS from 'exceljs';
import { dayConverter } from '../src/core/dates';
import { LADDER_STATUS_COLUMN, LADDER_STATUS_PREFIX } from '../src/gas/ladderStatus';
import { SHEET } from '../src/sheets/layout';
import { createRuntime, type Runtime } from './runtime/index';
import { DEFAULT_TIME_ZONE, writeRows } from './xlsx';

/** The sheets a team types into, in the order the add-on's setup lays them out. */
const DATA_SHEETS: readonly string[] = [
  SHEET.segments,
  SHEET.accounts,
  SHEET.usage,
  SHEET.results,
  SHEET.checks,
];

/** Rows of a blank book's dropdowns and formats: enough for a team's first year, as Set up workbook sizes them. */
const TEMPLATE_ROWS = 1000;

export interface ExportOptions {
  /** Which sheets to write, in order; a sheet the runtime does not hold is skipped. */
  readonly sheets: readonly string[];
  /** The day the values were computed ('YYYY-MM-DD'), said in the Ladder's status cell. */
  readonly asOf?: string;
  readonly timeZone?: string;
}

/**
 * The visible sheets of a workbook after Set up workbook, in the order a team sees them: data sheets first, then the
 * views. Hidden bookkeeping sheets (the reminder ledger, the usage summary, confirmation asks) are the add-on's own
 * state and mean nothing outside it, so they are left out.
 */
export function visibleSheets(runtime: Runtime): string[] {
  const view = runtime.spreadsheet;
  return view.sheetNames().filter((name) => !view.hidden(name));
}

/**
 * Writes the runtime's sheets as values, with the dropdowns and number formats setup recorded. Formulas are written
 * as their values: a `LADDER(...)` formula would show `#NAME?` in a spreadsheet without the add-on, so the Ladder's
 * status cell says the values are a snapshot and what makes them live.
 */
export async function exportBook(runtime: Runtime, path: string, options: ExportOptions): Promise<void> {
  const timeZone = options.timeZone ?? runtime.spreadsheet.timeZone ?? DEFAULT_TIME_ZONE;
  const dayOf = dayConverter(timeZone);
  const workbook = new ExcelJS.Workbook();
  const names = runtime.spreadsheet.sheetNames();
  for (const name of options.sheets) {
    if (!names.includes(name)) continue;
    const sheet = workbook.addWorksheet(name);
    const values = runtime.values(name);
    if (name === SHEET.ladder) markSnapshot(values, options.asOf);
    // Formulas go as their values: the add-on's own would show #NAME? without it (see markSnapshot).
    writeRows(sheet, values, dayOf, { formulas: false });
    if (runtime.spreadsheet.frozenRows(name) > 0) {
      sheet.views = [{ state: 'frozen', ySplit: runtime.spreadsheet.frozenRows(name) }];
    }
    copyFormats(runtime, name, sheet);
    copyDropdowns(runtime, name, sheet);
  }
  await workbook.xlsx.writeFile(path);
}

/** The Ladder's status cell, rewritten to say what the file holds: values as of a day, not a live formula. */
function markSnapshot(values: unknown[][], asOf: string | undefined): void {
  const header = values[0];
  if (!header) return;
  const at = LADDER_STATUS_COLUMN - 1;
  while (header.length <= at) header.push('');
  header[at] =
    `${LADDER_STATUS_PREFIX}values exported${asOf ? ` as of ${asOf}` : ''}, not live: ` +
    'install the add-on and run Extensions › Results Ladder › Set up workbook to make it live';
}

/** 'Sheet!B2:C1000' or 'B2:C1000' → the A1 part exceljs wants. */
function a1Of(range: string): string {
  const bang = range.lastIndexOf('!');
  return bang < 0 ? range : range.slice(bang + 1);
}

/** The number formats setup set (text for IDs and free text, dates for date columns) and its bold headers. */
function copyFormats(runtime: Runtime, name: string, sheet: ExcelJS.Worksheet): void {
  for (const f of runtime.spreadsheet.formats(name)) {
    const bold = f.method === 'setFontWeight' && f.value === 'bold';
    if (!bold && (f.method !== 'setNumberFormat' || typeof f.value !== 'string')) continue;
    const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1Of(f.range));
    if (!match) continue;
    const [, c1, r1, c2 = c1, r2 = r1] = match;
    const first = sheet.getColumn(c1).number;
    const last = sheet.getColumn(c2).number;
    for (let c = first; c <= last; c++) {
      for (let r = Number(r1); r <= Math.min(Number(r2), TEMPLATE_ROWS + 1); r++) {
        const cell = sheet.getCell(r, c);
        if (bold) cell.font = { bold: true };
        else cell.numFmt = String(f.value);
      }
    }
  }
}

/**
 * exceljs keeps a sheet's validations by range in `worksheet.dataValidations` (one `<dataValidation sqref=…>` per rule,
 * rather than one per cell); its type declarations only declare the per-cell `cell.dataValidation`.
 */
function rangeValidations(sheet: ExcelJS.Worksheet): {
  add(range: string, rule: ExcelJS.DataValidation): void;
} {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** Setup's dropdowns (value-in-list rules) as Excel list validations, which Google Sheets imports as dropdowns. */
function copyDropdowns(runtime: Runtime, name: string, sheet: ExcelJS.Worksheet): void {
  for (const v of runtime.spreadsheet.validations(name)) {
    // A list rule's criteria values are [the list, whether to show a dropdown] (DataValidation.getCriteriaValues).
    const [values] = v.values;
    if (v.criteria !== 'VALUE_IN_LIST' || !Array.isArray(values) || values.length === 0) continue;
    const list = values.map(String);
    rangeValidations(sheet).add(a1Of(v.range), {
      type: 'list',
      allowBlank: true,
      // An inline list is one quoted, comma-separated string; no listed value holds a comma or a quote.
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: !v.allowInvalid,
      errorStyle: v.allowInvalid ? 'warning' : 'stop',
      error: v.helpText,
      showInputMessage: v.helpText !== '',
      prompt: v.helpText,
    });
  }
}

/**
 * A blank team book: Set up workbook run on an empty spreadsheet, so the headers, dropdowns, formats and default
 * segments are the add-on's own. Only the data sheets are written; the Ladder and Dashboard appear when the add-on
 * runs Set up workbook in Google Sheets.
 */
export async function writeTemplate(
  bundle: string,
  path: string,
  options: { readonly timeZone?: string; readonly now: Date; readonly user: string },
): Promise<void> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const runtime = createRuntime({ timeZone, now: options.now, user: options.user, sheets: {} });
  runtime.load(bundle);
  runtime.call('setUpWorkbook');
  await exportBook(runtime, path, { sheets: DATA_SHEETS, timeZone });
}

export { DATA_SHEETS };
