// The in-memory sheet behind SpreadsheetApp's Sheet and Range: 2D values with blanks as "", Dates made in the
// script's realm, '=' text becoming formulas, number formats, notes and validations per cell, and how Sheets reads
// typed input.
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { a1Of, quoteSheetName } from './a1';
import type { ChartRecord, ValidationRule } from './builders';
import type { ServiceKit } from './calls';
import { isDate } from './realm';
import { formatDate } from './utilities';

/** Cell keys for sparse per-cell maps; Sheets allows 18,278 columns. */
export const STRIDE = 1 << 15;
export const MS_PER_DAY = 86_400_000;

export const OUTSIDE_GRID = 'The coordinates of the range are outside the dimensions of the sheet.';

/**
 * What a sheet needs from the workbook that holds it. The workbook satisfies it; declaring it here keeps the model
 * below the workbook, so the import graph has no circle.
 */
export interface SheetHost {
  readonly kit: ServiceKit;
  /** Bumped on every change to cells or grid (see WorkbookModel.version). */
  version: number;
  readonly evaluator: { refresh(sheet: SheetModel): void } | null;
  readonly timeZone: string;
  zonedMidnight(utcMidnight: number): number;
}

/** A block of computed values over a sheet, anchored at a formula cell (0-based). */
export interface SpillBlock {
  readonly row0: number;
  readonly col0: number;
  readonly values: readonly (readonly unknown[])[];
  /** Why the anchor shows an error, as Sheets' note on the cell would say; '' when the result spilled. */
  readonly note: string;
}

/** One piece of developer metadata (developerMetadata.ts), stored on its sheet or on the spreadsheet. */
export interface MetadataRecord {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** null: on the spreadsheet itself. */
  readonly sheet: SheetModel | null;
}

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
  /** Column widths set by setColumnWidth(s), 1-based column → px; unset columns are Sheets' default 100 px. */
  readonly columnWidths = new Map<number, number>();
  /** The sheet's filter (Range.createFilter), as its A1 range; a sheet has at most one. */
  filter: string | null = null;
  filterArea: { row: number; column: number; numRows: number; numColumns: number } | null = null;
  /** Developer metadata on this sheet: it goes when the sheet is deleted. */
  readonly metadata: MetadataRecord[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  /** Results of the sheet's formulas (see formulas.ts), laid over `rows` when the sheet is read. */
  spills: readonly SpillBlock[] = [];
  private lastRowKnown: number | null = 0;
  private lastColumnKnown: number | null = 0;

  constructor(
    readonly book: SheetHost,
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

  /** Formula results computed from the workbook as it is now; called before anything reads the sheet. */
  private evaluate(): void {
    this.book.evaluator?.refresh(this);
  }

  setSpills(blocks: readonly SpillBlock[]): void {
    this.spills = blocks;
  }

  /** What a cell holds without its formula's result ('' on a formula cell), for spill collision checks. */
  rawAt(r0: number, c0: number): unknown {
    return this.rows[r0]?.[c0] ?? '';
  }

  private changed(): void {
    this.book.version++;
  }

  /** A block of values (0-based corner), as fresh realm arrays, with formula results where they spilled. */
  read(r0: number, c0: number, nr: number, nc: number): unknown[][] {
    this.evaluate();
    const out = this.readRows(r0, c0, nr, nc);
    for (const b of this.spills) {
      const rEnd = Math.min(r0 + nr, b.row0 + b.values.length);
      const cEnd = Math.min(c0 + nc, b.col0 + (b.values[0]?.length ?? 0));
      for (let r = Math.max(r0, b.row0); r < rEnd; r++) {
        const source = b.values[r - b.row0];
        const target = out[r - r0];
        for (let c = Math.max(c0, b.col0); c < cEnd; c++) target[c - c0] = source[c - b.col0];
      }
    }
    return out;
  }

  private readRows(r0: number, c0: number, nr: number, nc: number): unknown[][] {
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
    this.changed();
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
    this.changed();
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
    // The apostrophe is Sheets' quote prefix: it makes the rest text and is not part of the value (getValues
    // returns the text without it), whatever the cell's number format, so it is dropped before the '@' check.
    // A second apostrophe is text. The harsher reading: on a plain-text cell it is dropped too (the issue that
    // asked for this found no documented exception), so the product must prefix text that starts with one.
    if (first === 39 /* ' */) return v.slice(1);
    if (this.numberFormatAt(r0, c0) === '@') return v;
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
    this.changed();
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
    this.evaluate();
    let spilled = 0;
    for (const b of this.spills) spilled = Math.max(spilled, b.row0 + b.values.length);
    return Math.max(this.contentLastRow(), spilled);
  }

  private contentLastRow(): number {
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
    this.evaluate();
    let spilled = 0;
    for (const b of this.spills) spilled = Math.max(spilled, b.col0 + (b.values[0]?.length ?? 0));
    return Math.max(this.contentLastColumn(), spilled);
  }

  private contentLastColumn(): number {
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
    this.changed();
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
    this.changed();
    this.maxRows -= n;
    this.rows.splice(r0, n);
    const move = (r: number, c: number): [number, number] | null =>
      r < r0 ? [r, c] : r >= r0 + n ? [r - n, c] : null;
    this.shiftKeys(this.formulas, move);
    this.shiftKeys(this.notes, move);
    this.noteExtent(0, 0, true);
  }

  insertColumns(before0: number, n: number): void {
    this.changed();
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
    this.changed();
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

  /**
   * The text Sheets shows for the value of cell (r0, c0): a number through the cell's number format where the
   * format is a plain number pattern — `00000` pads with zeros, `#,##0` groups thousands, `0.00` fixes decimals,
   * a quoted literal before or after stays (`"AC-"0000`) — and as `display` shows it otherwise ('@', dates, …).
   */
  displayAt(r0: number, c0: number, v: unknown): string {
    if (typeof v === 'number' && Number.isFinite(v)) {
      const shown = formatNumber(v, this.numberFormatAt(r0, c0));
      if (shown !== null) return shown;
    }
    return this.display(v);
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

const NUMBER_PATTERN = /^("[^"]*")?([#0,]*0[#0,]*|[#,]*#)(?:\.(0*)(#*))?("[^"]*")?$/;

/**
 * A number through a plain number pattern (the first section of a format), or null for any other format. Sheets'
 * number formats: https://developers.google.com/sheets/api/guides/formats#number_format_tokens
 */
export function formatNumber(v: number, format: string): string | null {
  const m = NUMBER_PATTERN.exec(format.split(';')[0] ?? '');
  if (!m) return null;
  const [, prefix = '', whole, fixed = '', optional = '', suffix = ''] = m;
  const minWhole = (whole.match(/0/g) ?? []).length;
  const grouped = whole.includes(',');
  let text = Math.abs(v).toFixed(fixed.length + optional.length);
  if (optional.length > 0) {
    const [i, f] = text.split('.');
    const kept = f.replace(/0+$/, '');
    text = kept.length >= fixed.length ? `${i}${kept ? `.${kept}` : ''}` : `${i}.${f.slice(0, fixed.length)}`;
  }
  let [intPart, frac] = text.split('.');
  if (intPart === '0' && minWhole === 0) intPart = '';
  intPart = intPart.padStart(minWhole, '0');
  if (grouped) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const unquote = (q: string) => q.slice(1, -1);
  return `${v < 0 ? '-' : ''}${unquote(prefix)}${intPart}${frac !== undefined ? `.${frac}` : ''}${unquote(suffix)}`;
}
