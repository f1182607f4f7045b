// Range over the in-memory sheet model: values, formulas, formats, notes, data validation, and the errors Sheets
// raises for data of the wrong shape or outside the grid.
import type { WorkbookModel } from './workbook';
import { createFilter, filterApi } from './filter';
import { newProtection } from './protection';
import { OUTSIDE_GRID, type SheetModel, STRIDE } from './sheetModel';
import { columnLetter } from '../../src/sheets/a1';
import { a1Of, parseA1 } from './a1';
import { DataValidationRuleApi } from './builders';
import { TextFinderApi, textFinderCellsSearched } from './textFinder';

/** Format calls Sheets accepts on a range; the runtime records them against the range. */
const RECORDED_RANGE_FORMATS = [
  'setFontWeight',
  'setFontWeights',
  'setFontColor',
  'setFontColors',
  'setFontStyle',
  'setFontSize',
  'setFontFamily',
  'setFontLine',
  'setBackground',
  'setBackgrounds',
  'setBackgroundRGB',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'setWrap',
  'setWraps',
  'setWrapStrategy',
  'setTextStyle',
  'setBorder',
  'setTextRotation',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'setShowHyperlink',
  'applyRowBanding',
  'shiftRowGroupDepth',
  'trimWhitespace',
];

/**
 * Range methods that move cell contents or formats between Sheets and the script, each costing per cell: Google's
 * best-practices guide ("Use batch operations", developers.google.com/apps-script/guides/support/best-practices)
 * measures the cost of a call together with the data it carries, so the runtime counts cells beside calls.
 */
/** Methods that bring cells from Sheets to the script (the bench prices these as reads). */
export const CELL_READ_METHODS: ReadonlySet<string> = new Set([
  'getValues',
  'getValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'getFormula',
  'getNumberFormats',
  'getNumberFormat',
  'getNotes',
  'getNote',
  'getBackgrounds',
]);

/** Methods that send cells from the script to Sheets, or clear them (priced as writes). */
const CELL_WRITE_METHODS: ReadonlySet<string> = new Set([
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'setNumberFormats',
  'setNumberFormat',
  'setNotes',
  'setNote',
  'setBackgrounds',
  'clearContent',
  'clear',
]);

const CELL_METHODS = new Set([...CELL_READ_METHODS, ...CELL_WRITE_METHODS]);

/** Getters that read only the top-left cell. */
const ONE_CELL_GETTERS = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNumberFormat', 'getNote']);

/** Cells a Range call moves: the whole range for the methods above (one for single-cell getters), else none. */
export function rangeCellsMoved(target: object, method: string): number {
  if (!CELL_METHODS.has(method) || !(target instanceof RangeApi)) return 0;
  return ONE_CELL_GETTERS.has(method) ? 1 : target.numRows * target.numColumns;
}

/** The text a written value is checked as against a dropdown, or null for what every rule accepts (blank, formula). */
function storedText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') {
    if (v.startsWith('=')) return null;
    return v.startsWith("'") ? v.slice(1) : v;
  }
  return String(v);
}

