// SpreadsheetApp over an in-memory workbook that behaves like Sheets: 2D values with blanks as "", Dates made in
// the script's realm, '=' text becoming formulas, whole-column ranges down to the last row of the grid, and the
// errors Sheets raises for ranges outside the grid or data of the wrong shape.
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { a1Of, columnLetters, parseA1, quoteSheetName } from './a1';
import {
  type ChartRecord,
  DATA_VALIDATION_CRITERIA,
  DataValidationRuleApi,
  EmbeddedChartApi,
  newChartBuilder,
  newConditionalFormatRuleBuilder,
  newDataValidationBuilder,
  type RangeBridge,
  type ValidationRule,
} from './builders';
import type { ServiceKit } from './calls';
import { isDate } from './realm';
import { formatDate } from './utilities';

/** Cell keys for sparse per-cell maps; Sheets allows 18,278 columns. */
const STRIDE = 1 << 15;
const MS_PER_DAY = 86_400_000;

export const OUTSIDE_GRID = 'The coordinates of the range are outside the dimensions of the sheet.';

export interface FormatRecord {
  readonly range: string;
  readonly method: string;
  readonly value: unknown;
}

export interface ValidationRecord extends ValidationRule {
  readonly range: string;
}

interface NumberFormatArea {
  readonly row0: number;
  readonly col0: number;
  readonly rows: number;
  readonly cols: number;
  /** One format for the block, or one per cell. */
  readonly format: string | readonly (readonly unknown[])[];
}

