// Reads a workbook downloaded from Google Sheets as .xlsx into the values Sheets' getValues() would return.
import ExcelJS from 'exceljs';
import { dateOfDay, dayConverter, dayFromIso } from '../src/core/dates';

/** The runtime's default zone (local/runtime): an .xlsx date has no zone, so it is placed in the sheet's. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

const MS_PER_DAY = 86_400_000;

/**
 * Every worksheet as a rectangle of values, row 0 = the header row, the way `getDataRange().getValues()`
 * hands them to the bundle: blanks "", numbers as numbers, dates as JS Dates at midnight in `timeZone`,
 * formula cells as their cached result, rich text and hyperlinks as their plain text, errors as '#N/A'…
 */
export async function readXlsx(
  path: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const book: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    book[sheet.name] = sheetValues(sheet, timeZone);
  }
  return book;
}

function sheetValues(sheet: ExcelJS.Worksheet, timeZone: string): unknown[][] {
  const rows: unknown[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellValue(cell, timeZone);
    });
    rows[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  // Trailing blank rows and columns carry nothing; Sheets' data range stops at the last filled cell too.
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1])) rows.pop();
  width = 0;
  for (const r of rows) {
    if (!r) continue;
    for (let c = r.length - 1; c >= 0; c--) {
      if (r[c] !== undefined && r[c] !== '') {
        width = Math.max(width, c + 1);
        break;
      }
    }
  }
  const out: unknown[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r] ?? [];
    const line: unknown[] = [];
    for (let c = 0; c < width; c++) line.push(src[c] === undefined ? '' : src[c]);
    out.push(line);
  }
  return out;
}

function isBlankRow(row: unknown[] | undefined): boolean {
  return !row || row.every((v) => v === undefined || v === '');
}

function cellValue(cell: ExcelJS.Cell, timeZone: string): unknown {
  return plainValue(cell.value, cell.numFmt, timeZone);
}

function plainValue(value: ExcelJS.CellValue, numFmt: string | undefined, timeZone: string): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return sheetDate(value, timeZone);
  if (typeof value === 'number') {
    // A formula's cached result in a date-formatted cell arrives as a serial number.
    return numFmt && isDateFormat(numFmt) ? sheetDate(serialToUtc(value), timeZone) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return plainValue(result === undefined ? null : result, numFmt, timeZone);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainText(value.text);
  return '';
}

/** Hyperlink cells may carry rich text as their text. */
function plainText(text: unknown): string {
  if (text && typeof text === 'object' && 'richText' in text) {
    return (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
  }
  return String(text ?? '');
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01; exceljs reads serials as UTC wall time. */
function serialToUtc(serial: number): Date {
  return new Date(Math.round((serial - 25569) * MS_PER_DAY));
}

function isDateFormat(numFmt: string): boolean {
  // Strip quoted literals and colour/locale brackets before looking for date/time tokens.
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^(general|0|#)/i.test(bare.trim());
}

/**
 * exceljs gives an .xlsx date as the UTC instant of its wall-clock time. The same wall-clock time in the
 * spreadsheet's zone is what Sheets would hold: the calendar date at midnight there, plus any time of day.
 */
function sheetDate(utcWall: Date, timeZone: string): Date {
  const day = dayFromIso(utcWall.toISOString());
  if (day === null) return utcWall;
  const timeOfDay = utcWall.getTime() - day * MS_PER_DAY;
  const midnight = dateOfDay(day, timeZone);
  return timeOfDay === 0 ? midnight : new Date(midnight.getTime() + timeOfDay);
}

/**
 * Writes values into a worksheet as Google Sheets exports them: blanks left empty, dates as the calendar day they show
 * (exceljs expects a UTC-midnight Date) in `yyyy-mm-dd`, numbers and booleans as they are, the rest as text. With
 * `formulas`, '=…' text is written as a formula; without, as the text it is.
 */
export function writeRows(
  sheet: ExcelJS.Worksheet,
  rows: readonly (readonly unknown[])[],
  dayOf: (date: Date) => number | null,
  options: { readonly formulas: boolean },
): void {
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '' || value === null || value === undefined) return;
      const cell = sheet.getCell(r + 1, c + 1);
      if (value instanceof Date) {
        const day = dayOf(value);
        cell.value = day === null ? '' : new Date(day * MS_PER_DAY);
        cell.numFmt = 'yyyy-mm-dd';
      } else if (options.formulas && typeof value === 'string' && value.startsWith('=')) {
        cell.value = { formula: value.slice(1) };
      } else if (typeof value === 'number' || typeof value === 'boolean') {
        cell.value = value;
      } else {
        cell.value = String(value);
      }
    });
  });
}

/**
 * Writes sheets (as the runtime or demoBook holds them) to an .xlsx the way Google Sheets exports one:
 * dates as calendar dates without a zone, '=…' text as formulas. Lets a user try `npm start -- book.xlsx`
 * without a Google account, and lets the tests round-trip a book.
 */
export async function writeXlsx(
  sheets: Record<string, readonly (readonly unknown[])[]>,
  path: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<void> {
  const dayOf = dayConverter(timeZone);
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    writeRows(sheet, rows, dayOf, { formulas: true });
  }
  await workbook.xlsx.writeFile(path);
}