export class RangeApi {
  constructor(
    private readonly book: WorkbookModel,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get realm() {
    return this.book.kit.realm;
  }

  _self(): unknown {
    return this.book.rangeApi(this.sheet, this.row, this.column, this.numRows, this.numColumns);
  }

  _record(method: string, value: unknown): unknown {
    this.sheet.formatLog.push({ range: this._label(), method, value: this.realm.toHost(value) });
    return this._self();
  }

  _label(): string {
    return this.sheet.label(this.row - 1, this.column - 1, this.numRows, this.numColumns);
  }

  _checkShape(values: unknown): unknown[][] {
    if (!Array.isArray(values) || (values.length > 0 && !Array.isArray(values[0]))) {
      throw this.realm.error(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    }
    if (values.length !== this.numRows) {
      throw this.realm.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of values as unknown[]) {
      const n = Array.isArray(row) ? row.length : 0;
      if (n !== this.numColumns) {
        throw this.realm.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${this.numColumns}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /** A search of this range's cells (see textFinder.ts for what it costs). */
  createTextFinder(text: unknown): unknown {
    const finder = new TextFinderApi(
      this.book,
      this.sheet,
      this.row,
      this.column,
      this.numRows,
      this.numColumns,
      String(text ?? ''),
    );
    return this.book.kit.exposer.expose('TextFinder', finder, {}, textFinderCellsSearched);
  }

  getValues(): unknown[][] {
    return this.book.handOut(this.sheet.read(this.row - 1, this.column - 1, this.numRows, this.numColumns));
  }

  getValue(): unknown {
    return this.book.handOut(this.sheet.read(this.row - 1, this.column - 1, 1, 1)[0][0]);
  }

  getDisplayValues(): string[][] {
    const values = this.sheet.read(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      for (let j = 0; j < row.length; j++)
        row[j] = this.sheet.displayAt(this.row - 1 + i, this.column - 1 + j, row[j]);
    }
    return values as string[][];
  }

  getDisplayValue(): string {
    return this.sheet.displayAt(
      this.row - 1,
      this.column - 1,
      this.sheet.read(this.row - 1, this.column - 1, 1, 1)[0][0],
    );
  }

  setValues(values: unknown): unknown {
    const rows = this._checkShape(values);
    this._rejectInvalid(rows);
    this.sheet.write(this.row - 1, this.column - 1, rows, 'entered');
    return this._self();
  }

  setValue(value: unknown): unknown {
    const rows: unknown[][] = [];
    for (let i = 0; i < this.numRows; i++) rows.push(new Array<unknown>(this.numColumns).fill(value));
    this._rejectInvalid(rows);
    this.sheet.write(this.row - 1, this.column - 1, rows, 'entered');
    return this._self();
  }

  /**
   * A dropdown set to "Reject input" (allowInvalid false) refuses a script's write as it refuses typing, and the whole
   * setValues fails: "The data you entered in cell G379 violates the data validation rules set on this cell." (the
   * text Apps Script users quote from their executions; the list of values follows when the rule has no help text).
   * Blank cells and formulas are always accepted. Each cell obeys the rule set on it last.
   */
  _rejectInvalid(rows: readonly (readonly unknown[])[]): void {
    const rules = this.sheet.validations;
    if (rules.length === 0) return;
    const decided = new Set<number>();
    for (let k = rules.length - 1; k >= 0; k--) {
      const rule = rules[k];
      const at = parseA1(rule.range);
      if (!at) continue;
      const r0 = Math.max(at.row, this.row);
      const r1 = Math.min(at.lastRow ?? this.sheet.maxRows, this.row + this.numRows - 1);
      const c0 = Math.max(at.column, this.column);
      const c1 = Math.min(at.lastColumn ?? this.sheet.maxColumns, this.column + this.numColumns - 1);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * STRIDE + c;
          if (decided.has(key)) continue;
          decided.add(key);
          if (rule.criteria !== 'VALUE_IN_LIST' || rule.allowInvalid) continue;
          const list = Array.isArray(rule.values[0]) ? (rule.values[0] as unknown[]) : [];
          const stored = storedText(rows[r - this.row][c - this.column]);
          if (stored === null || list.some((v) => String(v) === stored)) continue;
          const help = rule.helpText || `Please enter one of the following values: ${list.join(', ')}.`;
          throw this.realm.error(
            `The data you entered in cell ${a1Of(r, c, 1, 1)} violates the data validation rules set on this cell. ${help}`,
          );
        }
      }
    }
  }

  getFormulas(): string[][] {
    const out = this.realm.newArray(this.numRows) as string[][];
    for (let i = 0; i < this.numRows; i++) {
      const row = this.realm.newArray(this.numColumns) as string[];
      for (let j = 0; j < this.numColumns; j++)
        row[j] = this.sheet.formulaAt(this.row - 1 + i, this.column - 1 + j);
      out[i] = row;
    }
    return out;
  }

  getFormula(): string {
    return this.sheet.formulaAt(this.row - 1, this.column - 1);
  }

  setFormula(formula: unknown): unknown {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        this.sheet.setFormula(this.row - 1 + i, this.column - 1 + j, String(formula));
      }
    }
    return this._self();
  }

  setFormulas(formulas: unknown): unknown {
    const rows = this._checkShape(formulas);
    rows.forEach((row, i) => {
      row.forEach((f, j) => {
        this.sheet.setFormula(this.row - 1 + i, this.column - 1 + j, String(f ?? ''));
      });
    });
    return this._self();
  }

  getRow(): number {
    return this.row;
  }

  getRowIndex(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getHeight(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getWidth(): number {
    return this.numColumns;
  }

  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getA1Notation(): string {
    const lastRow = this.row + this.numRows - 1;
    if (this.row === 1 && lastRow === this.sheet.maxRows && this.numRows > 1) {
      return `${columnLetter(this.column)}:${columnLetter(this.column + this.numColumns - 1)}`;
    }
    return a1Of(this.row, this.column, this.numRows, this.numColumns);
  }

  getSheet(): unknown {
    return this.book.sheetApi(this.sheet);
  }

  getCell(row: unknown, column: unknown): unknown {
    const [r, c] = this.book.gridArgs('Range.getCell', [row, column], this.sheet);
    if (r > this.numRows || c > this.numColumns) throw this.realm.error(OUTSIDE_GRID);
    return this.book.rangeApi(this.sheet, this.row + r - 1, this.column + c - 1, 1, 1);
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): unknown {
    const args = [
      this.row + Number(rowOffset),
      this.column + Number(columnOffset),
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    ];
    const [r, c, nr, nc] = this.book.gridArgs('Range.offset', args, this.sheet);
    return this.book.rangeApi(this.sheet, r, c, nr, nc);
  }

  getNumberFormat(): string {
    return this.sheet.numberFormatAt(this.row - 1, this.column - 1) || '0.###############';
  }

  getNumberFormats(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.numColumns; j++) {
        row.push(this.sheet.numberFormatAt(this.row - 1 + i, this.column - 1 + j) || '0.###############');
      }
      out.push(row);
    }
    return this.realm.toRealm(out) as string[][];
  }

  setNumberFormat(format: unknown): unknown {
    const f = String(format);
    this.sheet.numberFormats.push({
      row0: this.row - 1,
      col0: this.column - 1,
      rows: this.numRows,
      cols: this.numColumns,
      format: f,
    });
    return this._record('setNumberFormat', f);
  }

  setNumberFormats(formats: unknown): unknown {
    const rows = this._checkShape(formats);
    this.sheet.numberFormats.push({
      row0: this.row - 1,
      col0: this.column - 1,
      rows: this.numRows,
      cols: this.numColumns,
      format: this.realm.toHost(rows) as unknown[][],
    });
    return this._record('setNumberFormats', rows);
  }

  setDataValidation(rule: unknown): unknown {
    if (rule === null) {
      this.sheet.validations.push({
        range: this._label(),
        criteria: null,
        values: [],
        allowInvalid: true,
        helpText: '',
      });
      return this._self();
    }
    const r = this.book.kit.exposer.unwrap(rule, DataValidationRuleApi);
    if (!r) throw this.realm.error('Invalid argument: rule');
    this.sheet.validations.push({ range: this._label(), ...r.rule });
    return this._self();
  }

  setDataValidations(rules: unknown): unknown {
    const rows = this._checkShape(rules);
    rows.forEach((row, i) => {
      row.forEach((rule, j) => {
        const cell = this.book.rangeApi(this.sheet, this.row + i, this.column + j, 1, 1);
        const api = this.book.kit.exposer.unwrap(cell, RangeApi);
        api?.setDataValidation(rule ?? null);
      });
    });
    return this._self();
  }

  clearDataValidations(): unknown {
    return this.setDataValidation(null);
  }

  /** The rule of the top-left cell, as Range.getDataValidation() documents: the rule set on it last. */
  getDataValidation(): unknown {
    const covers = (label: string) => {
      const at = parseA1(label);
      if (!at) return false;
      const lastRow = at.lastRow ?? this.sheet.maxRows;
      const lastColumn = at.lastColumn ?? this.sheet.maxColumns;
      return (
        at.row <= this.row && this.row <= lastRow && at.column <= this.column && this.column <= lastColumn
      );
    };
    const found = [...this.sheet.validations].reverse().find((v) => covers(v.range));
    if (!found || found.criteria === null) return null;
    return this.book.kit.exposer.expose('DataValidation', new DataValidationRuleApi(this.book.kit, found));
  }

  insertCheckboxes(): unknown {
    this.sheet.validations.push({
      range: this._label(),
      criteria: 'CHECKBOX',
      values: [],
      allowInvalid: false,
      helpText: '',
    });
    const values = this.getValues().map((row) => row.map((v) => (v === '' ? false : v)));
    this.sheet.write(this.row - 1, this.column - 1, values, 'entered');
    return this._self();
  }

  activate(): unknown {
    this.book.setActive(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    return this._self();
  }

  activateAsCurrentCell(): unknown {
    return this.activate();
  }

  clearContent(): unknown {
    this.sheet.clearContents(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this._self();
  }

  clear(): unknown {
    this.clearContent();
    return this._record('clear', true);
  }

  clearFormat(): unknown {
    return this._record('clearFormat', true);
  }

  setNote(note: unknown): unknown {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        const key = (this.row - 1 + i) * STRIDE + this.column - 1 + j;
        if (note === null || note === '') this.sheet.notes.delete(key);
        else this.sheet.notes.set(key, String(note));
      }
    }
    return this._self();
  }

  getNote(): string {
    return this.sheet.notes.get((this.row - 1) * STRIDE + this.column - 1) ?? '';
  }

  protect(): unknown {
    this._record('protect', true);
    return newProtection(this.book, this._label());
  }

  createFilter(): unknown {
    this._record('createFilter', []);
    return createFilter(this.book, this.sheet, {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
  }

  getFilter(): unknown {
    return filterApi(this.book, this.sheet);
  }
}

for (const method of RECORDED_RANGE_FORMATS) {
  Object.defineProperty(RangeApi.prototype, method, {
    value(this: RangeApi, ...args: unknown[]) {
      return this._record(method, args.length === 1 ? args[0] : args);
    },
  });
}
