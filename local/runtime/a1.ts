// A1 notation as Sheets reads it: cells, blocks, whole columns ('A:O'), open-ended columns ('A2:D'), whole rows.
import { columnLetter } from '../../src/sheets/a1';

/** 1-based bounds; null means "to the edge of the sheet". */
export interface A1Ref {
  readonly sheet: string | null;
  readonly row: number;
  readonly column: number;
  readonly lastRow: number | null;
  readonly lastColumn: number | null;
}

const CELL = /^\$?([A-Z]{1,3})?\$?(\d+)?$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits `'Ladder history'!A:C` into the sheet name and the range part. */
function splitSheet(text: string): { sheet: string | null; range: string } | null {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: text };
  const rawSheet = text.slice(0, bang);
  const range = text.slice(bang + 1);
  if (rawSheet.startsWith("'")) {
    if (!rawSheet.endsWith("'") || rawSheet.length < 2) return null;
    return { sheet: rawSheet.slice(1, -1).replace(/''/g, "'"), range };
  }
  return { sheet: rawSheet, range };
}

interface Corner {
  row: number | null;
  column: number | null;
}

function corner(text: string): Corner | null {
  const m = CELL.exec(text.toUpperCase());
  if (!m || (!m[1] && !m[2])) return null;
  const column = m[1] ? columnNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, column };
}

/** Parses A1 notation; null when Sheets would answer "Range not found". */
export function parseA1(text: string): A1Ref | null {
  const split = splitSheet(text.trim());
  if (!split || split.range === '') return null;
  const parts = split.range.split(':');
  if (parts.length > 2) return null;
  const a = corner(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.row === null || a.column === null) return null;
    return { sheet: split.sheet, row: a.row, column: a.column, lastRow: a.row, lastColumn: a.column };
  }
  const b = corner(parts[1]);
  if (!b) return null;
  const wholeColumns = a.row === null && b.row === null;
  const wholeRows = a.column === null && b.column === null;
  if (wholeColumns && a.column !== null && b.column !== null) {
    return {
      sheet: split.sheet,
      row: 1,
      column: Math.min(a.column, b.column),
      lastRow: null,
      lastColumn: Math.max(a.column, b.column),
    };
  }
  if (wholeRows && a.row !== null && b.row !== null) {
    return {
      sheet: split.sheet,
      row: Math.min(a.row, b.row),
      column: 1,
      lastRow: Math.max(a.row, b.row),
      lastColumn: null,
    };
  }
  if (a.row === null || a.column === null || b.column === null) return null;
  // 'A2:D' runs from row 2 to the bottom of the sheet.
  if (b.row === null) {
    return {
      sheet: split.sheet,
      row: a.row,
      column: Math.min(a.column, b.column),
      lastRow: null,
      lastColumn: Math.max(a.column, b.column),
    };
  }
  return {
    sheet: split.sheet,
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    lastRow: Math.max(a.row, b.row),
    lastColumn: Math.max(a.column, b.column),
  };
}

export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetter(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}

/** How a sheet name appears in a range reference. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
