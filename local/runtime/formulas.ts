// Formula cells that call the bundle's own custom functions, evaluated when their sheet is read: the result spills
// from the formula cell as Sheets spills an array, or the cell shows #REF! when the array does not fit.
//
// Only formulas of the shape the add-on writes are computed — `=NAME(arg, …)` where NAME is a top-level function of
// the bundle and each argument is a range (A1, with or without a sheet; whole columns too), TODAY(), NOW(), a number,
// a "string" or TRUE/FALSE. Any other formula keeps the blank value the runtime always gave it.
//
// Sheets' behaviour modelled here:
// - the custom function runs in AuthMode.CUSTOM_FUNCTION, with each range argument as its values (a one-cell range as
//   one value) — developers.google.com/apps-script/guides/sheets/functions ("Arguments", "Return values": a 2D
//   array "can overflow into the appropriate cells");
// - an array result taller or wider than the sheet's grid is not expanded: the formula cell shows #REF! (Sheets'
//   note: "Result was not automatically expanded, please insert more rows (N).") and nothing spills;
// - an array result that would overwrite a non-empty cell shows #REF! ("Array result was not expanded because it
//   would overwrite data in …") and nothing spills;
// - a custom function that throws shows #ERROR!.
// getValues returns those error texts ('#REF!', '#ERROR!') as strings. Evaluating is lazy and cached on the
// workbook's version, today's date and the document properties, so a sheet no one reads costs nothing.
import { parseA1 } from './a1';
import { type SheetModel, type SpillBlock, STRIDE } from './sheetModel';
import { formatDate } from './utilities';
import type { WorkbookModel } from './workbook';

export const REF_ERROR = '#REF!';
export const FORMULA_ERROR = '#ERROR!';

type Argument =
  | { readonly kind: 'range'; readonly sheet: string | null; readonly text: string }
  | { readonly kind: 'today' }
  | { readonly kind: 'now' }
  | { readonly kind: 'value'; readonly value: unknown };

interface ParsedCall {
  readonly name: string;
  readonly args: readonly Argument[];
}

/** Splits at top-level commas, outside quotes and parentheses. */
function splitArguments(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (quote || depth !== 0) return null;
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function parseArgument(text: string): Argument | null {
  if (/^TODAY\(\s*\)$/i.test(text)) return { kind: 'today' };
  if (/^NOW\(\s*\)$/i.test(text)) return { kind: 'now' };
  if (text === '') return { kind: 'value', value: undefined };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { kind: 'value', value: Number(text) };
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: 'value', value: text.toUpperCase() === 'TRUE' };
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return { kind: 'value', value: str[1].replace(/""/g, '"') };
  const ref = parseA1(text);
  if (ref) return { kind: 'range', sheet: ref.sheet, text };
  return null;
}

/** `=NAME(args…)`, or null for any formula of another shape. */
export function parseCall(formula: string): ParsedCall | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) return null;
  const parts = m[2].trim() === '' ? [] : splitArguments(m[2]);
  if (!parts) return null;
  const args: Argument[] = [];
  for (const part of parts) {
    const arg = parseArgument(part);
    if (!arg) return null;
    args.push(arg);
  }
  return { name: m[1], args };
}

/** How the runtime runs one custom function for a formula cell (in AuthMode.CUSTOM_FUNCTION, uncounted). */
export type CustomFunctionRunner = (name: string, args: readonly unknown[]) => { value: unknown } | null;

export class FormulaEvaluator {
  private evaluating = false;
  private readonly computedAt = new WeakMap<SheetModel, string>();

  constructor(
    private readonly book: WorkbookModel,
    private readonly run: CustomFunctionRunner,
    /** Anything besides the cells a result depends on (the stored settings): part of the cache key. */
    private readonly context: () => string,
  ) {}