/** 'entered': what the script writes, read the way Sheets reads typed input. 'setup': cells as a test states them. */
type WriteMode = 'entered' | 'setup';

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE_TEXT = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export class SheetModel {
  /** Realm arrays, each exactly `width` long; rows past the end are blank. */
  rows: unknown[][] = [];
  width = 0;
  readonly formulas = new Map<number, string>();
  readonly notes = new Map<number, string>();
  readonly numberFormats: NumberFormatArea[] = [];
  readonly formatLog: FormatRecord[] = [];
  readonly validations: ValidationRecord[] = [];
  conditionalRules: unknown[] = [];
  readonly charts: ChartRecord[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  private lastRowKnown: number | null = 0;
  private lastColumnKnown: number | null = 0;

  constructor(
    readonly book: WorkbookModel,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  private blankRow(n: number): unknown[] {
    return this.book.kit.realm.newArray(n).fill('');
  }

  private ensureRows(n: number): void {
    while (this.rows.length < n) this.rows.push(this.blankRow(this.width));
  }

  private ensureWidth(n: number): void {
    if (n <= this.width) return;
    for (const row of this.rows) for (let c = this.width; c < n; c++) row.push('');
    this.width = n;
  }

  /** A block of values (0-based corner), as fresh realm arrays. */
  read(r0: number, c0: number, nr: number, nc: number): unknown[][] {
    const realm = this.book.kit.realm;
    const out = realm.newArray(nr) as unknown[][];
    const rows = this.rows;
    const width = this.width;
    const whole = c0 === 0 && nc === width;
    const end = c0 + nc;
    for (let i = 0; i < nr; i++) {
      const row = rows[r0 + i];
      if (row === undefined) out[i] = this.blankRow(nc);
      else if (whole) out[i] = row.slice();
      else if (end <= width) out[i] = row.slice(c0, end);
      else {
        const part = row.slice(c0, width);
        while (part.length < nc) part.push('');
        out[i] = part;
      }
    }
    return out;
  }

  formulaAt(r0: number, c0: number): string {
    return this.formulas.get(r0 * STRIDE + c0) ?? '';
  }

  numberFormatAt(r0: number, c0: number): string {
    for (let k = this.numberFormats.length - 1; k >= 0; k--) {
      const a = this.numberFormats[k];
      if (r0 < a.row0 || c0 < a.col0 || r0 >= a.row0 + a.rows || c0 >= a.col0 + a.cols) continue;
      return typeof a.format === 'string' ? a.format : String(a.format[r0 - a.row0]?.[c0 - a.col0] ?? '');
    }
    return '';
  }

  /** Writes a block (0-based corner). Cells of the wrong kind become what Sheets would store. */
  write(r0: number, c0: number, values: readonly (readonly unknown[])[], mode: WriteMode): void {
    const nr = values.length;
    if (nr === 0) return;
    const nc = values[0].length;
    this.ensureWidth(c0 + nc);
    this.ensureRows(r0 + nr);
    let blanks = false;
    for (let i = 0; i < nr; i++) {
      const row = this.rows[r0 + i];
      const source = values[i];
      for (let j = 0; j < nc; j++) {
        const v = this.cell(source[j], r0 + i, c0 + j, mode);
        row[c0 + j] = v;
        if (v === '' && !this.formulas.has((r0 + i) * STRIDE + c0 + j)) blanks = true;
      }
    }
    this.noteExtent(r0 + nr, c0 + nc, blanks);
  }

  private noteExtent(lastRow: number, lastColumn: number, blanks: boolean): void {
    if (blanks) {
      this.lastRowKnown = null;
      this.lastColumnKnown = null;
      return;
    }
    if (this.lastRowKnown !== null) this.lastRowKnown = Math.max(this.lastRowKnown, lastRow);
    if (this.lastColumnKnown !== null) this.lastColumnKnown = Math.max(this.lastColumnKnown, lastColumn);
  }

  setFormula(r0: number, c0: number, formula: string): void {
    this.ensureWidth(c0 + 1);
    this.ensureRows(r0 + 1);
    const key = r0 * STRIDE + c0;
    if (formula === '') {
      this.formulas.delete(key);
      this.rows[r0][c0] = '';
      this.noteExtent(0, 0, true);
      return;
    }
    this.formulas.set(key, formula.startsWith('=') ? formula : `=${formula}`);
    this.rows[r0][c0] = '';
    this.noteExtent(r0 + 1, c0 + 1, false);
  }

  private cell(v: unknown, r0: number, c0: number, mode: WriteMode): unknown {
    const key = r0 * STRIDE + c0;
    if (this.formulas.size > 0) this.formulas.delete(key);
    if (v === null || v === undefined) return '';
    switch (typeof v) {
      case 'number':
      case 'boolean':
        return v;
      case 'string':
        return v === '' ? '' : this.textCell(v, r0, c0, key, mode);
      case 'object':
        if (isDate(v)) return this.dateCell(v, mode);
        return String(v);
      default:
        return String(v);
    }
  }

  private dateCell(d: Date, mode: WriteMode): Date {
    const ms = d.getTime();
    // A test's date-only value (UTC midnight) means that calendar day; Sheets holds it as midnight in the sheet's zone.
    if (mode === 'setup' && ms % MS_PER_DAY === 0)
      return this.book.kit.realm.date(this.book.zonedMidnight(ms));
    return this.book.kit.realm.date(ms);
  }

  private textCell(v: string, r0: number, c0: number, key: number, mode: WriteMode): unknown {
    const first = v.charCodeAt(0);
    if (mode === 'setup') {
      if (first === 61 /* = */) {
        this.formulas.set(key, v);
        return '';
      }
      return v;
    }
    // Only text Sheets would reinterpret needs the cell's number format; plain words skip the lookup.
    const special =
      first === 61 ||
      first === 39 ||
      first === 43 ||
      first === 45 ||
      first === 46 ||
      (first >= 48 && first <= 57) ||
      /^(true|false)$/i.test(v);
    if (!special) return v;
    if (this.numberFormatAt(r0, c0) === '@') return v;
    if (first === 39 /* ' */) return v.slice(1);
    if (first === 61 /* = */) {
      this.formulas.set(key, v);
      return '';
    }
    if (NUMBER_TEXT.test(v)) return Number(v);
    if (GROUPED_NUMBER_TEXT.test(v)) return Number(v.replace(/,/g, ''));
    if (PERCENT_TEXT.test(v)) return Number(v.slice(0, -1)) / 100;
    if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
    const date = this.dateText(v);
    if (date) return date;
    if ((first === 43 || first === 45) && v.length > 1) {
      // Typed '+x' or '-x' is read as a formula and fails to parse.
      this.formulas.set(key, `=${v}`);
      return '#ERROR!';
    }
    return v;
  }

  private dateText(v: string): Date | null {
    const tz = this.book.timeZone;
    const realmDate = this.book.kit.realm.Date;
    const iso = ISO_DATE_TEXT.exec(v);
    if (iso) {
      const day = dayFromIso(iso[1]);
      if (day === null) return null;
      const midnight = dateOfDay(day, tz, realmDate);
      if (!iso[2]) return midnight;
      const clock = (Number(iso[2]) * 3600 + Number(iso[3]) * 60 + Number(iso[4] ?? 0)) * 1000;
      return new realmDate(midnight.getTime() + clock);
    }
    const us = US_DATE_TEXT.exec(v);
    if (us) {
      const iso2 = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
      const day = dayFromIso(iso2);
      return day === null ? null : dateOfDay(day, tz, realmDate);
    }
    return null;
  }

  clearContents(r0: number, c0: number, nr: number, nc: number): void {
    const endRow = Math.min(r0 + nr, this.rows.length);
    const endCol = Math.min(c0 + nc, this.width);
    for (let r = r0; r < endRow; r++) {
      const row = this.rows[r];
      for (let c = c0; c < endCol; c++) row[c] = '';
    }
    if (this.formulas.size > 0) {
      for (const key of [...this.formulas.keys()]) {
        const r = Math.floor(key / STRIDE);
        const c = key % STRIDE;
        if (r >= r0 && r < r0 + nr && c >= c0 && c < c0 + nc) this.formulas.delete(key);
      }
    }
    this.noteExtent(0, 0, true);
  }

  private rowHasContent(r: number): boolean {
    const row = this.rows[r];
    for (let c = 0; c < row.length; c++) if (row[c] !== '') return true;
    return false;
  }

  lastRow(): number {
    if (this.lastRowKnown === null) {
      let last = 0;
      for (let r = this.rows.length - 1; r >= 0; r--) {
        if (this.rowHasContent(r)) {
          last = r + 1;
          break;
        }
      }
      for (const key of this.formulas.keys()) last = Math.max(last, Math.floor(key / STRIDE) + 1);
      this.lastRowKnown = last;
    }
    return this.lastRowKnown;
  }

  lastColumn(): number {
    if (this.lastColumnKnown === null) {
      let last = 0;
      outer: for (let c = this.width - 1; c >= 0; c--) {
        for (const row of this.rows) {
          if (row[c] !== '') {
            last = c + 1;
            break outer;
          }
        }
      }
      for (const key of this.formulas.keys()) last = Math.max(last, (key % STRIDE) + 1);
      this.lastColumnKnown = last;
    }
    return this.lastColumnKnown;
  }

  private shiftKeys(map: Map<number, string>, move: (r: number, c: number) => [number, number] | null): void {
    const entries = [...map];
    map.clear();
    for (const [key, value] of entries) {
      const to = move(Math.floor(key / STRIDE), key % STRIDE);
      if (to) map.set(to[0] * STRIDE + to[1], value);
    }
  }

  insertRows(before0: number, n: number): void {
    this.maxRows += n;
    if (before0 < this.rows.length) {
      const blank: unknown[][] = [];
      for (let i = 0; i < n; i++) blank.push(this.blankRow(this.width));
      this.rows.splice(before0, 0, ...blank);
    }
    const move = (r: number, c: number): [number, number] => [r >= before0 ? r + n : r, c];
    this.shiftKeys(this.formulas, move);
    this.shiftKeys(this.notes, move);
    this.noteExtent(0, 0, true);
  }

  deleteRows(r0: number, n: number): void {
    this.maxRows -= n;
    this.rows.splice(r0, n);
    const move = (r: number, c: number): [number, number] | null =>
      r < r0 ? [r, c] : r >= r0 + n ? [r - n, c] : null;
    this.shiftKeys(this.formulas, move);
    this.shiftKeys(this.notes, move);
    this.noteExtent(0, 0, true);
  }

  insertColumns(before0: number, n: number): void {
    this.maxColumns += n;
    if (before0 < this.width) {
      for (const row of this.rows) row.splice(before0, 0, ...new Array<string>(n).fill(''));
      this.width += n;
    }
    const move = (r: number, c: number): [number, number] => [r, c >= before0 ? c + n : c];
    this.shiftKeys(this.formulas, move);
    this.shiftKeys(this.notes, move);
    this.noteExtent(0, 0, true);
  }

  deleteColumns(c0: number, n: number): void {
    this.maxColumns -= n;
    if (c0 < this.width) {
      const removed = Math.min(n, this.width - c0);
      for (const row of this.rows) row.splice(c0, removed);
      this.width -= removed;
    }
    const move = (r: number, c: number): [number, number] | null =>
      c < c0 ? [r, c] : c >= c0 + n ? [r, c - n] : null;
    this.shiftKeys(this.formulas, move);
    this.shiftKeys(this.notes, move);
    this.noteExtent(0, 0, true);
  }

  /** The text Sheets shows for a value with automatic formatting. */
  display(v: unknown): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') return String(v);
    if (isDate(v)) {
      const tz = this.book.timeZone;
      const text = formatDate(v, tz, 'yyyy-MM-dd HH:mm:ss');
      return text.endsWith(' 00:00:00') ? text.slice(0, 10) : text;
    }
    return String(v);
  }

  label(r0: number, c0: number, nr: number, nc: number): string {
    return `${quoteSheetName(this.name)}!${a1Of(r0 + 1, c0 + 1, nr, nc)}`;
  }
}

export interface ActiveSelection {
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export class WorkbookModel implements RangeBridge {
  readonly sheets: SheetModel[] = [];
  active: ActiveSelection | null = null;
  private nextSheetId = 0;
  private readonly sheetApis = new WeakMap<SheetModel, unknown>();
  private spreadsheetApi: unknown = null;
  private readonly midnights = new Map<number, number>();

  constructor(
    readonly kit: ServiceKit,
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly toasts: string[],
    readonly owner: () => string,
  ) {}

  setTimeZone(tz: string): void {
    this.timeZone = tz;
    this.midnights.clear();
  }

  /** Midnight in the spreadsheet's zone of the calendar day whose UTC midnight is `utcMidnight`; memoised. */
  zonedMidnight(utcMidnight: number): number {
    let ms = this.midnights.get(utcMidnight);
    if (ms === undefined) {
      ms = dateOfDay(utcMidnight / MS_PER_DAY, this.timeZone).getTime();
      this.midnights.set(utcMidnight, ms);
    }
    return ms;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index?: number, maxRows = 1000, maxColumns = 26): SheetModel {
    if (this.sheet(name)) {
      throw this.kit.realm.error(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids, as in Sheets.
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const model = new SheetModel(this, name, id, maxRows, maxColumns);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(model);
    else this.sheets.splice(Math.max(0, index), 0, model);
    return model;
  }

  /** Test setup: replaces a sheet's cells (creating the sheet), growing the grid to fit. */
  load(name: string, rows: readonly (readonly unknown[])[]): SheetModel {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    let model = this.sheet(name);
    if (!model) model = this.addSheet(name, undefined, Math.max(1000, rows.length), Math.max(26, width));
    model.rows = [];
    model.width = 0;
    model.formulas.clear();
    model.maxRows = Math.max(model.maxRows, rows.length);
    model.maxColumns = Math.max(model.maxColumns, width);
    const padded = rows.map((r) =>
      r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill('')],
    );
    if (padded.length > 0 && width > 0) model.write(0, 0, padded, 'setup');
    model.lastRow();
    return model;
  }

  setActive(sheet: SheetModel, row = 1, column = 1, numRows = 1, numColumns = 1): void {
    this.active = { sheet, row, column, numRows, numColumns };
  }

  activeSelection(): ActiveSelection {
    if (this.active && this.sheets.includes(this.active.sheet)) return this.active;
    return { sheet: this.sheets[0], row: 1, column: 1, numRows: 1, numColumns: 1 };
  }

  spreadsheet(): unknown {
    this.spreadsheetApi ??= this.kit.exposer.expose('Spreadsheet', new SpreadsheetApi(this));
    return this.spreadsheetApi;
  }

  sheetApi(model: SheetModel): unknown {
    let api = this.sheetApis.get(model);
    if (!api) {
      api = this.kit.exposer.expose('Sheet', new SheetApi(this, model));
      this.sheetApis.set(model, api);
    }
    return api;
  }

  rangeApi(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): unknown {
    return this.kit.exposer.expose('Range', new RangeApi(this, model, row, column, numRows, numColumns));
  }

  /** A Range from A1 notation on a given sheet (or the sheet it names); Sheets' errors when it cannot be. */
  rangeByA1(a1: unknown, defaultSheet: SheetModel | null): unknown {
    if (typeof a1 !== 'string') throw this.kit.realm.error('Range not found');
    const ref = parseA1(a1);
    if (!ref) throw this.kit.realm.error('Range not found');
    const model = ref.sheet !== null ? this.sheet(ref.sheet) : defaultSheet;
    if (!model) throw this.kit.realm.error('Range not found');
    const lastRow = ref.lastRow ?? model.maxRows;
    const lastColumn = ref.lastColumn ?? model.maxColumns;
    if (lastRow > model.maxRows || lastColumn > model.maxColumns) throw this.kit.realm.error(OUTSIDE_GRID);
    return this.rangeApi(model, ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
  }

  label(value: unknown): string | null {
    const r = this.kit.exposer.unwrap(value, RangeApi);
    return r ? r.sheet.label(r.row - 1, r.column - 1, r.numRows, r.numColumns) : null;
  }

  range(label: string): unknown {
    return this.rangeByA1(label, null);
  }

  /** A row or column position inside the grid and a count of at least one, for inserting and deleting. */
  positionArgs(method: string, position: unknown, howMany: unknown, limit: number): [number, number] {
    if (typeof position !== 'number' || typeof howMany !== 'number' || !Number.isFinite(position + howMany)) {
      const types = [position, howMany].map((a) =>
        typeof a === 'number' ? 'number' : a == null ? 'null' : 'String',
      );
      throw this.kit.realm.error(
        `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
      );
    }
    const at = Math.trunc(position);
    const n = Math.trunc(howMany);
    if (at < 1 || at > limit) throw this.kit.realm.error(OUTSIDE_GRID);
    if (n < 1)
      throw this.kit.realm.error(`Those ${method.includes('Row') ? 'rows' : 'columns'} are out of bounds.`);
    return [at, n];
  }

  /** Checks row/column arguments the way Apps Script does and returns them as integers. */
  gridArgs(method: string, args: readonly unknown[], model: SheetModel): [number, number, number, number] {
    const bad = args.some((a) => typeof a !== 'number' || !Number.isFinite(a));
    if (bad) {
      const types = args.map((a) =>
        a === null || a === undefined ? 'null' : typeof a === 'number' ? 'number' : 'String',
      );
      throw this.kit.realm.error(
        `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
      );
    }
    const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map((n) => Math.trunc(n));
    if (row < 1) throw this.kit.realm.error('The starting row of the range is too small.');
    if (column < 1) throw this.kit.realm.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.kit.realm.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.kit.realm.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > model.maxRows || column + numColumns - 1 > model.maxColumns) {
      throw this.kit.realm.error(OUTSIDE_GRID);
    }
    return [row, column, numRows, numColumns];
  }
}

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

export const SPREADSHEET_APP_ENUMS: Record<string, unknown> = {
  DataValidationCriteria: DATA_VALIDATION_CRITERIA,
  BorderStyle: enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']),
  WrapStrategy: enumOf(['WRAP', 'OVERFLOW', 'CLIP']),
  ProtectionType: enumOf(['RANGE', 'SHEET']),
  Dimension: enumOf(['COLUMNS', 'ROWS']),
  InterpolationType: enumOf(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  BooleanCriteria: enumOf([
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'TEXT_CONTAINS',
    'TEXT_EQUAL_TO',
    'CUSTOM_FORMULA',
  ]),
  SheetType: enumOf(['GRID', 'OBJECT', 'DATASOURCE']),
};

export class SpreadsheetAppApi {
  constructor(
    private readonly book: WorkbookModel,
    private readonly ui: () => unknown,
  ) {}

  getActive(): unknown {
    return this.book.spreadsheet();
  }

  getActiveSpreadsheet(): unknown {
    return this.book.spreadsheet();
  }

  getActiveSheet(): unknown {
    return this.book.sheetApi(this.book.activeSelection().sheet);
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  getUi(): unknown {
    return this.ui();
  }

  /** Writes are applied at once in the runtime, so there is nothing pending. */
  flush(): void {}

  newDataValidation(): unknown {
    return newDataValidationBuilder(this.book.kit);
  }

  newConditionalFormatRule(): unknown {
    return newConditionalFormatRuleBuilder(this.book.kit, this.book);
  }
}

export class SpreadsheetApi {
  constructor(private readonly book: WorkbookModel) {}

  private get realm() {
    return this.book.kit.realm;
  }

  getId(): string {
    return this.book.id;
  }

  getUrl(): string {
    return this.book.url;
  }

  getName(): string {
    return this.book.name;
  }

  rename(name: unknown): void {
    this.book.name = String(name);
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }

  setSpreadsheetTimeZone(tz: unknown): void {
    this.book.setTimeZone(String(tz));
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  getOwner(): unknown {
    const email = this.book.owner();
    return this.book.kit.exposer.expose('User', { getEmail: () => email });
  }

  getSheetByName(name: unknown): unknown {
    const model = this.book.sheet(String(name));
    return model ? this.book.sheetApi(model) : null;
  }

  getSheetById(id: unknown): unknown {
    const model = this.book.sheets.find((s) => s.id === id);
    return model ? this.book.sheetApi(model) : null;
  }

  getSheets(): unknown[] {
    return this.realm.toRealm(this.book.sheets.map((s) => this.book.sheetApi(s))) as unknown[];
  }

  getNumSheets(): number {
    return this.book.sheets.length;
  }

  insertSheet(a?: unknown, b?: unknown): unknown {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (this.book.sheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = this.book.addSheet(name, index);
    this.book.setActive(model);
    return this.book.sheetApi(model);
  }

  deleteSheet(sheet: unknown): void {
    const api = this.book.kit.exposer.unwrap(sheet, SheetApi);
    if (!api) throw this.realm.error('Invalid argument: sheet');
    if (this.book.sheets.length === 1)
      throw this.realm.error("You can't remove all the sheets in a document.");
    this.book.sheets.splice(this.book.sheets.indexOf(api.model), 1);
  }

  getActiveSheet(): unknown {
    return this.book.sheetApi(this.book.activeSelection().sheet);
  }

  setActiveSheet(sheet: unknown): unknown {
    const api = this.book.kit.exposer.unwrap(sheet, SheetApi);
    if (!api) throw this.realm.error('Invalid argument: sheet');
    this.book.setActive(api.model);
    return sheet;
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  getActiveCell(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, 1, 1);
  }

  setActiveRange(range: unknown): unknown {
    const r = this.book.kit.exposer.unwrap(range, RangeApi);
    if (!r) throw this.realm.error('Invalid argument: range');
    this.book.setActive(r.sheet, r.row, r.column, r.numRows, r.numColumns);
    return range;
  }

  setActiveSelection(range: unknown): unknown {
    if (typeof range === 'string')
      return this.setActiveRange(this.book.rangeByA1(range, this.book.activeSelection().sheet));
    return this.setActiveRange(range);
  }

  getSelection(): unknown {
    const book = this.book;
    return book.kit.exposer.expose('Selection', {
      getActiveRange: () => this.getActiveRange(),
      getCurrentCell: () => this.getActiveCell(),
      getActiveSheet: () => book.sheetApi(book.activeSelection().sheet),
    });
  }

  getRange(a1: unknown): unknown {
    return this.book.rangeByA1(a1, this.book.activeSelection().sheet);
  }

  getRangeByName(): null {
    return null;
  }

  toast(message: unknown): void {
    this.book.toasts.push(String(message));
  }
}

export class SheetApi {
  constructor(
    private readonly book: WorkbookModel,
    readonly model: SheetModel,
  ) {}

  private get realm() {
    return this.book.kit.realm;
  }

  _record(method: string, value: unknown, range?: string): void {
    const m = this.model;
    m.formatLog.push({ range: range ?? m.label(0, 0, m.maxRows, m.maxColumns), method, value });
  }

  getName(): string {
    return this.model.name;
  }

  setName(name: unknown): unknown {
    const text = String(name);
    if (text !== this.model.name && this.book.sheet(text)) {
      throw this.realm.error(`A sheet with the name "${text}" already exists. Please enter another name.`);
    }
    this.model.name = text;
    return this.book.sheetApi(this.model);
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    return this.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): unknown {
    return this.book.spreadsheet();
  }

  getRange(...args: unknown[]): unknown {
    if (typeof args[0] === 'string' && args.length === 1) return this.book.rangeByA1(args[0], this.model);
    const [row, column, numRows, numColumns] = this.book.gridArgs('Sheet.getRange', args, this.model);
    return this.book.rangeApi(this.model, row, column, numRows, numColumns);
  }

  getSheetValues(...args: unknown[]): unknown[][] {
    const [row, column, numRows, numColumns] = this.book.gridArgs('Sheet.getSheetValues', args, this.model);
    return this.model.read(row - 1, column - 1, numRows, numColumns);
  }

  getDataRange(): unknown {
    const m = this.model;
    return this.book.rangeApi(m, 1, 1, Math.max(1, m.lastRow()), Math.max(1, m.lastColumn()));
  }

  getLastRow(): number {
    return this.model.lastRow();
  }

  getLastColumn(): number {
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  insertRowsAfter(after: unknown, howMany: unknown): unknown {
    const [row, n] = this.book.positionArgs('Sheet.insertRowsAfter', after, howMany, this.model.maxRows);
    this.model.insertRows(row, n);
    return this.book.sheetApi(this.model);
  }

  insertRowAfter(after: unknown): unknown {
    return this.insertRowsAfter(after, 1);
  }

  insertRowsBefore(before: unknown, howMany: unknown): unknown {
    const [row, n] = this.book.positionArgs('Sheet.insertRowsBefore', before, howMany, this.model.maxRows);
    this.model.insertRows(row - 1, n);
    return this.book.sheetApi(this.model);
  }

  insertRowBefore(before: unknown): unknown {
    return this.insertRowsBefore(before, 1);
  }

  insertRows(before: unknown, howMany: unknown = 1): void {
    this.insertRowsBefore(before, howMany);
  }

  insertColumnsAfter(after: unknown, howMany: unknown): unknown {
    const [column, n] = this.book.positionArgs(
      'Sheet.insertColumnsAfter',
      after,
      howMany,
      this.model.maxColumns,
    );
    this.model.insertColumns(column, n);
    return this.book.sheetApi(this.model);
  }

  insertColumnAfter(after: unknown): unknown {
    return this.insertColumnsAfter(after, 1);
  }

  insertColumnsBefore(before: unknown, howMany: unknown): unknown {
    const [column, n] = this.book.positionArgs(
      'Sheet.insertColumnsBefore',
      before,
      howMany,
      this.model.maxColumns,
    );
    this.model.insertColumns(column - 1, n);
    return this.book.sheetApi(this.model);
  }

  deleteRows(position: unknown, howMany: unknown): void {
    const [row, n] = this.book.positionArgs('Sheet.deleteRows', position, howMany, this.model.maxRows);
    if (row + n - 1 > this.model.maxRows) throw this.realm.error(OUTSIDE_GRID);
    if (n >= this.model.maxRows - this.model.frozenRows) {
      throw this.realm.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.deleteRows(row - 1, n);
  }

  deleteRow(position: unknown): void {
    this.deleteRows(position, 1);
  }

  deleteColumns(position: unknown, howMany: unknown): void {
    const [column, n] = this.book.positionArgs(
      'Sheet.deleteColumns',
      position,
      howMany,
      this.model.maxColumns,
    );
    if (column + n - 1 > this.model.maxColumns) throw this.realm.error(OUTSIDE_GRID);
    this.model.deleteColumns(column - 1, n);
  }

  deleteColumn(position: unknown): void {
    this.deleteColumns(position, 1);
  }

  appendRow(values: unknown): unknown {
    if (!Array.isArray(values)) throw this.realm.error('Invalid argument: rowContents');
    const m = this.model;
    const row = m.lastRow() + 1;
    if (row > m.maxRows) m.maxRows = row;
    if (values.length > m.maxColumns) m.maxColumns = values.length;
    if (values.length > 0) m.write(row - 1, 0, [values], 'entered');
    return this.book.sheetApi(m);
  }

  setFrozenRows(rows: unknown): void {
    const n = Number(rows);
    if (!Number.isInteger(n) || n < 0 || n >= this.model.maxRows) {
      throw this.realm.error('Sorry, it is not possible to freeze all rows.');
    }
    this.model.frozenRows = n;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    this.model.frozenColumns = Number(columns);
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setColumnWidth(column: unknown, width: unknown): unknown {
    this._record('setColumnWidth', [column, width]);
    return this.book.sheetApi(this.model);
  }

  setColumnWidths(start: unknown, count: unknown, width: unknown): unknown {
    this._record('setColumnWidths', [start, count, width]);
    return this.book.sheetApi(this.model);
  }

  setRowHeight(row: unknown, height: unknown): unknown {
    this._record('setRowHeight', [row, height]);
    return this.book.sheetApi(this.model);
  }

  setRowHeights(start: unknown, count: unknown, height: unknown): unknown {
    this._record('setRowHeights', [start, count, height]);
    return this.book.sheetApi(this.model);
  }

  autoResizeColumns(start: unknown, count: unknown): unknown {
    this._record('autoResizeColumns', [start, count]);
    return this.book.sheetApi(this.model);
  }

  autoResizeColumn(column: unknown): unknown {
    this._record('autoResizeColumns', [column, 1]);
    return this.book.sheetApi(this.model);
  }

  hideColumns(start: unknown, count: unknown = 1): void {
    this._record('hideColumns', [start, count]);
  }

  showColumns(start: unknown, count: unknown = 1): void {
    this._record('showColumns', [start, count]);
  }

  hideRows(start: unknown, count: unknown = 1): void {
    this._record('hideRows', [start, count]);
  }

  showRows(start: unknown, count: unknown = 1): void {
    this._record('showRows', [start, count]);
  }

  hideSheet(): unknown {
    if (this.book.sheets.filter((s) => !s.hidden).length <= 1) {
      throw this.realm.error("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this.book.sheetApi(this.model);
  }

  showSheet(): unknown {
    this.model.hidden = false;
    return this.book.sheetApi(this.model);
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  setTabColor(color: unknown): unknown {
    this._record('setTabColor', color);
    return this.book.sheetApi(this.model);
  }

  activate(): unknown {
    this.book.setActive(this.model);
    return this.book.sheetApi(this.model);
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    if (a.sheet !== this.model) return this.book.rangeApi(this.model, 1, 1, 1, 1);
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  setActiveRange(range: unknown): unknown {
    const r = this.book.kit.exposer.unwrap(range, RangeApi);
    if (!r) throw this.realm.error('Invalid argument: range');
    this.book.setActive(r.sheet, r.row, r.column, r.numRows, r.numColumns);
    return range;
  }

  setActiveSelection(range: unknown): unknown {
    if (typeof range === 'string') return this.setActiveRange(this.book.rangeByA1(range, this.model));
    return this.setActiveRange(range);
  }

  setConditionalFormatRules(rules: unknown): void {
    this.model.conditionalRules = Array.isArray(rules) ? [...rules] : [];
    this._record('setConditionalFormatRules', this.model.conditionalRules.length);
  }

  getConditionalFormatRules(): unknown[] {
    return this.realm.toRealm([...this.model.conditionalRules]) as unknown[];
  }

  clearConditionalFormatRules(): void {
    this.model.conditionalRules = [];
  }

  newChart(): unknown {
    return newChartBuilder(this.book.kit, this.book);
  }

  insertChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    this.model.charts.push(c.chart);
  }

  updateChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    const at = this.model.charts.findIndex((x) => x.id === c.chart.id);
    if (at < 0) throw this.realm.error('Chart not found on this sheet.');
    this.model.charts[at] = c.chart;
  }

  removeChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    const at = this.model.charts.findIndex((x) => x.id === c.chart.id);
    if (at >= 0) this.model.charts.splice(at, 1);
  }

  getCharts(): unknown[] {
    const kit = this.book.kit;
    return kit.realm.toRealm(
      this.model.charts.map((c) =>
        kit.exposer.expose('EmbeddedChart', new EmbeddedChartApi(kit, this.book, c)),
      ),
    ) as unknown[];
  }

  clear(): unknown {
    this.clearContents();
    this.model.formatLog.length = 0;
    this.model.numberFormats.length = 0;
    return this.book.sheetApi(this.model);
  }

  clearContents(): unknown {
    const m = this.model;
    m.clearContents(0, 0, m.maxRows, m.maxColumns);
    return this.book.sheetApi(m);
  }

  clearFormats(): unknown {
    this.model.formatLog.length = 0;
    this.model.numberFormats.length = 0;
    return this.book.sheetApi(this.model);
  }

  protect(): unknown {
    this._record('protect', true);
    return newProtection(this.book, this.model.label(0, 0, this.model.maxRows, this.model.maxColumns));
  }

  getFilter(): null {
    return null;
  }
}

function newProtection(book: WorkbookModel, range: string): unknown {
  const log: FormatRecord[] = [];
  const self: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of [
    'setDescription',
    'setWarningOnly',
    'removeEditors',
    'removeEditor',
    'addEditor',
    'addEditors',
    'setDomainEdit',
    'setUnprotectedRanges',
  ]) {
    self[method] = (...args: unknown[]) => {
      log.push({ range, method, value: book.kit.realm.toHost(args) });
      return proxy;
    };
  }
  self.getEditors = () => book.kit.realm.newArray();
  self.canEdit = () => true;
  self.remove = () => undefined;
  self.getRange = () => book.range(range);
  const proxy = book.kit.exposer.expose('Protection', self);
  return proxy;
}

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
  'createFilter',
  'applyRowBanding',
  'shiftRowGroupDepth',
  'trimWhitespace',
];

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

  getValues(): unknown[][] {
    return this.sheet.read(this.row - 1, this.column - 1, this.numRows, this.numColumns);
  }

  getValue(): unknown {
    return this.sheet.read(this.row - 1, this.column - 1, 1, 1)[0][0];
  }

  getDisplayValues(): string[][] {
    const values = this.getValues();
    for (const row of values) for (let j = 0; j < row.length; j++) row[j] = this.sheet.display(row[j]);
    return values as string[][];
  }

  getDisplayValue(): string {
    return this.sheet.display(this.getValue());
  }

  setValues(values: unknown): unknown {
    this.sheet.write(this.row - 1, this.column - 1, this._checkShape(values), 'entered');
    return this._self();
  }

  setValue(value: unknown): unknown {
    const rows: unknown[][] = [];
    for (let i = 0; i < this.numRows; i++) rows.push(new Array<unknown>(this.numColumns).fill(value));
    this.sheet.write(this.row - 1, this.column - 1, rows, 'entered');
    return this._self();
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
      return `${columnLetters(this.column)}:${columnLetters(this.column + this.numColumns - 1)}`;
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

  getDataValidation(): unknown {
    const label = this._label();
    const found = [...this.sheet.validations].reverse().find((v) => v.range === label);
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
}

for (const method of RECORDED_RANGE_FORMATS) {
  Object.defineProperty(RangeApi.prototype, method, {
    value(this: RangeApi, ...args: unknown[]) {
      return this._record(method, args.length === 1 ? args[0] : args);
    },
  });
}