  /** Recomputes the sheet's formula results unless nothing they depend on changed since the last time. */
  refresh(sheet: SheetModel): void {
    if (this.evaluating || sheet.formulas.size === 0) {
      if (sheet.formulas.size === 0 && sheet.spills.length > 0) sheet.setSpills([]);
      return;
    }
    const realm = this.book.kit.realm;
    const today = formatDate(new Date(realm.now()), this.book.timeZone, 'yyyy-MM-dd');
    const key = `${this.book.version}|${today}|${this.context()}`;
    if (this.computedAt.get(sheet) === key) return;
    this.evaluating = true;
    try {
      const blocks: SpillBlock[] = [];
      for (const [cellKey, formula] of [...sheet.formulas].sort(([a], [b]) => a - b)) {
        const call = parseCall(formula);
        if (!call) continue;
        const row0 = Math.floor(cellKey / STRIDE);
        const col0 = cellKey % STRIDE;
        const args = call.args.map((a) => this.book.handOut(this.argument(a, sheet)));
        if (args.some((a) => a === UNRESOLVED)) continue;
        const outcome = this.run(call.name, args);
        if (!outcome) continue;
        blocks.push(this.place(sheet, row0, col0, outcome.value, blocks));
      }
      sheet.setSpills(blocks);
      this.computedAt.set(sheet, key);
    } finally {
      this.evaluating = false;
    }
  }

  private argument(arg: Argument, formulaSheet: SheetModel): unknown {
    const realm = this.book.kit.realm;
    if (arg.kind === 'value') return arg.value;
    if (arg.kind === 'now') return realm.date(realm.now());
    if (arg.kind === 'today') {
      const iso = formatDate(new Date(realm.now()), this.book.timeZone, 'yyyy-MM-dd');
      return realm.date(this.book.zonedMidnight(Date.parse(`${iso}T00:00:00Z`)));
    }
    const ref = parseA1(arg.text);
    const model = ref?.sheet ? this.book.sheet(ref.sheet) : formulaSheet;
    if (!ref || !model) return UNRESOLVED;
    const lastRow = ref.lastRow ?? model.maxRows;
    const lastColumn = ref.lastColumn ?? model.maxColumns;
    if (lastRow > model.maxRows || lastColumn > model.maxColumns) return UNRESOLVED;
    const values = model.read(
      ref.row - 1,
      ref.column - 1,
      lastRow - ref.row + 1,
      lastColumn - ref.column + 1,
    );
    // A one-cell range reaches a custom function as its value, not as a 1×1 array.
    return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
  }

  /** Where a result goes: spilled from the anchor, or #REF! in the anchor when it would not fit or would overwrite. */
  private place(
    sheet: SheetModel,
    row0: number,
    col0: number,
    value: unknown,
    earlier: readonly SpillBlock[],
  ): SpillBlock {
    const grid = toGrid(value);
    const rows = grid.length;
    const cols = grid.reduce((w, r) => Math.max(w, r.length), 0);
    const error = (note: string): SpillBlock => ({ row0, col0, values: [[REF_ERROR]], note });
    if (row0 + rows > sheet.maxRows) {
      return error(
        `Result was not automatically expanded, please insert more rows (${row0 + rows - sheet.maxRows}).`,
      );
    }
    if (col0 + cols > sheet.maxColumns) {
      return error(
        `Result was not automatically expanded, please insert more columns (${col0 + cols - sheet.maxColumns}).`,
      );
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const r = row0 + i;
        const c = col0 + j;
        const occupied =
          sheet.rawAt(r, c) !== '' ||
          sheet.formulaAt(r, c) !== '' ||
          earlier.some(
            (b) =>
              r >= b.row0 &&
              r < b.row0 + b.values.length &&
              c >= b.col0 &&
              c < b.col0 + (b.values[0]?.length ?? 0),
          );
        if (occupied) {
          return error(
            `Array result was not expanded because it would overwrite data in ${sheet.label(r, c, 1, 1)}.`,
          );
        }
      }
    }
    return { row0, col0, values: grid.map((r) => padRow(r, cols)), note: '' };
  }
}

const UNRESOLVED = Symbol('unresolved range');

function padRow(row: readonly unknown[], width: number): unknown[] {
  const out = row.map((v) => (v === null || v === undefined ? '' : v));
  while (out.length < width) out.push('');
  return out;
}

/** A custom function's result as rows: a 2D array as it is, a 1D array as one row, anything else as one cell. */
function toGrid(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value === null || value === undefined ? '' : value]];
  if (value.length === 0) return [['']];
  if (value.every((r) => Array.isArray(r))) return value as unknown[][];
  return [value];
}
